package io.github.packer2aib.core.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.parse.hcl.HclParser;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a var file holds, a value written in it never appears in the rendered diagnostics of
 * parsing it, while the location and the variable's name do.
 */
class ValueMaskProperties {

  @Provide
  Arbitrary<String> secrets() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .numeric()
        .ofMinLength(6)
        .ofMaxLength(16)
        .map(s -> "S" + s);
  }

  @Provide
  Arbitrary<String> shapes() {
    // %s is the secret; several of these are syntax errors on purpose.
    return Arbitraries.of(
        "key = \"%s\"\n",
        "key = \"%s\" +\n",
        "key = %s %s\n",
        "key = [\"%s\",\n",
        "key = { a = \"%s\" b = 1 }\n",
        "key = <<EOF\n%s\nEOF\n",
        "key = \"%s\n",
        "key = \"${%s\"\n",
        "key = 1%s\n",
        "# %s\nkey = \n",
        "key = \"%s\" = 2\n",
        "{\"key\": \"%s\", }\n");
  }

  @Property(tries = 300)
  void varFileValuesNeverReachRenderedDiagnostics(
      @ForAll("secrets") String secret, @ForAll("shapes") String shape) {
    String text = shape.replace("%s", secret);
    SourceFile file = SourceFile.ofValues("v.pkrvars.hcl", text);
    List<Diagnostic> diagnostics =
        ValueMask.scrub(new HclParser().parse(file).diagnostics(), List.of(file));
    String rendered = new TextRenderer(n -> Optional.of(file)).render(diagnostics);
    String json = new JsonRenderer().render(diagnostics);
    assertFalse(rendered.contains(secret), () -> text + "\n" + rendered);
    assertFalse(json.contains(secret), () -> text + "\n" + json);
    for (Diagnostic d : diagnostics) {
      assertTrue(rendered.contains(d.subject().map(Object::toString).orElse("")), rendered);
    }
    // Any quoted line of the first one keeps the name.
    if (!diagnostics.isEmpty()
        && diagnostics.get(0).subject().map(r -> r.start().line() == 1).orElse(false)
        && !text.startsWith("{")
        && !text.startsWith("#")) {
      assertTrue(rendered.contains(" | key"), rendered);
    }
  }

  /**
   * Any text at all, as a value file or with any secret range: masking a line never fails, keeps
   * the line's shape (no line break added) and maps every column into the masked line, in order, so
   * a caret can always be drawn.
   */
  @Property(tries = 1000)
  void anyLineMasksWithoutFailingAndMapsEveryColumn(
      @ForAll("anyText") String text, @ForAll boolean values, @ForAll int from, @ForAll int to) {
    SourceFile plain = new SourceFile("f", text);
    int a = Math.floorMod(from, text.length() + 1);
    int b = Math.floorMod(to, text.length() + 1);
    SourceFile file =
        (values ? SourceFile.ofValues("f", text) : plain)
            .withSecrets(List.of(plain.range(Math.min(a, b), Math.max(a, b))));
    for (int n = 1; n <= file.lineCount(); n++) {
      ValueMask.MaskedLine masked = ValueMask.line(file, n);
      assertFalse(masked.text().contains("\n"), masked.text());
      int length = masked.text().codePointCount(0, masked.text().length());
      int columns = file.line(n).codePointCount(0, file.line(n).length()) + 1;
      int previous = 1;
      for (int c = 1; c <= columns; c++) {
        int start = masked.startColumn(c);
        assertTrue(start >= previous && start <= length + 1, "column " + c + " -> " + start);
        assertTrue(masked.endColumn(c) >= 1, "end column " + c);
        previous = start;
      }
    }
    Diagnostic d =
        Diagnostic.of(
            ValueMaskTest.TestCode.BAD,
            plain.range(Math.min(a, b), Math.max(a, b)),
            "found \"" + text + "\" here");
    String rendered = new TextRenderer(name -> Optional.of(file)).render(ValueMask.scrub(d, file));
    assertTrue(rendered.startsWith("f:"), rendered);
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withChars("key=\"' \t{}[]:,#${}%\n\r\\ab1.").ofMaxLength(40),
        // Both halves of a surrogate pair: pairs (one code point, two columns of text) and lone
        // halves, beside a character above ASCII.
        Arbitraries.strings().withChars("k=\" \n\uD83D\uDE00\u00E9a").ofMaxLength(40));
  }

  /**
   * A message quoting a part of a secret default is masked exactly when one of its subject's lines
   * (up to 50) holds the secret, as the line numbers say: the scrubber first decides from offsets
   * alone whether the subject shares a line with a secret range at all.
   */
  @Property(tries = 1000)
  void aQuotedPartOfASecretIsMaskedWhenTheSubjectSharesItsLines(
      @ForAll("secrets") String secret,
      @ForAll("lineBreaks") List<Integer> before,
      @ForAll("lineBreaks") List<Integer> inside,
      @ForAll("lineBreaks") List<Integer> after,
      @ForAll("fractions") List<Double> subjectEnds,
      @ForAll boolean heredoc) {
    String head = lines(before.size(), "a = 1");
    String body =
        heredoc
            ? "default = <<EOF\n" + secret + lines(inside.size(), "x") + "\nEOF\n"
            : "default = \"" + secret + "\"\n";
    String text = head + body + lines(after.size(), "b = 2");
    int start = text.indexOf(heredoc ? "<<EOF" : "\"" + secret);
    int end = heredoc ? text.indexOf("EOF\n", start + 5) + 3 : start + secret.length() + 2;
    SourceFile plain = new SourceFile("t.pkr.hcl", text);
    SourceFile file = plain.withSecrets(List.of(plain.range(start, end)));
    int from = (int) (subjectEnds.get(0) * text.length());
    int to = from + (int) (subjectEnds.get(1) * (text.length() - from));
    var subject = file.range(from, to);
    String part = secret.substring(1, 4);
    String message = "It has \"" + part + "\" in it.";
    int firstLine = subject.start().line();
    int lastLine = Math.min(subject.end().line(), firstLine + 50);
    int secretLine = file.position(text.indexOf(secret)).line();
    boolean shares = firstLine <= secretLine && secretLine <= lastLine;
    String scrubbed = ValueMask.scrub(message, file, subject);
    assertEquals(shares ? "It has \"***\" in it." : message, scrubbed);
  }

  private static String lines(int count, String line) {
    return (line + "\n").repeat(count);
  }

  @Provide
  Arbitrary<List<Integer>> lineBreaks() {
    return Arbitraries.integers().between(0, 1).list().ofMaxSize(60);
  }

  @Provide
  Arbitrary<List<Double>> fractions() {
    return Arbitraries.doubles().between(0, 1).list().ofSize(2);
  }
}
