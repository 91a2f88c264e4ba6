package io.github.packer2aib.core.aib;

import java.util.List;

/** {@code properties.validate} (API 2022-02-14 and later). */
public record Validate(
    BoolValue continueDistributeOnFailure,
    BoolValue sourceValidationOnly,
    List<InVmValidator> inVMValidations) {
  public Validate {
    inVMValidations = Maps.copyOrNull(inVMValidations);
  }
}
