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
            Os.WINDOWS));
    assertTrue(Generalization.isDefault(List.of(SYSPREP, WAIT), Os.WINDOWS));
    assertTrue(Generalization.isDefault(List.of(SYSPREP + "\n" + WAIT), Os.WINDOWS));
    assertFalse(
        Generalization.isDefault(
            List.of("Set-Service x -StartupType Disabled\n" + WAIT), Os.WINDOWS));
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
}
