package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generalization checks read commands as their shell reads them: a comment or a message that
 * names Sysprep or waagent runs nothing, and a line continued on the next is one command (review of
 * session 28: a comment made an ordinary last step replace Image Builder's generalization, and
 * Sysprep continued with a backtick was not seen).
 */
class GeneralizationReadingTest {
  private static final CommandLanguage SH = CommandLanguage.POSIX_SHELL;
  private static final CommandLanguage PS = CommandLanguage.POWERSHELL;
  private static final CommandLanguage CMD = CommandLanguage.CMD;

  private static final String SYSPREP =
      "& $env:SystemRoot\\System32\\Sysprep\\Sysprep.exe /oobe /generalize /quiet /quit";

  @Test
  void aCommentThatNamesTheGeneralizationIsNone() {
    assertFalse(
        Generalization.generalizes(
            List.of(
                "# sysprep /generalize is handled by the image pipeline",
                "Install-WindowsFeature Web-Server"),
            PS));
    assertFalse(
        Generalization.generalizes(
            List.of("# no need to run waagent -deprovision+user here", "apt-get -y install nginx"),
            SH));
    // After a command on its line, and PowerShell's block comment.
    assertFalse(
        Generalization.generalizes(List.of("Install-X # sysprep /generalize runs later"), PS));
    assertFalse(Generalization.generalizes(List.of("<# sysprep /generalize #> Install-X"), PS));
    // cmd.exe's REM and :: comments, also after @.
    assertFalse(Generalization.generalizes(List.of("REM sysprep.exe /generalize", "dir"), CMD));
    assertFalse(Generalization.generalizes(List.of("@rem sysprep.exe /generalize"), CMD));
    assertFalse(Generalization.generalizes(List.of(":: sysprep.exe /generalize /oobe"), CMD));
    // A # inside a string or a word is no comment: the command is still seen.
    assertTrue(
        Generalization.generalizes(
            List.of("& 'C:\\a#b\\Sysprep.exe' /generalize /oobe /mode:vm"), PS));
    // A comment that only names the image state is no wait for Sysprep either.
    assertFalse(Generalization.generalizes(List.of("# check ImageState"), PS));
  }

  @Test
  void aMessageThatNamesTheGeneralizationIsNone() {
    assertFalse(
        Generalization.generalizes(
            List.of("Write-Host 'Sysprep.exe /generalize will run later'"), PS));
    assertFalse(Generalization.generalizes(List.of("echo skipping waagent -deprovision+user"), SH));
    assertFalse(Generalization.generalizes(List.of("@echo sysprep.exe /generalize later"), CMD));
    // A message that also runs a command is no message.
    assertTrue(
        Generalization.generalizes(
            List.of("echo Running sysprep & sysprep.exe /generalize /oobe /mode:vm"), CMD));
    assertTrue(
        Generalization.generalizes(
            List.of("Write-Host (& sysprep.exe /generalize /oobe /quit)"), PS));
    assertTrue(
        Generalization.generalizes(
            List.of("echo Running; /usr/sbin/waagent -force -deprovision+user"), SH));
  }

  @Test
  void aLineContinuedOnTheNextIsOneCommand() {
    String script =
        "& \"$env:SystemRoot\\System32\\Sysprep\\Sysprep.exe\" `\r\n"
            + "    /oobe /generalize /quiet /quit /mode:vm\r\n"
            + "while ((Get-ItemProperty HKLM:\\x).ImageState -ne"
            + " 'IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE') { Start-Sleep -s 5 }\r\n";
    assertTrue(Generalization.mentions(script, PS));
    assertTrue(Generalization.mentions("/usr/sbin/waagent -force \\\n  -deprovision+user\n", SH));
    assertTrue(Generalization.mentions("sysprep.exe ^\r\n /generalize /oobe /quit\r\n", CMD));
    // Only where the language continues lines: a backslash ends no PowerShell line.
    assertFalse(Generalization.mentions("sysprep.exe \\\n /generalize\n", PS));
    // The default command continued on a second line is still the default.
    assertTrue(
        Generalization.isDefault(
            List.of(SYSPREP.replace(" /generalize", " `\n  /generalize"), MappingCases.WAIT_LOOP),
            PS));
  }

  @Test
  void aCommentAfterTheDefaultCommandIsNoFlagOfIt() {
    assertTrue(
        Generalization.isDefault(
            List.of(SYSPREP + " # as Packer's documentation does", MappingCases.WAIT_LOOP), PS));
    assertTrue(
        Generalization.isDefault(
            List.of(
                "@echo off",
                "REM generalize",
                "C:\\Windows\\System32\\Sysprep\\sysprep.exe /generalize /oobe /quit /quiet"),
            CMD));
  }

  @Test
  void onlyAnEnvironmentVariableSetToALiteralGoesWithTheDefault() {
    // As a step's environment_vars become ($env:NAME = 'value'): part of the default.
    assertTrue(Generalization.isDefault(List.of("$env:MODE = 'vm'", SYSPREP), PS));
    assertTrue(Generalization.isDefault(List.of("$env:MODE=\"vm\"", SYSPREP), PS));
    // A statement that only starts with $env: runs a command (fidelity review, session 28: the
    // Sysprep with /mode:vm, and the Remove-Item, were dropped as Image Builder's own command).
    assertFalse(
        Generalization.isDefault(
            List.of(
                "$env:SystemRoot\\System32\\Sysprep\\Sysprep.exe /oobe /generalize /quit /mode:vm"),
            PS));
    assertFalse(
        Generalization.isDefault(
            List.of(
                SYSPREP,
                "$env:ProgramData | Join-Path -ChildPath 'MyAgent\\state' | Remove-Item -Recurse"),
            PS));
    assertFalse(Generalization.isDefault(List.of("$env:X = (Get-Foo)", SYSPREP), PS));
    assertFalse(
        Generalization.isDefault(List.of("$env:X = $env:Y; Remove-Item C:\\x", SYSPREP), PS));
  }

  @Test
  void theReadTextLeavesOutCommentsAndMessagesOnly() {
    assertEquals(
        "Install-X \nGet-Date\n",
        Generalization.code("Install-X # sysprep /generalize\nWrite-Host 'x'\nGet-Date", PS));
    // A text the statement reader cannot follow loses its whole comment and message lines only.
    assertEquals(
        "rm 'unclosed\n",
        Generalization.code("# sysprep /generalize\nrm 'unclosed\necho waagent -deprovision", SH));
  }
}
