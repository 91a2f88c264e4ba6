package io.github.packer2aib.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import io.github.packer2aib.core.testing.LocalFileView;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program that embeds the library with a view of its own over real files (here the tests' {@link
 * LocalFileView}: the five reading methods over {@code java.nio.file.Files}, plus the two that
 * every view must now answer) keeps the command line's guarantee: no file of the machine running
 * the converter is read into a template. The core judges it from the view's answers; with a plain
 * view it had read the embedding JVM's environment through a link to {@code /proc/self/environ},
 * and a private key outside the template's folder into {@code azure_tags}.
 */
class EmbeddedRealFilesTest {
  @TempDir Path tmp;

  private static final String TEMPLATE =
      """
      source "azure-arm" "a" {
        subscription_id = "00000000-0000-0000-0000-000000000000"
        location = "westeurope"
        image_publisher = "Canonical"
        image_offer = "ubuntu"
        image_sku = "22_04-lts"
        os_type = "Linux"
        managed_image_name = "img"
        managed_image_resource_group_name = "rg"
        azure_tags = { k = file("%s") }
      }
      build {
        sources = ["source.azure-arm.a"]
        provisioner "shell" {
          inline = ["echo '${file("%<s")}' > /tmp/k"]
        }
      }
      """;

  private static ConversionResult convert(Path template, Path base) {
    return new PackerConversion()
        .convert(
            PackerInput.of(template),
            PackerOptions.defaults(base, Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z"))),
            MapOptions.defaults(),
            OutputFormat.JSON,
            new LocalFileView(base),
            true);
  }

  /** Everything the result holds as text: templates and diagnostics. */
  private static String everything(ConversionResult r) {
    return r.templates().stream().map(ConvertedTemplate::text).collect(Collectors.joining())
        + r.diagnostics();
  }

  private static List<String> errors(ConversionResult r) {
    return r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList();
  }

  private static void assumePosix() {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
  }

  @Test
  void aLinkInTheTemplatesFolderToTheProcessEnvironmentIsNotRead() throws IOException {
    assumeTrue(Files.isReadable(Path.of("/proc/self/environ")));
    Path folder = Files.createDirectories(tmp.resolve("repo"));
    Files.createSymbolicLink(folder.resolve("env.txt"), Path.of("/proc/self/environ"));
    Path template = Files.writeString(folder.resolve("t.pkr.hcl"), TEMPLATE.formatted("env.txt"));

    ConversionResult r = convert(template, folder);

    assertEquals(List.of("HCLFN-E007", "HCLFN-E007"), errors(r));
    String detail = r.diagnostics().get(0).detail();
    assertTrue(
        detail.matches("(?s).*leads to /proc/\\d+/environ, which is a file of the operating.*"),
        detail);
    assertTrue(r.templates().isEmpty());
    String path = System.getenv("PATH");
    assumeTrue(path != null && path.length() > 4);
    assertFalse(everything(r).contains(path), "the JVM's environment");
  }

  @Test
  void aPrivateFileOutsideTheTemplatesFolderIsNotReadButOneInsideIs() throws IOException {
    assumePosix();
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path key = Files.writeString(outside.resolve("key.txt"), "TOPSECRET-PRIVATE-KEY-CONTENT\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Path folder = Files.createDirectories(tmp.resolve("tpl"));
    Path own = Files.writeString(folder.resolve("own.txt"), "OWN-PRIVATE-BUT-THE-TEMPLATES");
    Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rw-------"));
    Path refused =
        Files.writeString(folder.resolve("t.pkr.hcl"), TEMPLATE.formatted("../outside/key.txt"));
    Path read = Files.writeString(tmp.resolve("tpl/u.pkr.hcl"), TEMPLATE.formatted("own.txt"));

    // The embedder's base is another folder: the template's own folder is the template's all
    // the same.
    Path elsewhere = Files.createDirectories(tmp.resolve("service"));
    ConversionResult r = convert(refused, elsewhere);
    ConversionResult ok = convert(read, elsewhere);

    assertEquals(List.of("HCLFN-E007", "HCLFN-E007"), errors(r));
    String detail = r.diagnostics().get(0).detail();
    assertTrue(detail.contains("is a private file of the machine running the converter"), detail);
    assertTrue(detail.contains("mode 0600"), detail);
    assertFalse(everything(r).contains("TOPSECRET"));
    assertEquals(List.of(), errors(ok));
    assertTrue(ok.templates().get(0).text().contains("OWN-PRIVATE-BUT-THE-TEMPLATES"));
  }
}
