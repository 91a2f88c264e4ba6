package io.github.packer2aib.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportMarkdownTest {
  private static final String EXPECTED =
"""
# packer2aib conversion report

3 inputs: 1 converted, 1 converted with warnings, 1 failed; 2 warnings.

| Input | Verdict | Outputs | Refused | Dropped | Rewritten | Approximated | Warnings | Notes |
| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
| a.pkr.hcl | converted with warnings | out/ubuntu.json | 0 | 1 | 0 | 1 | 1 | 0 |
| b.json | failed | none | 1 | 0 | 0 | 0 | 0 | 0 |
| c.yaml | converted | out/c.json | 0 | 0 | 0 | 0 | 0 | 0 |

## a.pkr.hcl

- Verdict: converted with warnings
- Outputs: out/ubuntu.json

| Kind | Location | Path | Code | Summary | Detail |
| --- | --- | --- | --- | --- | --- |
| dropped | a.pkr.hcl:15:3 | /source/azure-arm/ubuntu/client\\_secret | PKRMAP-N104 | Credential not copied | AIB uses its managed identity; client\\_secret is not copied. |
| approximated | a.pkr.hcl:20:5 | /build/0/provisioner/0 | PKRMAP-W215 | Behaviour approximated | The step runs \\`a \\| b\\`<br>in one shell &lt;sh&gt;. (provisioner: a.pkr.hcl:18:3) |
| warning |  |  | PKRMAP-W008 | No template identity | Pass --identity. |

## b.json

- Verdict: failed
- Outputs: none

| Kind | Location | Path | Code | Summary | Detail |
| --- | --- | --- | --- | --- | --- |
| refused | b.json:4:16 | /builders/0/os\\_type | PKRMAP-E106 | Invalid value | The os\\_type "Plan9" is not Linux or Windows. |

## c.yaml

- Verdict: converted
- Outputs: out/c.json

No diagnostics: everything was converted as written.
""";

  @Test
  void rendersASummaryTableAndOneSectionPerInput() {
    assertEquals(EXPECTED, ReportMarkdown.render(ReportFixtures.report()));
  }

  @Test
  void theSameReportGivesTheSameBytes() {
    assertEquals(
        ReportMarkdown.render(ReportFixtures.report()),
        ReportMarkdown.render(ReportFixtures.report()));
  }

  @Test
  void anEmptyRunSaysSoWithoutATable() {
    assertEquals(
        "# packer2aib conversion report\n\n0 inputs.\n\n",
        ReportMarkdown.render(new ConversionReport(List.of())));
  }

  @Test
  void aCheckSaysUnderItsTitleThatNothingWasWritten() {
    assertEquals(
        "# packer2aib conversion report\n\n"
            + ConversionReport.CHECK_ONLY_NOTE
            + "\n\n0 inputs.\n\n",
        ReportMarkdown.render(new ConversionReport(List.of(), true)));
  }

  @Test
  void aSecretQuotedFromASensitiveLineIsMasked() {
    ConversionReport report =
        new ConversionReport(
            List.of(
                InputReport.of(
                    "x.pkr.hcl",
                    List.of(
                        ReportFixtures.diagnostic(
                            "PKRMAP-N104",
                            Severity.NOTE,
                            "Credential not copied",
                            "The line client_secret = \"hunter2\" is not copied; the SAS URL"
                                + " https://a.blob.core.windows.net/c/f?sv=1&sig=s3cr3t too.",
                            ReportFixtures.range("x.pkr.hcl", 3, 3, 13),
                            null)),
                    false,
                    List.of())));

    String md = ReportMarkdown.render(report);

    assertFalse(md.contains("hunter2"), md);
    assertFalse(md.contains("s3cr3t"), md);
    // The mask is escaped as any other asterisk is: it renders as written.
    assertTrue(md.contains("client\\_secret = \"\\*\\*\\*\""), md);
    assertTrue(md.contains("sig=\\*\\*\\*"), md);
  }

  @Test
  void cellsEscapeEveryInlineMarkupCharacterWithABackslash() {
    // Emphasis: the pattern of runOutputName rendered "-" and "." in italics between its two "_".
    assertEquals(
        "^\\[A-Za-z0-9-\\_.\\]{1,64}$ (\"-\", \"\\_\" or \".\")",
        ReportMarkdown.cell("^[A-Za-z0-9-_.]{1,64}$ (\"-\", \"_\" or \".\")"));
    assertEquals("web\\*prod\\*", ReportMarkdown.cell("web*prod*"));
    // Code spans: a file name's backticks show as written, and so do a message's.
    assertEquals("a\\|b\\#c \\`x\\` &lt;i&gt;.yaml", ReportMarkdown.cell("a|b#c `x` <i>.yaml"));
    // Links and images, strikethrough (GFM), and a backslash itself.
    assertEquals(
        "!\\[alt\\](x) \\~\\~old\\~\\~ C:\\\\t", ReportMarkdown.cell("![alt](x) ~~old~~ C:\\t"));
  }

  @Test
  void aHashThatEndsAHeadingIsEscapedNotReadAsItsClosingSequence() {
    // "## img #" renders as a heading "img": CommonMark drops a closing run of #.
    assertEquals("img \\#", ReportMarkdown.cell("img #"));
    assertEquals("\\# title", ReportMarkdown.cell("# title"));
  }

  @Test
  void whatWouldStartABlockAtTheStartOfALineIsEscaped() {
    // In a list item ("- " + text) these began a nested list, a thematic break or an ordered list.
    assertEquals("\\- x", ReportMarkdown.cell("- x"));
    assertEquals("\\---", ReportMarkdown.cell("---"));
    assertEquals("\\+ x", ReportMarkdown.cell("+ x"));
    assertEquals("12\\. x", ReportMarkdown.cell("12. x"));
    assertEquals("1\\) x", ReportMarkdown.cell("1) x"));
    assertEquals("&gt; quoted", ReportMarkdown.cell("> quoted"));
    // Only at the start: inside the text they are plain characters.
    assertEquals("a - b + c 1. d", ReportMarkdown.cell("a - b + c 1. d"));
    assertEquals("1234567890. x", ReportMarkdown.cell("1234567890. x"));
    // Spaces at either end would be trimmed (or start indented code): kept as references.
    assertEquals("&#32;   - x&#32;", ReportMarkdown.cell("    - x "));
    assertEquals("&#9;x", ReportMarkdown.cell("\tx"));
  }

  @Test
  void cellsEscapeTableAndHtmlCharactersAndLineBreaks() {
    assertEquals(
        "a \\| b<br>c<br>d &lt;e&gt; &amp; f\\\\g",
        ReportMarkdown.cell("a | b\r\nc\nd <e> & f\\g"));
    // A file name with a terminal escape sequence (bulk review); a tab stays.
    assertEquals("a\\u001b\\[31mred\tz", ReportMarkdown.cell("a\u001b[31mred\tz"));
  }
}
