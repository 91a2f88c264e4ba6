package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExecuteCommandTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '`',
      value = {
        "chmod +x {{ .Path }}; {{ .Vars }} {{ .Path }}#false##false#true#true",
        "{{.Vars}} {{.Path}}#false##false#true#true",
        "chmod +x {{ .Path }}; {{ .Vars }} sudo -E {{ .Path }}#true##false#true#false",
        "echo 'packer' | sudo -S sh -c '{{ .Vars }} {{ .Path }}'#true##true#true#false",
        "echo 'pw' | {{ .Vars }} sudo -S -E sh -eux '{{ .Path }}'#true#sh -eux#true#true#false",
        "chmod +x {{ .Path }}; {{ .Vars }} sudo -E bash -eux '{{ .Path }}'#true#bash"
            + " -eux#false#true#false",
        "sudo -E sh '{{ .Path }}'#true#sh#false#true#false",
        "{{ .Vars }} bash '{{ .Path }}'#false#bash#false#true#false",
        "sudo {{ .Vars }} /bin/bash {{ .Path }}#true#/bin/bash#false#true#false",
        "sudo -u postgres sh '{{ .Path }}'#false##false#false#false",
        "sudo sh -c '{{ .Vars }} pwsh -f {{ .Path }}'#true#pwsh -f#false#true#false",
        "/bin/sh -c '{{ .Vars }} {{ .Path }}'#false##false#true#true",
        "{{ .Vars }} node {{ .Path }}#false##false#false#false",
        "sudo -E sh -c '{{ .Vars }} {{ .Path }}' && echo done#false##false#false#false",
        "{{ .EnvVarFile }} sh {{ .Path }}#false##false#false#false",
      })
  void parses(
      String text,
      boolean sudo,
      String interpreter,
      boolean password,
      boolean recognised,
      boolean isDefault) {
    ExecuteCommand expected =
        new ExecuteCommand(sudo, Optional.ofNullable(interpreter), password, recognised, isDefault);
    assertEquals(expected, ExecuteCommand.parse(text));
    // Again: the second parse of a text may come from the memo and must say the same.
    assertEquals(expected, ExecuteCommand.parse(text));
  }

  /** Variables the command sets itself reach the script in Packer: they are kept, in order. */
  @Test
  void keepsTheVariablesTheCommandSets() {
    assertEquals(
        new ExecuteCommand(
            true, Optional.of("bash"), false, true, false, Map.of("CLOUD", "azure"), false),
        ExecuteCommand.parse("CLOUD=azure sudo -E bash '{{.Path}}'"));
    assertEquals(
        new ExecuteCommand(
            true,
            Optional.empty(),
            false,
            true,
            false,
            Map.of("A", "1", "B", "two words"),
            false,
            // Before {{ .Vars }}: environment_vars of those names win over them.
            java.util.Set.of("A", "B")),
        ExecuteCommand.parse("sudo -E sh -c 'A=1 B=\"two words\" {{ .Vars }} {{ .Path }}'"));
    assertEquals(
        new ExecuteCommand(
            false, Optional.empty(), false, true, false, Map.of("DEBUG", "1"), false),
        ExecuteCommand.parse("chmod +x {{ .Path }}; {{ .Vars }} DEBUG=1 {{ .Path }}"));
    // sudo -H gives the script root's HOME, which -E alone would not.
    assertEquals(
        new ExecuteCommand(true, Optional.of("bash"), false, true, false, Map.of(), true),
        ExecuteCommand.parse("{{ .Vars }} sudo -HE bash '{{ .Path }}'"));
    assertEquals(
        new ExecuteCommand(true, Optional.of("bash"), true, true, false, Map.of(), true),
        ExecuteCommand.parse("echo 'ubuntu' | {{ .Vars }} sudo -H -S -E bash  '{{ .Path }}'"));
    // A variable set to the script's own path is not understood.
    assertEquals(
        new ExecuteCommand(false, Optional.empty(), false, false, false),
        ExecuteCommand.parse("SCRIPT={{ .Path }} sh {{ .Path }}"));
  }

  /** A command that runs the script as another user gets its own advice when it is dropped. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '`',
      value = {
        "{{ .Vars }} sudo -E su - jenkins -c \"bash -eu '{{ .Path }}'\" # true",
        "sudo -u packer bash {{ .Path }} # true",
        "sudo --user=packer bash {{ .Path }} # true",
        "sudo -iu packer {{ .Path }} # true",
        "/sbin/runuser -l packer -c {{ .Path }} # true",
        "sh -c 'su packer -c {{ .Path }}' # true",
        "{{ .Vars }} sudo -E -S bash '{{ .Path }}' # false",
        "chmod +x {{ .Path }}; {{ .Vars }} {{ .Path }} # false",
        "{{ .Vars }} sudo -E sh -c 'cd /tmp/sub; {{ .Path }}' # false"
      })
  void tellsACommandThatSwitchesUser(String command, boolean switches) {
    assertEquals(switches, ExecuteCommand.switchesUser(command));
  }
}
