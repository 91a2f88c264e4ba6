package io.github.packer2aib.core.mapping.retarget;

import io.github.packer2aib.core.diag.DiagnosticCode;

/** Diagnostics of the API version retargeter: what changed when a template moved to a version. */
public enum RetargetCode implements DiagnosticCode {
  FIELD_DROPPED("RETARGET-W001", "Field not available in target API version"),
  ITEM_DROPPED("RETARGET-W002", "Step not available in target API version"),
  SOURCE_DROPPED("RETARGET-E003", "Source type not available in target API version"),
  REWRITTEN("RETARGET-N010", "Field rewritten for target API version"),
  SETTINGS_LOST("RETARGET-W011", "Replication settings lost"),
  SUBSCRIPTION_ASSUMED("RETARGET-W012", "Subnet id built with an assumed subscription"),
  SUBSCRIPTION_LOST("RETARGET-W013", "Subnet in another subscription than the template's"),
  LATEST_UNDOCUMENTED(
      "RETARGET-W014", "Source version \"latest\" undocumented in target API version"),
  REQUIRED_MISSING("RETARGET-W020", "Field required by target API version");

  private final Text text;

  RetargetCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  @Override
  public Text text() {
    return text;
  }
}
