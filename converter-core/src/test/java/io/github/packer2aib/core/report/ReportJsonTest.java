package io.github.packer2aib.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.packer2aib.core.diag.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
  private static final String EXPECTED =
      """
      {
        "verdicts": {
          "converted": 1,
          "converted with warnings": 1,
          "failed": 1
        },
        "totals": {
          "warnings": 2,
          "ignored": 0
        },
        "runDiagnostics": [],
        "inputs": [
          {
            "name": "a.pkr.hcl",
            "verdict": "converted with warnings",
            "outputs": [
              "out/ubuntu.json"
            ],
            "counts": {
              "refused": 0,
              "dropped": 1,
              "rewritten": 0,
              "approximated": 1,
              "warning": 1,
              "note": 0
            },
            "decisions": [
              {
                "kind": "dropped",
                "code": "PKRMAP-N104",
                "severity": "note",
                "summary": "Credential not copied",
                "detail": "AIB uses its managed identity; client_secret is not copied.",
                "location": {
                  "file": "a.pkr.hcl",
                  "line": 15,
                  "column": 3,
                  "endLine": 15,
                  "endColumn": 16
                },
                "path": "/source/azure-arm/ubuntu/client_secret"
              },
              {
                "kind": "approximated",
                "code": "PKRMAP-W215",
                "severity": "warning",
                "summary": "Behaviour approximated",
                "detail": "The step runs `a | b`\\nin one shell <sh>.",
                "location": {
                  "file": "a.pkr.hcl",
                  "line": 20,
                  "column": 5,
                  "endLine": 20,
                  "endColumn": 11
                },
                "path": "/build/0/provisioner/0",
                "related": [
                  {
                    "label": "provisioner",
                    "location": {
                      "file": "a.pkr.hcl",
                      "line": 18,
                      "column": 3,
                      "endLine": 18,
                      "endColumn": 14
                    }
                  }
                ]
              },
              {
                "kind": "warning",
                "code": "PKRMAP-W008",
                "severity": "warning",
                "summary": "No template identity",
                "detail": "Pass --identity."
              }
            ]
          },
          {
            "name": "b.json",
            "verdict": "failed",
            "outputs": [],
            "counts": {
              "refused": 1,
              "dropped": 0,
              "rewritten": 0,
              "approximated": 0,
              "warning": 0,
              "note": 0
            },
            "decisions": [
              {
                "kind": "refused",
                "code": "PKRMAP-E106",
                "severity": "error",
                "summary": "Invalid value",
                "detail": "The os_type \\"Plan9\\" is not Linux or Windows.",
                "location": {
                  "file": "b.json",
                  "line": 4,
                  "column": 16,
                  "endLine": 4,
                  "endColumn": 23
                },
                "path": "/builders/0/os_type"
              }
            ]
          },
          {
            "name": "c.yaml",
            "verdict": "converted",
            "outputs": [
              "out/c.json"
            ],
            "counts": {
              "refused": 0,
              "dropped": 0,
              "rewritten": 0,
              "approximated": 0,
              "warning": 0,
              "note": 0
            },
            "decisions": []
          }
        ]
      }
      """;

  @Test
  void rendersEveryInputWithItsDecisions() {
    assertEquals(EXPECTED, ReportJson.render(ReportFixtures.report()));
  }

  @Test
  void aCheckIsMarkedAndAConversionIsNot() {
    ConversionReport check = new ConversionReport(ReportFixtures.report().inputs(), true);

    assertEquals(
        EXPECTED.replace(
            "\n  \"runDiagnostics\"", "\n  \"checkOnly\": true,\n  \"runDiagnostics\""),
        ReportJson.render(check));
    assertFalse(ReportJson.render(ReportFixtures.report()).contains("checkOnly"));
  }

  @Test
  void theSameReportGivesTheSameBytes() {
    assertEquals(
        ReportJson.render(ReportFixtures.report()), ReportJson.render(ReportFixtures.report()));
  }

  @Test
  void aSecretQuotedFromASensitiveLineIsMasked() {
    ConversionReport report =
        new ConversionReport(
            List.of(
                InputReport.of(
                    "x.json",
                    List.of(
                        ReportFixtures.diagnostic(
                            "PKRMAP-W101",
                            Severity.WARNING,
                            "Unknown field",
                            "The line \"winrm_password\": \"hunter2\" is not a known field.",
                            null,
                            "/builders/0/winrm_passwd")),
                    false,
                    List.of())));

    String json = ReportJson.render(report);

    assertFalse(json.contains("hunter2"), json);
  }
}
