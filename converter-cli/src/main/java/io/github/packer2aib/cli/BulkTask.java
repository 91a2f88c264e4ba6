package io.github.packer2aib.cli;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.ConvertedTemplate;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.SecretScrubber;
import io.github.packer2aib.core.diag.Severity;
import io.github.packer2aib.core.diag.TextRenderer;
import io.github.packer2aib.core.source.NameCharacters;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts one candidate of {@code convert -r}: reads it, tells what it is, converts it with its
 * own options, and writes its outputs atomically under the output folder. Runs on a pool thread; it
 * shares nothing mutable with other tasks, and never throws: a bug becomes an internal-error
 * outcome for this template only.
 */
final class BulkTask {

  /** What stderr shows and what the report keeps. */
  record Display(DiagnosticsFormat format, boolean quiet, boolean showWarnings, boolean keep) {}

  private final Engine engine;
  private final BulkOptions options;
  private final Path output;
  private final Display display;
  private final FileCache files;

  private final OutputFolders folders;

  /** With --check: where outputs are compared instead of written; else null. */
  private final OutputCheck check;

  /** The run's upload addresses, to find one given to different files. */
  private final SharedUploads uploads;

  /**
   * The files the run reads (absolute and normalized, and as the file system resolves them): never
   * replaced by an output.
   */
  private final Set<Path> inputFiles;

  /**
   * The output folder's list of what packer2aib wrote there, as it was before the run: a file it
   * does not hold is replaced only when it is an image template.
   */
  private final OutputManifest manifest;

  /**
   * The output folders' real paths, by folder as written (one look-up per folder, not per file).
   */
  private final Map<Path, Optional<Path>> realFolders = new ConcurrentHashMap<>();

  BulkTask(
      Engine engine,
      BulkOptions options,
      Path output,
      OutputFolders folders,
      Display display,
      FileCache files,
      OutputCheck check,
      SharedUploads uploads,
      Set<Path> inputFiles,
      OutputManifest manifest) {
    this.engine = engine;
    this.inputFiles = inputFiles;
    this.manifest = manifest;
    this.check = check;
    this.uploads = uploads;
    this.folders = folders;
    this.files = files;
    this.options = options;
    this.output = output;
    this.display = display;
  }

  BulkOutcome run(Discovery.Candidate c) {
    try {
      return convert(c);
    } catch (RuntimeException | StackOverflowError e) {
      return internal(c, e);
    }
  }

  /** How the reason of a template a settings file skips begins (BulkSummary counts them apart). */
  static final String SKIPPED_BY_SETTINGS = "skipped by the settings file: ";

  private BulkOutcome convert(Discovery.Candidate c) {
    BulkOptions.TemplateOptions o = options.forTemplate(c);
    if (o.skip().isPresent() && c.shape() != Discovery.Shape.SKIPPED) {
      return skipped(c, TemplateKind.NONE, SKIPPED_BY_SETTINGS + o.skip().get());
    }
    switch (c.shape()) {
      case SKIPPED:
        return skipped(c, TemplateKind.NONE, c.skipReason());
      case MISSING:
        return unreadable(c, TemplateKind.NONE, c.skipReason());
      case BROKEN_HCL2_FOLDER:
        // Known to be an HCL2 folder: the report says so (a failed "none" read as a skipped file).
        return unreadable(c, TemplateKind.HCL2_FOLDER, c.skipReason());
      case HCL2_FOLDER:
        return packer(c, TemplateKind.HCL2_FOLDER, c.path(), o, Optional.empty());
      case HCL2_FILE:
        return packer(c, TemplateKind.HCL2_FILE, c.path().getParent(), o, Optional.empty());
      default:
        return document(c, o);
    }
  }

