package io.github.packer2aib.core;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.bind.PackerTemplates;
import io.github.packer2aib.core.bind.packer.LoadResult;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostics;
import io.github.packer2aib.core.diag.SecretMessages;
import io.github.packer2aib.core.diag.ValueMask;
import io.github.packer2aib.core.emit.DocWriter;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import io.github.packer2aib.core.mapping.packer.MapResult;
import io.github.packer2aib.core.mapping.packer.MappedTemplate;
import io.github.packer2aib.core.mapping.packer.PackerMapper;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.validate.rules.ServiceRules;
import io.github.packer2aib.core.validate.spec.SpecValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Packer input to AIB templates: read the template with the front end its form asks for (HCL2 file
 * or folder, legacy JSON or YAML), map every azure-arm usage to an image template, check each
 * against the spec and service rules of the target API version (diagnostics point back into the
 * Packer files), and emit them. Like {@link Converter}, it never throws for bad input, prints
 * nothing and writes nothing; files are read only through the given view.
 */
public final class PackerConversion {

  /**
   * @param input the template file or folder
   * @param packer variables, environment, working folder and clock for reading the template
   * @param mapping identity, subscription, location, base URIs, filters and target API version
   * @param format the output format
   * @param files read-only access to the template's files and the files it refers to. A view over
   *     the machine's real files must answer {@link FileSystemView#realPath} (where symbolic links
   *     lead) and {@link FileSystemView#filePermissions} (a regular file's POSIX permission bits)
   *     from the file system itself, and name the folders it converts in {@link
   *     FileSystemView#ownFolders}: from these the conversion refuses to read any file of the
   *     machine running it into a template (under {@code /proc}, {@code /sys}, {@code /dev}, also
   *     through a link in the repository; a file others may not read outside those folders and the
   *     template's own), as the command line does ({@code HCLFN-E007}, {@code PKRMAP-E319}; a
   *     template's own files and var files: {@code PKR-E006}, {@code LEGACY-E033})
   * @param emit false to check only (no output text)
   */
  public ConversionResult convert(
      PackerInput input,
      PackerOptions packer,
      MapOptions mapping,
      OutputFormat format,
      FileSystemView files,
      boolean emit) {
    Diagnostics diagnostics = new Diagnostics();
    // What the run leaves out is not held against it where Packer would not read it either.
    LoadResult loaded = PackerTemplates.load(input, packer, files, mapping.selection());
    diagnostics.addAll(loaded.diagnostics());
    if (loaded.hasErrors() || loaded.template().isEmpty()) {
      return failed(diagnostics, loaded);
    }
    // Messages name the template's folder as the run names the input, not by its absolute path.
    MapResult mapped =
        PackerMapper.map(
            loaded.template().get(), mapping, files, input.displayName(), packer.environment());
    // A message located in a var file or at a sensitive default must not quote the value there.
    // The secrets' whole texts are masked before that: the scrubber masks a value's words of 8
    // characters or more in messages about other lines, and a secret's text with a shorter word
    // ("abc1234 defghijk") became "abc1234 ***", which the final guard found no more.
    ValueMask.Scrubber scrubber = ValueMask.scrubber(loaded.sources());
    List<String> secretTexts = mapped.secretTexts();
    diagnostics.addAll(scrubber.scrub(SecretMessages.scrub(secretTexts, mapped.diagnostics())));
    if (diagnostics.hasErrors()) {
      return failed(diagnostics, loaded, mapped);
    }
    ApiVersion version = mapping.apiVersion();
    List<ConvertedTemplate> templates = new ArrayList<>();
    for (MappedTemplate m : mapped.templates()) {
      // The mapper's output must hold in its version; a problem here is located in the Packer
      // source the offending field came from.
      // Without --identity the mapper has already warned that the template needs one before it
      // can be submitted (mapping decision 3); the spec's requirement would say it again.
      diagnostics.addAll(
          scrubber.scrub(
              SecretMessages.scrub(
                  secretTexts,
                  SpecValidator.forVersion(version)
                      .validate(m.doc(), "", m.locate(), Set.of("identity")))));
      diagnostics.addAll(
          scrubber.scrub(
              SecretMessages.scrub(
                  secretTexts,
                  ServiceRules.check(m.template(), version, "", m.locate(), m.label()))));
      diagnostics.addAll(ServiceRules.checkSize(m.doc(), "", m.locate()));
      if (emit) {
        String text = format == OutputFormat.YAML ? DocWriter.toYaml(m.doc()) : m.json();
        templates.add(new ConvertedTemplate(m.name(), m.template(), text));
      }
    }
    if (diagnostics.hasErrors()) {
      return failed(diagnostics, loaded, mapped);
    }
    return new ConversionResult(
        templates,
        SecretMessages.scrub(mapped.secretTexts(), diagnostics.sorted()),
        copiesMasked(loaded.sources(), mapped.secretTexts()),
        mapped.usages());
  }

  /**
   * Converts one Packer template given as text, with no other file: {@code name} is its file name,
   * which says its form as on disk ({@code image.pkr.hcl}, {@code image.pkr.json}, or a legacy
   * {@code image.json} or {@code .yaml}). The template lies in {@code packer}'s working directory
   * in a view of that one file ({@link FileSystemView#inMemory}), so its file functions and the
   * scripts of its provisioners find nothing else (each such read is an error that names the file).
   * For a template with files, use {@link #convert} with a view over them.
   *
   * @param name a file name, without folders
   * @throws IllegalArgumentException for a name that is empty or has folders
   */
  public ConversionResult convertText(
      String name, String text, PackerOptions packer, MapOptions mapping, OutputFormat format) {
    if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
      throw new IllegalArgumentException("a file name without folders, not: " + name);
    }
    String base = FileSystemView.slashes(packer.workingDirectory().toString());
    String path = base.endsWith("/") ? base + name : base + "/" + name;
    FileSystemView files = FileSystemView.inMemory(base, Map.of(path, text));
    return convert(new PackerInput(Path.of(name), name), packer, mapping, format, files, true);
  }

  private static ConversionResult failed(Diagnostics diagnostics, LoadResult loaded) {
    return new ConversionResult(List.of(), diagnostics.sorted(), loaded.sources());
  }

  /** A conversion that failed after mapping: the template's secrets are masked in messages. */
  private static ConversionResult failed(
      Diagnostics diagnostics, LoadResult loaded, MapResult mapped) {
    return new ConversionResult(
        List.of(),
        SecretMessages.scrub(mapped.secretTexts(), diagnostics.sorted()),
        copiesMasked(loaded.sources(), mapped.secretTexts()));
  }

  /**
   * {@code sources} with every copy of a secret's text masked where a line is quoted: a sensitive
   * default's text written again as a literal elsewhere ({@code inline = ["echo <the password>"]})
   * is what PKRMAP-E405's final scan finds, and the line quoted under that error showed it.
   */
  private static List<SourceFile> copiesMasked(List<SourceFile> sources, List<String> texts) {
    if (texts.isEmpty()) {
      return sources;
    }
    List<SourceFile> out = new ArrayList<>(sources.size());
    for (SourceFile file : sources) {
      String text = file.text();
      List<Range> copies = new ArrayList<>();
      for (String secret : texts) {
        for (int i = text.indexOf(secret); i >= 0; i = text.indexOf(secret, i + secret.length())) {
          copies.add(file.range(i, i + secret.length()));
        }
      }
      out.add(copies.isEmpty() ? file : file.withSecrets(copies));
    }
    return out;
  }
}
