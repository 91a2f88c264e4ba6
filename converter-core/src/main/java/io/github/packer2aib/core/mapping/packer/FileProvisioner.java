package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.source.Range;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code file} → {@code File} (mapping.md §B.4, decision 5). With {@code --file-base-uri} each
 * local file becomes a File step with {@code sourceUri} and checksum; on Linux, where File steps
 * may only write below /tmp, the file lands in /tmp and a Shell step moves it into place. Without a
 * base URI small text files are written by the step itself; {@code content} always is.
 */
final class FileProvisioner {
  // Compiled once: these run for every step of every template.

  private FileProvisioner() {}

  static final List<String> KNOWN =
      List.of("source", "sources", "content", "destination", "direction", "generated");

  /** Directories with more files than this are refused: one step per file would not scale. */
  static final int MAX_DIRECTORY_FILES = 100;

  private static final String DESTINATION = "properties.customize[].destination";
  private static final String SOURCE_DESTINATION =
      "the step that copies the file (its sourceUri or path)";

  /**
   * A file's way onto the VM: written at {@code landing}, then moved to {@code target}, whose first
   * {@code expandable} characters come from the destination as the shell behind Packer's scp upload
   * reads it: a {@code $NAME} there is expanded on the VM ({@link ShellText#quotePath(String,
   * int)}), while the rest (the name scp is given to write, a file's name in an uploaded directory)
   * is taken as it stands.
   */
  private record Placement(String landing, String target, int expandable) {
    boolean moves() {
      return !landing.equals(target);
    }
  }

  /**
   * A folder of an uploaded directory that holds nothing, which Packer's SSH uploads create on the
   * VM at {@code target} (its first {@code expandable} characters read as {@link Placement}'s).
   */
  private record Folder(String target, int expandable) {}

  /**
   * A directory copied on Linux as Packer copies it over SSH with scp (its default transfer): as
   * {@code dest} itself when no directory {@code dest} exists on the VM, else into it as {@code
   * base} ({@code dest/NAME}); which of the two is known only on the VM, so the Shell step decides.
   */
  private record CopiedDirectory(String dest, String base) {}

  /**
   * The {@code count} lines of a text written from line {@code from} of a plan's lines on: the
   * content, or a local file's text, at {@code at} in the template ({@code content}, {@code
   * source}); line n is named {@code before + n + after} ({@code app.env:2}, {@code line 2 of the
   * content}).
   */
  private record Written(int from, int count, Range at, String before, String after) {}

  /** The steps being built for one provisioner. */
  private static final class Plan {
    /** The destination, as {@link #fromHome} gives it on Linux. */
    final String dest;

    /** Whether Packer would upload over scp, whose remote shell expands the destination. */
    final boolean scp;

    /** Whether the destination started with {@code $HOME}, which {@link #dest} writes as ~. */
    final boolean homeVariable;

    /**
     * Whether a local directory is among the sources ({@link #intoFolder}): then a destination
     * without a trailing slash is a folder that scp expands whole; else it names each file.
     */
    final boolean folder;

    Plan(String dest, boolean scp, boolean homeVariable, boolean folder) {
      this.dest = dest;
      this.scp = scp;
      this.homeVariable = homeVariable;
      this.folder = folder;
    }

    final List<Step> files = new ArrayList<>();
    final List<String> lines = new ArrayList<>();
    final List<Placement> placements = new ArrayList<>();
    final List<CopiedDirectory> directories = new ArrayList<>();
    final List<Folder> folders = new ArrayList<>();

    /** The placements of local files the owner may execute, which Packer's upload keeps so. */
    final List<Placement> executables = new ArrayList<>();

    /** Which of {@link #lines} are the lines of which text, for messages about one of them. */
    final List<Written> written = new ArrayList<>();

    int counter = 0;
  }

  /**
   * Directories every Linux VM has (the Filesystem Hierarchy Standard's, and the home directory): a
   * file uploaded to one of them written without a trailing slash is uploaded as that path itself,
   * which cannot work.
   */
  private static final Set<String> LINUX_DIRECTORIES =
      Set.of(
          "~",
          "/bin",
          "/boot",
          "/etc",
          "/home",
          "/opt",
          "/root",
          "/sbin",
          "/srv",
          "/tmp",
          "/usr",
          "/usr/bin",
          "/usr/local",
          "/usr/local/bin",
          "/usr/local/sbin",
          "/usr/sbin",
          "/usr/share",
          "/var",
          "/var/lib",
          "/var/log",
          "/var/tmp");

  /** The fields that say what to copy (a constant: no list per step). */
  private static final List<String> SOURCE_FIELDS = List.of("source", "sources", "content");

