package io.github.packer2aib.core.aib;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code properties.errorHandling} (API 2023-07-01+): {@code cleanup} or {@code abort} each. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"onCustomizerError", "onValidationError"})
public record ErrorHandling(String onCustomizerError, String onValidationError) {}
