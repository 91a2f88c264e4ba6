package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.diag.SecretMessages;
import io.github.packer2aib.core.diag.Severity;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.Variable;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The last guard of messages: a sensitive variable's text never leaves in a diagnostic. */
class SecretMessagesTest {
  private static final SourceFile FILE = new SourceFile("t.pkr.hcl", "x = 1\n");

  private static Variable variable(String name, String value, boolean sensitive) {
    Value v = Value.string(value);
    return new Variable(
        name,
        Optional.of("string"),
        sensitive ? v.mark(Mark.SENSITIVE) : v,
        sensitive,
        Optional.empty(),
        Variable.ValueSource.COMMAND_LINE,
        FILE.range(0, 1),
        Optional.empty());
  }

  private static PackerTemplate template(Variable... variables) {
    return new PackerTemplate(
        PackerTemplate.Syntax.HCL2,
        "t.pkr.hcl",
        List.of(variables),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty());
  }

  private static Diagnostic said(String detail) {
    return new Diagnostic(
        "PKR-W999",
        Severity.WARNING,
        "About Zq-Pass-123456",
        detail,
        Optional.of(FILE.range(0, 1)),
        Optional.of("/a/Zq-Pass-123456"),
        List.of(new Related(FILE.range(0, 1), "near Zq-Pass-123456")));
  }

  @Test
  void aSensitiveTextIsMaskedInEveryPartOfAMessage() {
    PackerTemplate t =
        template(variable("pw", "Zq-Pass-123456", true), variable("region", "westeurope", false));

    Diagnostic d =
        SecretMessages.scrub(
                new Secrets(t).allTexts(), List.of(said("The value Zq-Pass-123456 in westeurope.")))
            .get(0);

    assertEquals("About ***", d.summary());
    assertEquals("The value *** in westeurope.", d.detail());
    assertEquals(Optional.of("/a/***"), d.path());
    assertEquals("near ***", d.related().get(0).label());
  }

  @Test
  void shortSecretsAndMessagesWithoutSecretsAreLeftAsTheyAre() {
    // Under eight characters a secret ("true", "1") would mask unrelated words: the mark guards it.
    PackerTemplate t = template(variable("pin", "1234567", true));
    List<Diagnostic> all = List.of(said("pin 1234567 here"));

    assertSame(all, SecretMessages.scrub(new Secrets(t).allTexts(), all));
    assertSame(
        all,
        SecretMessages.scrub(
            new Secrets(template(variable("pw", "Zq-Other-999", true))).allTexts(), all));
  }
}
