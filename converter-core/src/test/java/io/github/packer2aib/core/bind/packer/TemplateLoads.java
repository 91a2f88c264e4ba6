package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.OutputFormat;
import io.github.packer2aib.core.PackerConversion;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Loads of one template file in {@code /work}, as the binder's tests make them. */
final class TemplateLoads {
  private TemplateLoads() {}

  /** No variables, no environment, {@code /work} as the working folder, a frozen clock. */
  static PackerOptions options() {
    return options(Map.of());
  }

  /** {@link #options()} with data source values ({@code --data}). */
  static PackerOptions options(Map<String, String> data) {
    return new PackerOptions(
        List.of(),
        List.of(),
        Map.of(),
        Path.of("/work"),
        Clock.frozenAt(Instant.parse("2024-01-02T03:04:05Z")),
        data);
  }

  /** {@code /work/<name>} of {@code files}, loaded with {@link #options()}. */
  static LoadResult load(FileSystemView files, String name) {
    return load(files, name, options());
  }

  /**
   * {@code /work/<name>} of {@code files} converted as the CLI does, with default mapping options.
   */
  static ConversionResult convert(FileSystemView files, String name) {
    return convert(files, name, options());
  }

  /** {@link #convert(FileSystemView, String)} with these options. */
  static ConversionResult convert(FileSystemView files, String name, PackerOptions options) {
    return convert(files, name, options, MapOptions.defaults());
  }

  /** {@link #convert(FileSystemView, String)} with these mapping options ({@code --only}, …). */
  static ConversionResult convert(FileSystemView files, String name, MapOptions mapping) {
    return convert(files, name, options(), mapping);
  }

  private static ConversionResult convert(
      FileSystemView files, String name, PackerOptions options, MapOptions mapping) {
    return new PackerConversion()
        .convert(
            new PackerInput(Path.of(name), name), options, mapping, OutputFormat.JSON, files, true);
  }

  static LoadResult load(FileSystemView files, String name, PackerOptions options) {
    return new PackerHclLoader(files).load(new PackerInput(Path.of(name), name), options);
  }
}