  private BulkOutcome document(Discovery.Candidate c, BulkOptions.TemplateOptions o) {
    DocumentFile read =
        DocumentFile.read(c.path(), c.displayName(), c.root().onlyFile().isPresent());
    if (read instanceof DocumentFile.NotATemplate none) {
      return skipped(c, TemplateKind.NONE, none.reason());
    }
    if (read instanceof DocumentFile.Unreadable u) {
      return unreadable(c, TemplateKind.NONE, u.reason());
    }
    DocumentFile.Template t = (DocumentFile.Template) read;
    if (t.kind().aib()) {
      // validate -r (no output folder) checks an AIB template as validate checks one input: in the
      // version it names, not re-targeted to --api-version, and in validate's words.
      ConversionResult r =
          output == null
              ? engine.validate(t.source(), t.parsed(), o.aib())
              : engine.convert(t.source(), t.parsed(), o.aib());
      return converted(c, t.kind(), r, o, t.source());
    }
    return packer(
        c,
        t.kind(),
        c.path().getParent(),
        o,
        Optional.of(new PackerInput.Document(t.source(), t.parsed())));
  }

  /**
   * A Packer template, read as if Packer ran in {@code folder}; a JSON or YAML one was read and
   * parsed to classify it, and goes to the converter as it is.
   */
  private BulkOutcome packer(
      Discovery.Candidate c,
      TemplateKind kind,
      Path folder,
      BulkOptions.TemplateOptions o,
      Optional<PackerInput.Document> document) {
    // Packer runs in the template's folder: the template is named relative to it ("." for an
    // HCL2 folder, its file name otherwise), as `packer build .` there would see it. A path
    // relative to this process's folder would be resolved against the template's folder.
    Path dir = folder.toAbsolutePath().normalize();
    Path given = dir.relativize(c.path().toAbsolutePath().normalize());
    Engine.PackerJob job =
        new Engine.PackerJob(
            new PackerInput(
                given.toString().isEmpty() ? Path.of(".") : given, c.displayName(), document),
            o.packer(dir),
            o.mapping(),
            o.format(),
            new LocalFiles(dir, files, List.of(c.root().folder())));
    ConversionResult r = engine.convertPacker(job, true);
    return converted(c, kind, r, o, document.map(PackerInput.Document::file).orElse(null));
  }

  private BulkOutcome converted(
      Discovery.Candidate c,
      TemplateKind kind,
      ConversionResult r,
      BulkOptions.TemplateOptions o,
      SourceFile input) {
    // Each diagnostic says which template it is about: one without a location names it so (in
    // text, JSON and SARIF alike).
    List<Diagnostic> found = new ArrayList<>(r.diagnostics().size());
    for (Diagnostic d : r.diagnostics()) {
      found.add(d.about(c.displayName()));
    }
    List<Diagnostic> all = new ArrayList<>(found);
    List<String> cliLines = new ArrayList<>();
    boolean failed = o.ignored().fails(found, o.strict());
    List<String> outputs = new ArrayList<>();
    if (!failed && output != null) { // validate -r has no output folder
      failed = !write(c, r.templates(), r.unselected(), o, all, cliLines, outputs);
      all.replaceAll(d -> d.about(c.displayName())); // its outputs' problems too
    }
    if (!failed) {
      for (int i = 0; i < r.templates().size(); i++) {
        uploads.add(c.relative(), r.templates().get(i));
      }
    }
    boolean warnings = false;
    for (int i = 0, n = all.size(); i < n && !warnings; i++) { // no stream: C1 code, per template
      warnings = all.get(i).severity() == Severity.WARNING;
    }
    // What stderr and its table of codes say leaves out the --ignore'd codes; verdicts and the
    // report keep them (a template with ignored warnings still had them), the report's summary
    // marked ignored, so that it adds up to its templates' entries.
    List<Diagnostic> counted = o.ignored().shown(all);
    BulkOutcome.Status status =
        failed
            ? BulkOutcome.Status.FAILED
            : warnings ? BulkOutcome.Status.CONVERTED_WITH_WARNINGS : BulkOutcome.Status.CONVERTED;
    boolean print = failed || display.showWarnings();
    String text = "";
    List<Diagnostic> shown = new ArrayList<>();
    if (print) {
      List<Diagnostic> core = new ArrayList<>();
      for (Diagnostic d : o.ignored().shown(found)) {
        if (shown(d.severity(), o.strict())) {
          core.add(d);
        }
      }
      if (display.format().machine()) {
        for (Diagnostic d : counted) {
          if (shown(d.severity(), o.strict())) {
            shown.add(d);
          }
        }
      } else {
        // The result's copies of files in place of the text read (as any user of the library).
        Map<String, SourceFile> files = new HashMap<>();
        for (SourceFile f : input != null ? r.quotedFiles(input) : r.quotedFiles()) {
          files.put(f.name(), f);
        }
        // A settings variable the template does not declare (PKR-W072) is reported at its name in
        // the settings file, which its line is quoted from (masked as the file's own diagnostics
        // are).
        options.settings().ifPresent(s -> Report.register(files, s.source()));
        StringBuilder out = new StringBuilder();
        TextRenderer renderer = new TextRenderer(n -> Optional.ofNullable(files.get(n)));
        for (Diagnostic d : core) {
          // Among many templates, one without a location still says which template it is (the
          // renderer names its input, escaped).
          out.append(renderer.render(d));
        }
        for (String line : cliLines) {
          out.append(line);
        }
        text = out.toString();
      }
    }
    return new BulkOutcome(
        c.index(),
        c.relative(),
        kind,
        status,
        "",
        outputs,
        errorCodes(all),
        codes(all, o.ignored()),
        display.keep() ? all : List.of(),
        text,
        shown,
        false,
        o.ignored(),
        failed ? 0 : r.templates().size());
  }

