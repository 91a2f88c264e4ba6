package io.github.packer2aib.core.aib;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code properties.validate} (API 2022-02-14 and later). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"continueDistributeOnFailure", "sourceValidationOnly", "inVMValidations"})
public record Validate(
    BoolValue continueDistributeOnFailure,
    BoolValue sourceValidationOnly,
    List<InVmValidator> inVMValidations) {
  public Validate {
    inVMValidations = Maps.copyOrNull(inVMValidations);
  }
}
