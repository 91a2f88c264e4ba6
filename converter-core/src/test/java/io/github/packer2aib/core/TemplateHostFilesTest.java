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
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template's own files and its var files are never read from the machine running the converter
 * (linkvars review of session 29): a link in a template's folder, {@code a.auto.pkrvars.hcl ->
 * /proc/self/environ}, was read as a var file, and HCL's syntax errors quoted the lines of the
 * converting process's environment. The loaders now refuse, before reading it, a file of the
 * template's folder that is (or leads to) a file under {@code /proc}, {@code /sys} or {@code /dev}
 * or a private file outside the folders being converted, and a template file or var file the caller
 * named that is (or leads to) a file of the operating system; a private var file the caller named
 * is still read.
 */
class TemplateHostFilesTest {
  @TempDir Path tmp;

  private static final String TEMPLATE =
      """
      variable "tag" {
        type    = string
        default = "none"
      }
      source "azure-arm" "a" {
        subscription_id = "00000000-0000-0000-0000-000000000000"
        location = "westeurope"
        image_publisher = "Canonical"
        image_offer = "ubuntu"
        image_sku = "22_04-lts"
        os_type = "Linux"
        managed_image_name = "img"
        managed_image_resource_group_name = "rg"
        azure_tags = { k = var.tag }
      }
      build {
        sources = ["source.azure-arm.a"]
        provisioner "shell" {
          inline = ["echo hello"]
        }
      }
      """;

  private static final String LEGACY =
      """
      {
        "variables": {"tag": "none"},
        "builders": [{
          "type": "azure-arm",
          "subscription_id": "00000000-0000-0000-0000-000000000000",
          "location": "westeurope",
          "image_publisher": "Canonical",
          "image_offer": "ubuntu",
          "image_sku": "22_04-lts",
          "os_type": "Linux",
          "managed_image_name": "img",
          "managed_image_resource_group_name": "rg",
          "azure_tags": {"k": "{{user `tag`}}"}
        }],
        "provisioners": [{"type": "shell", "inline": ["echo hello"]}]
      }
      """;

  private static final Path ENVIRON = Path.of("/proc/self/environ");

