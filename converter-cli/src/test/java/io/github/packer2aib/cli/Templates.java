package io.github.packer2aib.cli;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.ConvertOptions;
import io.github.packer2aib.core.ConvertedTemplate;
import io.github.packer2aib.core.Converter;
import io.github.packer2aib.core.OutputFormat;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Test inputs that keep their meaning with the real pipeline: a small valid AIB template and a
 * clearly broken JSON text. Expected outputs are asked of the real {@link Converter}, so the CLI
 * tests check what the CLI does with a result, not what the core produces.
 */
final class Templates {
  private Templates() {}

  static final String IDENTITY =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-images/providers/"
          + "Microsoft.ManagedIdentity/userAssignedIdentities/aib-builder";

  static final String IMAGE_ID =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-images/providers/"
          + "Microsoft.Compute/images/web";

  /** A valid AIB template in resource form (API 2024-02-01). */
  static final String VALID_AIB =
      """
      {
        "type": "Microsoft.VirtualMachineImages/imageTemplates",
        "apiVersion": "2024-02-01",
        "location": "westeurope",
        "identity": {
          "type": "UserAssigned",
          "userAssignedIdentities": {
            "%s": {}
          }
        },
        "properties": {
          "source": {
            "type": "PlatformImage",
            "publisher": "Canonical",
            "offer": "0001-com-ubuntu-server-jammy",
            "sku": "22_04-lts-gen2",
            "version": "latest"
          },
          "customize": [
            {
              "type": "Shell",
              "name": "install-packages",
              "inline": ["sudo apt-get update", "sudo apt-get install -y nginx"]
            }
          ],
          "distribute": [
            {
              "type": "ManagedImage",
              "imageId": "%s",
              "location": "westeurope",
              "runOutputName": "web"
            }
          ]
        }
      }
      """
          .formatted(IDENTITY, IMAGE_ID);

  /** Not JSON: a value is missing on line 3. */
  static final String BROKEN_JSON = "{\n  \"type\": \"x\",\n  \"location\": ,\n}\n";

  static Path write(Path dir, String fileName, String text) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(fileName);
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the real core gives for an input, to compare the CLI's output with. */
  static List<ConvertedTemplate> expected(String displayName, String text, OutputFormat format) {
    ConversionResult result =
        new Converter()
            .convert(
                new SourceFile(displayName, text), ConvertOptions.defaults().withFormat(format));
    if (result.hasErrors() || result.templates().isEmpty()) {
      throw new AssertionError("test input does not convert: " + result.diagnostics());
    }
    return result.templates();
  }

  static ConvertedTemplate expectedSingle(String displayName, String text) {
    List<ConvertedTemplate> all = expected(displayName, text, OutputFormat.JSON);
    if (all.size() != 1) {
      throw new AssertionError("expected one template, got " + all.size());
    }
    return all.get(0);
  }
}