  /**
   * Writes a template's outputs; false (with the reason among the diagnostics) when one cannot be
   * written, and then none of them is left behind.
   */
  private boolean write(
      Discovery.Candidate c,
      List<ConvertedTemplate> templates,
      int unselected,
      BulkOptions.TemplateOptions o,
      List<Diagnostic> all,
      List<String> cliLines,
      List<String> outputs) {
    String ext = o.format().extension();
    List<String> templateNames = new ArrayList<>();
    for (ConvertedTemplate t : templates) {
      OutputNames.checkSafe(t.name());
      templateNames.add(t.name());
    }
    boolean document = c.shape() == Discovery.Shape.DOCUMENT;
    List<String> chosenNames =
        document
            ? BulkNames.documentNames(c.stem(), templateNames, unselected)
            : BulkNames.folderNames(templateNames, c.reservedStems());
    List<String> naturalNames =
        document
            ? BulkNames.documentNames(c.naturalStem(), templateNames, unselected)
            : templateNames;
    if (document) {
      String fileName = c.path().getFileName().toString();
      if (!BulkNames.baseOf(fileName).equals(c.naturalStem())) {
        renamed(
            "The file name "
                + fileName
                + " holds characters that output names avoid (each is one that every system can"
                + " hold: letters A-Z without accents, digits, '.', '-' and '_'), so the outputs"
                + " of "
                + c.displayName()
                + " are named after "
                + c.naturalStem()
                + ".",
            all,
            cliLines);
      }
    }
    if (!c.outputFolder().equals(c.naturalOutputFolder())) {
      renamed(folderRenamed(c), all, cliLines);
    }
    // Each output's path relative to the output folder.
    List<String> relatives = new ArrayList<>();
    for (String chosen : chosenNames) {
      String file = chosen + "." + ext;
      relatives.add(c.outputFolder().isEmpty() ? file : c.outputFolder() + "/" + file);
    }
    // Every target first: an input's templates are written all or none, and undoing a written one
    // would delete the file an earlier run left there (it cannot be restored). --check fails the
    // template as the run would, so it never promises an update that cannot be made.
    for (String relative : relatives) {
      Path target = output.resolve(relative);
      // A file or a symbolic link where its folder or one above it goes (below the output
      // folder): the run would fail to make the folder, or write through the link. Asked first,
      // so that a file the link leads to is not taken for the one to be replaced.
      String blocked = folders.unwritable(target.getParent());
      if (blocked == null) {
        blocked = notReplaceable(target, relative);
      }
      if (blocked != null) {
        unwritable(target, blocked, all, cliLines);
        outputs.clear();
        return false;
      }
    }
    List<Path> written = new ArrayList<>();
    for (int i = 0; i < templates.size(); i++) {
      ConvertedTemplate t = templates.get(i);
      String natural = naturalNames.get(i);
      String chosen = chosenNames.get(i);
      String relative = relatives.get(i);
      Path target = output.resolve(relative);
      if (chosen.equals(natural) && t.numberedFrom().isPresent()) {
        // The converter numbered the name (s.web-2.json): another template of the input has it.
        String why = OutputNames.takenWithinInput(t.numberedFrom().get(), c.displayName());
        renamed(
            Character.toUpperCase(why.charAt(0))
                + why.substring(1)
                + ", so this one is written to "
                + relative
                + ".",
            all,
            cliLines);
      }
      if (!chosen.equals(natural)) {
        String detail =
            "The output name "
                + natural
                + "."
                + ext
                + (NameCharacters.isWindowsDevice(natural)
                    ? " names a device on Windows (as CON, NUL, COM1 and the like do, whatever"
                        + " their case and extension)"
                    : " belongs to another input of the same folder")
                + ", so this template of "
                + c.displayName()
                + " is written to "
                + relative
                + ".";
        renamed(detail, all, cliLines);
      }
      if (check != null) {
        byte[] bytes = t.utf8();
        check.compare(output, relative, bytes, all);
        folders.wrote(relative, bytes); // an output of this run, not a leftover
        outputs.add(relative);
        continue;
      }
      try {
        boolean newFolder = folders.make(target.getParent());
        byte[] bytes = t.utf8();
        AtomicFiles.write(target, bytes, PendingWrites.PROCESS, !newFolder);
        folders.wrote(relative, bytes);
        written.add(target);
        outputs.add(relative);
      } catch (IOException e) {
        unwritable(target, InputReader.reason(e), all, cliLines);
        for (int k = 0; k < written.size(); k++) {
          try {
            Files.deleteIfExists(written.get(k));
            folders.deleted(outputs.get(k));
          } catch (IOException ignored) {
            // Reported as failed already; a leftover file is the lesser harm.
          }
        }
        outputs.clear();
        return false;
      }
    }
    return true;
  }

