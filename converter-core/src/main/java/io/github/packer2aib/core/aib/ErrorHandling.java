package io.github.packer2aib.core.aib;

/** {@code properties.errorHandling} (API 2023-07-01+): {@code cleanup} or {@code abort} each. */
public record ErrorHandling(String onCustomizerError, String onValidationError) {}
