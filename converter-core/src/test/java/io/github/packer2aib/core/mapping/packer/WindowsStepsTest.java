package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Windows steps read from HCL2 text, for the cases of a review of Windows builds: generalization
 * inside a multi-line or {@code ;}-joined inline element, where the {@code $env:} assignments go,
 * the settings of a generalizing step, and the checks Packer makes that the converter missed.
 */
class WindowsStepsTest {
  private static final String SOURCE =
      """
      source "azure-arm" "win" {
        subscription_id = "00000000-0000-0000-0000-000000000001"
        location = "westeurope"
        os_type = "Windows"
        image_publisher = "MicrosoftWindowsServer"
        image_offer = "WindowsServer"
        image_sku = "2022-datacenter"
        vm_size = "Standard_D2s_v5"
        managed_image_name = "img"
        managed_image_resource_group_name = "rg"
      }
      """;

  record Converted(List<Diagnostic> diagnostics, String json) {
    List<String> codes() {
      return diagnostics.stream().map(Diagnostic::code).toList();
    }

    String detail(String code) {
      return diagnostics.stream()
          .filter(d -> d.code().equals(code))
          .map(Diagnostic::detail)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + code + " in " + diagnostics));
    }

    /** The text of c:\DeprovisioningScript.ps1 as the step writes it (base64 or quoted lines). */
    String deprovisioningScript() {
      Matcher b64 = Pattern.compile("\"  '([A-Za-z0-9+/=]+)'\"").matcher(json);
      if (json.contains("FromBase64String")) {
        StringBuilder all = new StringBuilder();
        while (b64.find()) {
          all.append(b64.group(1));
        }
        return new String(Base64.getDecoder().decode(all.toString()), StandardCharsets.UTF_8);
      }
      return json;
    }
  }

  static Converted convert(String build) {
    MapResult result =
        LoadAndMap.map(
            "t.pkr.hcl",
            SOURCE + "build {\n  sources = [\"source.azure-arm.win\"]\n" + build + "\n}\n");
    return new Converted(
        result.diagnostics(), result.templates().isEmpty() ? "" : LoadAndMap.json(result));
  }

  private static final String WAIT =
      "while($true) { $s = (Get-ItemProperty"
          + " HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Setup\\State).ImageState;"
          + " if($s -ne 'IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE') { Start-Sleep -s 10 } else {"
          + " break } }";

  private static final String SYSPREP =
      "& $env:SystemRoot\\System32\\Sysprep\\Sysprep.exe /oobe /generalize /quiet /quit";

  /** An HCL string literal of {@code s} (no {@code ${} or {@code %{} in the tests' texts). */
  static String hclString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String heredocBody(String... lines) {
    return "    inline = [<<-EOT\n      "
        + String.join("\n      ", lines)
        + "\n    EOT\n    ]\n  }\n";
  }

  private static String heredoc(String... lines) {
    return "  provisioner \"powershell\" {\n    inline = [<<-EOT\n      "
        + String.join("\n      ", lines)
        + "\n    EOT\n    ]\n  }\n";
  }

  // ------------------------------------------------------------------ F1: generalization by line

  @Test
  void aHeredocKeepsItsOtherCommandsAndANonDefaultSysprep() {
    Converted c =
        convert(
            heredoc(
                "Set-Service -Name wuauserv -StartupType Disabled", SYSPREP + " /mode:vm", WAIT));
    assertTrue(c.codes().contains("PKRMAP-W402"), c.diagnostics().toString());
    assertFalse(c.codes().contains("PKRMAP-W401"), c.diagnostics().toString());
    // The line before the generalization stays a step of its own; the rest is the script.
    assertTrue(
        c.json().contains("\"Set-Service -Name wuauserv -StartupType Disabled\\n\""), c.json());
    String script = c.deprovisioningScript();
    assertTrue(script.contains("/mode:vm"), script);
    assertFalse(script.contains("Set-Service"), script);
  }

  @Test
  void removingUnattendXmlRightBeforeTheDefaultSysprepGoesWithIt() {
    // Image Builder's own generalization removes unattend.xml before its Sysprep (mapping.md
    // B.8): the removal is part of the default that is dropped, not a step of its own (windows
    // review, session 28); the message before it stays a step.
    String removal = "Remove-Item C:\\Windows\\Panther\\unattend.xml -Force";
    Converted c = convert(heredoc("Write-Host \"hello\"", "# clean up", removal, SYSPREP, WAIT));
    assertTrue(c.codes().contains("PKRMAP-W401"), c.diagnostics().toString());
    assertTrue(c.json().contains("Write-Host \\\"hello\\\""), c.json());
    assertFalse(c.json().contains("unattend.xml"), c.json());
    // Separate elements, in cmd.exe.
    Converted cmd =
        convert(
            "  provisioner \"windows-shell\" {\n    inline = ["
                + hclString("echo pre")
                + ", "
                + hclString("del /f /q %WINDIR%\\Panther\\unattend.xml")
                + ", "
                + hclString(
                    "C:\\Windows\\System32\\Sysprep\\sysprep.exe /generalize /oobe /quit /quiet")
                + "]\n  }\n");
    assertTrue(cmd.codes().contains("PKRMAP-W401"), cmd.diagnostics().toString());
    assertFalse(cmd.json().contains("unattend.xml"), cmd.json());
    assertTrue(cmd.json().contains("echo pre"), cmd.json());
    // Before a Sysprep of its own, it runs first in the deprovisioning script.
    Converted custom =
        convert(heredoc("Write-Host \"hello\"", removal, SYSPREP + " /mode:vm", WAIT));
    assertTrue(custom.codes().contains("PKRMAP-W402"), custom.diagnostics().toString());
    String script = custom.deprovisioningScript();
    assertTrue(script.indexOf("unattend.xml") < script.indexOf("/mode:vm"), script);
    assertFalse(script.contains("hello"), script);
    // The form runner-images templates write: an if that tests for the file and removes it.
    String test = "if( Test-Path $Env:SystemRoot\\System32\\Sysprep\\unattend.xml ){ ";
    String rm = "rm $Env:SystemRoot\\System32\\Sysprep\\unattend.xml -Force";
    Converted guarded =
        convert(
            "  provisioner \"powershell\" {\n    inline = ["
                + hclString(test + rm + "}")
                + ", "
                + hclString(SYSPREP)
                + ", "
                + hclString(WAIT)
                + "]\n  }\n");
    assertTrue(guarded.codes().contains("PKRMAP-W401"), guarded.diagnostics().toString());
    assertFalse(guarded.json().contains("customize"), guarded.json());
    // An if that does more than remove the file is no removal: it stays a step.
    Converted more =
        convert(
            "  provisioner \"powershell\" {\n    inline = ["
                + hclString(test + rm + "; Set-Service x -StartupType Disabled }")
                + ", "
                + hclString(SYSPREP)
                + "]\n  }\n");
    assertTrue(more.codes().contains("PKRMAP-W401"), more.diagnostics().toString());
    assertTrue(more.json().contains("Set-Service"), more.json());
    // A removal with other commands between it and Sysprep is a step of its own.
    Converted apart =
        convert(heredoc(removal, "Set-Service x -StartupType Disabled", SYSPREP, WAIT));
    assertTrue(apart.codes().contains("PKRMAP-W401"), apart.diagnostics().toString());
    assertTrue(apart.json().contains("unattend.xml"), apart.json());
  }

  @Test
  void commandsThatLeaveAVariableForTheGeneralizationStayWithIt() {
    // Packer runs the commands as one script: cut in two steps, $u was empty for Sysprep.
    Converted c = convert(heredoc("$u = 'C:\\unattend.xml'", SYSPREP + " /unattend:$u", WAIT));
    assertTrue(c.codes().contains("PKRMAP-W402"), c.diagnostics().toString());
    String script = c.deprovisioningScript();
    assertTrue(script.contains("$u = 'C:\\unattend.xml'"), script);
    assertTrue(script.contains("/unattend:$u"), script);
    // Separate elements too, and a working folder or a function as well as a variable.
    Converted elements =
        convert(
            "  provisioner \"powershell\" {\n    inline = ["
                + hclString("Set-Location C:\\setup")
                + ", "
                + hclString(SYSPREP + " /unattend:unattend.xml")
                + "]\n  }\n");
    assertTrue(elements.deprovisioningScript().contains("Set-Location"), elements.json());
    assertTrue(ScriptState.mayCarry(List.of("function Go { x }"), "Go", true));
    assertTrue(ScriptState.mayCarry(List.of("$ErrorActionPreference = 'Stop'"), "x", true));
    assertTrue(ScriptState.mayCarry(List.of("export HISTSIZE=0"), "x", false));
    assertTrue(ScriptState.mayCarry(List.of("U=/tmp/u"), "waagent ${U}", false));
    assertFalse(ScriptState.mayCarry(List.of("U=/tmp/u"), "waagent $UX", false));
    assertFalse(
        ScriptState.mayCarry(
            List.of("while ((Get-Service RdAgent).Status -ne 'Running') { Start-Sleep -s 5 }"),
            "sysprep",
            true));
    assertFalse(ScriptState.mayCarry(List.of("Write-Host 'a == b'"), "sysprep", true));
    // A variable the later commands do not name stays behind (a deadline for a wait loop).
    assertFalse(
        ScriptState.mayCarry(List.of("$deadline = (Get-Date).AddMinutes(10)"), "sysprep", true));
    assertTrue(ScriptState.mayCarry(List.of("$Deadline = 1"), "x $deadline", true));
  }

  @Test
  void aBacktickBeforeACrlfContinuesTheLine() {
    List<CommandStatements.Statement> s =
        CommandStatements.of("Write-Host a\r\nStart-Process -Wait `\r\n  sysprep.exe /x\r\n", true);
    assertEquals(
        List.of("Write-Host a\r", "Start-Process -Wait `\r\n  sysprep.exe /x\r", ""),
        s.stream().map(CommandStatements.Statement::text).toList());
  }

  @Test
  void anEchoThatRunsACommandIsNoMessage() {
    // cmd runs both sides of a single &: the Sysprep with /mode:vm is no default.
    String sysprep = "C:\\Windows\\System32\\Sysprep\\sysprep.exe /oobe /generalize /quiet /quit";
    assertFalse(
        Generalization.isDefault(
            List.of("echo Running sysprep & " + sysprep + " /mode:vm"),
            CommandLanguage.POWERSHELL));
    assertTrue(
        Generalization.isDefault(
            List.of("echo Running sysprep", sysprep), CommandLanguage.POWERSHELL));
  }

  @Test
  void aSemicolonJoinedLineWithOtherCommandsIsKeptWhole() {
    String line = "Set-Service -Name wuauserv -StartupType Disabled; " + SYSPREP + "; " + WAIT;
    Converted c =
        convert("  provisioner \"powershell\" {\n    inline = [" + hclString(line) + "]\n  }\n");
    assertTrue(c.codes().contains("PKRMAP-W402"), c.diagnostics().toString());
    assertTrue(c.json().contains("Set-Service -Name wuauserv"), c.json());
  }

  @Test
  void anUnattendFileInAHeredocIsKept() {
    Converted c = convert(heredoc(SYSPREP + " /unattend:C:\\unattend.xml", WAIT));
    assertTrue(c.codes().contains("PKRMAP-W402"), c.diagnostics().toString());
    assertTrue(c.deprovisioningScript().contains("/unattend:C:\\unattend.xml"));
  }

  @Test
  void theDefaultCommandsInAHeredocAreStillDropped() {
    Converted c =
        convert(
            heredoc(
                "Write-Host \"hello\"",
                SYSPREP,
                "while ($true) {",
                "  $imageState = Get-ItemProperty"
                    + " HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Setup\\State | Select"
                    + " ImageState",
                "  if ($imageState.ImageState -ne 'IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE') {",
                "    Write-Output $imageState.ImageState",
                "    Start-Sleep -s 10",
                "  } else {",
                "    break",
                "  }",
                "}"));
    assertTrue(c.codes().contains("PKRMAP-W401"), c.diagnostics().toString());
    assertFalse(c.json().contains("DeprovisioningScript"), c.json());
    assertTrue(c.json().contains("Write-Host \\\"hello\\\""), c.json());
    Converted oneLine = convert(heredoc(SYSPREP, WAIT));
    assertTrue(oneLine.codes().contains("PKRMAP-W401"), oneLine.diagnostics().toString());
  }

  @Test
  void aWaitLoopThatDoesMoreIsNoDefault() {
    assertFalse(
        Generalization.isDefault(
            List.of(SYSPREP, WAIT.replace("Start-Sleep -s 10", "Remove-Item C:\\x; Start-Sleep 1")),
            CommandLanguage.POWERSHELL));
    assertTrue(Generalization.isDefault(List.of(SYSPREP, WAIT), CommandLanguage.POWERSHELL));
    assertTrue(
        Generalization.isDefault(List.of(SYSPREP + "\n" + WAIT), CommandLanguage.POWERSHELL));
    assertFalse(
        Generalization.isDefault(
            List.of("Set-Service x -StartupType Disabled\n" + WAIT), CommandLanguage.POWERSHELL));
  }

  @Test
  void statementsFollowLoopsStringsAndHereStrings() {
    List<CommandStatements.Statement> s =
        CommandStatements.of("a; b\nwhile ($x) {\n c; d\n}\n$t = @'\n;x\n'@\ne", true);
    assertEquals(
        List.of("a", " b", "while ($x) {\n c; d\n}", "$t = @'\n;x\n'@", "e"),
        s.stream().map(CommandStatements.Statement::text).toList());
    assertEquals(
        List.of(true, false, true, true, true),
        s.stream().map(CommandStatements.Statement::startsLine).toList());
    assertEquals(null, CommandStatements.of("echo 'open", true));
    assertEquals(null, CommandStatements.of("cat <<EOF\nx\nEOF", false));
    assertEquals(2, CommandStatements.of("Get-Item x |\n  Remove-Item\ny", true).size());
  }

  // ------------------------------------------------------------------ F2: where $env: goes

  @Test
  void theEnvironmentIsSetBeforeAUsingStatementsScriptRuns() {
    Converted c =
        convert(
            "  provisioner \"powershell\" {\n"
                + "    environment_vars = [\"APP_URL=https://example.com/app.zip\"]\n"
                + heredocBody(
                    "using namespace System.Net",
                    "[WebClient]::new().DownloadFile($env:APP_URL, 'C:\\app.zip')"));
    int env = c.json().indexOf("$env:APP_URL = 'https://example.com/app.zip'");
    int run = c.json().indexOf("& 'C:\\\\Windows\\\\Temp\\\\packer2aib-1.ps1'");
    assertTrue(env >= 0 && run > env, c.json());
    assertTrue(c.codes().contains("PKRMAP-N118"), c.diagnostics().toString());
  }

  @Test
  void aParamBlockOverSeveralElementsStaysAtTheStartOfItsScript() {
    Converted c =
        convert(
            "  provisioner \"powershell\" {\n"
                + "    environment_vars = [\"NAME=web\"]\n"
                + "    inline = [\"[CmdletBinding()]\", \"param(\", \"  [string]$Role = 'x'\","
                + " \")\", \"Write-Host $Role $env:NAME\"]\n  }\n");
    // The assignment comes first in the step; the script file starts with the attribute.
    assertTrue(
        c.json()
            .contains(
                "\"$env:NAME = 'web'\",\n          \"$packer2aibLines = @(\",\n"
                    + "          \"  '[CmdletBinding()]'\","),
        c.json());
    assertTrue(c.json().contains("& 'C:\\\\Windows\\\\Temp\\\\packer2aib-1.ps1'"), c.json());
  }

  @Test
  void commandsWithoutAHeaderStayInline() {
    Converted c =
        convert(
            "  provisioner \"powershell\" {\n"
                + "    environment_vars = [\"A=1\"]\n"
                + "    inline = [\"# using is a word\","
                + " \"[Net.ServicePointManager]::SecurityProtocol = 'Tls12'\"]\n"
                + "  }\n");
    assertTrue(c.json().contains("\"$env:A = '1'\",\n          \"# using is a word\","), c.json());
    assertFalse(c.json().contains("packer2aib-1.ps1"), c.json());
    assertTrue(PowerShellProvisioner.startsWithScriptHeader(List.of("<# help #>", "Param (")));
    assertFalse(PowerShellProvisioner.startsWithScriptHeader(List.of("[string]$x = 1")));
  }

  // ------------------------------------------------------------------ F3: generalizing settings

  @Test
  void aCustomGeneralizationKeepsTheStepsSettings() {
    Converted c =
        convert(
            "  provisioner \"powershell\" {\n"
                + "    use_pwsh = true\n    debug_mode = 1\n"
                + "    execution_policy = \"remotesigned\"\n    valid_exit_codes = [0, 1]\n"
                + "    inline = ["
                + hclString(SYSPREP + " /mode:vm")
                + "]\n  }\n");
    String script = c.deprovisioningScript();
    assertTrue(script.contains("& pwsh -NoProfile -NonInteractive -ExecutionPolicy RemoteSigned"));
    assertTrue(script.contains("Set-PSDebug -Trace 1"), script);
    assertTrue(script.contains("/mode:vm"), script);
    assertTrue(c.detail("PKRMAP-W103").startsWith("valid_exit_codes was dropped"));
    assertTrue(c.detail("PKRMAP-N118").contains("pwsh"), c.detail("PKRMAP-N118"));
  }

  @Test
  void theDefaultGeneralizationDropsTheStepsSettingsWithANote() {
    Converted c =
        convert(
            "  provisioner \"powershell\" {\n"
                + "    debug_mode = 1\n    execution_policy = \"remotesigned\"\n"
                + "    inline = ["
                + hclString(SYSPREP)
                + ", "
                + hclString(WAIT)
                + "]\n  }\n");
    assertTrue(c.codes().contains("PKRMAP-W401"), c.diagnostics().toString());
    assertFalse(c.codes().contains("PKRMAP-N118"), c.diagnostics().toString());
    assertFalse(c.codes().contains("PKRMAP-W215"), c.diagnostics().toString());
    List<String> dropped =
        c.diagnostics().stream()
            .filter(d -> d.code().equals("PKRMAP-N102"))
            .map(Diagnostic::detail)
            .toList();
    assertTrue(
        dropped.stream().anyMatch(d -> d.startsWith("debug_mode was dropped")), dropped.toString());
    assertTrue(
        dropped.stream().anyMatch(d -> d.startsWith("execution_policy was dropped")),
        dropped.toString());
  }

  // ------------------------------------------------------------------ F4: what Packer refuses

  @Test
  void packersRefusalsAreErrors() {
    Converted c =
        convert(
            "  provisioner \"powershell\" {\n    elevated_password = \"Passw0rd-123\"\n"
                + "    inline = [\"Write-Host a\"]\n  }\n"
                + "  provisioner \"powershell\" {\n    debug_mode = 3\n"
                + "    inline = [\"Write-Host b\"]\n  }\n"
                + "  provisioner \"powershell\" {\n    execution_policy = \"sometimes\"\n"
                + "    inline = [\"Write-Host c\"]\n  }\n");
    List<String> errors =
        c.diagnostics().stream()
            .filter(d -> d.code().equals("PKRMAP-E106"))
            .map(Diagnostic::detail)
            .toList();
    assertEquals(3, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("without elevated_user"), errors.get(0));
    assertFalse(errors.get(0).contains("Passw0rd"), errors.get(0));
    assertTrue(errors.get(1).contains("0, 1 or 2"), errors.get(1));
    assertTrue(errors.get(2).contains("Use one of them"), errors.get(2));
  }

  // ------------------------------------------------------------------ F5, F6: file destinations

  @Test
  void aRelativeDestinationIsRefused() {
    Converted c =
        convert(
            "  provisioner \"file\" {\n    content = \"x\"\n"
                + "    destination = \"tools\\\\setup.ps1\"\n  }\n");
    assertTrue(c.detail("PKRMAP-E106").contains("is relative"), c.detail("PKRMAP-E106"));
    assertTrue(UnfitCharacters.isRelativeWindowsPath("C:x"));
    assertFalse(UnfitCharacters.isRelativeWindowsPath("C:/x"));
    assertFalse(UnfitCharacters.isRelativeWindowsPath("\\\\server\\share\\x"));
  }

  @Test
  void contentForAFolderGetsAFileNameWithAWarning() {
    Converted c =
        convert(
            "  provisioner \"file\" {\n    content = \"key=value\"\n"
                + "    destination = \"C:\\\\cfg\\\\\"\n  }\n");
    assertTrue(c.detail("PKRMAP-W215").contains("ends with a separator"), c.detail("PKRMAP-W215"));
    assertTrue(c.json().contains("WriteAllText('C:\\\\cfg\\\\packer2aib-1-content'"), c.json());
  }

  @Test
  void anEnvironmentVariableInTheDestinationIsRefusedForWhatItIs() {
    Converted c =
        convert(
            "  provisioner \"file\" {\n    content = \"x\"\n    destination ="
                + " \"$env:APPDATA\\\\Microsoft\\\\run.cmd\"\n  }\n");
    String detail = c.detail("PKRMAP-E106");
    assertTrue(detail.contains("names the PowerShell variable $env:APPDATA"), detail);
    assertTrue(detail.contains("expanded on the VM"), detail);
    assertFalse(detail.contains("does not allow"), detail);
  }
}
