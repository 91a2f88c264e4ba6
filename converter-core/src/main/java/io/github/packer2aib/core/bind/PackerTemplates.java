package io.github.packer2aib.core.bind;

import io.github.packer2aib.core.bind.aib.AibResourceLocator;
import io.github.packer2aib.core.bind.legacy.LegacyCode;
import io.github.packer2aib.core.bind.legacy.LegacyDetector;
import io.github.packer2aib.core.bind.legacy.LegacyLoadResult;
import io.github.packer2aib.core.bind.legacy.LegacyLoader;
import io.github.packer2aib.core.bind.legacy.LegacyOptions;
import io.github.packer2aib.core.bind.packer.CredentialMasks;
import io.github.packer2aib.core.bind.packer.LoadResult;
import io.github.packer2aib.core.bind.packer.PackerHclLoader;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.SecretMessages;
import io.github.packer2aib.core.diag.ValueMask;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.function.GoPath;
import io.github.packer2aib.core.hcl.function.HostFile;
import io.github.packer2aib.core.packer.EnvironmentCredentials;
import io.github.packer2aib.core.packer.UsageSelection;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.parse.ParseResult;
import io.github.packer2aib.core.source.OtherEncodings;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a Packer template whatever it is written in, choosing the front end by what the input is: a
 * folder, a {@code .pkr.hcl} or {@code .pkr.json} file is HCL2 (native or JSON syntax); another
 * JSON or YAML file is chosen by content: top-level {@code builders} is a legacy template,
 * top-level {@code source}/{@code build}/{@code variable} is HCL's JSON syntax.
 */
public final class PackerTemplates {
  private PackerTemplates() {}

