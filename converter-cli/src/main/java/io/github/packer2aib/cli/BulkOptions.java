package io.github.packer2aib.cli;

import io.github.packer2aib.core.ConvertOptions;
import io.github.packer2aib.core.OutputFormat;
import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of a {@code convert -r} run, and the one place that says which options apply to which
 * template ({@link #forTemplate}): today every template gets the command line's options; a
 * per-template settings file would refine them here.
 */
final class BulkOptions {
  /** What converting one template takes, apart from the template itself. */
  record TemplateOptions(
      List<String> vars,
      List<Path> varFiles,
      Map<String, String> environment,
      Clock clock,
      MapOptions mapping,
      ConvertOptions aib,
      OutputFormat format,
      boolean strict) {

    /**
     * The Packer options for a template read as if Packer ran in {@code folder}. Each template gets
     * its own copy of the run's clock, so its {@code uuidv4()} sequence is the one it would have
     * converted alone, whatever else runs beside it.
     */
    PackerOptions packer(Path folder) {
      return new PackerOptions(vars, varFiles, environment, folder, Clock.frozenAt(clock.now()));
    }
  }

  private final PackerOptions packer;
  private final MapOptions mapping;
  private final Optional<ApiVersion> apiVersion;
  private final Optional<String> identity;
  private final OutputFormat format;
  private final boolean strict;

  /**
   * @param packer the command line's Packer options; var files relative to the working folder
   * @param mapping the command line's mapping options
   */
  BulkOptions(
      PackerOptions packer,
      MapOptions mapping,
      Optional<ApiVersion> apiVersion,
      Optional<String> identity,
      OutputFormat format,
      boolean strict) {
    this.packer = packer;
    this.mapping = mapping;
    this.apiVersion = apiVersion;
    this.identity = identity;
    this.format = format;
    this.strict = strict;
  }

  /**
   * The options for the template at {@code candidate}: the command line's, with URIs made relative
   * to the candidate's root folder ({@code MapOptions.conversionRoot}), so a repository uploaded as
   * it is finds every script at base URI + its path in the repository.
   */
  TemplateOptions forTemplate(Discovery.Candidate candidate) {
    List<Path> varFiles = new ArrayList<>();
    for (Path p : packer.varFiles()) {
      varFiles.add(packer.workingDirectory().resolve(p).normalize());
    }
    MapOptions m =
        mapping.withConversionRoot(
            candidate.root().folder().toAbsolutePath().normalize().toString().replace('\\', '/'));
    return new TemplateOptions(
        packer.vars(),
        varFiles,
        packer.environment(),
        packer.clock(),
        m,
        new ConvertOptions(apiVersion, identity, format),
        format,
        strict);
  }
}
