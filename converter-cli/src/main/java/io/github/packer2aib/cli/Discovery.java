package io.github.packer2aib.cli;

import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.function.FileSystemView.Kind;
import io.github.packer2aib.core.hcl.function.HostFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Finds what {@code convert -r} converts under its folders, in a deterministic order (roots in
 * command-line order, then by relative path): a folder holding {@code *.pkr.hcl}/{@code *.pkr.json}
 * files is one HCL2 template, as Packer reads a folder; every other {@code .json}/{@code
 * .yaml}/{@code .yml} file is a document whose content decides what it is (in the task, so files
 * are read in parallel); anything else is listed as skipped. Hidden entries (a name starting with
 * '.') and the output folder are never searched; symbolic links to folders are not followed, nor
 * links to files outside every root (a repository cannot make the run read a file of the machine).
 */
final class Discovery {
  /**
   * Files larger than this are not read: no template comes close (the corpus's largest is 31 KB).
   */
  static final long MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;

  /** One root: a folder given to -r, or a file given alone (its folder is the root). */
  record Root(String argument, Path folder, Optional<Path> onlyFile, String label) {}

  /** What a candidate is before it is read. */
  enum Shape {
    /** A folder of HCL2 files: one template. */
    HCL2_FOLDER,
    /**
     * A folder of HCL2 files one of which the run does not read (a link out of the roots, a name
     * that is no text): a template that fails, its folder searched all the same. Not {@link
     * #MISSING}: a root whose own template failed was taken for a root that cannot be listed, which
     * turned --prune off and left the stale outputs of the rest of the tree unnamed.
     */
    BROKEN_HCL2_FOLDER,
    /** One HCL2 file given on the command line. */
    HCL2_FILE,
    /** A JSON or YAML file, classified by content when converted. */
    DOCUMENT,
    /** Something that is not a template, known by its name. */
    SKIPPED,
    /** A command-line argument that is neither a folder nor a readable file. */
    MISSING
  }

  /**
   * One thing found.
   *
   * @param index position in discovery order
   * @param relative path relative to the root with '/' ("." for the root folder itself), prefixed
   *     with the root's label when there are several roots
   * @param displayName how diagnostics name it: the root argument joined with the path
   * @param path the absolute path
   * @param outputFolder where its outputs go, relative to the output folder ('/' separators, "" for
   *     the output folder itself), every folder name usable on every system ({@link FolderNames});
   *     for MISSING, the folder it would mirror to if it is (or was) a folder
   * @param naturalOutputFolder the folder that mirrors the input tree exactly
   * @param stem the file name its outputs start with (documents only), clashes settled
   * @param naturalStem the stem before clashes were settled
   * @param reservedStems the document stems of the same output folder (HCL2 folders avoid them);
   *     complete once discovery returns, and only read after
   * @param skipReason why it is skipped (SKIPPED and MISSING), or why it fails (BROKEN_HCL2_FOLDER)
   */
  record Candidate(
      int index,
      Root root,
      String relative,
      String displayName,
      Path path,
      Shape shape,
      String outputFolder,
      String naturalOutputFolder,
      String stem,
      String naturalStem,
      StemSpaces reservedStems,
      String skipReason) {}

  private final List<PathMatcher> include;
  private final List<PathMatcher> exclude;

  /** What each {@code --include} pattern matched: NOTHING, MATCHED (only left out) or KEPT. */
  private final AtomicIntegerArray includeUse;

  /** Whether each {@code --exclude} pattern matched anything: NOTHING or MATCHED. */
  private final AtomicIntegerArray excludeUse;

  private final List<Path> outputFolders;
  private final List<Path> ownFiles;

  /**
   * The roots of the run as the file system resolves them (a root given as a file: that file), set
   * by {@link #discover} before the walk: a link to a file outside all of them is not followed.
   */
  private volatile List<Path> realRoots = List.of();

  /**
   * The output folder where the walk met it inside a root ({@code -r repo -o repo/aib}): left out
   * of the search, and with it any template of the tree it holds ({@link #inOutputFolder}).
   */
  private final Queue<Found> outputInside = new ConcurrentLinkedQueue<>();

  /**
   * @param include globs a candidate must match (any), none: every candidate
   * @param exclude globs that remove a candidate, or a folder with everything below it
   * @param output the output folder, never searched; none for {@code validate -r}
   * @param report the report file, if any: never taken for an input
   */
  Discovery(
      List<PathMatcher> include,
      List<PathMatcher> exclude,
      Optional<Path> output,
      Optional<Path> report) {
    this.include = List.copyOf(include);
    this.exclude = List.copyOf(exclude);
    this.includeUse = new AtomicIntegerArray(include.size());
    this.excludeUse = new AtomicIntegerArray(exclude.size());
    this.outputFolders = output.map(Discovery::forms).orElse(List.of());
    this.ownFiles = report.map(Discovery::forms).orElse(List.of());
  }

  /**
   * A discovery with the same patterns and report file but no output folder, and its own record of
   * what each pattern matched (which the run's warnings read from this one).
   */
  private Discovery(Discovery of) {
    this.include = of.include;
    this.exclude = of.exclude;
    this.includeUse = new AtomicIntegerArray(include.size());
    this.excludeUse = new AtomicIntegerArray(exclude.size());
    this.outputFolders = List.of();
    this.ownFiles = of.ownFiles;
    this.realRoots = of.realRoots;
  }

