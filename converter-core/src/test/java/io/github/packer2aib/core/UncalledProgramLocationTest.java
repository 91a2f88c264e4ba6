package io.github.packer2aib.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PKRMAP-W222 (a program named by a path on an environment variable without the call operator,
 * which PowerShell reads as an expression that does not parse) is reported at the inline element
 * that holds the line, a heredoc included, as the template is written; Sysprep written so in a last
 * step gets it whether the step is kept as the deprovisioning script (W402) or dropped as Image
 * Builder's own command (W401).
 */
class UncalledProgramLocationTest {
  private static final String TEMPLATE =
      """
      source "azure-arm" "w" {
        subscription_id                   = "00000000-0000-0000-0000-000000000000"
        location                          = "westeurope"
        image_publisher                   = "MicrosoftWindowsServer"
        image_offer                       = "WindowsServer"
        image_sku                         = "2022-datacenter-azure-edition"
        os_type                           = "Windows"
        managed_image_name                = "app"
        managed_image_resource_group_name = "rg-images"
      }
      build {
        sources = ["source.azure-arm.w"]
        provisioner "powershell" {
          inline = [
            "Write-Host start",
            <<-EOT
            $x = 1
            $env:ProgramFiles\\Tool\\tool.exe /install /quiet
            EOT
            ,
            "& $env:SystemRoot\\\\System32\\\\cmd.exe /c echo ok",
          ]
        }
        provisioner "powershell" {
          inline = ["$env:SystemRoot\\\\System32\\\\Sysprep\\\\Sysprep.exe /oobe /generalize /quit /mode:vm"]
        }
      }
      """;

  @Test
  void theWarningIsAtTheElementThatHoldsTheLine() {
    MemoryFileView fs = new MemoryFileView("/w").put("/w/t.pkr.hcl", TEMPLATE);
    PackerOptions options =
        new PackerOptions(
            List.of(),
            List.of(),
            Map.of(),
            Path.of("/w"),
            Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    ConversionResult r =
        new PackerConversion()
            .convert(
                new PackerInput(Path.of("t.pkr.hcl"), "t.pkr.hcl"),
                options,
                MapOptions.defaults(),
                OutputFormat.JSON,
                fs,
                true);
    List<Diagnostic> w222 =
        r.diagnostics().stream().filter(d -> d.code().equals("PKRMAP-W222")).toList();
    assertEquals(
        List.of("16:7", "25:15"),
        w222.stream()
            .map(d -> d.subject().orElseThrow())
            .map(s -> s.start().line() + ":" + s.start().column())
            .toList(),
        r.diagnostics()::toString);
    assertEquals(
        "Inline command 2 of 3 has the statement $env:ProgramFiles\\Tool\\tool.exe /install"
            + " /quiet, which starts with a variable, so PowerShell reads it as an expression, not"
            + " as a command: what follows the variable is an unexpected token there, the script"
            + " holding the line does not parse, and none of its commands run. Packer fails the"
            + " step, and so does Image Builder wherever the line is kept. Run the program with"
            + " the call operator: & \"$env:ProgramFiles\\Tool\\tool.exe\" /install /quiet.",
        w222.get(0).detail());
    assertEquals(1, r.diagnostics().stream().filter(d -> d.code().equals("PKRMAP-W402")).count());
  }
}
