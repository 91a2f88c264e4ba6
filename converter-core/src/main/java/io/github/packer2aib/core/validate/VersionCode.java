package io.github.packer2aib.core.validate;

import io.github.packer2aib.core.diag.DiagnosticCode;

/** How a template's API version was chosen for validation. */
public enum VersionCode implements DiagnosticCode {
  UNSUPPORTED_API_VERSION("VER-E001", "Unsupported API version"),
  UNSUPPORTED_API_VERSION_OVERRIDDEN("VER-W002", "Unsupported API version"),
  EXPRESSION_API_VERSION("VER-N003", "API version set at deployment"),
  MISSING_API_VERSION("VER-N004", "No API version"),
  NOT_A_STRING("VER-E005", "API version is not a string"),
  FIXED_API_VERSION("VER-N006", "API version fixed in the file"),
  PARAMETER_DEFAULT_API_VERSION("VER-N007", "API version read from a parameter's default"),
  CHOSEN_API_VERSION_NOT_USED("VER-N008", "Own API version checked, --api-version not used"),
  API_VERSION_CASE("VER-W009", "API version in another case");

  private final Text text;

  VersionCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  @Override
  public Text text() {
    return text;
  }
}
