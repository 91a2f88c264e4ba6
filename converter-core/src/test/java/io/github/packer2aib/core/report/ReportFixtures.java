package io.github.packer2aib.core.report;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.diag.Severity;
import io.github.packer2aib.core.source.Position;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Optional;

/** A small hand-built set of results shared by the report tests. */
final class ReportFixtures {
  private ReportFixtures() {}

  static Range range(String file, int line, int column, int length) {
    // Offsets only need to be consistent with each other here.
    int offset = line * 100 + column;
    return new Range(
        file,
        new Position(line, column, offset),
        new Position(line, column + length, offset + length));
  }

  static Diagnostic diagnostic(
      String code, Severity severity, String summary, String detail, Range range, String path) {
    return new Diagnostic(
        code,
        severity,
        summary,
        detail,
        Optional.ofNullable(range),
        Optional.ofNullable(path),
        List.of());
  }

  static ConversionReport report() {
    Diagnostic identity =
        diagnostic(
            "PKRMAP-W008",
            Severity.WARNING,
            "No template identity",
            "Pass --identity.",
            null,
            null);
    Diagnostic credential =
        diagnostic(
            "PKRMAP-N104",
            Severity.NOTE,
            "Credential not copied",
            "AIB uses its managed identity; client_secret is not copied.",
            range("a.pkr.hcl", 15, 3, 13),
            "/source/azure-arm/ubuntu/client_secret");
    Diagnostic approximated =
        diagnostic(
                "PKRMAP-W215",
                Severity.WARNING,
                "Behaviour approximated",
                "The step runs `a | b`\nin one shell <sh>.",
                range("a.pkr.hcl", 20, 5, 6),
                "/build/0/provisioner/0")
            .withRelated(new Related(range("a.pkr.hcl", 18, 3, 11), "provisioner"));
    Diagnostic invalid =
        diagnostic(
            "PKRMAP-E106",
            Severity.ERROR,
            "Invalid value",
            "The os_type \"Plan9\" is not Linux or Windows.",
            range("b.json", 4, 16, 7),
            "/builders/0/os_type");
    return new ConversionReport(
        List.of(
            InputReport.of(
                "a.pkr.hcl",
                List.of(identity, credential, approximated),
                false,
                List.of("out/ubuntu.json")),
            InputReport.of("b.json", List.of(invalid), false, List.of()),
            InputReport.of("c.yaml", List.of(), false, List.of("out/c.json"))));
  }
}