  static List<Step> map(Prov pr) {
    Fields f = pr.f;
    Optional<String> direction = f.inspect("direction");
    boolean refused = false;
    if (direction.isPresent()) {
      String d = direction.get().toLowerCase(Locale.ROOT);
      if (d.equals("download")) {
        refused = true;
        pr.report()
            .add(
                PackerMapCode.FIELD_REFUSED,
                f.nameRange("direction"),
                "direction = \"download\" copies a file from the build VM to the machine running"
                    + " Packer; Image Builder cannot copy files back. Remove this provisioner, or"
                    + " have a step upload the file to storage from the VM.");
      } else if (!d.equals("upload")) {
        pr.report()
            .add(
                PackerMapCode.INVALID_VALUE,
                f.take("direction").get().valueRange(),
                "direction must be \"upload\" or \"download\", but it is "
                    + f.shown("direction", direction.get())
                    + ".");
        refused = true;
      }
    }
    if (f.bool("generated").orElse(false)) {
      refused = true;
      pr.report()
          .add(
              PackerMapCode.FIELD_REFUSED,
              f.nameRange("generated"),
              "generated = true means the file is made while Packer runs (for instance by"
                  + " shell-local), so the converter cannot read or upload it. Create the file"
                  + " before converting and remove generated, or create it on the build VM in a"
                  + " step.");
    }
    Optional<String> destination = f.string("destination", DESTINATION);
    List<String> given = new ArrayList<>();
    for (String k : SOURCE_FIELDS) {
      if (f.has(k)) {
        given.add(k);
      }
    }
    Optional<String> content =
        f.has("content") ? f.string("content", Steps.INLINE_DESTINATION) : Optional.empty();
    Optional<List<String>> sources =
        f.has("sources")
            ? f.strings("sources", SOURCE_DESTINATION)
            : f.has("source")
                ? f.string("source", SOURCE_DESTINATION).map(List::of)
                : Optional.empty();
    f.consume("source");
    f.consume("sources");
    pr.unknownFields(KNOWN);
    // Every problem of the three at once, as Packer's file provisioner reports them ("Source must
    // be specified." and "Destination must be specified." together).
    boolean incomplete = false;
    if (given.size() > 1) {
      incomplete = true;
      pr.report()
          .add(
              PackerMapCode.CONFLICTING_FIELDS,
              f.nameRange(given.get(1)),
              "The file provisioner takes one of source, sources and content, but "
                  + Words.and(given)
                  + " are set. Keep one of them.",
              f.nameRange(given.get(0)),
              given.get(0) + " set here");
    }
    if (given.isEmpty()) {
      incomplete = true;
      List<String> empty = new ArrayList<>();
      for (String k : SOURCE_FIELDS) {
        if (f.written(k)) {
          empty.add(k);
        }
      }
      pr.report()
          .add(
              PackerMapCode.MISSING_FIELD,
              BuilderChecks.missingAt(f, empty, pr.range()),
              "The file provisioner needs source, sources or content"
                  + (empty.isEmpty()
                      ? ". Add one of them."
                      : ", but " + BuilderChecks.absentOrEmpty(f, empty)));
    }
    if (!f.has("destination")) {
      incomplete = true;
      pr.report()
          .add(
              PackerMapCode.MISSING_FIELD,
              BuilderChecks.missingAt(f, List.of("destination"), pr.range()),
              "The file provisioner needs a destination"
                  + BuilderChecks.missingOrEmpty(f, "destination", ". Add destination = \"…\"."));
    }
    if (incomplete) {
      return List.of();
    }
    if (refused || destination.isEmpty()) {
      return List.of();
    }
    String dest = destination.get();
    Range destAt = f.take("destination").get().valueRange();
    if (!UnfitCharacters.destinationFits(pr, dest, destAt)) {
      return List.of();
    }
    boolean scp = pr.u.os == Os.LINUX && !overSftp(pr);
    boolean homeVariable = false;
    boolean folder =
        pr.u.os == Os.LINUX
            && !given.get(0).equals("content")
            && intoFolder(pr, sources.orElse(List.of()));
    if (pr.u.os == Os.LINUX) {
      homeVariable = scp && startsWithHome(dest, folder);
      dest = fromHome(dest, scp, folder);
    }
    Plan plan = new Plan(dest, scp, homeVariable, folder);
    if (scp) {
      unexpandedDollar(pr, dest, destAt);
    }
    if (given.get(0).equals("content")) {
      if (content.isEmpty()
          || !UnfitCharacters.scriptTextFits(
              pr,
              "The content",
              content.get(),
              f.take("content").get().valueRange(),
              "Put the content in a file and upload it (source = \"FILE\" with --file-base-uri),"
                  + " or remove the character.")) {
        return List.of();
      }
      TemplateFields.checkContent(
          pr, content.get(), f.take("content").get().value(), f.take("content").get().valueRange());
      if (ontoDirectory(pr, dest, destAt)) {
        return List.of();
      }
      String target = dest;
      if (dest.endsWith("/") || dest.endsWith("\\")) {
        // Packer writes content to a temporary file and uploads it into such a folder under that
        // file's made-up name; a written file needs a name of its own.
        target = join(dest, "packer2aib-" + pr.index + "-content");
        pr.report()
            .add(
                PackerMapCode.APPROXIMATED,
                destAt,
                "The destination "
                    + dest
                    + " ends with a separator: when that folder exists on the VM, Packer uploads"
                    + " the content into it under the name of the temporary file it wrote it to,"
                    + " which it makes up (otherwise the upload fails). The step writes it as "
                    + target
                    + ". Give the destination the file name the content should have.");
      }
      Placement p =
          place(pr, plan, target, target.equals(dest) ? LocalFiles.fileName(dest) : "content");
      embed(
          pr,
          plan,
          p,
          content.get().getBytes(StandardCharsets.UTF_8),
          f.take("content").get().valueRange(),
          "line ",
          " of the content");
      pr.report()
          .add(
              PackerMapCode.CONTENT_WRITTEN,
              f.nameRange("content"),
              "Image Builder has no way to upload text, so a "
                  + (pr.u.os == Os.LINUX ? "Shell" : "PowerShell")
                  + " step writes content to "
                  + target
                  + " byte for byte; the text is visible to anyone who can read the template.");
    } else {
      if (sources.isEmpty()) {
        return List.of();
      }
      Range at = f.take(given.get(0)).get().valueRange();
      if (LINUX_DIRECTORIES.contains(dest)
          && filesAmong(pr, sources.get()) > 0
          && ontoDirectory(pr, dest, destAt)) {
        return List.of();
      }
      boolean many = sources.get().size() > 1;
      if (many
          && !dest.endsWith("/")
          && !dest.endsWith("\\")
          && filesAmong(pr, sources.get()) > 1) {
        // The provisioner appends a file's name only to a destination that ends in a slash (a
        // folder is uploaded into the destination either way).
        pr.report()
            .add(
                PackerMapCode.APPROXIMATED,
                f.take("destination").get().valueRange(),
                "The destination "
                    + dest
                    + " does not end with a slash, so Packer uploads each file of the sources to "
                    + dest
                    + " itself, one over the other (or fails when it is a folder). The steps put"
                    + " them into the folder "
                    + dest
                    + ", as was most likely meant; end the destination with a slash to say so.");
      }
      for (String source : sources.get()) {
        source(pr, plan, source, dest, many, at);
      }
    }
    return steps(pr, plan, destAt);
  }

