package io.github.packer2aib.core.diag;

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
    return Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(6).ofMaxLength(16)
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
}
