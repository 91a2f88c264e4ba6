package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The parse runs each pattern only where a literal its matches must contain occurs; these
 * properties check each such pairing, so a pattern changed without its pre-check fails here.
 */
class ExecuteCommandProperties {

  /** How Generalization split a line into parts before it used {@link ExecuteCommand#split}. */
  private static final Pattern GENERALIZATION_PARTS = Pattern.compile("&&|;|\n");

  @Property(tries = 2000)
  void aPatternMatchesOnlyWhereItsPreCheckLooks(@ForAll("commands") String text) {
    if (ExecuteCommand.PATH.matcher(text).find()) {
      assertTrue(text.contains(".Path"), text);
    }
    if (ExecuteCommand.VARS.matcher(text).find()) {
      assertTrue(text.contains(".Vars"), text);
    }
    if (ExecuteCommand.PASSWORD_PIPE.matcher(text).matches()) {
      assertTrue(text.contains("echo") && text.indexOf('|') >= 0, text);
    }
    String trimmed = text.trim();
    if (ExecuteCommand.CHMOD_PATH.matcher(trimmed).matches()) {
      assertTrue(trimmed.startsWith("chmod"), trimmed);
    }
    for (String token : text.split("[\\s'\"]+")) {
      if (ExecuteCommand.ENV_PROGRAM.matcher(token).matches()) {
        assertTrue(token.endsWith("env"), token);
      }
      if (ExecuteCommand.ASSIGNMENT.matcher(token).matches()) {
        assertTrue(token.indexOf('=') > 0, token);
      }
    }
  }

  @Property(tries = 1000)
  void commandsSplitAsThePatternSplits(@ForAll("commands") String text) {
    List<String> expected = nonEmpty(List.of(Pattern.compile(";|&&").split(text)));
    assertEquals(expected, nonEmpty(ExecuteCommand.commands(text)));
  }

  @Property(tries = 1000)
  void linesSplitAsThePatternSplits(@ForAll("lines") String text) {
    List<String> expected = nonEmpty(List.of(GENERALIZATION_PARTS.split(text)));
    assertEquals(expected, nonEmpty(ExecuteCommand.split(text, true)));
  }

  /** Separators and near separators run together with words. */
  @Provide
  Arbitrary<String> lines() {
    return Arbitraries.of("&&", "&", ";", "\n", "\r", " ", "sync", "export A=1", "x")
        .list()
        .ofMaxSize(10)
        .map(l -> String.join("", l));
  }

  @Property(tries = 2000)
  void anActionIsReplacedAsItsPatternReplacesIt(@ForAll("actions") String text) {
    assertEquals(
        ExecuteCommand.PATH.matcher(text).replaceAll("\uE001"),
        ExecuteCommand.action(text, ".Path", "{{ .Path }}", ExecuteCommand.PATH, "\uE001"));
    assertEquals(
        ExecuteCommand.VARS.matcher(text).replaceAll("\uE002"),
        ExecuteCommand.action(text, ".Vars", "{{ .Vars }}", ExecuteCommand.VARS, "\uE002"));
  }

  /** Texts made of the pieces of actions, joined without blanks so that they run together. */
  @Provide
  Arbitrary<String> actions() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "{{ .Path }}",
            "{{ .Vars }}",
            "{{.Path}}",
            "{{- .Vars -}}",
            "{",
            "}",
            "{{",
            "}}",
            "-",
            " ",
            "\t",
            ".Path",
            ".Vars",
            "Path",
            ".",
            "x",
            "sudo ");
    return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
  }

  private static List<String> nonEmpty(List<String> parts) {
    List<String> out = new ArrayList<>();
    for (String p : parts) {
      if (!p.trim().isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  @Provide
  Arbitrary<String> commands() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "chmod +x ",
            "chmod 0755 ",
            "{{ .Path }}",
            "{{.Path}}",
            "{{- .Path -}}",
            "'{{ .Path }}'",
            "{{ .Vars }}",
            "{{.Vars}}",
            "{{ .EnvVarFile }}",
            "{{",
            "}}",
            ".Path",
            ".Vars",
            "sudo",
            "sudo -E",
            "sudo -S",
            "sudo -u x",
            "-E",
            "-n",
            "env",
            "/usr/bin/env",
            "/bin/env",
            "myenv",
            "A=1",
            "=x",
            "B_2=two",
            "sh",
            "bash",
            "/bin/bash",
            "-eux",
            "-c",
            "pwsh",
            "node",
            "echo",
            "echo 'pw' |",
            "echo \"p w\" | ",
            "|",
            ";",
            "&&",
            "&",
            " ",
            "  ",
            "\t",
            "'",
            "\"",
            "x");
    return pieces.list().ofMaxSize(10).map(l -> String.join(" ", l));
  }
}
