package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.function.HostFile;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.Sha256;
import io.github.packer2aib.core.source.Utf8;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The local files provisioners refer to: where a relative path resolves (the template's folder,
 * then the working directory, mapping decision 4), what a file holds, and the path it has below the
 * conversion root (for upload URIs).
 *
 * <p>One instance serves one conversion, and remembers what it looked up: templates name the same
 * scripts and folders in several provisioners and usages, and each lookup is file system calls (or,
 * in a bulk run, cache lookups) and a SHA-256. The files are taken not to change during a
 * conversion.
 */
final class LocalFiles {
  // Compiled once: these run for every step of every template.
  private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("^[A-Za-z]:[/\\\\].*");

  /** Files up to this size may be embedded in the template (mapping decision 5). */
  static final int EMBED_LIMIT = 64 * 1024;

  /**
   * Scripts up to this size may be written into the template; ARM limits a whole deployment to 4
   * MB, so larger ones must be uploaded.
   */
  static final int INLINE_SCRIPT_LIMIT = 1024 * 1024;

  /**
   * A resolved local path; {@code alsoInWorkingDirectory}: when a relative path found in the
   * template's folder also names something in the working directory, that other path (Packer
   * resolves provisioner paths from its working directory, so it may use the other one), else null.
   */
  record Resolved(
      String path,
      FileSystemView.Kind kind,
      boolean viaWorkingDirectory,
      String alsoInWorkingDirectory) {
    Resolved(String path, FileSystemView.Kind kind, boolean viaWorkingDirectory) {
      this(path, kind, viaWorkingDirectory, null);
    }
  }

  /**
   * Files larger than this are known by their size and SHA-256 alone (read in pieces by the file
   * view), never held whole: a provisioner may upload an installer of gigabytes, and only files far
   * smaller are ever written into a template or read as scripts.
   */
  static final int KEEP_LIMIT = 16 * 1024 * 1024;

  /**
   * A file's bytes (never changed by anyone; null for a file over {@link #KEEP_LIMIT}), its size
   * and its SHA-256 in lowercase hex.
   */
  record Content(byte[] bytes, long size, String sha256) {}

  private final Map<String, Resolved> resolved = new HashMap<>();
  private final Map<String, Content> contents = new HashMap<>();
  private final Map<String, IOException> failures = new HashMap<>();
  private final Map<String, Listing> listings = new HashMap<>();
  private final Map<String, Optional<HostFile>> hostFiles = new HashMap<>();

  private final FileSystemView fs;
  private final String templateFolder;

  /** {@link #templateFolder} as the run names it ({@link #shownFolder}). */
  private final String shownFolder;

  private final String conversionRoot;

  /**
   * The working directory and the home folder, normalized, as {@link #shown} names the files below
   * them; null when it is the file system's root, below which every path is.
   */
  private final String workingDirectory;

  private final String homeDirectory;

  /**
   * {@link #conversionRoot} with a final slash, made once: every uploaded file's path is taken
   * relative to it.
   */
  private final String conversionRootSlash;

  /** Whether {@link #templateFolder} is absolute and normal (see {@link #inFolder}). */
  private final boolean folderIsNormal;

  LocalFiles(FileSystemView fs, String templateRoot, Optional<String> conversionRoot) {
    this(fs, templateRoot, conversionRoot, templateRoot);
  }

  /**
   * @param shownRoot {@code templateRoot} as the run names it (the input's display name), which
   *     messages name the template's folder after ({@link #shownFolder})
   */
  LocalFiles(
      FileSystemView fs, String templateRoot, Optional<String> conversionRoot, String shownRoot) {
    this.fs = fs;
    String root = absolute(fs.baseDirectory(), templateRoot);
    FileSystemView.Kind kind = fs.kind(root);
    boolean file =
        kind == FileSystemView.Kind.FILE
            || (kind == FileSystemView.Kind.MISSING && fileName(root).contains("."));
    this.templateFolder = file ? parent(root) : root;
    this.shownFolder = file ? shownParent(shownRoot) : shownRoot;
    this.conversionRoot =
        conversionRoot.map(r -> absolute(fs.baseDirectory(), r)).orElse(templateFolder);
    this.conversionRootSlash =
        this.conversionRoot.endsWith("/") ? this.conversionRoot : this.conversionRoot + "/";
    this.folderIsNormal = templateFolder.startsWith("/") && isNormal(templateFolder);
    this.workingDirectory = belowRoot(fs.baseDirectory());
    this.homeDirectory = belowRoot(fs.homeDirectory());
  }

