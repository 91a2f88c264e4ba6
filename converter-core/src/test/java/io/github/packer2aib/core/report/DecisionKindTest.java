package io.github.packer2aib.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.bind.aib.BindCode;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.DiagnosticCode;
import io.github.packer2aib.core.diag.Severity;
import io.github.packer2aib.core.mapping.MappingCode;
import io.github.packer2aib.core.mapping.packer.PackerMapCode;
import io.github.packer2aib.core.mapping.retarget.RetargetCode;
import io.github.packer2aib.core.validate.VersionCode;
import io.github.packer2aib.core.validate.spec.SpecCode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DecisionKindTest {
  private static DecisionKind kindOf(String code, Severity severity) {
    return DecisionKind.of(ReportFixtures.diagnostic(code, severity, "S", "D.", null, null));
  }

  @Test
  void knownCodesAreClassifiedByWhatTheySay() {
    assertEquals(
        DecisionKind.DROPPED,
        DecisionKind.of(Diagnostic.of(PackerMapCode.CREDENTIAL_DROPPED, null, "D.")));
    assertEquals(DecisionKind.DROPPED, kindOf("PKRMAP-N102", Severity.NOTE));
    assertEquals(DecisionKind.REWRITTEN, kindOf("PKRMAP-N118", Severity.NOTE));
    assertEquals(DecisionKind.APPROXIMATED, kindOf("PKRMAP-W215", Severity.WARNING));
    assertEquals(
        DecisionKind.DROPPED,
        DecisionKind.of(Diagnostic.of(RetargetCode.FIELD_DROPPED, null, "D.")));
    // A trigger resource of a converted template is not in its output, as a child trigger is not.
    assertEquals(
        DecisionKind.DROPPED,
        DecisionKind.of(Diagnostic.of(BindCode.TRIGGER_LEFT_OUT, null, "D.")));
  }

  @Test
  void everyClassifiedCodeIsAWarningOrNoteThatExists() {
    Set<String> known = new TreeSet<>();
    List<DiagnosticCode[]> areas =
        List.of(
            PackerMapCode.values(),
            RetargetCode.values(),
            BindCode.values(),
            SpecCode.values(),
            VersionCode.values(),
            MappingCode.values());
    for (DiagnosticCode[] codes : areas) {
      for (DiagnosticCode c : codes) {
        if (c.severity() != Severity.ERROR) {
          known.add(c.id());
        }
      }
    }
    Set<String> stale = new TreeSet<>(DecisionKind.classifiedCodes());
    stale.removeAll(known);

    assertEquals(Set.of(), stale);
  }

  @Test
  void otherCodesKeepTheirSeverityAsKind() {
    assertEquals(DecisionKind.WARNING, kindOf("PKRMAP-W008", Severity.WARNING));
    assertEquals(DecisionKind.NOTE, kindOf("SPEC-N999", Severity.NOTE));
    assertEquals(DecisionKind.REFUSED, kindOf("SPEC-E101", Severity.ERROR));
  }

  @Test
  void anErrorIsARefusalWhateverItsCode() {
    // A dropped-field code raised to an error (say by a strict mode) still refuses the input.
    assertEquals(DecisionKind.REFUSED, kindOf("PKRMAP-N102", Severity.ERROR));
  }

  @Test
  void decisionsAreGroupedByKindKeepingTheirOrderWithinAKind() {
    InputReport input =
        InputReport.of(
            "a",
            List.of(
                ReportFixtures.diagnostic("PKRMAP-W008", Severity.WARNING, "1", "D.", null, null),
                ReportFixtures.diagnostic("PKRMAP-N102", Severity.NOTE, "2", "D.", null, null),
                ReportFixtures.diagnostic("PKRMAP-E106", Severity.ERROR, "3", "D.", null, null),
                ReportFixtures.diagnostic("PKRMAP-N104", Severity.NOTE, "4", "D.", null, null)),
            false,
            List.of());

    assertEquals(
        List.of("3", "2", "4", "1"),
        input.decisions().stream().map(d -> d.diagnostic().summary()).toList());
    assertEquals(Verdict.FAILED, input.verdict());
  }

  @Test
  void theCallerCanFailAnInputWithoutErrors() {
    InputReport input =
        InputReport.of(
            "a",
            List.of(
                ReportFixtures.diagnostic("PKRMAP-W008", Severity.WARNING, "1", "D.", null, null)),
            true,
            List.of());

    assertEquals(Verdict.FAILED, input.verdict());
  }
}