  /**
   * What the search would have found in the output folder, had it not been left out, where the walk
   * of {@link #discover} met that folder inside a root: the templates of the tree a user keeps
   * there ({@code -r repo -o repo/aib}, with {@code repo/aib} holding AIB templates) are not
   * converted. In discovery order, with the patterns applied as they are to the rest of the tree
   * (without counting towards their warnings); every JSON or YAML file is listed, a template or
   * not, output of an earlier run or not: the caller reads them to tell.
   */
  List<InOutput> inOutputFolder() {
    List<InOutput> out = new ArrayList<>();
    for (Found folder : outputInside) {
      Discovery search = new Discovery(this);
      Walk walk =
          search
          .new Walk(
              folder.root(),
              folder.path(),
              realPath(folder.path()),
              folder.relative(),
              0,
              new FileCache(0),
              true);
      walk.invoke();
      List<Found> found = new ArrayList<>(walk.out);
      found.sort((a, b) -> compareRelative(a.relative(), b.relative()));
      for (Found f : found) {
        if (f.shape() == Shape.HCL2_FOLDER
            || f.shape() == Shape.BROKEN_HCL2_FOLDER
            || f.shape() == Shape.DOCUMENT) {
          String label = f.root().label();
          out.add(
              new InOutput(
                  label.isEmpty() ? f.relative() : label + "/" + f.relative(),
                  f.path(),
                  f.shape(),
                  f.relative().equals(folder.relative())
                      ? ""
                      : f.relative().substring(folder.relative().length() + 1)));
        }
      }
    }
    return out;
  }

  /**
   * A possible template inside the output folder.
   *
   * @param shown its path as the report would show it (relative to its root, with the root's label
   *     when there are several)
   * @param path the absolute path
   * @param shape an HCL2 folder, or a JSON or YAML file to be read
   * @param inOutput its path relative to the output folder, as the list of outputs names files
   */
  record InOutput(String shown, Path path, Shape shape, String inOutput) {}

  /** Whether {@code --include} or {@code --exclude} leave candidates out. */
  boolean filters() {
    return !include.isEmpty() || !exclude.isEmpty();
  }

  /**
   * A path as written (absolute) and, when it exists, as the file system resolves it. "As written"
   * drops "." and resolves ".." by the text only when no ".." follows another part: after a
   * symbolic link, {@code link/..} is the link target's parent, not the link's folder (so {@code
   * a.json} and {@code link/../a.json} were taken for one file, "given twice"); such a path is
   * resolved as the file system does for the part that exists.
   */
  static List<Path> forms(Path path) {
    List<Path> forms = new ArrayList<>();
    Path absolute = path.toAbsolutePath();
    forms.add(hasParentStep(absolute) ? physical(absolute) : absolute.normalize());
    try {
      if (Files.exists(path)) {
        forms.add(path.toRealPath());
      }
    } catch (IOException e) {
      // The absolute path is enough to recognise it.
    }
    return List.copyOf(forms);
  }