  /** True when the input is one the HCL2 front end reads by its name (a folder or a .pkr file). */
  public static boolean isHcl2(Path path, FileSystemView files) {
    // Cleaned: a bulk run names each template folder "." relative to itself, and "/t/." would miss
    // what the run's file cache already knows of "/t" (two stat calls per template).
    String abs = GoPath.clean(absolute(path, files));
    if (files.kind(abs) == FileSystemView.Kind.DIRECTORY) {
      return true;
    }
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".pkr.hcl") || lower.endsWith(".pkr.json") || lower.endsWith(".hcl");
  }

  /**
   * True when a text already parsed with {@code DocReader} is a Packer template by content: a
   * legacy template (top-level {@code builders}), or HCL's JSON syntax in a {@code .json} file
   * ({@link #isHclJson(SourceFile)}); or, when it does not parse, a text that was meant to be a
   * legacy template, as {@link #classify} tells it for a bulk run: its syntax errors are then
   * reported as a Packer template's, which masks the values of the lines they quote (one may be a
   * sensitive variable's default), not as an image template's.
   */
  public static boolean isPacker(SourceFile file, ParseResult parsed) {
    if (parsed.hasErrors()) {
      return brokenTemplate(file.text()) == Form.LEGACY;
    }
    return isLegacy(parsed) || isHclJson(file, parsed);
  }

  /**
   * Whether a document of the text is a legacy template. A YAML stream of several is one too: the
   * legacy loader then says to put each template in its own file ({@code LEGACY-E018}), where the
   * image template reader said "looks like a Packer template … give it as a .yaml file" of a .yaml
   * file, and a bulk run skipped the file as no template.
   */
  private static boolean isLegacy(ParseResult parsed) {
    for (DocNode document : parsed.documents()) {
      if (LegacyDetector.looksLikeLegacy(document)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when a JSON text is a Packer template in HCL's JSON syntax: an object whose top-level keys
   * include {@code source}, {@code build} or {@code variable} written as blocks (objects or
   * arrays), and that has neither {@code builders} (legacy) nor an image template's {@code
   * properties}/{@code resources}. One rule for {@code convert} of one file and for the bulk
   * classifier: a variable file that merely sets a variable called {@code source} is no template.
   */
  public static boolean isHclJson(SourceFile file) {
    return isJsonFile(file) && isHclJson(file, DocReader.read(file));
  }

  /** HCL's JSON syntax is only ever a {@code .json} file (Packer reads no YAML form of it). */
  private static boolean isJsonFile(SourceFile file) {
    return file.name().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /** {@link #isHclJson(SourceFile)} for a file already parsed. */
  private static boolean isHclJson(SourceFile file, ParseResult parsed) {
    if (!isJsonFile(file)
        || parsed.documents().size() != 1
        || !(parsed.documents().get(0) instanceof io.github.packer2aib.core.doc.DocObject o)) {
      return false;
    }
    boolean hcl = false;
    for (var m : o.members()) {
      String k = m.key();
      if (k.equals("builders") || k.equals("properties") || k.equals("resources")) {
        return false;
      }
      hcl |= PackerHclLoader.HCL_JSON_KEYS.contains(k);
    }
    return hcl && hasHclBlock(parsed);
  }

  /** What a JSON or YAML text holds, as {@link #classify} tells it. */
  public enum Form {
    /** A legacy Packer template (top-level {@code builders}). */
    LEGACY,
    /** A Packer template in HCL's JSON syntax (a {@code .json} file). */
    HCL_JSON,
    /** An AIB image template: a resource, an ARM deployment template or a REST body. */
    AIB,
    /** None of these: a variable file, a parameters file, some other JSON or YAML. */
    NONE
  }

  /** The form of a text, and for {@link Form#NONE} a short reason (a phrase, no full stop). */
  public record Classified(Form form, String reason) {}

  /**
   * What a JSON or YAML file holds, by content, with the rules the converters use to choose their
   * front end: legacy Packer, HCL's JSON syntax (only in a {@code .json} file), an AIB image
   * template, or none of these (with the reason). The text is parsed once; nothing is reported.
   */
  public static Classified classify(SourceFile file) {
    return classify(file, DocReader.read(file));
  }

  /** {@link #classify(SourceFile)} of a text already parsed with {@code DocReader}. */
  public static Classified classify(SourceFile file, ParseResult parsed) {
    if (file.text().isBlank()) {
      return new Classified(Form.NONE, "empty");
    }
    if (parsed.hasErrors()) {
      Form broken = brokenTemplate(file.text());
      if (broken != Form.NONE) {
        // Its converter reports the syntax errors: a template that does not parse has failed,
        // which a run over a repository must not pass over as "no template".
        return new Classified(broken, "");
      }
      Diagnostic first =
          parsed.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
      return new Classified(
          Form.NONE,
          "not valid JSON or YAML ("
              + first.summary().toLowerCase(Locale.ROOT)
              + first
                  .subject()
                  .map(r -> " at " + r.start().line() + ":" + r.start().column())
                  .orElse("")
              + ")");
    }
    if (parsed.documents().isEmpty()) {
      return new Classified(Form.NONE, "empty");
    }
    if (isLegacy(parsed)) {
      return new Classified(Form.LEGACY, "");
    }
    if (isHclJson(file, parsed)) {
      return new Classified(Form.HCL_JSON, "");
    }
    for (DocNode document : parsed.documents()) {
      if (!AibResourceLocator.locate(document, file).resources().isEmpty()) {
        return new Classified(Form.AIB, "");
      }
    }
    return new Classified(Form.NONE, reasonForNone(parsed));
  }

  /** The type of an image template resource, as a JSON or YAML text names it. */
  private static final Pattern AIB_TYPE =
      Pattern.compile("Microsoft\\.VirtualMachineImages/imageTemplates", Pattern.CASE_INSENSITIVE);

  /** A {@code builders} key, quoted (JSON) or at the start of a line (YAML). */
  private static final Pattern BUILDERS_KEY =
      Pattern.compile("\"builders\"\\s*:|(?m)^\\s*builders\\s*:");

  /**
   * Whether a text carries the marks of a template ({@link #brokenTemplate}): a file that cannot be
   * read as a template (one not saved as UTF-8, say) but names one is a template that fails, not a
   * file to pass over.
   */
  public static boolean namesATemplate(String text) {
    return brokenTemplate(text) != Form.NONE;
  }

  /**
   * What a JSON or YAML text that does not parse was meant to be, from the marks that make a
   * template: the image template type makes it an AIB template, a {@code builders} key a legacy
   * Packer template; anything else is {@link Form#NONE} (a broken file of another kind).
   */
  private static Form brokenTemplate(String text) {
    if (AIB_TYPE.matcher(text).find()) {
      return Form.AIB;
    }
    return BUILDERS_KEY.matcher(text).find() ? Form.LEGACY : Form.NONE;
  }

  /**
   * HCL's JSON syntax writes blocks as objects (or arrays of them); a variable file that merely
   * sets a variable called {@code source} to a string is no template.
   */
  private static boolean hasHclBlock(ParseResult parsed) {
    DocObject o = (DocObject) parsed.documents().get(0);
    for (var m : o.members()) {
      if (PackerHclLoader.HCL_JSON_KEYS.contains(m.key())
          && (m.value() instanceof DocObject || m.value() instanceof DocArray)) {
        return true;
      }
    }
    return false;
  }

  /** Why a parsed file is no template, in the words a user would use for it. */
  private static String reasonForNone(ParseResult parsed) {
    if (parsed.documents().size() == 1 && parsed.documents().get(0) instanceof DocObject o) {
      String schema =
          o.get("$schema").flatMap(DocScalar::stringValue).orElse("").toLowerCase(Locale.ROOT);
      if (schema.contains("deploymentparameters")) {
        return "an ARM parameters file";
      }
      boolean plainValues = !o.members().isEmpty();
      for (var m : o.members()) {
        plainValues &= isPlainValue(m.value());
      }
      if (plainValues) {
        return "an object of plain values (a variable file)";
      }
    }
    return "neither a Packer template (no builders, source or build) nor an AIB image template";
  }

  /** A scalar, or a list of scalars: what a variable file holds. */
  private static boolean isPlainValue(DocNode node) {
    if (node instanceof DocScalar) {
      return true;
    }
    if (node instanceof DocArray a) {
      return a.items().stream().allMatch(i -> i instanceof DocScalar);
    }
    return false;
  }

  /**
   * Reads a legacy template's text with the same options the HCL2 front end takes: {@code --var}
   * NAME=VALUE pairs, {@code --var-file} JSON files, the environment, the working folder, the
   * clock.
   */
  public static LoadResult loadLegacy(
      SourceFile file, Path path, PackerOptions options, FileSystemView files) {
    return loadLegacy(file, DocReader.read(file), path, options, files, UsageSelection.ALL);
  }

  private static LoadResult loadLegacy(
      SourceFile file,
      ParseResult parsed,
      Path path,
      PackerOptions options,
      FileSystemView files,
      UsageSelection selection) {
    List<LegacyOptions.Var> vars = new ArrayList<>();
    for (String v : options.vars()) {
      int eq = v.indexOf('=');
      vars.add(new LegacyOptions.Var(v.substring(0, eq), v.substring(eq + 1)));
    }
    // A legacy template reads any variable given with {{user `…`}}, declared or not.
    for (PackerOptions.SettingVar v : options.settingVars()) {
      vars.add(LegacyOptions.Var.fromSettings(v.name(), v.value(), v.at()));
    }
    List<SourceFile> varFiles = new ArrayList<>();
    List<Diagnostic> unreadable = new ArrayList<>();
    for (Path p : options.varFiles()) {
      readVarFile(p, files, unreadable).ifPresent(varFiles::add);
    }
    // Cleaned, as Go's filepath.Abs cleans it: {{template_dir}} of ./sub/../sub/t.json is .../sub.
    String abs = GoPath.clean(absolute(path, files));
    String dir = abs.contains("/") ? abs.substring(0, Math.max(1, abs.lastIndexOf('/'))) : abs;
    LegacyOptions legacy =
        new LegacyOptions(
            vars,
            varFiles,
            options.environment(),
            dir,
            FileSystemView.slashes(options.workingDirectory().toString()),
            options.clock(),
            Optional.of(PackerOptions.PACKER_VERSION),
            options.unsetVariablesAllowed());
    LegacyLoadResult r = LegacyLoader.load(file, parsed, legacy, selection);
    List<SourceFile> sources = new ArrayList<>();
    sources.add(file.withSecrets(r.secretRanges()));
    sources.addAll(varFiles);
    CredentialMasks masks =
        r.template().map(t -> CredentialMasks.of(t, r.credentials())).orElse(null);
    if (masks != null) {
      sources = new ArrayList<>(masks.mask(sources));
    }
    List<Diagnostic> all = new ArrayList<>(unreadable);
    List<Diagnostic> scrubbed = r.diagnostics();
    if (r.template().isPresent()) {
      // The last guard, as in the HCL2 loader: a failed load and inspect show only these.
      scrubbed = SecretMessages.scrub(masks.scrubbed(), scrubbed);
    }
    // The converter's own credentials, which no value of the template is marked as.
    scrubbed = SecretMessages.scrub(EnvironmentCredentials.texts(options.environment()), scrubbed);
    // Messages about a var file may quote the value they found. After the whole texts, as in the
    // HCL2 loader: this masks a secret's long words alone where the message is about another line.
    scrubbed = ValueMask.scrub(scrubbed, sources);
    all.addAll(scrubbed);
    boolean errors = all.stream().anyMatch(Diagnostic::isError);
    // The reader names the template by its file's display name; the mapper needs the path.
    String root = FileSystemView.slashes(path.toString());
    return new LoadResult(
        errors ? Optional.empty() : r.template().map(t -> t.withRoot(root)), all, sources);
  }

  /**
   * Reads a Packer template: HCL2 for a folder or a {@code .pkr.hcl}/{@code .pkr.json}/{@code .hcl}
   * file, else a legacy JSON or YAML template (top-level {@code builders}).
   */
  public static LoadResult load(PackerInput input, PackerOptions options, FileSystemView files) {
    return load(input, options, files, UsageSelection.ALL);
  }

  /**
   * {@link #load(PackerInput, PackerOptions, FileSystemView)} for a run that converts only the
   * usages {@code selection} keeps: what is wrong in the bodies only left-out usages use does not
   * fail it ({@link PackerHclLoader#load(PackerInput, PackerOptions, UsageSelection)}, {@link
   * LegacyLoader#load(SourceFile, ParseResult, LegacyOptions, UsageSelection)}).
   */
  public static LoadResult load(
      PackerInput input, PackerOptions options, FileSystemView files, UsageSelection selection) {
    if (isHcl2(input.path(), files)) {
      return loadHcl2(input, options, files, selection);
    }
    if (input.document().isPresent()) {
      PackerInput.Document read = input.document().get();
      return load(input, read.file(), read.parsed(), options, files, selection);
    }
    Text text = readText(input.path(), input.displayName(), false, files);
    if (text.host().isPresent()) {
      return new LoadResult(
          Optional.empty(),
          List.of(
              hostFileRefused(
                  "The template " + input.displayName(),
                  text.host().get(),
                  "Give the template's own file.")),
          List.of());
    }
    if (text.file().isEmpty()) {
      return new LoadResult(
          Optional.empty(),
          List.of(
              Diagnostic.of(
                  LegacyCode.UNREADABLE_TEMPLATE,
                  null,
                  "The template "
                      + input.displayName()
                      + " could not be read: "
                      + text.why()
                      // A file in another encoding is told what to do already.
                      + (text.why().endsWith(OtherEncodings.SAVE_AS_UTF8)
                          ? "."
                          : ". Give the path of a template file, or of the folder of an HCL2"
                              + " template."))),
          List.of());
    }
    // Parsed once, to choose the front end and, for a legacy template, to read it.
    SourceFile file = text.file().get();
    return load(input, file, DocReader.read(file), options, files, selection);
  }

  private static LoadResult load(
      PackerInput input,
      SourceFile file,
      ParseResult parsed,
      PackerOptions options,
      FileSystemView files,
      UsageSelection selection) {
    if (parsed.hasErrors()) {
      // A JSON or YAML template that does not parse: its syntax errors say what is wrong (without
      // a tree, "not a Packer template" would be all that could be said). Without a tree, which
      // values are sensitive is unknown too, and the error's line may hold one ("pw": "…",,): all
      // its values are masked where it is quoted, as a var file's are; names and brackets stay.
      SourceFile shown = file.asValues();
      return new LoadResult(
          Optional.empty(), ValueMask.scrub(parsed.diagnostics(), List.of(shown)), List.of(shown));
    }
    if (isHclJson(file, parsed)) {
      return loadHcl2(input, options, files, selection);
    }
    if (!isLegacy(parsed)) {
      return new LoadResult(
          Optional.empty(),
          List.of(
              Diagnostic.of(
                  LegacyCode.NOT_A_PACKER_TEMPLATE,
                  file.start(),
                  "This file is neither an HCL2 template (.pkr.hcl or .pkr.json, or a folder of"
                      + " them) nor a legacy JSON template (a JSON or YAML object with"
                      + " \"builders\"). Give a Packer template.")),
          List.of(file));
    }
    return loadLegacy(file, parsed, input.path(), options, files, selection);
  }

  /** Reads an HCL2 template (file or folder). */
  public static LoadResult loadHcl2(
      PackerInput input, PackerOptions options, FileSystemView files) {
    return loadHcl2(input, options, files, UsageSelection.ALL);
  }

  private static LoadResult loadHcl2(
      PackerInput input, PackerOptions options, FileSystemView files, UsageSelection selection) {
    return new PackerHclLoader(files).load(input, options, selection);
  }

  /**
   * The text of a legacy var file, or empty with the reason it cannot be read added to {@code out}.
   */
  private static Optional<SourceFile> readVarFile(
      Path p, FileSystemView files, List<Diagnostic> out) {
    Text text = readText(p, p.toString(), true, files);
    if (text.host().isPresent()) {
      out.add(
          hostFileRefused(
              "The variable file " + p,
              text.host().get(),
              "Give a JSON file of variable values of your own."));
    } else if (text.file().isEmpty()) {
      out.add(
          Diagnostic.of(
              LegacyCode.UNREADABLE_VAR_FILE,
              null,
              "The variable file "
                  + p
                  + " could not be read: "
                  + text.why()
                  + ". Give the path of a JSON file of variable values."));
    }
    return text.file();
  }

  /**
   * The error for a file the user named ({@code file}: "The template t.json"), which is {@code
   * host} and is not read.
   */
  private static Diagnostic hostFileRefused(String file, HostFile host, String instead) {
    return Diagnostic.of(LegacyCode.HOST_FILE, null, host.refusedAs(file, instead));
  }

  /**
   * A file's text, or why it could not be read ("is a directory", "not valid UTF-8 text"), or the
   * file of the machine running the converter it is ({@link HostFile}), which is not read.
   */
  private record Text(Optional<SourceFile> file, String why, Optional<HostFile> host) {
    Text(Optional<SourceFile> file, String why) {
      this(file, why, Optional.empty());
    }
  }

  /**
   * The text of the file at {@code p}, named {@code name}. What the path is is asked before it is
   * opened: a named pipe would wait for a writer, possibly for ever, and a device never end.
   *
   * @param values whether the file holds values (a var file): see {@link SourceFile#ofValues}
   */
  private static Text readText(Path p, String name, boolean values, FileSystemView files) {
    String abs = absolute(p, files);
    if (files.kind(abs) != FileSystemView.Kind.FILE) {
      return new Text(Optional.empty(), files.whyNotAFile(abs));
    }
    // A file the user named (the template, a var file): the operating system's files are never
    // read (a link to /proc/self/environ quoted the converting process's environment in syntax
    // errors), a private one is the user's choice (HostFile.system).
    Optional<HostFile> host = HostFile.system(files, abs);
    if (host.isPresent()) {
      return new Text(Optional.empty(), "", host);
    }
    byte[] bytes = new byte[0];
    try {
      bytes = files.read(abs);
      SourceFile file =
          values ? SourceFile.valuesFromUtf8(name, bytes) : SourceFile.fromUtf8(name, bytes);
      // UTF-16 without a byte order mark is valid UTF-8 (ASCII between NULs): told as such, as
      // every reader tells it, not as an unexpected character at the first NUL.
      Optional<String> nuls = OtherEncodings.nulsBetweenLetters(bytes);
      return nuls.isPresent()
          ? new Text(Optional.empty(), nuls.get())
          : new Text(Optional.of(file), "");
    } catch (CharacterCodingException e) {
      // Utf8.Malformed says where the first bad byte is; a file saved as UTF-16 is told how to
      // fix it, as the JSON and YAML readers tell it.
      String why = e.getMessage() != null ? e.getMessage() : "not valid UTF-8 text";
      return new Text(
          Optional.empty(),
          OtherEncodings.describe(bytes).map(how -> why + ": " + how).orElse(why));
    } catch (IOException e) {
      return new Text(Optional.empty(), FileSystemView.reason(e));
    }
  }

  private static String absolute(Path p, FileSystemView files) {
    String s = FileSystemView.slashes(p.toString());
    if (s.startsWith("/")) {
      return s;
    }
    String base = files.baseDirectory();
    return (base.endsWith("/") ? base : base + "/") + s;
  }
}