  /**
   * Refuses a Linux destination that is a directory on every VM ({@link #LINUX_DIRECTORIES})
   * written without a trailing slash, for a file: Packer's file provisioner appends the file's name
   * only to a destination ending in a slash and otherwise uploads the file as the destination
   * itself, so its scp upload ({@code scp -t /} receiving a file named {@code opt}) fails with
   * "scp: /opt: Is a directory", and SFTP cannot create it either; {@code ~} is not expanded there,
   * so the file would be named {@code ~}. True when refused.
   */
  private static boolean ontoDirectory(Prov pr, String dest, Range destAt) {
    if (pr.u.os != Os.LINUX || !LINUX_DIRECTORIES.contains(dest)) {
      return false;
    }
    pr.report()
        .add(
            PackerMapCode.INVALID_VALUE,
            destAt,
            "The destination "
                + dest
                + " does not end with a slash, so Packer uploads the file as "
                + dest
                + " itself, "
                + (dest.equals("~")
                    ? "and its upload does not take ~ as the home directory but as the file's"
                        + " name."
                    : "and "
                        + dest
                        + " is a directory on every Linux VM: the upload fails there (\"scp: "
                        + dest
                        + ": Is a directory\").")
                + " Write \""
                + dest
                + "/\" to put the file into that directory, or give the file's full path.");
    return true;
  }

  /**
   * Warns when the part of a Linux destination that the shell behind Packer's scp upload expands
   * (the directory it is told to write into) holds a {@code $} that is no {@code $NAME} or {@code
   * ${NAME}} ({@code $(id -u)}, {@code ${DIR:-/opt}}, {@code $1}): Packer's upload expands it, the
   * step takes it as text.
   */
  private static void unexpandedDollar(Prov pr, String dest, Range destAt) {
    String dir = parent(dest);
    for (int i = dir.indexOf('$'); i >= 0; i = dir.indexOf('$', i + 1)) {
      int end = ShellText.variableEnd(dir, i);
      if (end < 0) {
        pr.report()
            .add(
                PackerMapCode.APPROXIMATED,
                destAt,
                "The destination "
                    + dest
                    + " holds a $ that the shell behind Packer's scp upload expands, but that names"
                    + " no variable as $NAME or ${NAME} does (a command substitution, a default, a"
                    + " positional parameter); the step expands only those, and takes the rest"
                    + " as text. Write that part of the path out.");
        return;
      }
      i = end - 1;
    }
  }

  /** How many of the sources are files (URLs, or local files that exist; not folders). */
  private static int filesAmong(Prov pr, List<String> sources) {
    int n = 0;
    for (String source : sources) {
      n += isUrl(source) || pr.u.files.resolve(source).kind() == FileSystemView.Kind.FILE ? 1 : 0;
    }
    return n;
  }

  private static void source(
      Prov pr, Plan plan, String source, String dest, boolean many, Range at) {
    if (isUrl(source)) {
      destinationAsFile(pr, dest, LocalFiles.fileName(source), many, at);
      Placement p = place(pr, plan, target(dest, LocalFiles.fileName(source), many), null);
      plan.files.add(
          Step.of(new Customizer.File(pr.name(), source, p.landing(), null), pr.range())
              .with("/sourceUri", at));
      plan.placements.add(p);
      pr.report()
          .add(
              PackerMapCode.REMOTE_SOURCE,
              at,
              "The source "
                  + source
                  + " is a URL; the File step downloads it as it is, without a checksum. Add"
                  + " the file's SHA-256 to the step by hand to have it verified.");
      return;
    }
    LocalFiles.Resolved r = pr.u.files.resolve(source);
    if (r.kind() == FileSystemView.Kind.MISSING) {
      LocalFile.load(pr, source, r, at, "file"); // says it is missing
      return;
    }
    LocalFile.foundInWorkingDirectory(pr, source, r, at);
    if (r.kind() == FileSystemView.Kind.DIRECTORY) {
      directory(pr, plan, source, r.path(), dest, at);
      return;
    }
    Optional<LocalFile> loaded = LocalFile.load(pr, source, r, at, "file");
    if (loaded.isEmpty()) {
      return;
    }
    LocalFile file = loaded.get();
    destinationAsFile(pr, dest, file.fileName(), many, at);
    String target = target(dest, file.fileName(), many);
    if (pr.u.fileBase.isPresent()) {
      upload(pr, plan, file, target, at);
      return;
    }
    if (file.bytes() != null && !LocalFiles.isText(file.bytes())) {
      pr.report()
          .add(
              PackerMapCode.BINARY_FILE,
              at,
              "The file "
                  + pr.u.files.shown(file.path())
                  + " is not UTF-8 text, so it cannot be written into the template. Upload it and"
                  + " pass --file-base-uri with the address it is uploaded under.");
      return;
    }
    if (file.size() > LocalFiles.EMBED_LIMIT) {
      pr.report()
          .add(
              PackerMapCode.FILE_TOO_LARGE,
              at,
              "The file "
                  + pr.u.files.shown(file.path())
                  + " is "
                  + file.size()
                  + " bytes; only text files up to "
                  + LocalFiles.EMBED_LIMIT
                  + " bytes are written into the template. Upload it and pass --file-base-uri"
                  + " with the address it is uploaded under.");
      return;
    }
    Placement p = place(pr, plan, target, file.fileName());
    embed(pr, plan, p, file.bytes(), at, file.written() + ":", "");
    keepExecutable(pr, plan, p, file);
    pr.report()
        .add(
            PackerMapCode.FILE_EMBEDDED,
            at,
            "The file "
                + pr.u.files.shown(file.path())
                + " is written into the template, and a step saves it to "
                + target
                + " byte for byte. Anyone who can read the template can read the file. Pass"
                + " --file-base-uri to refer to an uploaded copy instead.");
  }

