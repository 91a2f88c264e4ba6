package io.github.packer2aib.core.validate.rules;

import io.github.packer2aib.core.diag.DiagnosticCode;
import io.github.packer2aib.core.diag.Severity;

/**
 * Service rules of Azure VM Image Builder that the OpenAPI specs cannot express (from the AIB
 * documentation): the service rejects such templates only after submission, so we report them first.
 */
public enum RuleCode implements DiagnosticCode {
  BUILD_TIMEOUT_TOO_SHORT("RULE-E301", "Build timeout too short", Severity.ERROR),
  DUPLICATE_RUN_OUTPUT_NAME("RULE-E302", "Duplicate runOutputName", Severity.ERROR),
  DUPLICATE_CUSTOMIZER_NAME("RULE-E303", "Duplicate customizer name", Severity.ERROR),
  SCRIPT_URI_AND_INLINE("RULE-E304", "Both scriptUri and inline", Severity.ERROR),
  NO_SCRIPT("RULE-E305", "No script to run", Severity.ERROR),
  RUN_AS_SYSTEM_WITHOUT_ELEVATION("RULE-E306", "runAsSystem without runElevated", Severity.ERROR),
  REPLICATION_AND_TARGET_REGIONS(
      "RULE-E307", "Both replicationRegions and targetRegions", Severity.ERROR),
  MIXED_OS_CUSTOMIZERS("RULE-E308", "Linux and Windows steps mixed", Severity.ERROR),
  FILE_DESTINATION_OUTSIDE_TMP("RULE-E309", "File destination outside /tmp", Severity.ERROR),
  BAD_CHECKSUM("RULE-E310", "Invalid SHA-256 checksum", Severity.ERROR),
  SEVERAL_TEMPLATE_IDENTITIES("RULE-E311", "More than one template identity", Severity.ERROR),
  IDENTITY_WITHOUT_IDS("RULE-E312", "User-assigned identity without an id", Severity.ERROR),
  NOT_A_RESOURCE_ID("RULE-E313", "Not a resource id", Severity.ERROR),
  FILE_WITHOUT_SOURCE("RULE-E314", "File step without source or destination", Severity.ERROR),
  BAD_RESTART_TIMEOUT("RULE-W315", "Unrecognised restart timeout", Severity.WARNING);

  private final String id;
  private final String summary;
  private final Severity severity;

  RuleCode(String id, String summary, Severity severity) {
    this.id = id;
    this.summary = summary;
    this.severity = severity;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public Severity severity() {
    return severity;
  }
}
