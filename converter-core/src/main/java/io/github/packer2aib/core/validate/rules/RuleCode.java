package io.github.packer2aib.core.validate.rules;

import io.github.packer2aib.core.diag.DiagnosticCode;

/**
 * Service rules of Azure VM Image Builder that the OpenAPI specs cannot express (from the AIB
 * documentation): the service rejects such templates only after submission, so we report them
 * first.
 */
public enum RuleCode implements DiagnosticCode {
  BUILD_TIMEOUT_TOO_SHORT("RULE-E301", "Build timeout too short"),
  DUPLICATE_RUN_OUTPUT_NAME("RULE-E302", "Duplicate runOutputName"),
  DUPLICATE_CUSTOMIZER_NAME("RULE-E303", "Duplicate customizer name"),
  SCRIPT_URI_AND_INLINE("RULE-E304", "Both scriptUri and inline"),
  NO_SCRIPT("RULE-E305", "No script to run"),
  RUN_AS_SYSTEM_WITHOUT_ELEVATION("RULE-E306", "runAsSystem without runElevated"),
  REPLICATION_AND_TARGET_REGIONS("RULE-E307", "Both replicationRegions and targetRegions"),
  MIXED_OS_CUSTOMIZERS("RULE-E308", "Linux and Windows steps mixed"),
  FILE_DESTINATION_OUTSIDE_TMP("RULE-E309", "File destination outside /tmp"),
  BAD_CHECKSUM("RULE-E310", "Invalid SHA-256 checksum"),
  SEVERAL_TEMPLATE_IDENTITIES("RULE-E311", "More than one template identity"),
  IDENTITY_WITHOUT_IDS("RULE-E312", "User-assigned identity without an id"),
  NOT_A_RESOURCE_ID("RULE-E313", "Not a resource id"),
  FILE_WITHOUT_SOURCE("RULE-E314", "File step without source or destination"),
  BAD_RESTART_TIMEOUT("RULE-W315", "Unrecognised restart timeout"),
  NO_TEMPLATE_IDENTITY("RULE-E316", "No template identity"),
  SIGNED_URL("RULE-W317", "Shared access signature in a URL"),
  INVALID_TAG("RULE-E318", "Invalid tag"),
  TOO_MANY_TAGS("RULE-E319", "Too many tags"),
  TAG_NAMES_DIFFER_IN_CASE("RULE-W320", "Tag names differ only in case"),
  STAGING_GROUP_NOT_EMPTY("RULE-W321", "Staging resource group not empty"),
  PLATFORM_IMAGE_INCOMPLETE("RULE-W322", "Platform image not fully named"),
  NO_DISTRIBUTION_TARGET("RULE-W323", "No distribution target"),
  HIDDEN_CHARACTER("RULE-W324", "Invisible or bidirectional character in a command"),
  ISOLATED_BUILD_WITHOUT_SUBNET(
      "RULE-E325", "Container instance subnet without a matching subnetId"),
  PROXY_WITH_ISOLATED_BUILD("RULE-E326", "proxyVmSize with a container instance subnet"),
  STORAGE_TYPE_WITHOUT_REPLICATION_REGIONS(
      "RULE-E327", "storageAccountType without replicationRegions"),
  TOO_LARGE_TO_SUBMIT("RULE-W328", "Template too large to submit"),
  CREDENTIAL_AS_TEXT("RULE-W329", "Credential written as text");

  private final Text text;

  RuleCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  @Override
  public Text text() {
    return text;
  }
}