  /**
   * The note for a candidate whose output folder is not the one that mirrors its input folder
   * ({@link FolderNames}): a folder name Windows cannot hold, or one that another folder beside it
   * has but for case (one folder on Windows and macOS), or both, somewhere on its path.
   */
  private static String folderRenamed(Discovery.Candidate c) {
    String natural = c.naturalOutputFolder();
    String[] names = natural.split("/");
    String[] used = c.outputFolder().split("/");
    boolean windows = false;
    // The folders on the path (as the input tree names them) renamed for another's name.
    List<String> clashes = new ArrayList<>();
    for (int i = 0, end = 0; i < names.length && i < used.length; i++) {
      end += (i == 0 ? 0 : 1) + names[i].length();
      if (names[i].equals(used[i])) {
        continue;
      }
      if (FolderNames.needsRenaming(names[i])) {
        windows = true;
      } else {
        clashes.add(natural.substring(0, end));
      }
    }
    StringBuilder detail = new StringBuilder("The folder ").append(natural);
    if (windows) {
      detail.append(
          " cannot be made on Windows, which holds none of the characters \" * : < > ? \\ |"
              + " nor control characters in a name, drops the dots and spaces that end a name and"
              + " takes CON, NUL, COM1 and the like for devices");
    }
    for (int i = 0; i < clashes.size(); i++) {
      String clash = clashes.get(i);
      detail.append(windows || i > 0 ? ", and " : " ");
      detail.append(
          clash.equals(natural)
              ? "differs only in case from another input folder beside it"
              : "lies in "
                  + clash
                  + ", which differs only in case from another input folder"
                  + " beside it");
    }
    if (!clashes.isEmpty()) {
      detail.append(
          " (Windows and macOS take such names for one folder, where the outputs of one would"
              + " replace the other's)");
    }
    return detail
        .append(", so the outputs of ")
        .append(c.displayName())
        .append(" are written to ")
        .append(c.outputFolder())
        .append(".")
        .toString();
  }