  private static ConversionResult convert(Path input, Path base, List<Path> varFiles) {
    PackerOptions options =
        new PackerOptions(
            List.of(),
            varFiles,
            Map.of(),
            base,
            Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    return new PackerConversion()
        .convert(
            PackerInput.of(input),
            options,
            MapOptions.defaults(),
            OutputFormat.JSON,
            new LocalFileView(base),
            true);
  }

  private static List<String> errors(ConversionResult r) {
    return r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList();
  }

  private static String detail(ConversionResult r) {
    return r.diagnostics().stream().map(Diagnostic::detail).collect(Collectors.joining("\n"));
  }

  /**
   * Asserts that nothing of the result shows a line of this JVM's environment: every line of {@code
   * /proc/self/environ} is {@code NAME=VALUE}.
   */
  private static void assertNoEnvironment(ConversionResult r) {
    String all =
        r.diagnostics().toString()
            + r.sources().stream().map(s -> s.text()).collect(Collectors.joining());
    for (String name : System.getenv().keySet()) {
      assertFalse(all.contains(name + "="), () -> "the environment's " + name + ":\n" + all);
    }
  }

  private static void assumeLinuxProc() {
    assumeTrue(Files.isRegularFile(ENVIRON), "no /proc on this system");
  }

  private Path folder(String name) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve("t.pkr.hcl"), TEMPLATE);
    return dir;
  }

  @Test
  void aFileOfTheTemplatesFolderThatLeadsToTheProcessEnvironmentIsNotRead() throws IOException {
    assumeLinuxProc();
    for (String name :
        List.of("a.auto.pkrvars.hcl", "a.auto.pkrvars.json", "b.pkr.hcl", "b.pkr.json")) {
      Path dir = folder("f-" + name);
      Files.createSymbolicLink(dir.resolve(name), ENVIRON);

      ConversionResult r = convert(dir, dir, List.of());

      assertEquals(List.of("PKR-E006"), errors(r), name + ":\n" + detail(r));
      assertTrue(
          detail(r)
              .matches(
                  "(?s)The file .*/"
                      + name.replace(".", "\\.")
                      + " of the template's folder is not read: it leads to /proc/\\d+/environ,"
                      + " which is a file of the operating system of the machine running the"
                      + " converter \\(under /proc\\).*Replace the link with a copy of the file"
                      + " the template needs, or remove it\\."),
          detail(r));
      assertTrue(r.templates().isEmpty());
      assertNoEnvironment(r);
    }
  }

  @Test
  void aTemplateFileOrVarFileTheCallerNamesIsNotReadFromTheOperatingSystem() throws IOException {
    assumeLinuxProc();
    Path dir = folder("named");
    Path link = Files.createSymbolicLink(dir.resolve("v.pkrvars.hcl"), ENVIRON);

    ConversionResult byLink = convert(dir, dir, List.of(link));
    ConversionResult direct = convert(dir, dir, List.of(ENVIRON));

    assertEquals(List.of("PKR-E006"), errors(byLink), detail(byLink));
    assertTrue(
        detail(byLink).contains("The var file " + link + " is not read: it leads to /proc/"),
        detail(byLink));
    // Told for what it is, not that its name lacks .hcl: renaming it would not help.
    assertEquals(List.of("PKR-E006"), errors(direct), detail(direct));
    assertTrue(
        detail(direct)
            .startsWith("The var file /proc/self/environ is not read: it is a file of the"),
        detail(direct));
    assertNoEnvironment(byLink);
    assertNoEnvironment(direct);

    Path lone = Files.createSymbolicLink(tmp.resolve("lone.pkr.hcl"), ENVIRON);
    ConversionResult file = convert(lone, tmp, List.of());
    assertEquals(List.of("PKR-E006"), errors(file), detail(file));
    assertTrue(detail(file).contains("The template file " + lone + " is not read"), detail(file));
    assertNoEnvironment(file);
  }

  @Test
  void aLegacyTemplateOrVarFileThatLeadsToTheOperatingSystemIsNotRead() throws IOException {
    assumeLinuxProc();
    Path dir = Files.createDirectories(tmp.resolve("legacy"));
    Path template = Files.writeString(dir.resolve("t.json"), LEGACY);
    Path vars = Files.createSymbolicLink(dir.resolve("vars.json"), ENVIRON);
    Path linked = Files.createSymbolicLink(dir.resolve("linked.json"), ENVIRON);

    ConversionResult r = convert(template, dir, List.of(vars));
    ConversionResult t = convert(linked, dir, List.of());

    assertEquals(List.of("LEGACY-E033"), errors(r), detail(r));
    assertTrue(
        detail(r).contains("The variable file " + vars + " is not read: it leads to /proc/"),
        detail(r));
    assertEquals(List.of("LEGACY-E033"), errors(t), detail(t));
    assertTrue(detail(t).contains("The template " + linked + " is not read"), detail(t));
    assertNoEnvironment(r);
    assertNoEnvironment(t);
  }

  @Test
  void aPrivateFileIsNotReadThroughALinkOfTheFolderButIsWhenTheCallerNamesIt() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path outside = Files.createDirectories(tmp.resolve("home/.secrets"));
    Path key = Files.writeString(outside.resolve("key.pkrvars.hcl"), "tag = \"TOPSECRET-42\"\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Path dir = folder("private");
    Files.createSymbolicLink(dir.resolve("k.auto.pkrvars.hcl"), key);
    // The converter runs in another folder (a service's, or the home folder).
    Path elsewhere = Files.createDirectories(tmp.resolve("service"));

    ConversionResult linked = convert(dir, elsewhere, List.of());

    assertEquals(List.of("PKR-E006"), errors(linked), detail(linked));
    assertTrue(
        detail(linked)
            .contains(
                "k.auto.pkrvars.hcl of the template's folder is not read: it leads to "
                    + key.toRealPath()
                    + ", which is a private file of the machine running the converter (others"
                    + " may not read it: mode 0600)"),
        detail(linked));
    assertTrue(detail(linked).contains("can be given with --var-file"), detail(linked));
    assertFalse(linked.diagnostics().toString().contains("TOPSECRET"));

    // Named by the caller, the same file is read: the user's own var file of secrets.
    Path plain = folder("plain");
    ConversionResult named = convert(plain, elsewhere, List.of(key));
    assertEquals(List.of(), errors(named), detail(named));
    assertTrue(named.templates().get(0).text().contains("TOPSECRET-42"));

    // A file of the folder itself is the template's, whatever its mode.
    Path own = folder("own");
    Path ownVars = Files.writeString(own.resolve("o.auto.pkrvars.hcl"), "tag = \"own-42\"\n");
    Files.setPosixFilePermissions(ownVars, PosixFilePermissions.fromString("rw-------"));
    ConversionResult ok = convert(own, elsewhere, List.of());
    assertEquals(List.of(), errors(ok), detail(ok));
    assertTrue(ok.templates().get(0).text().contains("own-42"));
  }
}