  private static String belowRoot(String folder) {
    if (folder == null || !isAbsolute(folder)) {
      return null;
    }
    String n = normalize(folder);
    return n.equals("/") ? null : n;
  }

  String templateFolder() {
    return templateFolder;
  }

  /**
   * The template's folder as the run names it: the input's display name for a folder, its folder
   * for a file ({@code .} for a file named without one). Messages name it so: the absolute path
   * differs between two checkouts of one tree, and so did their reports.
   */
  String shownFolder() {
    return shownFolder;
  }

  /**
   * {@code path} (absolute and normal, as {@link #resolve} gives it) as messages name it: below the
   * template's folder, from {@link #shownFolder}; elsewhere below the working directory, from there
   * ({@code scripts/a.sh}, as the run names its inputs), and below the home folder from {@code ~};
   * anything else as it is. The absolute path of the converting machine differs between two
   * checkouts of one tree and between two users, and so did the reports.
   */
  String shown(String path) {
    if (path.equals(templateFolder)) {
      return shownFolder;
    }
    String prefix = templateFolder.endsWith("/") ? templateFolder : templateFolder + "/";
    if (!path.startsWith(prefix)) {
      String fromCwd = below(workingDirectory, path);
      if (fromCwd != null) {
        return fromCwd.isEmpty() ? "." : fromCwd;
      }
      String fromHome = below(homeDirectory, path);
      if (fromHome != null) {
        return fromHome.isEmpty() ? "~" : "~/" + fromHome;
      }
      return path;
    }
    String rest = path.substring(prefix.length());
    if (shownFolder.equals(".")) {
      return rest;
    }
    return shownFolder.endsWith("/") || shownFolder.endsWith("\\")
        ? shownFolder + rest
        : shownFolder + "/" + rest;
  }

  /** {@code path} from {@code folder} ("" for the folder itself), or null when not below it. */
  private static String below(String folder, String path) {
    if (folder == null) {
      return null;
    }
    if (path.equals(folder)) {
      return "";
    }
    return path.startsWith(folder) && path.charAt(folder.length()) == '/'
        ? path.substring(folder.length() + 1)
        : null;
  }

  /** The folder of a file as the run names it: {@code .} when the name has none. */
  private static String shownParent(String shownFile) {
    int slash = Math.max(shownFile.lastIndexOf('/'), shownFile.lastIndexOf('\\'));
    if (slash < 0) {
      return ".";
    }
    return slash == 0 ? shownFile.substring(0, 1) : shownFile.substring(0, slash);
  }

  /**
   * Why a path {@link #resolve} found missing cannot be read ({@link FileSystemView#whyNotAFile}).
   */
  String whyNotAFile(String path) {
    return fs.whyNotAFile(path);
  }

  /**
   * Where a relative path as written in a provisioner lies in the working directory, the second
   * place {@link #resolve} looks; null for an absolute path (or one from {@code ~}).
   */
  String inWorkingDirectory(String written) {
    if (written.equals("~") || written.startsWith("~/") || isAbsolute(written)) {
      return null;
    }
    return normalize(fs.baseDirectory() + "/" + written);
  }

  /**
   * Resolves a path as written in a provisioner: absolute as is; relative against the template's
   * folder, then against the working directory; {@code MISSING} when neither has it, or when no
   * file can have it ({@link #nameless}), which the file view is not even asked about.
   */
  Resolved resolve(String written) {
    Resolved known = resolved.get(written);
    if (known == null) {
      known = resolveOnce(written);
      resolved.put(written, known);
    }
    return known;
  }

  private Resolved resolveOnce(String written) {
    if (nameless(written)) {
      return new Resolved(written, FileSystemView.Kind.MISSING, false);
    }
    String expanded = written;
    if (expanded.equals("~") || expanded.startsWith("~/")) {
      expanded = fs.homeDirectory() + expanded.substring(1);
    }
    if (isAbsolute(expanded)) {
      String p = normalize(expanded);
      return new Resolved(p, fs.kind(p), false);
    }
    String inTemplate = inFolder(templateFolder, folderIsNormal, expanded);
    FileSystemView.Kind kind = fs.kind(inTemplate);
    String inCwd = normalize(fs.baseDirectory() + "/" + expanded);
    if (kind != FileSystemView.Kind.MISSING) {
      // Looked up once per path and conversion: a converter run from the template's folder (the
      // usual case) has one candidate only and asks nothing more.
      boolean other = !inCwd.equals(inTemplate) && fs.kind(inCwd) != FileSystemView.Kind.MISSING;
      return new Resolved(inTemplate, kind, false, other ? inCwd : null);
    }
    FileSystemView.Kind cwdKind = fs.kind(inCwd);
    if (cwdKind != FileSystemView.Kind.MISSING && !inCwd.equals(inTemplate)) {
      return new Resolved(inCwd, cwdKind, true);
    }
    return new Resolved(inTemplate, FileSystemView.Kind.MISSING, false);
  }