  /**
   * Why the file at {@code target} (the output {@code relative}) must not be replaced, or null: it
   * is a file the run reads, or a file that packer2aib did not write there (the output folder's
   * list does not hold it) and that is no image template, such as a Packer template beside the
   * folder mirrored ({@code -r t/x -o t} with a template {@code t/x.json}).
   */
  private String notReplaceable(Path target, String relative) {
    Path folder = target.getParent();
    // A folder this run made holds only this run's outputs, never an input, and so does every
    // folder inside it: asked first, as most outputs of a bulk run go into such folders (or into
    // a new folder inside one, as each template's folder of a tree of HCL2 folders), and the map
    // answers without the file system call below (1% of a bulk run's CPU).
    for (Path f = folder; f != null && f.startsWith(output); f = f.getParent()) {
      if (folders.madeByRun(f)) {
        return null;
      }
    }
    // Most other outputs are new, and a missing file is no input either: File.exists answers
    // without the exception that readAttributes throws for a missing file (2% of a bulk run's
    // CPU) and before the path is made absolute. A dangling link reads as missing here, and would
    // be no regular file below either.
    if (!target.toFile().exists()) {
      return null;
    }
    if (inputFiles.contains(target.toAbsolutePath().normalize())) {
      return READS_IT;
    }
    BasicFileAttributes attributes;
    try {
      attributes =
          Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return null; // no such file (or none the run can see): nothing to keep
    }
    if (attributes.isDirectory()) {
      // No file can replace a folder: said as the README words it, before anything is written
      // (the rename would fail with the system's "Is a directory").
      return "it is a directory";
    }
    if (!attributes.isRegularFile()) {
      return null;
    }
    Optional<Path> realFolder = realFolders.computeIfAbsent(folder, BulkTask::realPath);
    if (realFolder.isPresent()
        && inputFiles.contains(realFolder.get().resolve(target.getFileName()))) {
      return READS_IT;
    }
    if (manifest.entries().containsKey(relative)
        || EarlierOutputs.imageTemplate(target, attributes.size())) {
      return null;
    }
    return "it is not an image template, and packer2aib did not write it (its list of outputs"
        + " there, "
        + OutputManifest.FILE_NAME
        + ", does not hold it): it may be a template of yours; write into another folder (-o)";
  }

  private static final String READS_IT =
      "it is a file this run reads as an input; write into another folder";

