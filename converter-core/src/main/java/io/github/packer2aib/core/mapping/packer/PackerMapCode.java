package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.diag.DiagnosticCode;

/**
 * Diagnostics of the Packer → AIB mapper: what was dropped, rewritten, approximated or refused, so
 * that no loss goes unexplained.
 */
public enum PackerMapCode implements DiagnosticCode {
  // Units of output.
  NO_AZURE_SOURCE("PKRMAP-E001", "No azure-arm source to convert"),
  NO_USAGE_SELECTED("PKRMAP-E002", "No source usage selected"),
  SOURCE_SKIPPED("PKRMAP-N003", "Non-Azure source skipped"),
  SOURCE_NOT_BUILT("PKRMAP-N004", "Source not used by any build"),
  FILTER_MATCHES_NOTHING("PKRMAP-W005", "Filter matches no source usage"),
  OVERRIDE_MATCHES_NOTHING("PKRMAP-W006", "Override matches no source usage"),
  TEMPLATE_RENAMED("PKRMAP-N007", "Template name changed"),
  NO_IDENTITY("PKRMAP-W008", "No template identity"),
  POST_PROCESSOR_DROPPED("PKRMAP-N009", "Post-processor dropped"),
  ERROR_CLEANUP_DROPPED("PKRMAP-W010", "Error-cleanup provisioner dropped"),
  LOCATION_OPTION_IGNORED("PKRMAP-N011", "Location option not used"),
  OVERRIDE_LIST_OVERLAID("PKRMAP-W012", "Override list merged by position"),
  MISTYPED_AZURE_TYPE("PKRMAP-E013", "Mistyped azure-arm source type"),

  // The azure-arm builder.
  UNKNOWN_FIELD("PKRMAP-W101", "Unknown field"),
  FIELD_DROPPED("PKRMAP-N102", "Field dropped"),
  NO_EQUIVALENT("PKRMAP-W103", "Field has no AIB equivalent"),
  CREDENTIAL_DROPPED("PKRMAP-N104", "Credential not copied"),
  FIELD_REFUSED("PKRMAP-E105", "Field cannot be converted"),
  INVALID_VALUE("PKRMAP-E106", "Invalid value"),
  VALUE_NOT_KNOWN("PKRMAP-E107", "Value not known at conversion time"),
  MISSING_FIELD("PKRMAP-E108", "Missing required field"),
  CONFLICTING_FIELDS("PKRMAP-E109", "Conflicting fields"),
  NO_SOURCE_IMAGE("PKRMAP-E110", "No source image"),
  NO_DESTINATION("PKRMAP-E111", "No image destination"),
  NO_SUBSCRIPTION("PKRMAP-E112", "Subscription id needed"),
  NO_LOCATION("PKRMAP-E113", "Location needed"),
  NOT_IN_API_VERSION("PKRMAP-W114", "Field not available in target API version"),
  GALLERY_VERSION_KEPT("PKRMAP-W115", "Explicit gallery image version"),
  GALLERY_VERSION_DROPPED("PKRMAP-N116", "Gallery image version left to AIB"),
  STAGING_RESOURCE_GROUP("PKRMAP-W117", "Staging resource group"),
  FIELD_REWRITTEN("PKRMAP-N118", "Field rewritten"),
  PACKER_SETTINGS_IGNORED("PKRMAP-N132", "Packer settings not converted"),
  FROZEN_VALUE("PKRMAP-N131", "Value frozen at conversion"),
  UNCERTAIN_MAPPING("PKRMAP-W119", "Uncertain mapping"),
  OS_TYPE_MISSING("PKRMAP-E120", "Missing os_type"),
  VM_SIZE_DEFAULT("PKRMAP-N121", "Build VM size left to AIB"),
  VHD_LOCATION("PKRMAP-W122", "VHD location differs from Packer's"),
  REFUSED_IN_API_VERSION("PKRMAP-E123", "Field needs a newer API version"),
  SUBSCRIPTION_NOT_A_GUID("PKRMAP-W124", "Subscription id is not a GUID"),
  OS_TYPE_NOT_THE_IMAGES("PKRMAP-W125", "Operating system differs from the image's"),
  PACKER_REFUSES_TYPE("PKRMAP-W126", "Value written in a form Packer refuses"),
  ARGUMENT_AS_BLOCK("PKRMAP-E127", "Argument written as a block"),
  FIELD_PACKER_REFUSES("PKRMAP-E128", "Unknown field Packer refuses"),
  OLDER_PLUGINS_REFUSE("PKRMAP-W133", "Combination older Azure plugins refuse"),

