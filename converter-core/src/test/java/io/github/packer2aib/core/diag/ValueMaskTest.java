package io.github.packer2aib.core.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueMaskTest {

  private static String masked(String line) {
    return ValueMask.line(SourceFile.ofValues("v", line), 1).text();
  }

  @Test
  void hclAssignmentsKeepTheirNames() {
    assertEquals("sp_key = \"***\"", masked("sp_key = \"hunter2\""));
    assertEquals("count = ***", masked("count = 42"));
    assertEquals("zones = { a = ***, b = \"***\" }", masked("zones = { a = 1, b = \"x\" }"));
    assertEquals("list = [\"***\", \"***\"]", masked("list = [\"a\", \"b\"]"));
    assertEquals("x = \"***\" + ***", masked("x = \"a\" + 1"));
    assertEquals("x = \"\"", masked("x = \"\""));
    assertEquals("x = \"***", masked("x = \"unterminated"));
    assertEquals("x = \"***\"", masked("x = \"esc\\\"aped\""));
  }

  @Test
  void jsonAndYamlKeepTheirKeys() {
    assertEquals("{\"a\": \"***\", \"b\": ***}", masked("{\"a\": \"s3cr3t\", \"b\": 12}"));
    assertEquals("  sp_key: ***", masked("  sp_key: hunter2"));
    assertEquals("  - path: \"***\"", masked("  - path: \"**\""));
    assertEquals("  url: ***", masked("  url: https://x.example/a?b=c"));
    assertEquals("  phrase: ***", masked("  phrase: correct horse battery"));
    assertEquals("  other: [***, ***]", masked("  other: [a, b]"));
    assertEquals("  - ***", masked("  - item"));
    assertEquals("x: '***'", masked("x: 'it''s'"));
  }

  @Test
  void commentsAreMaskedButBlockHeadersAndReferencesStay() {
    assertEquals("# ***", masked("# old password hunter2"));
    assertEquals("x = *** // ***", masked("x = 1 // was 2"));
    assertEquals("variable \"size\" {", masked("variable \"size\" {"));
    assertEquals("region = var.location", masked("region = var.location"));
    assertEquals("*** == ***", masked("a == b"));
  }

  /**
   * JSON whose quotes are out of step (a key without its opening quote) must not pass for HCL block
   * headers, whose names are kept: found by fuzzing value files, where the values between the
   * shifted quotes were shown.
   */
  @Test
  void jsonOutOfStepIsNoBlockHeader() {
    String shown = masked("{\"a\": \"x\", b\": \"s3cr3t-value\", \"c\": \"{{\"}");
    assertFalse(shown.contains("s3cr3t"), shown);
    String glued = masked("{\"note\": null,S\": \"\\u00${41s3cr3t-value{\", \"a\": 1}");
    assertFalse(glued.contains("s3cr3t"), glued);
    // A header keeps its names on a line of its own, labels that name things only.
    assertEquals("  source \"azure-arm\" \"x\" {", masked("  source \"azure-arm\" \"x\" {"));
    assertEquals("x = *** {", masked("x = build {"));
    assertEquals("*** \"***\" {", masked("label \"a b: c\" {"));
  }

  @Test
  void columnsFollowTheMask() {
    ValueMask.MaskedLine m = ValueMask.line(SourceFile.ofValues("v", "k = \"hunter2\" + 1"), 1);
    assertEquals("k = \"***\" + ***", m.text());
    assertEquals(1, m.startColumn(1)); // k
    assertEquals(5, m.startColumn(5)); // the opening quote
    assertEquals(6, m.startColumn(8)); // inside the value: the mask's start
    assertEquals(9, m.endColumn(12)); // after the value's last letter: after the mask
    assertEquals(11, m.startColumn(15)); // "+"
    assertEquals(16, m.endColumn(18)); // end of the line
    assertEquals(17, m.startColumn(19)); // past the end
  }

  @Test
  void secretRangesMaskOnlyWhatTheyCover() {
    SourceFile plain = new SourceFile("t", "a = \"x\"\n  default = \"hunter2\"\n");
    Range r =
        plain.range(plain.text().indexOf("\"hunter2\""), plain.text().indexOf("\"hunter2\"") + 9);
    SourceFile f = plain.withSecrets(List.of(r));
    assertEquals("a = \"x\"", ValueMask.line(f, 1).text());
    assertEquals("  default = \"***\"", ValueMask.line(f, 2).text());
    assertEquals(f.text(), plain.text(), "the text itself is never changed");
  }

  @Test
  void scrubMasksQuotedValuesOfTheSubjectLineOnly() {
    SourceFile f = SourceFile.ofValues("v", "a = topsecret extra\nb = other\n");
    Range subject = f.range(4, 19);
    Diagnostic d =
        new Diagnostic(
            "X-E001",
            Severity.ERROR,
            "Bad",
            "Found \"extra\" after topsecret; other is fine.",
            Optional.of(subject),
            Optional.empty(),
            List.of());
    assertEquals("Found \"***\" after ***; other is fine.", ValueMask.scrub(d, f).detail());
    // Not inside a longer word.
    assertEquals("extras", ValueMask.scrub("extras", f, subject));
  }

  @Test
  void textRendererMasksTheSnippetAndKeepsTheCaretUnderTheValue() {
    SourceFile f = SourceFile.ofValues("v.pkrvars.hcl", "region = \"westeurope\"\n");
    Diagnostic d = Diagnostic.of(TestCode.BAD, f.range(9, 21), "The value is wrong.");
    String text = new TextRenderer(n -> Optional.of(f)).render(d);
    assertEquals(
        "v.pkrvars.hcl:1:10: error: Bad [TST-E001]\n"
            + "  1 | region = \"***\"\n"
            + "    |          ^~~~~\n"
            + "  The value is wrong.\n",
        text);
  }

  @Test
  void textRendererLeavesTemplateFilesAsTheyAre() {
    SourceFile f = new SourceFile("t.pkr.hcl", "region = \"westeurope\"\n");
    Diagnostic d = Diagnostic.of(TestCode.BAD, f.range(0, 6), "Bad name.");
    assertEquals(
        "t.pkr.hcl:1:1: error: Bad [TST-E001]\n"
            + "  1 | region = \"westeurope\"\n"
            + "    | ^~~~~~\n"
            + "  Bad name.\n",
        new TextRenderer(n -> Optional.of(f)).render(d));
  }

  /** A code for the diagnostics of the ValueMask tests and properties. */
  enum TestCode implements DiagnosticCode {
    BAD("TST-E001", "Bad");

    private final Text text;

    TestCode(String id, String summary) {
      this.text = new Text(id, summary);
    }

    @Override
    public Text text() {
      return text;
    }
  }

  /**
   * A message about a secret's text: what it quotes of the text is masked, quoted or bare, and the
   * template syntax it teaches stays.
   */
  @Test
  void scrubSecretTextMasksEveryPartTheMessageQuotes() {
    assertEquals(
        "There is no variable named \"***\". Pass it with --var ***=VALUE.",
        ValueMask.scrubSecretText(
            "There is no variable named \"Mm4 x\". Pass it with --var Mm4 x=VALUE.",
            "{{user `Mm4 x`}}"));
    assertEquals(
        "The character \"***\" (U+***) cannot appear in an action.",
        ValueMask.scrubSecretText(
            "The character \"%\" (U+0025) cannot appear in an action.", "a{{ % }}b"));
    String syntax =
        "This action has no closing \"}}\". Close it with }}, or write \"{{\" in text as {{ \"{{\""
            + " }}.";
    assertEquals(syntax, ValueMask.scrubSecretText(syntax, "pw{{ x"));
    assertEquals(
        "The template variable $*** is not defined; the constant '***'.",
        ValueMask.scrubSecretText(
            "The template variable $q is not defined; the constant 'Z'.", "{{ $q 'Z' }}"));
  }
}
