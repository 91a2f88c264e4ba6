package io.github.packer2aib.core.report;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Severity;
import java.util.Map;
import java.util.Set;

/**
 * What a conversion did with one item of the input, as the report groups it. Errors are always
 * {@link #REFUSED}; a warning or note is classified by its code where the code says clearly what
 * happened (a field dropped, rewritten, approximated), and otherwise keeps its severity as its kind
 * ({@link #WARNING}, {@link #NOTE}). The constants are in report order.
 */
public enum DecisionKind {
  REFUSED("refused"),
  DROPPED("dropped"),
  REWRITTEN("rewritten"),
  APPROXIMATED("approximated"),
  WARNING("warning"),
  NOTE("note");

  /*
   * Codes whose summary says what became of the item. Kept small and explicit: a code missing here
   * is not wrong, it is reported by severity. Only warnings and notes are listed, since errors are
   * always refusals.
   */
  private static final Map<String, DecisionKind> BY_CODE =
      Map.ofEntries(
          // Dropped: the item is not in the output.
          Map.entry("PKRMAP-N003", DROPPED), // Non-Azure source skipped
          Map.entry("PKRMAP-N004", DROPPED), // Source not used by any build
          Map.entry("PKRMAP-N009", DROPPED), // Post-processor dropped
          Map.entry("PKRMAP-W010", DROPPED), // Error-cleanup provisioner dropped
          Map.entry("PKRMAP-N011", DROPPED), // Location option not used
          Map.entry("PKRMAP-W101", DROPPED), // Unknown field
          Map.entry("PKRMAP-N102", DROPPED), // Field dropped
          Map.entry("PKRMAP-W103", DROPPED), // Field has no AIB equivalent
          Map.entry("PKRMAP-N104", DROPPED), // Credential not copied
          Map.entry("PKRMAP-W114", DROPPED), // Field not available in target API version
          Map.entry("PKRMAP-W202", DROPPED), // Unsupported provisioner skipped
          Map.entry("PKRMAP-N206", DROPPED), // Password for sudo dropped
          Map.entry("PKRMAP-W207", DROPPED), // Unrecognised execute_command dropped
          Map.entry("PKRMAP-W211", DROPPED), // Retries not supported
          Map.entry("PKRMAP-W212", DROPPED), // Step timeout not supported
          Map.entry("PKRMAP-N217", DROPPED), // Disabled breakpoint dropped
          Map.entry("PKRMAP-W401", DROPPED), // Generalization step dropped
          Map.entry("RETARGET-W001", DROPPED), // Field not available in target API version
          Map.entry("RETARGET-W002", DROPPED), // Step not available in target API version
          Map.entry("RETARGET-W011", DROPPED), // Replication settings lost
          Map.entry("BIND-N001", DROPPED), // ARM-only key dropped
          Map.entry("BIND-N004", DROPPED), // Trigger of a converted template left out
          Map.entry("SPEC-N104", DROPPED), // Extension field left out
          Map.entry("SPEC-W106", DROPPED), // Unknown property left out
          // Rewritten: the item is in the output in another form.
          Map.entry("PKRMAP-N007", REWRITTEN), // Template name changed
          Map.entry("PKRMAP-N118", REWRITTEN), // Field rewritten
          Map.entry("PKRMAP-N205", REWRITTEN), // Commands run through sudo
          Map.entry("PKRMAP-N208", REWRITTEN), // Environment variables set in the step
          Map.entry("PKRMAP-N210", REWRITTEN), // Pause converted to a sleep step
          Map.entry("PKRMAP-N216", REWRITTEN), // Exit codes checked in the step
          Map.entry("PKRMAP-W301", REWRITTEN), // Script inlined
          Map.entry("PKRMAP-W302", REWRITTEN), // File embedded in the template
          Map.entry("PKRMAP-N308", REWRITTEN), // File moved into place
          Map.entry("PKRMAP-N313", REWRITTEN), // Uploaded script run by a wrapper step
          Map.entry("PKRMAP-N314", REWRITTEN), // Content written by a step
          Map.entry("RETARGET-N010", REWRITTEN), // Field rewritten for target API version
          Map.entry("MAP-N001", REWRITTEN), // Template identity replaced
          Map.entry("VER-N006", REWRITTEN), // API version fixed in the file
          Map.entry("VER-N007", REWRITTEN), // API version read from a parameter's default
          // Approximated: the output behaves close to, but not exactly like, the input.
          Map.entry("PKRMAP-N116", APPROXIMATED), // Gallery image version left to AIB
          Map.entry("PKRMAP-W119", APPROXIMATED), // Uncertain mapping
          Map.entry("PKRMAP-N121", APPROXIMATED), // Build VM size left to AIB
          Map.entry("PKRMAP-W122", APPROXIMATED), // VHD location differs from Packer's
          Map.entry("PKRMAP-W213", APPROXIMATED), // Elevated as the build user
          Map.entry("PKRMAP-W214", APPROXIMATED), // Duration rounded
          Map.entry("PKRMAP-W215", APPROXIMATED), // Behaviour approximated
          Map.entry("PKRMAP-W218", APPROXIMATED), // Packer template field left in a step
          Map.entry("PKRMAP-W219", APPROXIMATED), // Restart inside a step
          Map.entry("PKRMAP-W317", APPROXIMATED), // Destination taken as a file name
          Map.entry("RETARGET-W012", APPROXIMATED), // Subnet id built with an assumed subscription
          Map.entry("RETARGET-W013", APPROXIMATED), // Subnet in another subscription
          Map.entry("RETARGET-W014", APPROXIMATED)); // Source version "latest" undocumented

  private final String label;

  DecisionKind(String label) {
    this.label = label;
  }

  /** The lower-case word used in reports ({@code dropped}, {@code refused}, …). */
  public String label() {
    return label;
  }

  /** The codes the table classifies (for a test that keeps the table in step with the enums). */
  static Set<String> classifiedCodes() {
    return BY_CODE.keySet();
  }

  /** The kind of the decision a diagnostic records. */
  public static DecisionKind of(Diagnostic d) {
    if (d.severity() == Severity.ERROR) {
      return REFUSED;
    }
    DecisionKind known = BY_CODE.get(d.code());
    if (known != null) {
      return known;
    }
    return d.severity() == Severity.WARNING ? WARNING : NOTE;
  }
}