  private static Optional<Path> realPath(Path folder) {
    try {
      return Optional.of(folder.toRealPath());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** An error that {@code target} cannot be written (CLI-E002). */
  private static void unwritable(
      Path target, String reason, List<Diagnostic> all, List<String> cliLines) {
    reason = UnwritableReason.of(reason);
    String detail = "The output file " + target + " could not be written: " + reason + ".";
    all.add(CliCode.UNWRITABLE_OUTPUT.diagnostic(detail));
    cliLines.add(
        CliCode.UNWRITABLE_OUTPUT.textLine("cannot write " + target + ": " + reason) + "\n");
  }

  /** A note that an output is written under another name than its own (CLI-N001). */
  private static void renamed(String detail, List<Diagnostic> all, List<String> cliLines) {
    all.add(CliCode.OUTPUT_RENAMED.diagnostic(detail));
    cliLines.add(CliCode.OUTPUT_RENAMED.textLine(detail) + "\n");
  }

  private boolean shown(Severity severity, boolean strict) {
    if (!display.quiet()) {
      return true;
    }
    return severity == Severity.ERROR || (strict && severity == Severity.WARNING);
  }

  private BulkOutcome skipped(Discovery.Candidate c, TemplateKind kind, String reason) {
    return new BulkOutcome(
        c.index(),
        c.relative(),
        kind,
        BulkOutcome.Status.SKIPPED,
        reason,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        "",
        List.of(),
        false,
        IgnoredCodes.NONE,
        0);
  }

  private BulkOutcome unreadable(Discovery.Candidate c, TemplateKind kind, String reason) {
    String detail = "The input " + c.displayName() + " could not be read: " + reason + ".";
    Diagnostic d = CliCode.UNREADABLE_INPUT.diagnostic(detail);
    return failure(
        c,
        kind,
        d,
        CliCode.UNREADABLE_INPUT.textLine("cannot read " + c.displayName() + ": " + reason) + "\n",
        false);
  }

  /** The outcome of a template whose conversion hit a bug. */
  BulkOutcome internal(Discovery.Candidate c, Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    String line =
        "internal error while converting "
            + c.displayName()
            + ": "
            + ControlCharacters.escape(SecretScrubber.scrub(message))
            + " — please report this with the input that caused it";
    Diagnostic d = CliCode.INTERNAL_ERROR.diagnostic(SecretScrubber.scrub(line) + ".");
    return failure(c, TemplateKind.NONE, d, line + "\n", true);
  }

  private BulkOutcome failure(
      Discovery.Candidate c, TemplateKind kind, Diagnostic d, String line, boolean internal) {
    boolean machine = display.format().machine();
    d = d.about(c.displayName());
    return new BulkOutcome(
        c.index(),
        c.relative(),
        kind,
        BulkOutcome.Status.FAILED,
        "",
        List.of(),
        List.of(d.code()),
        codes(List.of(d), IgnoredCodes.NONE),
        display.keep() ? List.of(d) : List.of(),
        machine ? "" : line,
        machine ? List.of(d) : List.of(),
        internal,
        IgnoredCodes.NONE,
        0);
  }

  private static List<String> errorCodes(List<Diagnostic> all) {
    List<String> codes = new ArrayList<>();
    for (Diagnostic d : all) {
      if (d.isError()) {
        codes.add(d.code());
      }
    }
    codes.sort(null);
    return codes;
  }

  /**
   * Every code of {@code all} with its count, each marked whether {@code ignored} accepts it (one
   * code may be both: --ignore accepts only its warnings and notes).
   */
  private static List<BulkOutcome.CodeCount> codes(List<Diagnostic> all, IgnoredCodes ignored) {
    // A template has tens of diagnostics with a handful of codes, each code one constant string of
    // its enum: the distinct ones are found by a scan that compares references first (a sorted
    // map compared codes with their long common prefix, "PKRMAP-", for each diagnostic; a hashed
    // one made a count record for each). In the order they first occur: the run's summary adds
    // them up by code, and sorting them here was half of this method's time.
    int n = all.size();
    Diagnostic[] firsts = new Diagnostic[Math.min(n, 16)];
    int[] counts = new int[firsts.length];
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      Diagnostic d = all.get(i);
      String code = d.code();
      boolean accepted = ignored.ignores(d);
      int k = 0;
      while (k < distinct
          && !(sameCode(firsts[k].code(), code) && ignored.ignores(firsts[k]) == accepted)) {
        k++;
      }
      if (k == distinct) {
        if (distinct == firsts.length) {
          firsts = Arrays.copyOf(firsts, distinct * 2);
          counts = Arrays.copyOf(counts, distinct * 2);
        }
        firsts[distinct++] = d;
      }
      counts[k]++;
    }
    BulkOutcome.CodeCount[] found = new BulkOutcome.CodeCount[distinct];
    for (int k = 0; k < distinct; k++) {
      found[k] =
          new BulkOutcome.CodeCount(
              firsts[k].code(), firsts[k].summary(), counts[k], ignored.ignores(firsts[k]));
    }
    return List.of(found);
  }

  private static boolean sameCode(String a, String b) {
    // Hashes first: different codes share their prefix, which String.equals reads byte by byte in
    // C1 code (a String caches its hash).
    return a == b || (a.hashCode() == b.hashCode() && a.equals(b));
  }
}
