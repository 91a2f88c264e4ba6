package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The parse with its cheap checks reads every command as the patterns alone read it. */
class ExecuteCommandProperties {

  @Property(tries = 2000)
  void parseAgreesWithThePatternOnlyParse(@ForAll("commands") String text) {
    RegexExecuteCommand old = RegexExecuteCommand.parse(text);
    ExecuteCommand now = ExecuteCommand.parse(text);
    assertEquals(
        List.of(old.sudo(), old.interpreter(), old.passwordDropped(), old.recognised(),
            old.isDefault()),
        List.of(now.sudo(), now.interpreter(), now.passwordDropped(), now.recognised(),
            now.isDefault()));
  }

  @Property(tries = 1000)
  void commandsSplitAsThePatternSplits(@ForAll("commands") String text) {
    List<String> expected = nonEmpty(List.of(Pattern.compile(";|&&").split(text)));
    assertEquals(expected, nonEmpty(ExecuteCommand.commands(text)));
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
            "chmod +x ", "chmod 0755 ", "{{ .Path }}", "{{.Path}}", "{{- .Path -}}",
            "'{{ .Path }}'",
            "{{ .Vars }}", "{{.Vars}}", "{{ .EnvVarFile }}", "{{", "}}", ".Path", ".Vars", "sudo",
            "sudo -E", "sudo -S", "sudo -u x", "-E", "-n", "env", "/usr/bin/env", "/bin/env",
            "myenv", "A=1", "=x", "B_2=two", "sh", "bash", "/bin/bash", "-eux", "-c", "pwsh",
            "node", "echo", "echo 'pw' |", "echo \"p w\" | ", "|", ";", "&&", "&", " ", "  ",
            "\t", "'", "\"", "x");
    return pieces.list().ofMaxSize(10).map(l -> String.join(" ", l));
  }
}
