package io.github.packer2aib.core.bind.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.source.SourceFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The value of a secret variable that fails in the template language (a random password may hold
 * {@code {{}) is never quoted, not even in part, by the messages about it, wherever the value comes
 * from: {@code --var}, a settings file, a var file or the template's default. These are the
 * loader's own diagnostics, before any scrubbing of a caller: the pseudo-file of a {@code --var} is
 * in no list of files a caller scrubs, and what a message says bare ({@code --var NAME=VALUE})
 * escaped every scrubbing by quoted lines.
 */
class SecretValueMessagesTest {

  /**
   * {@code client_secret} is secret by its name, {@code admin_pw} by {@code sensitive-variables},
   * {@code plain} is not secret.
   */
  private static String template(String adminDefault) {
    return "{\"variables\": {\"client_secret\": null, \"admin_pw\": "
        + adminDefault
        + ", \"plain\": \"\"},\n"
        + " \"sensitive-variables\": [\"admin_pw\"],\n"
        + " \"builders\": [{\"type\": \"azure-arm\", \"client_secret\": \"{{user"
        + " `client_secret`}}\", \"managed_image_name\": \"{{user `admin_pw`}}{{user"
        + " `plain`}}\"}]}\n";
  }

  private static final SourceFile TEMPLATE = new SourceFile("t.json", template("null"));

  private enum Origin {
    COMMAND_LINE,
    SETTINGS_FILE,
    VAR_FILE
  }

  private static List<Diagnostic> load(SourceFile template, Origin origin, String... pairs) {
    List<LegacyOptions.Var> vars = new ArrayList<>();
    StringBuilder varFile = new StringBuilder("{");
    for (int i = 0; i < pairs.length; i += 2) {
      switch (origin) {
        case COMMAND_LINE -> vars.add(new LegacyOptions.Var(pairs[i], pairs[i + 1]));
        case SETTINGS_FILE ->
            vars.add(LegacyOptions.Var.fromSettings(pairs[i], pairs[i + 1], Optional.empty()));
        case VAR_FILE ->
            varFile
                .append(varFile.length() > 1 ? ", " : "")
                .append(json(pairs[i]))
                .append(": ")
                .append(json(pairs[i + 1]));
      }
    }
    List<SourceFile> varFiles =
        origin == Origin.VAR_FILE
            ? List.of(SourceFile.ofValues("v.json", varFile.append("}").toString()))
            : List.of();
    LegacyOptions options =
        new LegacyOptions(
            vars,
            varFiles,
            Map.of(),
            "/work",
            "/work",
            Clock.frozenAt(Instant.ofEpochSecond(1_700_000_000L)),
            Optional.empty(),
            true);
    return LegacyLoader.load(template, options).diagnostics();
  }

  private static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String messages(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      out.append(d.code())
          .append(' ')
          .append(d.summary())
          .append(": ")
          .append(d.detail())
          .append(d.path().orElse(""))
          .append('\n');
    }
    return out.toString();
  }

  /** Every error kind the review found, for both secret variables, from each origin. */
  @Test
  void noMessageQuotesAPartOfASecretValue() {
    // value, code, the part of the value the message quoted
    String[][] cases = {
      {"Rt5{{Wq3nCliSecret}}k", "GOTPL-E101", "Wq3nCliSecret"},
      {"{{user `Mm4CliPw`}}", "GOTPL-E106", "Mm4CliPw"},
      {"Xk9{{ $Qz7pLm }}w2", "GOTPL-E010", "Qz7pLm"},
      {"Ab1{{ % }}x", "GOTPL-E005", "U+0025"},
      {"Ab1{{ 12Zq9 }}x", "GOTPL-E006", "12Zq9"},
      {"Ab1{{ user 'Z' }}x", "GOTPL-E103", "'Z'"},
      {"Ab1{{ (lower \"Zq9Field\").Zq9Fld }}x", "GOTPL-E008", "Zq9Fld"},
      {"Ab1{{ split \"Zq9a,b\" \",\" 7 }}x", "GOTPL-E104", "Zq9a"},
      {"Ab1{{ user `Zq9 a` }}x", "GOTPL-E106", "Zq9 a"},
    };
    for (Origin origin : Origin.values()) {
      for (String name : List.of("client_secret", "admin_pw")) {
        for (String[] c : cases) {
          String shown = messages(load(TEMPLATE, origin, name, c[0]));
          String what = origin + " " + name + "=" + c[0] + ":\n" + shown;
          assertTrue(shown.contains(c[1]), what);
          assertFalse(shown.contains(c[2]), what);
          assertTrue(shown.contains("***"), what);
          // Located at the whole value: a place inside it told where its {{ stands, and the
          // caret's width how long a token of it is.
          for (Diagnostic d : load(TEMPLATE, origin, name, c[0])) {
            if (d.code().equals(c[1]) && d.subject().isPresent()) {
              int width = d.subject().get().endOffset() - d.subject().get().startOffset();
              assertTrue(width >= c[0].length(), what + " at " + d.subject().get());
            }
          }
        }
      }
    }
  }

  /** The message of the unknown name keeps its sentence, with the parts of the value masked. */
  @Test
  void theSentencesStayWithThePartsMasked() {
    assertEquals(
        "GOTPL-E106 Undefined variable: There is no variable named \"***\". Declare it in"
            + " \"variables\" or pass it with --var ***=VALUE.\n",
        messages(
            load(
                TEMPLATE,
                Origin.COMMAND_LINE,
                "admin_pw",
                "{{user `Mm4CliPw`}}",
                "client_secret",
                "x")));
    assertEquals(
        "GOTPL-E010 Unsupported template action: The template variable $*** is not defined:"
            + " template variables are not supported by packer2aib. Use a user variable instead:"
            + " {{ user `name` }}.\n",
        messages(
            load(
                TEMPLATE,
                Origin.SETTINGS_FILE,
                "client_secret",
                "Xk9{{ $Qz7pLm }}w2",
                "admin_pw",
                "x")));
  }

  /** A sensitive default is masked as well, unless it only names what it reads. */
  @Test
  void aSecretDefaultIsMaskedUnlessItOnlyNamesWhatItReads() {
    SourceFile withDefault = new SourceFile("t.json", template("\"Ab1{{user `Mm4DefaultPw`}}x\""));
    String shown = messages(load(withDefault, Origin.COMMAND_LINE, "client_secret", "x"));
    assertTrue(shown.contains("GOTPL-E106"), shown);
    assertFalse(shown.contains("Mm4DefaultPw"), shown);
    // A default that only reads a variable is template code, shown as a masked line shows it.
    SourceFile reads = new SourceFile("t.json", template("\"{{user `Mm4Missing`}}\""));
    shown = messages(load(reads, Origin.COMMAND_LINE, "client_secret", "x"));
    assertTrue(shown.contains("There is no variable named \"Mm4Missing\""), shown);
  }

  /** The value of a variable that is not secret is not scrubbed here. */
  @Test
  void aValueThatIsNotSecretKeepsItsNames() {
    String shown = messages(load(TEMPLATE, Origin.COMMAND_LINE, "plain", "{{user `Mm4Plain`}}"));
    assertTrue(shown.contains("--var Mm4Plain=VALUE"), shown);
  }

  @Provide
  Arbitrary<String> passwords() {
    Arbitrary<String> words =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .ofMinLength(1)
            .ofMaxLength(6)
            .map(w -> "Zq" + w);
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            words,
            Arbitraries.of(
                "{{", "}}", " ", "$", ".", "`", "\"", "'", "|", "(", ")", "-", "%", "7", "0x",
                "user ", "lower ", "split ", "env ", "printf ", "if ", "/*", "*/", "\\", ":="));
    return pieces.list().ofMinSize(1).ofMaxSize(12).map(l -> "{{" + String.join("", l));
  }

  /**
   * Random passwords with braces, which fail in the template language in every way it can: the
   * words drawn for them ({@code Zq…}) never show in a message, from {@code --var} or a var file.
   */
  @Property(tries = 400)
  void aRandomSecretPasswordIsNeverQuoted(@ForAll("passwords") String password) {
    for (Origin origin : List.of(Origin.COMMAND_LINE, Origin.VAR_FILE)) {
      String shown = messages(load(TEMPLATE, origin, "client_secret", password));
      assertFalse(shown.contains("Zq"), () -> origin + " " + password + ":\n" + shown);
    }
  }
}
