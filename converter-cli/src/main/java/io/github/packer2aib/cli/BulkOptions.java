package io.github.packer2aib.cli;

import io.github.packer2aib.core.ConvertOptions;
import io.github.packer2aib.core.OutputFormat;
import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.bind.settings.TemplateSettings;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of a {@code convert -r} run, and the one place that says which options apply to which
 * template ({@link #forTemplate}): the command line's options, refined by the {@code --settings}
 * file's layers for the template's path (the more specific layer wins: a value in the file replaces
 * the command line's; variables merge by name, the file's winning; var files, {@code only} and
 * {@code except} add to the command line's).
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
      boolean strict,
      IgnoredCodes ignored,
      Optional<String> skip,
      Map<String, String> data,
      List<PackerOptions.SettingVar> settingVars) {

    /**
     * The Packer options for a template read as if Packer ran in {@code folder}. Each template gets
     * its own copy of the run's clock, so its {@code uuidv4()} sequence is the one it would have
     * converted alone, whatever else runs beside it.
     */
    PackerOptions packer(Path folder) {
      return new PackerOptions(
          vars, varFiles, environment, folder, Clock.frozenAt(clock.now()), data, settingVars);
    }
  }

  private final PackerOptions packer;
  private final MapOptions mapping;
  private final Optional<ApiVersion> apiVersion;
  private final Optional<String> identity;
  private final OutputFormat format;
  private final boolean strict;
  private final IgnoredCodes ignored;
  private final Optional<BulkSettings> settings;

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
      boolean strict,
      IgnoredCodes ignored,
      Optional<BulkSettings> settings) {
    this.packer = packer;
    this.mapping = mapping;
    this.apiVersion = apiVersion;
    this.identity = identity;
    this.format = format;
    this.strict = strict;
    this.ignored = ignored;
    this.settings = settings;
  }

  /** The codes --ignore names (the command line's, before any settings entry's). */
  IgnoredCodes ignored() {
    return ignored;
  }

  Optional<BulkSettings> settings() {
    return settings;
  }

  /**
   * The options for the template at {@code candidate}: the command line's, with URIs made relative
   * to the candidate's root folder ({@code MapOptions.conversionRoot}), so a repository uploaded as
   * it is finds every script at base URI + its path in the repository.
   */
  TemplateOptions forTemplate(Discovery.Candidate candidate) {
    TemplateSettings t =
        settings.map(s -> s.forTemplate(candidate.relative())).orElse(TemplateSettings.EMPTY);
    List<Path> varFiles = new ArrayList<>();
    for (Path p : packer.varFiles()) {
      varFiles.add(packer.workingDirectory().resolve(p).normalize());
    }
    for (String f : t.varFiles()) {
      varFiles.add(packer.workingDirectory().resolve(f).normalize());
    }
    // Later --var values win, so the file's come after the command line's (PackerOptions
    // applies them after its vars).
    List<PackerOptions.SettingVar> settingVars = new ArrayList<>();
    t.vars()
        .forEach(
            (name, value) ->
                settingVars.add(
                    new PackerOptions.SettingVar(
                        name,
                        value,
                        Optional.ofNullable(t.varKeys().get(name)),
                        Optional.ofNullable(t.varPointers().get(name)),
                        t.defaultVars().contains(name))));
    // Data source values merge the same way: the file's replace the command line's.
    Map<String, String> data = new LinkedHashMap<>(packer.data());
    data.putAll(t.data());
    MapOptions m =
        mapping.withConversionRoot(
            FileSystemView.slashes(
                candidate.root().folder().toAbsolutePath().normalize().toString()));
    m = refine(m, t);
    Optional<ApiVersion> api = t.apiVersion().or(() -> apiVersion);
    Optional<String> id = t.identity().or(() -> identity);
    return new TemplateOptions(
        packer.vars(),
        varFiles,
        packer.environment(),
        packer.clock(),
        m,
        new ConvertOptions(api, id, format),
        format,
        strict,
        t.ignore().isEmpty() ? ignored : ignored.with(t.ignore()),
        t.skip(),
        data,
        settingVars);
  }

  /** The mapping options with the settings file's values for one template laid over them. */
  private static MapOptions refine(MapOptions m, TemplateSettings t) {
    if (t.identity().isPresent()) {
      m = m.withIdentity(t.identity().get());
    }
    if (t.subscription().isPresent()) {
      m = m.withSubscription(t.subscription().get());
    }
    if (t.location().isPresent()) {
      m = m.withLocation(t.location().get());
    }
    if (t.scriptBaseUri().isPresent()) {
      m = m.withScriptBaseUri(t.scriptBaseUri().get());
    }
    if (t.fileBaseUri().isPresent()) {
      m = m.withFileBaseUri(t.fileBaseUri().get());
    }
    if (t.apiVersion().isPresent()) {
      m = m.withApiVersion(t.apiVersion().get());
    }
    if (t.skipUnsupported().isPresent()) {
      m = m.withSkipUnsupported(t.skipUnsupported().get());
    }
    if (t.galleryVersioning().isPresent()) {
      m = m.withGalleryVersioning(t.galleryVersioning().get());
    }
    if (t.buildTimeout().isPresent()) {
      m = m.withBuildTimeout(t.buildTimeout().get());
    }
    if (!t.only().isEmpty()) {
      List<String> only = new ArrayList<>(m.only());
      only.addAll(t.only());
      m = m.withOnly(only);
    }
    if (!t.except().isEmpty()) {
      List<String> except = new ArrayList<>(m.except());
      except.addAll(t.except());
      m = m.withExcept(except);
    }
    return m;
  }
}
