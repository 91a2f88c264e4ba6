package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which execute_commands only restate Packer's default (a note) and which do more (a warning). */
class WindowsExecuteCommandsTest {
  @Test
  void packersPowerShellDefaultsInTheirSpellingsAreRecognised() {
    // As Packer's docs print it, as the SDK templates it, and the older $ProgressPreference form.
    assertTrue(
        WindowsExecuteCommands.isPowerShellDefault(
            "powershell -executionpolicy bypass \"& { if (Test-Path"
                + " variable:global:ProgressPreference){set-variable -name"
                + " variable:global:ProgressPreference -value 'SilentlyContinue'};. {{.Vars}};"
                + " &'{{.Path}}'; exit $LastExitCode }\""));
    assertTrue(
        WindowsExecuteCommands.isPowerShellDefault(
            "powershell -executionpolicy {{.ExecutionPolicy}} \"& { if (Test-Path"
                + " variable:global:ProgressPreference){set-variable -name"
                + " variable:global:ProgressPreference -value 'SilentlyContinue'};. {{ .Vars }};"
                + " &'{{ .Path }}'; exit $LastExitCode }\""));
    assertTrue(
        WindowsExecuteCommands.isPowerShellDefault(
            "powershell -executionpolicy bypass \"& { if (Test-Path"
                + " variable:global:ProgressPreference){$ProgressPreference='SilentlyContinue'};."
                + " {{.Vars}}; &'{{.Path}}';exit $LastExitCode }\""));
  }

  @Test
  void aCommandThatDoesMoreIsNotTheDefault() {
    // Another policy, a transcript, pwsh, or the exit code left out all change what runs.
    assertFalse(
        WindowsExecuteCommands.isPowerShellDefault(
            "powershell -executionpolicy remotesigned \"& { . {{.Vars}}; &'{{.Path}}'; exit"
                + " $LastExitCode }\""));
    assertFalse(
        WindowsExecuteCommands.isPowerShellDefault(
            "powershell -executionpolicy bypass \"& { Start-Transcript C:/t.log; . {{.Vars}};"
                + " &'{{.Path}}'; exit $LastExitCode }\""));
    assertFalse(
        WindowsExecuteCommands.isPowerShellDefault(
            "pwsh -executionpolicy bypass \"& { . {{.Vars}}; &'{{.Path}}'; exit $LastExitCode"
                + " }\""));
    assertFalse(
        WindowsExecuteCommands.isPowerShellDefault(
            "powershell -executionpolicy bypass \"& { . {{.Vars}}; &'{{.Path}}' }\""));
  }

  @Test
  void windowsShellDefaultAndItsCmdSpellingAreRecognised() {
    assertTrue(WindowsExecuteCommands.isCmdDefault("{{ .Vars }}\"{{ .Path }}\""));
    assertTrue(WindowsExecuteCommands.isCmdDefault("{{ .Vars }} cmd /c \"{{ .Path }}\""));
    assertTrue(WindowsExecuteCommands.isCmdDefault("{{.Vars}} cmd.exe /c {{.Path}}"));
    assertFalse(
        WindowsExecuteCommands.isCmdDefault("{{ .Vars }} cmd /c \"{{ .Path }}\" > log.txt"));
    assertFalse(WindowsExecuteCommands.isCmdDefault("cmd /c \"{{ .Path }}\""));
  }
}