  /**
   * Whether a source is a URL as {@code (?i)^https?://.*} matches one: the scheme in any ASCII case
   * and no line terminator after it (which {@code .} does not match). A loop: every source of every
   * file provisioner is checked, and the case-insensitive pattern was a visible part of it.
   */
  static boolean isUrl(String source) {
    int from;
    if (source.regionMatches(true, 0, "https://", 0, 8) && isAscii(source, 8)) {
      from = 8;
    } else if (source.regionMatches(true, 0, "http://", 0, 7) && isAscii(source, 7)) {
      from = 7;
    } else {
      return false;
    }
    for (int i = from; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the first {@code n} characters are ASCII: regionMatches ignores case beyond ASCII too
   * (the long s U+017F matches "s"), the pattern without UNICODE_CASE does not.
   */
  private static boolean isAscii(String s, int n) {
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static void directory(
      Prov pr, Plan plan, String written, String path, String dest, Range at) {
    LocalFiles.Listing listing;
    try {
      listing = pr.u.files.list(path, MAX_DIRECTORY_FILES);
    } catch (IOException e) {
      LocalFile.readFailed(pr, at, "directory", pr.u.files.shown(path), e);
      return;
    }
    List<String> files = listing.files();
    if (!files.isEmpty() && pr.u.fileBase.isEmpty()) {
      pr.report()
          .add(
              PackerMapCode.DIRECTORY_NEEDS_BASE_URI,
              at,
              "The source "
                  + pr.u.files.shown(path)
                  + " is a directory. Image Builder downloads single files, and directories are"
                  + " not written into the template: upload the directory and pass --file-base-uri"
                  + " with the address the conversion root is uploaded under, so each file can be"
                  + " downloaded.");
      return;
    }
    if (files.size() > MAX_DIRECTORY_FILES) {
      pr.report()
          .add(
              PackerMapCode.TOO_MANY_FILES,
              at,
              "The directory "
                  + pr.u.files.shown(path)
                  + " holds more than "
                  + MAX_DIRECTORY_FILES
                  + " files, each of which would need its own File step. Pack it into an"
                  + " archive, upload that with a file provisioner and unpack it in a step.");
      return;
    }
    // As Packer: "dir/" uploads the contents, "dir" the directory itself.
    boolean contents = written.endsWith("/") || written.endsWith("\\");
    // Packer's SSH uploads create the empty folders too (scp sends each folder, SFTP makes each),
    // and "dir" itself; over WinRM (Windows) it copies files only.
    List<String> folders = new ArrayList<>();
    if (pr.u.os == Os.LINUX) {
      for (String rel : listing.emptyFolders()) {
        if (!(contents && rel.isEmpty())) {
          folders.add(rel);
        }
      }
    }
    if (files.isEmpty() && folders.isEmpty()) {
      pr.report()
          .add(
              PackerMapCode.FIELD_DROPPED,
              at,
              "The directory "
                  + pr.u.files.shown(path)
                  + (pr.u.os == Os.LINUX
                      ? " is empty, and written with a trailing slash it stands for what it"
                          + " holds, so nothing is uploaded, as in Packer."
                      : " holds no files, and Packer's WinRM upload copies files only (no"
                          + " folders), so nothing is uploaded, as in Packer."));
      return;
    }
    String base = contents ? dest : join(dest, LocalFiles.fileName(path));
    if (!contents && plan.scp) {
      // scp -t DEST receiving a directory makes it DEST/NAME when DEST is a directory, and DEST
      // itself otherwise (OpenSSH's sink); Packer's SFTP and WinRM uploads always make DEST/NAME.
      plan.directories.add(new CopiedDirectory(dest, base));
    }
    int expandable = plan.scp ? withoutTrailingSlash(dest).length() : 0;
    for (String rel : folders) {
      plan.folders.add(new Folder(rel.isEmpty() ? base : join(base, rel), expandable));
    }
    for (String rel : files) {
      String abs = path + "/" + rel;
      try {
        LocalFile file = new LocalFile(written, abs, pr.u.files.content(abs));
        upload(
            pr, plan, file, join(base, pr.u.os == Os.WINDOWS ? rel.replace('/', '\\') : rel), at);
      } catch (IOException e) {
        LocalFile.readFailed(pr, at, "file", pr.u.files.shown(abs), e);
      }
    }
  }

  private static void upload(Prov pr, Plan plan, LocalFile file, String target, Range at) {
    String uri = pr.u.uploads.resolve(pr.u, pr.u.fileBase.get(), file, at);
    if (file.size() >= FILE_STEP_RECOMMENDED_LIMIT) {
      largeFile(pr, file, at);
    }
    Placement p = place(pr, plan, target, file.fileName());
    plan.placements.add(p);
    keepExecutable(pr, plan, p, file);
    plan.files.add(
        Step.of(new Customizer.File(pr.name(), uri, p.landing(), file.sha256()), pr.range())
            .with("/sourceUri", at));
  }

  /**
   * The size from which a File step is against Image Builder's recommendation: its documentation
   * ("File customizer", as mapping.md B.4 and C.8 cite it) calls the File customizer suitable for
   * small files only, under 20 MB. Read as decimal megabytes, the stricter reading: a file of
   * 20,000,000 bytes or more is 20 MB or more either way.
   */
  static final long FILE_STEP_RECOMMENDED_LIMIT = 20_000_000L;

  /**
   * Warns about a File step for a file of {@link #FILE_STEP_RECOMMENDED_LIMIT} or more. The step is
   * still written (20 MB is a recommendation, not a limit the service is documented to enforce),
   * with the way the documentation recommends instead: a download in a script step. The size is the
   * one known from reading the file once for its checksum.
   */
  private static void largeFile(Prov pr, LocalFile file, Range at) {
    boolean linux = pr.u.os == Os.LINUX;
    pr.report()
        .add(
            PackerMapCode.FILE_OVER_RECOMMENDED_SIZE,
            at,
            String.format(
                Locale.ROOT,
                "The file %s is %,d bytes (%.1f MB), and Image Builder's documentation (File"
                    + " customizer) recommends File steps for small files only, under 20 MB; a"
                    + " larger download is better done in a script. The File step is written as"
                    + " asked; to follow the recommendation, download the file in a %s step from"
                    + " its uploaded address instead and check its SHA-256 (%s) there, %s. The"
                    + " build VM then downloads it itself: unless the storage account is public,"
                    + " give the VM an identity that may read it"
                    + " (vmProfile.userAssignedIdentities), as the File step's download used the"
                    + " template's identity.",
                file.path(),
                file.size(),
                file.size() / 1_000_000.0,
                linux ? "Shell" : "PowerShell",
                file.sha256(),
                linux
                    ? "for example with curl and sha256sum -c"
                    : "for example with Invoke-WebRequest and Get-FileHash"));
  }

  /**
   * Remembers a Linux placement whose local file is executable: Packer's SSH uploads (scp and SFTP)
   * give the copy the file's mode, while a File step or a written file gets none.
   */
  private static void keepExecutable(Prov pr, Plan plan, Placement p, LocalFile file) {
    if (pr.u.os == Os.LINUX && pr.u.files.isExecutable(file.path())) {
      plan.executables.add(p);
    }
  }

  /**
   * Lines that write bytes at the placement's landing path; the text's own lines, which follow the
   * header that starts writing it, are its lines at {@code at} ({@link Written}).
   */
  private static void embed(
      Prov pr, Plan plan, Placement p, byte[] bytes, Range at, String before, String after) {
    plan.placements.add(p);
    int header = plan.lines.size();
    if (pr.u.os == Os.LINUX) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      plan.lines.addAll(ShellText.writeFile(p.landing(), text));
      plan.written.add(new Written(header + 1, ShellText.lineCount(text), at, before, after));
    } else {
      plan.lines.addAll(PowerShellText.writeFile(p.landing(), bytes));
      plan.written.add(new Written(header + 1, PowerShellText.lineCount(bytes), at, before, after));
    }
  }

  /**
   * {@code step}, whose inline commands hold the plan's lines from its command {@code offset} on,
   * with the lines of each written text located where the text is given ({@link Written}): a
   * message about a credential in one points at {@code content} or {@code source}, naming the line,
   * rather than at the destination.
   */
  private static Step locatingWritten(Step step, Plan plan, int offset) {
    Step out = step;
    for (Written w : plan.written) {
      out = out.withLines("/inline", offset + w.from(), w.count(), w.at(), w.before(), w.after());
    }
    return out;
  }

  /**
   * Where a file first lands: on Linux directly below /tmp (File steps can write nowhere else),
   * elsewhere its target.
   */
  private static Placement place(Prov pr, Plan plan, String target, String name) {
    if (pr.u.os == Os.WINDOWS) {
      return new Placement(target, target, 0);
    }
    // scp is given the directory of a file to write into (the destination's, or the destination
    // itself when the file goes into it), or the directory to copy into: the shell expands that.
    // Several files sent to a destination without a trailing slash are each written as it by
    // Packer, so the folder the steps put them into keeps the destination's own name as text.
    int expandable =
        !plan.scp
            ? 0
            : target.equals(plan.dest) || !plan.folder && !plan.dest.endsWith("/")
                ? parent(plan.dest).length()
                : withoutTrailingSlash(plan.dest).length();
    if (target.startsWith("/tmp/") && target.indexOf('/', 5) < 0 && target.length() > 5) {
      return new Placement(target, target, expandable);
    }
    plan.counter++;
    String file = name == null ? LocalFiles.fileName(target) : name;
    return new Placement(
        "/tmp/packer2aib-" + pr.index + "-" + plan.counter + "-" + file, target, expandable);
  }

  /**
   * Whether the source sets {@code ssh_file_transfer_method = "sftp"}: then Packer copies a
   * directory into the destination always, and scp's choice at build time does not apply.
   */
  static boolean overSftp(Prov pr) {
    for (Setting s : pr.u.usage.config().settings()) {
      if (s.name().equals("ssh_file_transfer_method")) {
        Value v = s.value().unmarked();
        return v.isKnown() && !v.isNull() && v.type() == Type.STRING && v.asString().equals("sftp");
      }
    }
    return false;
  }

  /**
   * {@code path} as the Shell step writes it: below a directory copied as scp copies it ({@link
   * CopiedDirectory}), through the variable the step sets to where that directory went; else with
   * the variables of its first {@code expandable} characters expanded.
   */
  private static String shellPath(String path, int expandable, List<CopiedDirectory> directories) {
    for (int i = 0; i < directories.size(); i++) {
      String base = directories.get(i).base();
      if (path.equals(base) || path.startsWith(base + "/")) {
        String rest = path.substring(base.length());
        return "\"$" + directoryVariable(i) + "\"" + (rest.isEmpty() ? "" : ShellText.quote(rest));
      }
    }
    return ShellText.quotePath(path, expandable);
  }

  /**
   * A Linux destination as a path from the root or from the home directory: scp and SFTP read a
   * relative destination from the home directory of the user Packer signs in as, while the step
   * that moves the file into place would read it from wherever it runs, so {@code app/x.conf}
   * becomes {@code ~/app/x.conf} (and {@code .} or {@code ./} the home directory itself). Repeated
   * slashes name the same path as one ({@code //tmp/x} is {@code /tmp/x}, as a variable holding
   * {@code /tmp} after a slash gives) and are written as one; a trailing slash stays. Over scp
   * ({@code scp}), whose remote shell expands the directory it is told to write into, one that
   * starts with a variable of that directory is no relative path: {@code $HOME/x} (or {@code
   * ${HOME}/x}) is {@code ~/x}, and {@code $APP_DIR/x} stays as it is, for the step's shell to
   * expand; over SFTP the {@code $} is a character of a relative path, as it is there. A
   * destination that is only a variable is a file's own name ({@code scp -vt .} is given {@code
   * $APP_DIR} as text, a file of that name in the home directory), unless the upload is a folder
   * ({@code folder}: {@code scp -rvt $APP_DIR} expands it, see {@link #intoFolder}).
   */
  static String fromHome(String written, boolean scp, boolean folder) {
    String dest = written.indexOf("//") < 0 ? written : written.replaceAll("/{2,}", "/");
    if (dest.startsWith("/") || dest.startsWith("~")) {
      return dest;
    }
    int variable = scp ? expandedVariableEnd(dest, folder) : -1;
    if (variable > 0) {
      String name = dest.substring(0, variable);
      boolean home = name.equals("$HOME") || name.equals("${HOME}");
      return home ? "~" + dest.substring(variable) : dest;
    }
    String rest = dest;
    while (rest.startsWith("./")) {
      rest = rest.substring(2);
    }
    return rest.isEmpty() || rest.equals(".") ? "~/" : "~/" + rest;
  }

  /**
   * Where the variable that starts {@code dest} ends, when the shell behind Packer's scp upload
   * expands it: when a {@code /} follows it (it is part of the directory scp writes into), or when
   * it is the whole destination of a folder's upload ({@code scp -rvt DEST} expands all of DEST);
   * else -1. For a file, Packer runs {@code scp -vt} with the destination's directory only ({@code
   * .} for a destination without a slash), and gives the file's name to scp as text.
   */
  private static int expandedVariableEnd(String dest, boolean folder) {
    int end = ShellText.variableEnd(dest, 0);
    if (end < 0) {
      return -1;
    }
    return end < dest.length() ? (dest.charAt(end) == '/' ? end : -1) : folder ? end : -1;
  }

  /**
   * Whether a Linux destination starts with {@code $HOME} (or {@code ${HOME}}) that the shell
   * behind Packer's scp upload expands, so that {@link #fromHome} writes it as {@code ~}.
   */
  private static boolean startsWithHome(String dest, boolean folder) {
    int end = expandedVariableEnd(dest, folder);
    return end > 0 && (dest.startsWith("$HOME") || dest.startsWith("${HOME}"));
  }

  /**
   * Whether a destination that is only a variable is expanded as a folder's: when a source is a
   * local directory, which Packer uploads with {@code scp -rvt DEST}, expanding all of DEST. Files
   * (one or several, local or URLs) and {@code content} are each uploaded as the destination itself
   * ({@code scp -vt} with its directory), so their destination's own name stays text; with a
   * directory among several sources the files follow the directory's reading, as the steps put them
   * into the folder anyway.
   */
  static boolean intoFolder(Prov pr, List<String> sources) {
    for (String source : sources) {
      if (!isUrl(source) && pr.u.files.resolve(source).kind() == FileSystemView.Kind.DIRECTORY) {
        return true;
      }
    }
    return false;
  }

  /** {@code /opt/} as {@code /opt} (the directory scp makes), {@code /} as it is. */
  private static String withoutTrailingSlash(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static String directoryVariable(int index) {
    return "packer2aib_dir" + (index + 1);
  }

  /**
   * Warns when a Windows destination may be a folder that Packer would upload the file into: over
   * WinRM Packer puts a file into the destination when a folder of that name exists on the VM,
   * while Image Builder's File step takes its destination as the full path of the file (mapping.md
   * §B.4: "names an existing directory in Packer terms", which only the VM knows). Said when the
   * destination's last name has no extension and differs from the file's name ({@code C:\temp} for
   * {@code setup.ps1}); the destination is kept as the file's path.
   */
  private static void destinationAsFile(
      Prov pr, String dest, String name, boolean many, Range sourceAt) {
    if (pr.u.os != Os.WINDOWS || many || dest.endsWith("/") || dest.endsWith("\\")) {
      return;
    }
    String last = LocalFiles.fileName(dest);
    if (last.isEmpty() || last.indexOf('.') >= 0 || last.equalsIgnoreCase(name) || isDrive(last)) {
      return;
    }
    pr.report()
        .add(
            PackerMapCode.DESTINATION_AS_FILE,
            pr.f.take("destination").get().valueRange(),
            "The destination "
                + dest
                + " has no extension and is not named like "
                + name
                + ": if it is a folder on the VM, Packer uploads the file into it, but Image"
                + " Builder's File step takes the destination as the file's full path and writes"
                + " the file as "
                + dest
                + " (which fails when the folder exists). The step keeps "
                + dest
                + " as the file's name; if the file goes into the folder, write the destination as "
                + join(dest, name)
                + " (or end it with a backslash).",
            sourceAt,
            "the file uploaded");
  }

  /** The destination file of a source: into the directory when destination ends in a separator. */
  static String target(String dest, String name, boolean many) {
    if (dest.endsWith("/") || dest.endsWith("\\") || many) {
      return join(dest, name);
    }
    return dest;
  }

  private static String join(String dir, String name) {
    if (dir.endsWith("/") || dir.endsWith("\\")) {
      return dir + name;
    }
    return dir + (dir.contains("\\") && !dir.contains("/") ? "\\" : "/") + name;
  }

  private static String parent(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return slash <= 0 ? "" : path.substring(0, slash);
  }

  /**
   * Whether a directory is a drive alone, as {@code (?i)^[a-z]:$} matches one (ASCII letters only,
   * no UNICODE_CASE): every Windows file step asks it for each file.
   */
  static boolean isDrive(String dir) {
    if (dir.length() != 2 || dir.charAt(1) != ':') {
      return false;
    }
    char c = dir.charAt(0);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static List<Step> steps(Prov pr, Plan plan, Range destAt) {
    List<Step> out = new ArrayList<>();
    if (pr.u.os == Os.WINDOWS) {
      Set<String> dirs = new LinkedHashSet<>();
      for (Placement p : plan.placements) {
        String dir = parent(p.target());
        if (!dir.isEmpty() && !isDrive(dir)) {
          dirs.add(dir);
        }
      }
      List<String> mkdirs = new ArrayList<>();
      for (String d : dirs) {
        mkdirs.add(
            "New-Item -ItemType Directory -Force -Path " + PowerShellText.quote(d) + " | Out-Null");
      }
      if (!plan.lines.isEmpty()) {
        List<String> lines = new ArrayList<>(mkdirs);
        lines.addAll(plan.lines);
        out.add(
            locatingWritten(
                Step.of(
                        new Customizer.PowerShell(pr.name(), null, null, lines, null, null, null),
                        pr.range())
                    .with("/inline", destAt),
                plan,
                mkdirs.size()));
      } else {
        if (!mkdirs.isEmpty()) {
          out.add(
              Step.of(
                  new Customizer.PowerShell(pr.name(), null, null, mkdirs, null, null, null),
                  pr.range()));
        }
        out.addAll(plan.files);
      }
      return withDestination(out, destAt);
    }
    List<String> moves = new ArrayList<>();
    for (int i = 0; i < plan.directories.size(); i++) {
      CopiedDirectory d = plan.directories.get(i);
      String var = directoryVariable(i);
      String dest = withoutTrailingSlash(d.dest());
      // scp -rvt DEST: the shell expands all of DEST (and the directory's name is scp's).
      moves.add(
          var
              + "="
              + ShellText.quotePath(d.base(), dest.length())
              + "; [ -d "
              + ShellText.quotePath(d.dest(), dest.length())
              + " ] || "
              + var
              + "="
              + ShellText.quotePath(dest, dest.length()));
    }
    Set<String> dirs = new LinkedHashSet<>();
    boolean sudo = false;
    boolean home = false;
    boolean decided = false;
    boolean moved = false;
    List<String> modes = new ArrayList<>();
    for (Placement p : plan.placements) {
      if (!p.moves()) {
        continue;
      }
      moved = true;
      String target = shellPath(p.target(), p.expandable(), plan.directories);
      String writer = writer(p.target(), p.expandable());
      boolean onTheVm = writer.equals(DECIDED);
      sudo |= writer.equals(SUDO);
      home |= ShellText.isHomePath(p.target());
      decided |= onTheVm;
      if (onTheVm) {
        moves.add(decide(target));
      }
      String dir = parent(p.target());
      // The home directory itself exists: no mkdir for it.
      if (!dir.isEmpty() && !dir.equals("~") && dirs.add(dir)) {
        moves.add(
            writer
                + "mkdir -p "
                + shellPath(dir, Math.min(p.expandable(), dir.length()), plan.directories));
      }
      // -T: the target is the file's own path, as for Packer's upload; where a directory of that
      // name exists, the move fails as Packer's upload does ("Is a directory") instead of putting
      // the file into it under its /tmp name.
      moves.add(writer + "mv -T " + ShellText.quote(p.landing()) + " " + target);
      if (onTheVm && plan.executables.contains(p)) {
        moves.add(writer + "chmod +x " + target);
      }
      // mv keeps the build user's ownership; outside /tmp and home a file root placed belongs to
      // root, or the first user of a VM made from the image (often the same uid) owns
      // /etc/sudoers.d/… or /usr/local/bin/… (sudo also refuses a sudoers file not root's).
      // Every placement is one file, so never -R: that would take a directory's tree.
      if (onTheVm) {
        moves.add("[ -z \"$packer2aib_sudo\" ] || sudo chown root:root " + target);
      } else if (writer.equals(SUDO)) {
        moves.add("sudo chown root:root " + target);
      }
    }
    for (Folder d : plan.folders) {
      String target = shellPath(d.target(), d.expandable(), plan.directories);
      String writer = writer(d.target(), d.expandable());
      sudo |= writer.equals(SUDO);
      home |= ShellText.isHomePath(d.target());
      decided |= writer.equals(DECIDED);
      if (dirs.add(d.target())) {
        if (writer.equals(DECIDED)) {
          moves.add(decide(target));
        }
        moves.add(writer + "mkdir -p " + target);
      }
    }
    for (Placement p : plan.executables) {
      String writer = writer(p.target(), p.expandable());
      if (!writer.equals(DECIDED)) {
        modes.add(writer + "chmod +x " + shellPath(p.target(), p.expandable(), plan.directories));
      }
    }
    out.addAll(plan.files);
    if (!plan.lines.isEmpty() || !moves.isEmpty() || !modes.isEmpty()) {
      List<String> lines = new ArrayList<>(plan.lines);
      lines.addAll(moves);
      lines.addAll(modes);
      out.add(
          locatingWritten(
              Step.of(new Customizer.Shell(pr.name(), null, null, lines), pr.range())
                  .with("/inline", destAt),
              plan,
              0));
    }
    if (!plan.executables.isEmpty()) {
      pr.report()
          .add(
              PackerMapCode.FIELD_REWRITTEN,
              destAt,
              (plan.executables.size() > 1
                      ? plan.executables.size() + " of the local files are executable"
                      : "The local file is executable")
                  + ", and Packer's upload over SSH keeps a file's mode, but Image Builder's"
                  + " File step and a written file do not, so the step makes "
                  + (plan.executables.size() > 1 ? "them" : "it")
                  + " executable again (chmod +x).");
    }
    if (!moves.isEmpty()) {
      pr.report()
          .add(
              PackerMapCode.FILE_MOVED,
              destAt,
              (moved
                      ? "On Linux Image Builder's steps run as an unprivileged build user and its"
                          + " File step can write only directly below /tmp, so the file"
                          + (plan.placements.size() > 1 ? "s land" : " lands")
                          + " in /tmp first and a Shell step moves "
                          + (plan.placements.size() > 1 ? "them" : "it")
                          + " into place"
                          + (sudo ? " with sudo (creating the directory if needed)" : "")
                          + "."
                          + (plan.folders.isEmpty()
                              ? ""
                              : " Packer's upload over SSH also creates the empty folders of a"
                                  + " directory, and so does the step (mkdir -p).")
                      : "Packer's upload over SSH creates the empty folders of a directory, and"
                          + " Image Builder's File step copies single files only, so a Shell step"
                          + " creates them (mkdir -p"
                          + (sudo ? ", with sudo" : "")
                          + ").")
                  + (home
                      ? " A destination starting with ~, or relative, is in the home directory, as"
                          + " for Packer's upload over SSH: the step moves it into the build"
                          + " user's home directory."
                          + (plan.homeVariable
                              ? " So is one starting with $HOME, which the shell behind Packer's"
                                  + " scp upload expands."
                              : "")
                      : "")
                  + (decided
                      ? " The shell behind Packer's scp upload expands a variable (such as $USER)"
                          + " in the directory it uploads into, and so does the step; whether the"
                          + " path then lies in the home directory or /tmp, where the build user"
                          + " moves the file, or elsewhere, where sudo does and root owns it, the"
                          + " step decides on the VM."
                      : "")
                  + (plan.directories.isEmpty()
                      ? ""
                      : " A directory goes where Packer's scp would put it, decided on the VM:"
                          + " into the destination when that is a directory there, else it"
                          + " becomes the destination."));
    }
    return withDestination(out, destAt);
  }

  /** The prefix of a command that the build user runs. */
  private static final String AS_USER = "";

  /** The prefix of a command that root runs. */
  private static final String SUDO = "sudo ";

  /** The prefix of a command whose user the step decides on the VM ({@link #decide}). */
  private static final String DECIDED = "$packer2aib_sudo ";

  /**
   * Who writes at {@code target} on Linux: the build user in /tmp and its home directory, which it
   * owns (sudo there would leave root's files); root elsewhere; and where the path names a variable
   * (/home/$USER/…), whose value only the VM knows, whoever {@link #decide} chooses there.
   */
  private static String writer(String target, int expandable) {
    if (target.startsWith("/tmp/") || ShellText.isHomePath(target)) {
      return AS_USER;
    }
    return ShellText.expandsVariable(target, expandable) ? DECIDED : SUDO;
  }

  /**
   * The line that sets {@code packer2aib_sudo} for the path {@code shellTarget} (as the step writes
   * it): empty in the home directory and /tmp, else sudo.
   */
  private static String decide(String shellTarget) {
    return "packer2aib_sudo=sudo; case "
        + shellTarget
        + " in \"$HOME\"/*|/tmp/*) packer2aib_sudo= ;; esac";
  }

  /** Each step located at the destination too (a loop: every file provisioner comes here). */
  private static List<Step> withDestination(List<Step> steps, Range destAt) {
    for (int i = 0; i < steps.size(); i++) {
      steps.set(i, steps.get(i).with("/destination", destAt));
    }
    return steps;
  }
}