  /**
   * {@code normalize(folder + "/" + relative)}, where {@code folderIsNormal} says that {@code
   * folder} is absolute and {@link #isNormal}: templates name their scripts as {@code
   * ../files/x.sh}, and joining the folder and taking the joined path apart again was a visible
   * part of each lookup. The leading {@code ../} and {@code ./} parts are applied to the folder
   * ({@code ..} of {@code /} stays there, as normalize drops it); a rest that is itself normal is
   * then joined as it is, anything else normalized in full.
   */
  static String inFolder(String folder, boolean folderIsNormal, String relative) {
    if (!folderIsNormal) {
      return normalize(folder + "/" + relative);
    }
    String up = folder;
    int from = 0;
    while (true) {
      if (relative.startsWith("../", from)) {
        up = parent(up);
        from += 3;
      } else if (relative.startsWith("./", from)) {
        from += 2;
      } else {
        break;
      }
    }
    String rest = relative.substring(from);
    if (rest.isEmpty() || rest.charAt(0) == '/' || !isNormal(rest)) {
      return normalize(folder + "/" + relative);
    }
    return up.length() == 1 ? "/" + rest : up + "/" + rest;
  }

  /** Whether the owner may execute the file at {@code path} (see FileSystemView). */
  boolean isExecutable(String path) {
    return fs.isExecutable(path);
  }

  /**
   * The file of the machine running the converter that {@code path} is ({@link HostFile}), which no
   * step may copy into the template, or empty; asked once per path and conversion.
   */
  Optional<HostFile> hostFile(String path) {
    Optional<HostFile> known = hostFiles.get(path);
    if (known == null) {
      // The template's folder and the conversion root are the template's own, whatever the view's
      // base.
      known = HostFile.of(fs, path, List.of(templateFolder, conversionRoot));
      hostFiles.put(path, known);
    }
    return known;
  }

  /**
   * A read refused because the path is a {@link HostFile}: the callers that report a failed read
   * say what it is instead ({@link LocalFile#refuseHostFile}).
   */
  static final class HostFileRefused extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient HostFile host;

    HostFileRefused(String path, HostFile host) {
      super(path + " " + host.what(), null);
      this.host = host;
    }

