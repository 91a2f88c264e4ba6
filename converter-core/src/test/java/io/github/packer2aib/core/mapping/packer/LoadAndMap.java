package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.bind.PackerTemplates;
import io.github.packer2aib.core.bind.packer.LoadResult;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.emit.TemplateWriter;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Packer template read from its text by the loaders, as the CLI reads a file, and mapped: for
 * tests of what the models of {@link MappingCases} cannot show (what the loaders mark or name).
 */
final class LoadAndMap {
  private LoadAndMap() {}

  /**
   * The members of a complete Linux azure-arm builder of a legacy template, without its type (the
   * JSON form of {@link MappingCases#linux()}).
   */
  static final String LINUX_BUILDER_MEMBERS =
      """
      "subscription_id": "00000000-0000-0000-0000-000000000001",
      "location": "westeurope",
      "os_type": "Linux",
      "image_publisher": "Canonical",
      "image_offer": "0001-com-ubuntu-server-jammy",
      "image_sku": "22_04-lts-gen2",
      "managed_image_name": "ubuntu-base",
      "managed_image_resource_group_name": "rg-images",
      "vm_size": "Standard_D2s_v5"
      """;

  /**
   * An HCL2 {@code source "azure-arm" "NAME"} block of a complete Linux builder (the HCL2 form of
   * {@link MappingCases#linux()}), with {@code more} (argument lines) before its closing brace.
   */
  static String linuxSource(String name, String more) {
    return "source \"azure-arm\" \""
        + name
        + "\" {\n"
        + LINUX_BUILDER_MEMBERS
            .lines()
            .map(l -> "  " + l.replaceFirst("^\"([a-z_]+)\": (.*?),?$", "$1 = $2") + "\n")
            .collect(java.util.stream.Collectors.joining())
        + more
        + "}\n";
  }

  /** The JSON of the one template a mapping gave. */
  static String json(MapResult result) {
    return TemplateWriter.toJson(result.templates().get(0).template());
  }

  /**
   * Loads {@code text} as the file {@code name} in {@code /work} (its syntax by the name), at a
   * fixed time, and maps it with {@link MappingCases#opts()}; loading must give no error.
   */
  static MapResult map(String name, String text) {
    return map(name, text, MappingCases.opts());
  }

  /**
   * Loads the folder {@code /work/t} of {@code files} (name to text, each file's syntax by its
   * name) as one template, as {@link #map(String, String)} loads a file, and maps it.
   */
  static MapResult mapFolder(Map<String, String> files) {
    MemoryFileView fs = new MemoryFileView("/work");
    files.forEach((name, text) -> fs.put("/work/t/" + name, text));
    PackerOptions options =
        new PackerOptions(
            List.of(),
            List.of(),
            Map.of(),
            Path.of("/work"),
            Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    LoadResult loaded = PackerTemplates.load(new PackerInput(Path.of("t"), "t"), options, fs);
    assertEquals(List.of(), loaded.diagnostics().stream().filter(Diagnostic::isError).toList());
    return PackerMapper.map(loaded.template().orElseThrow(), MappingCases.opts(), fs);
  }

  /** {@link #map(String, String)} with mapping options of the test's own. */
  static MapResult map(String name, String text, MapOptions mapOptions) {
    MemoryFileView fs = new MemoryFileView("/work").put("/work/" + name, text);
    PackerOptions options =
        new PackerOptions(
            List.of(),
            List.of(),
            Map.of(),
            Path.of("/work"),
            Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    LoadResult loaded = PackerTemplates.load(new PackerInput(Path.of(name), name), options, fs);
    assertEquals(List.of(), loaded.diagnostics().stream().filter(Diagnostic::isError).toList());
    return PackerMapper.map(loaded.template().orElseThrow(), mapOptions, fs);
  }
}