  private static boolean hasParentStep(Path absolute) {
    for (Path part : absolute) {
      if (part.toString().equals("..")) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code absolute} with its longest existing leading part resolved by the file system (links and
   * ".." as the kernel reads them), the rest by its text.
   */
  private static Path physical(Path absolute) {
    Path root = absolute.getRoot();
    for (int n = absolute.getNameCount(); n > 0; n--) {
      Path lead = root.resolve(absolute.subpath(0, n));
      try {
        if (Files.exists(lead)) {
          Path real = lead.toRealPath();
          return n == absolute.getNameCount()
              ? real
              : real.resolve(absolute.subpath(n, absolute.getNameCount())).normalize();
        }
      } catch (IOException e) {
        break; // unreadable on the way: the text is all there is
      }
    }
    return absolute.normalize();
  }

  /**
   * The roots for the arguments, labelled when there are several (labels unique, ignoring case).
   */
  static List<Root> roots(List<String> arguments) {
    List<Root> roots = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    for (String argument : arguments) {
      // As written, but ".." after a symbolic link as the kernel reads it (forms): link/../a.json
      // is the link target's sibling, which a text normalisation turned into ./a.json.
      Path p = forms(Path.of(argument)).get(0);
      boolean file = Files.isRegularFile(p);
      Path folder = file ? p.getParent() : p;
      String label = "";
      if (arguments.size() > 1) {
        String base =
            OutputNames.notADevice(
                OutputNames.inputBaseName(
                    folder.getFileName() == null ? "root" : folder.getFileName().toString()));
        label = base;
        for (int n = 2; !labels.add(label.toLowerCase(Locale.ROOT)); n++) {
          label = base + "-" + n;
        }
      }
      // pw=… given without --var names no folder; messages name it without its value.
      roots.add(
          new Root(
              Assignments.shownAsInput(argument),
              folder,
              file ? Optional.of(p) : Optional.empty(),
              label));
    }
    return roots;
  }

  /**
   * Everything found under the roots, in discovery order, with output names reserved; what the walk
   * sees of folders and files goes into {@code files} for the conversions. Folders are read on up
   * to {@code jobs} threads: the order found is settled by sorting, so it is the same for any
   * number.
   */
  List<Candidate> discover(List<Root> roots, FileCache files, int jobs) {
    List<Found> found = new ArrayList<>();
    List<Path> reals = new ArrayList<>();
    for (Root root : roots) {
      Path real = realPath(root.onlyFile().orElse(root.folder()));
      if (real != null) {
        reals.add(real);
      }
    }
    realRoots = List.copyOf(reals);
    ForkJoinPool pool = null;
    try {
      for (Root root : roots) {
        List<Found> inRoot = new ArrayList<>();
        if (root.onlyFile().isPresent()) {
          Path f = root.onlyFile().get();
          String name = f.getFileName().toString();
          String lower = name.toLowerCase(Locale.ROOT);
          boolean hcl2 =
              lower.endsWith(".pkr.hcl") || lower.endsWith(".pkr.json") || lower.endsWith(".hcl");
          inRoot.add(
              hcl2 && !isVarFile(lower)
                  ? new Found(root, name, f, Shape.HCL2_FILE, "")
                  : new Found(root, name, f, fileShape(name).orElse(Shape.DOCUMENT), reason(name)));
        } else if (!Files.isDirectory(root.folder())) {
          // A root that exists but is neither a folder nor a regular file (a named pipe) says so.
          String why = FileKinds.whyNotRegular(root.folder()).orElse("no such file or directory");
          inRoot.add(new Found(root, "", root.folder(), Shape.MISSING, why));
        } else {
          if (pool == null) {
            pool = new ForkJoinPool(Math.max(1, jobs));
          }
          Walk walk = new Walk(root, root.folder(), realPath(root.folder()), "", 0, files);
          pool.invoke(walk);
          inRoot.addAll(walk.out);
        }
        inRoot.sort((a, b) -> compareRelative(a.relative(), b.relative()));
        found.addAll(inRoot);
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return reserve(found);
  }

  private record Found(Root root, String relative, Path path, Shape shape, String skipReason) {}

  /** The folder as the file system resolves it, or null when it cannot say. */
  private static Path realPath(Path folder) {
    try {
      return folder.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Below this depth a folder's subfolders are walked on the same thread, without recursion: the
   * top levels give the threads enough to share, and a task per level (several frames of fork/join
   * each) overflowed the stack in a tree 1,900 folders deep.
   */
  private static final int FORK_DEPTH = 3;

  /**
   * One folder: what it holds, then its subfolders (as tasks of their own near the top), whose
   * findings follow this folder's in name order (the order one thread walking them would find them
   * in).
   */
  private final class Walk extends RecursiveAction {
    private final Root root;
    private final Path folder;

    /**
     * The folder's real path, or null when unknown: links to folders are not followed, so below the
     * root a folder's real path is its parent's joined with its name, and resolving each one again
     * (a dozen system calls) is not needed to recognise the output folder.
     */
    private final Path real;

    private final String relative;

    /** How far below the root: subfolders are tasks of their own only near the top. */
    private final int depth;

    private final FileCache files;
    final List<Found> out = new ArrayList<>();

    /**
     * Whether this is the output folder, searched for {@link #inOutputFolder}: the list of outputs
     * it holds does not make it an earlier run's output folder to pass by.
     */
    private final boolean outputItself;

    Walk(Root root, Path folder, Path real, String relative, int depth, FileCache files) {
      this(root, folder, real, relative, depth, files, false);
    }

    Walk(
        Root root,
        Path folder,
        Path real,
        String relative,
        int depth,
        FileCache files,
        boolean outputItself) {
      this.outputItself = outputItself;
      this.root = root;
      this.folder = folder;
      this.real = real;
      this.relative = relative;
      this.depth = depth;
      this.files = files;
    }

    /**
     * Whether this folder lies below {@code /proc}, {@code /sys} or {@code /dev}, where its real
     * path is known: its files are the machine's ({@link HostFile}), whatever a root's name says.
     */
    private boolean systemFolder() {
      if (real == null) {
        return false;
      }
      String path = FileSystemView.slashes(real.toString());
      return HostFile.system(path, path).isPresent();
    }

    @Override
    protected void compute() {
      List<Walk> children = visit(out);
      if (depth < FORK_DEPTH) {
        invokeAll(children);
        for (Walk w : children) {
          out.addAll(w.out);
        }
        return;
      }
      // Depth first without recursion, in the order recursion would find things: a folder's own
      // findings, then each subfolder's, in name order.
      Deque<Walk> pending = new ArrayDeque<>();
      pushReversed(children, pending);
      while (!pending.isEmpty()) {
        pushReversed(pending.pop().visit(out), pending);
      }
    }

    private void pushReversed(List<Walk> walks, Deque<Walk> pending) {
      for (int i = walks.size() - 1; i >= 0; i--) {
        pending.push(walks.get(i));
      }
    }

    /** Reads this folder: its findings go to {@code sink}; returns its subfolders, not yet read. */
    private List<Walk> visit(List<Found> sink) {
      if (isOutput(folder, real)) {
        if (!relative.isEmpty()) {
          outputInside.add(new Found(root, relative, folder, Shape.SKIPPED, ""));
        }
        return List.of();
      }
      // Each entry's name taken once, sorted as names: the listing the cache keeps, and the order.
      // A name Java cannot spell as a path (bytes that are no text in the file-name encoding)
      // is kept apart: resolving it would fail, or name another file.
      List<String> names = new ArrayList<>();
      Map<String, List<Path>> unnamable = new HashMap<>();
      try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
        for (Path p : s) {
          String name = p.getFileName().toString();
          if (!spelt(folder, name, p)) {
            unnamable.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
          }
          names.add(name);
        }
      } catch (IOException e) {
        sink.add(new Found(root, relative, folder, Shape.MISSING, InputReader.reason(e)));
        return List.of();
      }
      Collections.sort(names);
      if (!relative.isEmpty()
          && !outputItself
          && Collections.binarySearch(names, OutputManifest.FILE_NAME) >= 0
          && Files.isRegularFile(folder.resolve(OutputManifest.FILE_NAME))) {
        // An earlier run's output folder inside the tree (-o t/out, then -o t/out2): its image
        // templates are outputs, not sources, and converting them again would snowball.
        if (include.isEmpty() || included(relative, false, KEPT_SKIPPED)) {
          sink.add(new Found(root, relative, folder, Shape.SKIPPED, EARLIER_OUTPUT));
        }
        return List.of();
      }
      files.knowListing(
          folder.toString(),
          unnamable.isEmpty()
              ? names
              : names.stream().filter(n -> !unnamable.containsKey(n)).toList());
      // One stat of each entry itself tells a folder (not followed when it is a link) and a
      // regular file; only a link needs a second one, to see what it points to.
      Stats stats = new Stats(folder, names, unnamable.keySet(), 0, names.size());
      BasicFileAttributes[] entries = stats.read();
      List<String> hcl2Files = new ArrayList<>();
      // Why the folder's template cannot be converted, when one of its files cannot be read in
      // this run (its name cannot be spelt, or it is a link out of the roots).
      String hcl2Failure = null;
      List<Walk> folders = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        if (name.startsWith(".")) {
          continue;
        }
        String rel = relative.isEmpty() ? name : relative + "/" + name;
        List<Path> bad = unnamable.get(name);
        if (bad != null) {
          // A failure: converting the rest of the tree without it could leave out a template (or
          // part of an HCL2 folder's) without a word. (Names that Java spells alike are listed
          // once each, in listing order.)
          Path listed = bad.remove(0);
          String lower = name.toLowerCase(Locale.ROOT);
          if (lower.endsWith(".pkr.hcl") || lower.endsWith(".pkr.json")) {
            // Part of the folder's template, which fails without it (as for a broken link).
            hcl2Failure = hcl2Failure != null ? hcl2Failure : "its file " + name + ": " + UNNAMABLE;
            hcl2Files.add(rel);
          } else {
            // A file whose name says it is no template (a script) is skipped as usual; a folder
            // (which cannot be searched) or a JSON or YAML file fails.
            boolean noTemplate =
                fileShape(name).orElse(Shape.DOCUMENT) == Shape.SKIPPED
                    && Files.isRegularFile(listed, LinkOption.NOFOLLOW_LINKS);
            if (!wanted(rel, noTemplate ? KEPT_SKIPPED : KEPT)) {
              continue;
            }
            sink.add(
                noTemplate
                    ? new Found(root, rel, listed, Shape.SKIPPED, reason(name))
                    : new Found(root, rel, listed, Shape.MISSING, UNNAMABLE));
          }
          continue;
        }
        Path p = folder.resolve(name);
        BasicFileAttributes entry = entries[i];
        if (entry == null) {
          // Gone since the listing; or not to be looked at (a folder that may be listed but not
          // entered): a failure, not a silent gap in the run.
          String why = stats.failures[i];
          if (why != null && wanted(rel, KEPT)) {
            sink.add(new Found(root, rel, p, Shape.MISSING, why));
          }
          continue;
        }
        if (entry.isDirectory()) {
          files.knowKind(p.toString(), Kind.DIRECTORY);
          if (!excluded(rel)) {
            Path childReal = real == null ? null : real.resolve(name);
            folders.add(new Walk(root, p, childReal, rel, depth + 1, files));
          }
          continue;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean templatePart = lower.endsWith(".pkr.hcl") || lower.endsWith(".pkr.json");
        if (!entry.isRegularFile() && !(entry.isSymbolicLink() && Files.isRegularFile(p))) {
          String why = notAFile(entry, p);
          if (templatePart && !why.equals(LINK_TO_FOLDER)) {
            // Part of the folder's template, which fails on it (PKR-E002) as the folder converted
            // alone does, and as Packer does: skipped, a folder whose only such file is a broken
            // link dropped out of the run with exit 0, and --prune deleted its last output.
            hcl2Files.add(rel);
            continue;
          }
          // Named in the report as skipped, as every other entry that is no template: a link to
          // a folder (not followed), a broken link, a pipe, a socket or a device.
          if (wanted(rel, KEPT_SKIPPED)) {
            sink.add(new Found(root, rel, p, Shape.SKIPPED, why));
          }
          continue;
        }
        if (entry.isSymbolicLink() && (templatePart || readAsDocument(lower))) {
          Optional<NotFollowed> away = notFollowed(p);
          if (away.isPresent()) {
            // Not read: an untrusted repository's link (to /etc/shadow, /proc/self/environ) would
            // have the lines of that file shown as the template's in messages, on a CI log.
            String why = away.get().reason();
            if (templatePart
                || lower.endsWith(".auto.pkrvars.hcl")
                || lower.endsWith(".auto.pkrvars.json")) {
              // Part of the folder's template (the .auto. var files are read with it): the folder
              // fails, as converting it without the file would convert another template.
              hcl2Failure =
                  hcl2Failure != null
                      ? hcl2Failure
                      : "its file " + name + " is " + why + ": " + away.get().advice();
            }
            if (templatePart) {
              hcl2Files.add(rel);
            } else if (wanted(rel, KEPT_SKIPPED)) {
              sink.add(new Found(root, rel, p, Shape.SKIPPED, why));
            }
            continue;
          }
        }
        files.knowKind(p.toString(), Kind.FILE);
        if (ownFiles.contains(p.toAbsolutePath().normalize())) {
          continue;
        }
        if (real != null && !entry.isSymbolicLink() && (templatePart || isVarFile(lower))) {
          // Where a regular file of the folder leads, which the conversion asks (HostFile) to
          // tell a link to a file of this machine: known without asking the file system again.
          files.knowRealPath(p.toString(), FileSystemView.slashes(real.resolve(name).toString()));
        }
        if (!entry.isSymbolicLink()
            && !templatePart
            && readAsDocument(lower)
            && systemFolder()
            && wanted(rel, KEPT_SKIPPED)) {
          // A root below /proc, /sys or /dev (or given as a link to one): its files are the
          // machine's, never read (an HCL2 folder's are refused by the conversion itself).
          sink.add(new Found(root, rel, p, Shape.SKIPPED, SYSTEM_FILE));
          continue;
        }
        if (templatePart) {
          // Part of the folder's template, as Packer reads a folder.
          hcl2Files.add(rel);
          continue;
        }
        Shape shape = fileShape(name).orElse(Shape.DOCUMENT);
        if (!wanted(rel, shape == Shape.SKIPPED ? KEPT_SKIPPED : KEPT_DOCUMENT)) {
          continue;
        }
        sink.add(new Found(root, rel, p, shape, reason(name)));
      }
      if (!hcl2Files.isEmpty() && selected(relative.isEmpty() ? "." : relative, hcl2Files)) {
        sink.add(
            hcl2Failure == null
                ? new Found(root, relative, folder, Shape.HCL2_FOLDER, "")
                : new Found(root, relative, folder, Shape.BROKEN_HCL2_FOLDER, hcl2Failure));
      }
      return folders;
    }
  }

  /**
   * The attributes of a folder's entries (hidden ones skipped), read in slices of {@link
   * #STAT_SLICE} on the walk's threads: a flat folder of 10,000 templates is one listing, whose
   * entries one thread would stat alone while the other cores wait for the walk to end.
   */
  private static final class Stats extends RecursiveAction {
    private static final int STAT_SLICE = 512;
    private final Path folder;
    private final List<String> names;
    private final int from;
    private final int to;
    private final BasicFileAttributes[] out;

    /** Names no path can be made of (left unread). */
    private final Set<String> unnamable;

    /** Why an entry could not be looked at, by index (null: read, hidden or gone). */
    final String[] failures;

    Stats(Path folder, List<String> names, Set<String> unnamable, int from, int to) {
      this(
          folder,
          names,
          unnamable,
          from,
          to,
          new BasicFileAttributes[names.size()],
          new String[names.size()]);
    }

    private Stats(
        Path folder,
        List<String> names,
        Set<String> unnamable,
        int from,
        int to,
        BasicFileAttributes[] out,
        String[] failures) {
      this.folder = folder;
      this.names = names;
      this.unnamable = unnamable;
      this.from = from;
      this.to = to;
      this.out = out;
      this.failures = failures;
    }

    /** Every entry's attributes, by index; null for hidden entries and those gone meanwhile. */
    BasicFileAttributes[] read() {
      if (to - from > STAT_SLICE && inForkJoinPool()) {
        invoke();
      } else {
        compute();
      }
      return out;
    }

    @Override
    protected void compute() {
      if (to - from > STAT_SLICE) {
        int middle = (from + to) >>> 1;
        invokeAll(
            new Stats(folder, names, unnamable, from, middle, out, failures),
            new Stats(folder, names, unnamable, middle, to, out, failures));
        return;
      }
      for (int i = from; i < to; i++) {
        String name = names.get(i);
        if (name.startsWith(".") || unnamable.contains(name)) {
          continue;
        }
        // The attributes of the entry itself (a link is not followed).
        try {
          out[i] =
              Files.readAttributes(
                  folder.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
          // Gone since the listing.
        } catch (IOException e) {
          failures[i] = InputReader.reason(e);
        }
      }
    }
  }

  /**
   * Whether an HCL2 folder is converted: an include must match the folder or one of its files; an
   * exclude removes it when it matches the folder or every one of its files (leaving out some of
   * its files would convert another template than the one in the folder).
   */
  private boolean selected(String folder, List<String> files) {
    // Every path is matched against every pattern (no short cut): what each one matched is told.
    boolean out = excluded(folder);
    boolean everyFile = true;
    for (String f : files) {
      everyFile &= excluded(f);
    }
    out |= everyFile;
    if (include.isEmpty()) {
      return !out;
    }
    boolean in = included(folder, out, KEPT);
    for (String f : files) {
      in |= included(f, out, KEPT);
    }
    return in && !out;
  }

  /**
   * The output folder, however either of them was named (through a link, say); {@code real} is the
   * folder's real path when known, else it is resolved here.
   */
  private boolean isOutput(Path folder, Path real) {
    if (outputFolders.contains(folder.toAbsolutePath().normalize())) {
      return true;
    }
    Path resolved = real != null ? real : realPath(folder);
    return resolved != null && outputFolders.contains(resolved);
  }

  /** The shape a file has by its name alone, when its name settles it. */
  private static Optional<Shape> fileShape(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (isVarFile(lower)) {
      return Optional.of(Shape.SKIPPED);
    }
    if (lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return Optional.empty();
    }
    return Optional.of(Shape.SKIPPED);
  }

  /**
   * Whether {@code name}, the text Java made of a listed entry's name, names that entry again. It
   * does not when the name's bytes are no text in the file-name encoding (the locale's, with Java
   * 17): under a locale that is not UTF-8, a name such as {@code ü} (each byte that is not ASCII
   * becomes U+FFFD, which such an encoding cannot write back), or under UTF-8 a name that is not
   * valid UTF-8 (Latin-1 bytes), whose U+FFFD is written back as other bytes.
   */
  static boolean spelt(Path folder, String name, Path listed) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) > 0x7F) {
        try {
          return folder.resolve(name).equals(listed);
        } catch (InvalidPathException e) {
          return false;
        }
      }
    }
    return true;
  }

  /** The reason given for a folder that an earlier run wrote its outputs into. */
  static final String EARLIER_OUTPUT =
      "the output folder of an earlier packer2aib run (it holds "
          + OutputManifest.FILE_NAME
          + "): its files are outputs, not sources";

  /** The reason given for an entry whose name Java cannot spell as a path. */
  static final String UNNAMABLE = unnamableReason(System.getProperty("sun.jnu.encoding", ""));

  static String unnamableReason(String encoding) {
    String e = encoding.toUpperCase(Locale.ROOT).replace("-", "");
    if (e.equals("UTF8")) {
      return "its name is not valid UTF-8, so it cannot be opened: rename it";
    }
    return "its name is not text in this locale's encoding of file names ("
        + (encoding.isEmpty() ? "not UTF-8" : encoding)
        + "), so it cannot be opened: run under a UTF-8 locale (LC_ALL=C.UTF-8, as the packer2aib"
        + " launcher does) or rename it";
  }

  /**
   * Why an entry that is neither a folder nor a regular file is skipped (or fails its folder's
   * template): a link to a folder, a broken link, a loop of links, a pipe, a socket, a device.
   */
  private static String notAFile(BasicFileAttributes entry, Path p) {
    if (entry.isSymbolicLink() && Files.isDirectory(p)) {
      return LINK_TO_FOLDER;
    }
    // FileKinds words it for a sentence about the path ("is a broken symbolic link").
    String why = FileKinds.whyNotRegular(p).orElseGet(() -> FileKinds.notRegular(p));
    return why.startsWith("is ") ? why.substring(3) : why;
  }

  private static final String LINK_TO_FOLDER = "a symbolic link to a folder (not followed)";

  /** Whether a file of this name is read in a recursive run to tell whether it is a template. */
  private static boolean readAsDocument(String lowerName) {
    return isVarFile(lowerName) || fileShape(lowerName).isEmpty();
  }

  /**
   * Why a symbolic link to a file is not followed, and what to do instead.
   *
   * @param reason a phrase for the report and the folder's failure
   * @param advice what to do, for the failure of the folder whose template file it is
   */
  private record NotFollowed(String reason, String advice) {}

  /** The advice for a link whose target lies outside the roots. */
  private static final String OUTSIDE_ADVICE =
      "give a folder that holds both as the root, or convert this folder alone if you trust the"
          + " link";

  /**
   * The advice for a link to a file under {@code /proc}, {@code /sys} or {@code /dev}, which no run
   * reads: converting the folder alone is no way out there.
   */
  private static final String SYSTEM_ADVICE =
      "replace the link with a copy of the file the template needs";

  /**
   * The reason given for a file found below a root in {@code /proc}, {@code /sys} or {@code /dev}.
   */
  static final String SYSTEM_FILE =
      "a file of the operating system of the machine running the converter, never read";

  /**
   * Why the symbolic link to a file {@code link} is not followed, or empty when it is: its target
   * (with its links resolved, as the file system reads it) lies outside every root of the run, or
   * is a file of the operating system ({@code /proc}, {@code /sys}, {@code /dev}: a root {@code /}
   * holds those), whose lines the errors about it would show. A target that cannot be resolved any
   * more (gone meanwhile) counts as outside: nothing is read that is not known to be inside.
   */
  private Optional<NotFollowed> notFollowed(Path link) {
    Path target;
    try {
      target = link.toRealPath();
    } catch (IOException e) {
      return Optional.of(
          new NotFollowed(
              linkOutside("a target that cannot be resolved: " + InputReader.reason(e)),
              OUTSIDE_ADVICE));
    }
    String real = FileSystemView.slashes(target.toString());
    boolean system = HostFile.system(real, real).isPresent();
    boolean inside = false;
    for (Path root : realRoots) {
      inside |= target.startsWith(root);
    }
    if (inside && !system) {
      return Optional.empty();
    }
    String shown = shownTarget(link, target);
    if (inside) {
      return Optional.of(new NotFollowed(linkToSystem(shown), SYSTEM_ADVICE));
    }
    return Optional.of(
        new NotFollowed(
            linkOutside(shown),
            system
                ? "that is a file of the operating system of the machine running the converter,"
                    + " which is never read: "
                    + SYSTEM_ADVICE
                : OUTSIDE_ADVICE));
  }

  /** The target of {@code link}, whose real path is {@code target}, as the messages name it. */
  private static String shownTarget(Path link, Path target) {
    // Named as the link writes it, as ls -l shows it (/proc/self/environ, not /proc/4711/environ);
    // a relative one with where it leads when that is elsewhere (through another link).
    String shown = target.toString();
    try {
      Path written = Files.readSymbolicLink(link);
      shown =
          written.isAbsolute() || link.resolveSibling(written).normalize().equals(target)
              ? written.toString()
              : written + ", which leads to " + target;
    } catch (IOException | UnsupportedOperationException e) {
      // The real path alone.
    }
    return ControlCharacters.escape(shown);
  }

  /**
   * The reason given for a link inside the roots to a file of the operating system (a root {@code
   * /}), which is not read.
   */
  static String linkToSystem(String target) {
    return "a symbolic link to a file of the operating system of the machine running the converter"
        + " ("
        + target
        + "), never read";
  }

  /** The reason given for a link to a file outside the roots, which is not read. */
  static String linkOutside(String target) {
    return "a symbolic link to a file outside the folders searched ("
        + target
        + "), not followed in a recursive run";
  }

  private static String reason(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (isVarFile(lower)) {
      return "a Packer variable file";
    }
    return "not a JSON or YAML file";
  }

  /** {@code *.pkrvars.hcl}, {@code *.pkrvars.json} and their {@code .auto.} forms. */
  static boolean isVarFile(String lowerName) {
    return lowerName.endsWith(".pkrvars.hcl") || lowerName.endsWith(".pkrvars.json");
  }

  /**
   * Whether a candidate at {@code relative} is converted: no {@code --exclude} matches it and, with
   * {@code --include}, one matches it. Both are matched, whatever the other gives, so that what
   * each pattern matched is known; {@code kept} says what an include pattern that keeps it selects
   * ({@link #KEPT_SKIPPED}, {@link #KEPT_DOCUMENT} or {@link #KEPT}).
   */
  private boolean wanted(String relative, int kept) {
    boolean out = excluded(relative);
    return include.isEmpty() ? !out : included(relative, out, kept) && !out;
  }

  /** Whether an {@code --exclude} pattern matches {@code relative}; each one that does is noted. */
  private boolean excluded(String relative) {
    return matches(exclude, excludeUse, relative, MATCHED);
  }

  /**
   * Whether an {@code --include} pattern matches {@code relative}, which {@code out} says is
   * excluded; each one that does is noted, with what it kept ({@code kept}) when it was kept.
   */
  private boolean included(String relative, boolean out, int kept) {
    return matches(include, includeUse, relative, out ? MATCHED : kept);
  }

  /**
   * What a pattern matched, each level above the one before: nothing, only paths that were left
   * out, only entries skipped by their names (a variable file, a README), JSON or YAML files whose
   * content decides whether they are templates (read when converted), or a template (an HCL2
   * folder) or an entry that fails.
   */
  private static final int NOTHING = 0;

  private static final int MATCHED = 1;
  private static final int KEPT_SKIPPED = 2;
  private static final int KEPT_DOCUMENT = 3;
  private static final int KEPT = 4;

  /**
   * Whether one of {@code globs} matches {@code relative}; notes {@code level} in {@code use} for
   * each that does (a pattern already noted at that level is not matched again once one has).
   */
  private static boolean matches(
      List<PathMatcher> globs, AtomicIntegerArray use, String relative, int level) {
    if (globs.isEmpty()) {
      return false;
    }
    Path p;
    try {
      p = Path.of(relative);
    } catch (InvalidPathException e) {
      // An entry's name Java cannot spell ({@link #spelt}): matched with '_' for what it cannot.
      p = Path.of(relative.replaceAll("[^\\x00-\\x7F]", "_"));
    }
    boolean any = false;
    for (int i = 0; i < globs.size(); i++) {
      if (any && use.get(i) >= level) {
        continue;
      }
      if (globs.get(i).matches(p)) {
        any = true;
        if (use.get(i) < level) {
          use.accumulateAndGet(i, level, Math::max);
        }
      }
    }
    return any;
  }

  /**
   * What each {@code --include} pattern (by their order) did ({@link Use}); after {@link
   * #discover}.
   */
  List<Use> includeUse() {
    List<Use> all = new ArrayList<>();
    for (int i = 0; i < includeUse.length(); i++) {
      all.add(Use.values()[includeUse.get(i)]);
    }
    return all;
  }

  /**
   * Whether the {@code --include} pattern {@code index} matches the JSON, YAML or skipped file
   * {@code c} (by its path relative to its root), without noting it: what such a pattern selected
   * is known once the files are read ({@link Use#DOCUMENTS}).
   */
  boolean includes(int index, Candidate c) {
    String label = c.root().label();
    String relative = label.isEmpty() ? c.relative() : c.relative().substring(label.length() + 1);
    return matches(List.of(include.get(index)), new AtomicIntegerArray(1), relative, KEPT);
  }

  /**
   * Whether each {@code --exclude} pattern (by their order) matched a path the search looked at;
   * after {@link #discover}.
   */
  List<Boolean> excludeUse() {
    List<Boolean> all = new ArrayList<>();
    for (int i = 0; i < excludeUse.length(); i++) {
      all.add(excludeUse.get(i) != NOTHING);
    }
    return all;
  }

  /** What an {@code --include} pattern did, by the levels noted while searching. */
  enum Use {
    /** It matched no path the search looked at. */
    NOTHING,
    /** It matched only paths that {@code --exclude} left out. */
    EXCLUDED,
    /** It selected only entries skipped by their names (a variable file, a README). */
    SKIPPED,
    /**
     * It selected JSON or YAML files (and maybe entries skipped by their names) and nothing else:
     * whether one of them is a template is known once they are read.
     */
    DOCUMENTS,
    /** It selected a template (an HCL2 folder) or an entry that fails. */
    SELECTED
  }

  /** The root itself ("") first, then by path, segment by segment. */
  static int compareRelative(String a, String b) {
    String[] x = a.isEmpty() ? new String[0] : a.split("/");
    String[] y = b.isEmpty() ? new String[0] : b.split("/");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  /**
   * Numbers the candidates and settles, from discovery order alone (stems with fewer dots first),
   * which file name each may use: a document {@code t.json} writes {@code t.<ext>} (or {@code
   * t.<template>.<ext>} when it holds several), so it owns the stem {@code t} and every name
   * starting with {@code t.}; a later document whose stem falls in an earlier one's space (say
   * {@code t.yaml} beside {@code t.json}) gets {@code t-2}. HCL2 folders learn the stems of their
   * output folder, to keep out of them.
   */
  private static final StemSpaces NO_STEMS = new StemSpaces();

  private static List<Candidate> reserve(List<Found> found) {
    List<String> naturalFolders = new ArrayList<>(found.size());
    for (Found f : found) {
      naturalFolders.add(outputFolder(f));
    }
    FolderNames folderNames = new FolderNames(naturalFolders);
    Map<String, StemSpaces> spacesByFolder = new HashMap<>();
    // The mirrored folders whose names an output file could have (a.json/ beside a.yaml, which
    // writes a.json): reserved before any stem, so the file takes another name (a-2.json) however
    // the conversions are timed.
    for (int i = 0; i < found.size(); i++) {
      Shape shape = found.get(i).shape();
      // A template that fails (one file unread) keeps its names: settled by discovery alone.
      if (shape == Shape.DOCUMENT
          || shape == Shape.HCL2_FOLDER
          || shape == Shape.BROKEN_HCL2_FOLDER
          || shape == Shape.HCL2_FILE) {
        String folder = folderNames.of(naturalFolders.get(i));
        for (int slash = folder.indexOf('/'), start = 0; start < folder.length(); ) {
          int end = slash < 0 ? folder.length() : slash;
          String name = folder.substring(start, end).toLowerCase(Locale.ROOT);
          if (name.endsWith(".json") || name.endsWith(".yaml")) {
            String parent = start == 0 ? "" : folder.substring(0, start - 1);
            spacesByFolder.computeIfAbsent(parent, k -> new StemSpaces()).addFolder(name);
          }
          start = end + 1;
          slash = folder.indexOf('/', start);
        }
      }
    }
    List<String> stems = new ArrayList<>();
    List<String> naturals = new ArrayList<>();
    List<Integer> documents = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      Found f = found.get(i);
      boolean document = f.shape() == Shape.DOCUMENT;
      naturals.add(document ? BulkNames.stemOf(f.path().getFileName().toString()) : "");
      stems.add("");
      if (document) {
        documents.add(i);
      }
    }
    // Stems with fewer dots first, then in discovery order: t.json owns t and every t.<name>
    // whichever sorts first, so t.a.json beside it writes t_a.json (t.a.json, found first,
    // took t.a and pushed t.json to t-2).
    documents.sort(
        Comparator.comparingInt((Integer i) -> BulkNames.dots(naturals.get(i)))
            .thenComparingInt(i -> i));
    for (int i : documents) {
      String folder = folderNames.of(naturalFolders.get(i));
      StemSpaces taken = spacesByFolder.computeIfAbsent(folder, k -> new StemSpaces());
      String stem = BulkNames.settleStem(naturals.get(i), taken);
      taken.add(stem);
      stems.set(i, stem);
    }
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      Found f = found.get(i);
      String folder = folderNames.of(naturalFolders.get(i));
      StemSpaces reserved =
          f.shape() == Shape.HCL2_FOLDER ? spacesByFolder.getOrDefault(folder, NO_STEMS) : NO_STEMS;
      out.add(
          new Candidate(
              i,
              f.root(),
              f.shape() == Shape.MISSING && f.relative().isEmpty()
                  ? f.root().argument()
                  : prefixed(f.root(), f.relative().isEmpty() ? "." : f.relative()),
              displayName(f),
              f.path(),
              f.shape(),
              folder,
              naturalFolders.get(i),
              stems.get(i),
              naturals.get(i),
              reserved,
              f.skipReason()));
    }
    return out;
  }

  /**
   * The folder a candidate's outputs go to; for one that could not be read (a root, a folder, an
   * entry of unknown kind), the folder it would mirror to, whose earlier outputs --prune keeps.
   */
  private static String outputFolder(Found f) {
    String rel = f.relative();
    String folder;
    if (f.shape() == Shape.HCL2_FOLDER
        || f.shape() == Shape.BROKEN_HCL2_FOLDER
        || f.shape() == Shape.MISSING) {
      folder = rel;
    } else {
      int slash = rel.lastIndexOf('/');
      folder = slash < 0 ? "" : rel.substring(0, slash);
    }
    String label = f.root().label();
    if (label.isEmpty()) {
      return folder;
    }
    return folder.isEmpty() ? label : label + "/" + folder;
  }

  private static String prefixed(Root root, String relative) {
    if (root.label().isEmpty()) {
      return relative;
    }
    return relative.equals(".") ? root.label() : root.label() + "/" + relative;
  }

  private static String displayName(Found f) {
    if (f.root().onlyFile().isPresent() || f.relative().isEmpty()) {
      return f.root().argument();
    }
    String arg = f.root().argument();
    String sep = arg.endsWith("/") || arg.endsWith("\\") ? "" : "/";
    return arg + sep + f.relative();
  }
}