    HostFile host() {
      return host;
    }
  }

  /**
   * A regular file's bytes and checksum; read once. A failed read fails again without reading: the
   * generalization checks read uploads before their file provisioner does, which reports it. A
   * {@link HostFile} is never read ({@link HostFileRefused}).
   */
  Content content(String path) throws IOException {
    Content known = contents.get(path);
    if (known == null) {
      IOException failed = failures.get(path);
      if (failed != null) {
        throw failed;
      }
      FileSystemView.Contents c;
      try {
        Optional<HostFile> host = hostFile(path);
        if (host.isPresent()) {
          throw new HostFileRefused(path, host.get());
        }
        c = fs.contents(path, KEEP_LIMIT);
      } catch (IOException e) {
        failures.put(path, e);
        throw e;
      }
      byte[] bytes = c.bytes();
      String sha256 = c.sha256() != null ? c.sha256() : sha256(bytes);
      known = new Content(bytes, c.size(), sha256);
      contents.put(path, known);
    }
    return known;
  }

  /**
   * What a directory holds, as paths relative to it, each sorted: every regular file below it, and
   * every folder below it (or the directory itself, as "") that holds neither a file nor a folder,
   * which Packer's SSH uploads create on the VM as well (scp sends each folder, SFTP makes each).
   */
  record Listing(List<String> files, List<String> emptyFolders) {}

  /**
   * {@link Listing} of a directory; the walk stops once more than {@code limit} files are found.
   */
  Listing list(String directory, int limit) throws IOException {
    String key = limit + ":" + directory;
    Listing known = listings.get(key);
    if (known == null) {
      known = listOnce(directory, limit);
      listings.put(key, known);
    }
    return known;
  }

  private Listing listOnce(String directory, int limit) throws IOException {
    Optional<HostFile> host = hostFile(directory);
    if (host.isPresent()) {
      throw new HostFileRefused(directory, host.get());
    }
    List<String> out = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    Deque<String> pending = new ArrayDeque<>();
    pending.add("");
    while (!pending.isEmpty() && out.size() <= limit) {
      String rel = pending.removeFirst();
      String dir = rel.isEmpty() ? directory : directory + "/" + rel;
      List<String> names = new ArrayList<>(fs.list(dir));
      Collections.sort(names);
      boolean holds = false;
      for (String name : names) {
        String childRel = rel.isEmpty() ? name : rel + "/" + name;
        FileSystemView.Kind k = fs.kind(directory + "/" + childRel);
        if (k == FileSystemView.Kind.DIRECTORY) {
          pending.add(childRel);
          holds = true;
        } else if (k == FileSystemView.Kind.FILE) {
          out.add(childRel);
          holds = true;
        }
      }
      if (!holds) {
        empty.add(rel);
      }
    }
    Collections.sort(out);
    Collections.sort(empty);
    return new Listing(List.copyOf(out), List.copyOf(empty));
  }

  /**
   * Whether a local script can be written into the template: it must be UTF-8 text (and not marked
   * {@code binary}) and at most {@link #INLINE_SCRIPT_LIMIT} bytes; otherwise says why and what to
   * do, at {@code at}.
   */
  boolean inlinable(Report report, Range at, LocalFile file, boolean binary) {
    if (file.bytes() != null && (file.text().isEmpty() || binary)) {
      report.add(
          PackerMapCode.BINARY_FILE,
          at,
          "The script "
              + shown(file.path())
              + (file.text().isEmpty()
                  ? " is not UTF-8 text, so it cannot be written into the template."
                  : " is marked binary = true (to be uploaded byte for byte), so it is not"
                      + " written into the template as text.")
              + " Upload it and pass --script-base-uri with the address it is uploaded under.");
      return false;
    }
    if (file.size() > INLINE_SCRIPT_LIMIT) {
      report.add(
          PackerMapCode.SCRIPT_TOO_LARGE,
          at,
          "The script "
              + shown(file.path())
              + " is "
              + file.size()
              + " bytes, too large to write into the template (the limit is "
              + INLINE_SCRIPT_LIMIT
              + "). Upload it and pass --script-base-uri.");
      return false;
    }
    return true;
  }

  /**
   * The path of a file below the conversion root, with {@code /} separators; a file outside the
   * root is known by its file name alone (mapping decision 4).
   */
  String uploadPath(String absolutePath) {
    String root = conversionRootSlash;
    if (absolutePath.startsWith(root)) {
      return absolutePath.substring(root.length());
    }
    return fileName(absolutePath);
  }

  static String sha256(byte[] bytes) {
    return Digests.sha256(bytes);
  }

  /**
   * The SHA-256 of file contents hashed before in this JVM, found by their bytes: the templates of
   * a bulk run share their scripts, each conversion has its own LocalFiles, and SHA-256 in the C1
   * code of bulk runs costs many times what finding and comparing the bytes does. Small files only,
   * and at most {@link #BUDGET} bytes in all: then new contents are hashed every time. The bytes
   * kept are the caller's, which nobody changes ({@link Content}).
   */
  private static final class Digests {
    private Digests() {}

    /** Larger files are hashed every time (they are rare, and would fill the budget). */
    private static final int MAX_FILE = 64 * 1024;

    /** The bytes of all contents kept. */
    private static final int BUDGET = 4 * 1024 * 1024;

    private static final java.util.concurrent.ConcurrentHashMap<Key, String> KNOWN =
        new java.util.concurrent.ConcurrentHashMap<>();

    private static final java.util.concurrent.atomic.AtomicInteger KEPT =
        new java.util.concurrent.atomic.AtomicInteger();

    static String sha256(byte[] bytes) {
      if (bytes.length > MAX_FILE) {
        return compute(bytes);
      }
      Key key = new Key(bytes);
      String known = KNOWN.get(key);
      if (known != null) {
        return known;
      }
      String digest = compute(bytes);
      if (KEPT.addAndGet(bytes.length) <= BUDGET) {
        KNOWN.putIfAbsent(key, digest);
      } else {
        KEPT.addAndGet(-bytes.length);
      }
      return digest;
    }

    private static String compute(byte[] bytes) {
      return Sha256.hex(bytes);
    }

    /**
     * Contents as a map key: equal when the bytes are. The hash reads the length and at most 64
     * bytes spread over the contents (a full hash would read every byte, as the comparison that
     * confirms a hit does anyway, which {@link Arrays#equals(byte[], byte[])} does fast).
     */
    private static final class Key {
      private final byte[] bytes;
      private final int hash;

      Key(byte[] bytes) {
        this.bytes = bytes;
        int h = bytes.length;
        int step = Math.max(1, bytes.length / 64);
        for (int i = 0; i < bytes.length; i += step) {
          h = 31 * h + bytes[i];
        }
        this.hash = h;
      }

      @Override
      public boolean equals(Object o) {
        return o instanceof Key k && k.hash == hash && Arrays.equals(k.bytes, bytes);
      }

      @Override
      public int hashCode() {
        return hash;
      }
    }
  }

  /** Text: valid UTF-8 without NUL bytes. */
  static boolean isText(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return false;
      }
    }
    return decode(bytes).isPresent();
  }

  static Optional<String> decode(byte[] bytes) {
    try {
      return Optional.of(Utf8.decode(bytes));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether no file can have this path: it holds a NUL character, which no file system allows in a
   * name (and Java's paths refuse with an exception).
   */
  static boolean nameless(String path) {
    return ControlCharacters.hasNul(path);
  }

  static boolean isAbsolute(String path) {
    if (path.startsWith("/")) {
      return true;
    }
    // The pattern only where its first three characters stand (a drive letter, ':' and a
    // separator): every file path of every template comes here, most of them relative.
    if (path.length() < 3 || path.charAt(1) != ':') {
      return false;
    }
    return WINDOWS_ABSOLUTE.matcher(path).matches();
  }

  static String absolute(String base, String path) {
    return isAbsolute(path) ? normalize(path) : normalize(base + "/" + path);
  }

  /** Removes {@code .}, {@code ..} and repeated separators; keeps a leading {@code /}. */
  static String normalize(String path) {
    return isNormal(path) ? path : normalizeParts(path);
  }

  /**
   * {@link #normalize} for a path with empty, {@code .} or {@code ..} parts, in one pass: the kept
   * parts are a stack in one builder, {@code ..} parts (kept only at the start of a relative path)
   * below the others.
   */
  static String normalizeParts(String path) {
    boolean rooted = path.startsWith("/");
    StringBuilder out = new StringBuilder(path.length());
    int[] starts = new int[path.length() / 2 + 1]; // where each kept part starts in out
    int depth = 0;
    int ups = 0; // the leading ".." parts among them
    int n = path.length();
    int partStart = 0;
    for (int i = 0; i <= n; i++) {
      if (i < n && path.charAt(i) != '/') {
        continue;
      }
      int length = i - partStart;
      boolean dot = length == 1 && path.charAt(partStart) == '.';
      boolean dotDot = length == 2 && path.startsWith("..", partStart);
      if (length == 0 || dot) {
        // nothing to keep
      } else if (dotDot && depth > ups) {
        depth--;
        out.setLength(depth == 0 ? 0 : starts[depth] - 1);
      } else if (!dotDot || !rooted) {
        if (depth > 0) {
          out.append('/');
        }
        starts[depth++] = out.length();
        out.append(path, partStart, i);
        if (dotDot) {
          ups++;
        }
      }
      partStart = i + 1;
    }
    return rooted ? "/" + out : out.length() == 0 ? "." : out.toString();
  }

  /**
   * Whether {@link #normalize} would give the path back unchanged: not empty, and no empty, {@code
   * .} or {@code ..} part ({@code /} alone is normal). Most paths are, and taking them apart and
   * joining them again for every lookup was a visible part of mapping.
   */
  static boolean isNormal(String path) {
    int n = path.length();
    if (n == 0) {
      return false;
    }
    if (n == 1 && path.charAt(0) == '/') {
      return true;
    }
    int partStart = path.charAt(0) == '/' ? 1 : 0;
    for (int i = partStart; i <= n; i++) {
      if (i < n && path.charAt(i) != '/') {
        continue;
      }
      int length = i - partStart;
      if (length == 0
          || (path.charAt(partStart) == '.'
              && (length == 1 || (length == 2 && path.charAt(partStart + 1) == '.')))) {
        return false;
      }
      partStart = i + 1;
    }
    return true;
  }

  static String fileName(String path) {
    String p = path;
    while (p.length() > 1 && (p.endsWith("/") || p.endsWith("\\"))) {
      p = p.substring(0, p.length() - 1);
    }
    int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
    return slash < 0 ? p : p.substring(slash + 1);
  }

  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}