  // Provisioners.
  UNSUPPORTED_PROVISIONER("PKRMAP-E201", "Unsupported provisioner"),
  UNSUPPORTED_PROVISIONER_SKIPPED("PKRMAP-W202", "Unsupported provisioner skipped"),
  WRONG_OS("PKRMAP-E203", "Provisioner does not fit the operating system"),
  NOTHING_TO_RUN("PKRMAP-E204", "Nothing to run"),
  SUDO_KEPT("PKRMAP-N205", "Commands run through sudo"),
  SUDO_PASSWORD_DROPPED("PKRMAP-N206", "Password for sudo dropped"),
  EXECUTE_COMMAND_DROPPED("PKRMAP-W207", "Unrecognised execute_command dropped"),
  ENVIRONMENT_SET("PKRMAP-N208", "Environment variables set in the step"),
  INTERPRETER_KEPT("PKRMAP-N209", "Interpreter kept"),
  PAUSE_CONVERTED("PKRMAP-N210", "Pause converted to a sleep step"),
  NO_RETRIES("PKRMAP-W211", "Retries not supported"),
  NO_STEP_TIMEOUT("PKRMAP-W212", "Step timeout not supported"),
  ELEVATED_AS_BUILD_USER("PKRMAP-W213", "Elevated as the build user"),
  DURATION_ROUNDED("PKRMAP-W214", "Duration rounded"),
  APPROXIMATED("PKRMAP-W215", "Behaviour approximated"),
  EXIT_CODES_CHECKED("PKRMAP-N216", "Exit codes checked in the step"),
  DISABLED_BREAKPOINT_DROPPED("PKRMAP-N217", "Disabled breakpoint dropped"),
  TEMPLATE_FIELD_KEPT("PKRMAP-W218", "Packer template field left in a step"),
  RESTART_IN_STEP("PKRMAP-W219", "Restart inside a step"),
  STEP_TIMEOUTS_EXCEED_BUILD("PKRMAP-W220", "Step timeouts exceed the build timeout"),
  INLINE_SEMANTICS_ASSUMED("PKRMAP-N221", "Inline commands assumed to run as one script"),
  COMMAND_READ_AS_EXPRESSION("PKRMAP-W222", "PowerShell command read as an expression"),

  // Local scripts and files.
  SCRIPT_INLINED("PKRMAP-W301", "Script inlined"),
  FILE_EMBEDDED("PKRMAP-W302", "File embedded in the template"),
  FILE_TOO_LARGE("PKRMAP-E303", "File too large to embed"),
  BINARY_FILE("PKRMAP-E304", "Binary file cannot be embedded"),
  DIRECTORY_NEEDS_BASE_URI("PKRMAP-E305", "Directory needs an upload location"),
  LOCAL_FILE_NOT_FOUND("PKRMAP-E306", "Local file not found"),
  FILE_READ_FAILED("PKRMAP-E307", "Cannot read local file"),
  FILE_MOVED("PKRMAP-N308", "File moved into place"),
  FOUND_IN_WORKING_DIRECTORY("PKRMAP-N309", "File found in the working directory"),
  REMOTE_SOURCE("PKRMAP-W310", "File source is a URL"),
  TOO_MANY_FILES("PKRMAP-E311", "Directory has too many files"),
  BAD_BASE_URI("PKRMAP-E312", "Invalid base URI"),
  SCRIPT_WRAPPED("PKRMAP-N313", "Uploaded script run by a wrapper step"),
  CONTENT_WRITTEN("PKRMAP-N314", "Content written by a step"),
  SCRIPT_TOO_LARGE("PKRMAP-E315", "Script too large to inline"),
  UPLOAD_ADDRESS_SHARED("PKRMAP-E316", "Two files share an upload address"),
  DESTINATION_AS_FILE("PKRMAP-W317", "Destination taken as a file name"),
  FOUND_IN_TWO_PLACES("PKRMAP-W318", "Path names different files in two places"),
  HOST_FILE("PKRMAP-E319", "File of the converting machine not read"),
  FILE_OVER_RECOMMENDED_SIZE("PKRMAP-W320", "File larger than File steps are recommended for"),

  // Generalization and secrets.
  GENERALIZATION_DROPPED("PKRMAP-W401", "Generalization step dropped"),
  GENERALIZATION_CUSTOM("PKRMAP-W402", "Custom generalization kept"),
  GENERALIZATION_NOT_LAST("PKRMAP-E403", "Generalization step not last"),
  GENERALIZATION_IN_SCRIPT("PKRMAP-W404", "Script may generalize the VM"),
  SENSITIVE_VALUE("PKRMAP-E405", "Sensitive value in output"),
  // PKRMAP-N406 "Image generalized by Image Builder" is retired: it became the warning W407, as
  // Image Builder's generalization changes the image (Sysprep fails on an app installed for one
  // user only; waagent deletes the build user), and a note was easily missed among the others.
  GENERALIZED_BY_IMAGE_BUILDER("PKRMAP-W407", "Image generalized by Image Builder");

  private final Text text;

  PackerMapCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  @Override
  public Text text() {
    return text;
  }
}
