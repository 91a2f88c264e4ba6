package io.github.packer2aib.core.bind.settings;

import io.github.packer2aib.core.diag.DiagnosticCode;

/** Diagnostics of reading a per-template settings file ({@code --settings}). */
public enum SettingsCode implements DiagnosticCode {
  /** A node has another kind than the key needs (a list where a string belongs, …). */
  WRONG_TYPE("SET-E001", "Wrong type"),
  /** A key the settings format does not know, usually a typo. */
  UNKNOWN_KEY("SET-E002", "Unknown key"),
  /** A key that is valid elsewhere in the file but not at this place ({@code path} in defaults). */
  MISPLACED_KEY("SET-E003", "Key not allowed here"),
  /** An entry of {@code templates} without its {@code path} glob. */
  MISSING_PATH("SET-E004", "Missing path"),
  /** A {@code path} glob the JDK's glob syntax rejects. */
  INVALID_GLOB("SET-E005", "Invalid glob"),
  /** An {@code api-version} that is not one of the supported AIB API versions. */
  UNKNOWN_API_VERSION("SET-E006", "Unknown API version"),
  /** A {@code gallery-versioning} that is neither explicit nor latest. */
  UNKNOWN_GALLERY_VERSIONING("SET-E007", "Unknown gallery versioning"),
  /** An {@code identity} that is not the resource id of a user-assigned identity. */
  INVALID_IDENTITY("SET-E008", "Invalid identity"),
  /** A {@code script-base-uri} or {@code file-base-uri} that cannot serve as a base URI. */
  INVALID_BASE_URI("SET-E009", "Invalid base URI"),
  /** A variable value written as a YAML/JSON list or object instead of HCL text. */
  STRUCTURED_VAR_VALUE("SET-E010", "Variable value is not text"),
  /** A variable name that {@code --var NAME=VALUE} could not carry (empty, or with "="). */
  INVALID_VAR_NAME("SET-E011", "Invalid variable name"),
  /** An empty string where a file name, glob or reason is needed. */
  EMPTY_VALUE("SET-E012", "Empty value"),
  /** A YAML stream with more than one document. */
  SEVERAL_DOCUMENTS("SET-E013", "More than one document"),
  /** A {@code var-files} name that no file can have (a NUL character, say). */
  INVALID_FILE_NAME("SET-E014", "Invalid file name"),
  /** A {@code data} key not of the form data.TYPE.NAME.ATTRIBUTE. */
  INVALID_DATA_KEY("SET-E015", "Invalid data source attribute"),
  /** A {@code build-timeout} that Image Builder would refuse (not 0 nor 6 to 960 minutes). */
  INVALID_BUILD_TIMEOUT("SET-E016", "Invalid build timeout"),
  /** An {@code ignore} item that is not a warning or note code of the library. */
  CODE_NOT_IGNORABLE("SET-E017", "Code cannot be ignored"),
  /** A {@code location} no Azure region can have ({@code ["westeurope"]}). */
  INVALID_LOCATION("SET-E018", "Invalid location"),
  /** A {@code templates} entry whose glob matched none of the converted templates. */
  UNUSED_ENTRY("SET-W001", "Entry matches no template");

  private final Text text;

  SettingsCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  @Override
  public Text text() {
    return text;
  }
}
