package io.github.packer2aib.core.bind.settings;

import io.github.packer2aib.core.diag.Diagnostic;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bound settings file: the {@code defaults} layer and the {@code templates} entries in file
 * order. Immutable; {@link #forTemplate} may be called from several threads.
 *
 * <p>A file with an entry per template (the natural way to give each its variables) made every
 * template try every entry, with a new {@code Path} each time: templates times entries glob
 * matches, half a minute for 8,000 of each. So entries whose glob fixes the file name ({@code
 * **}{@code /t1.json}, or a plain path) are filed under that name, and a template tries only the
 * entries filed under its own name and those that fix none, with its path made once.
 */
public final class Settings {
  private static final Settings EMPTY = new Settings(TemplateSettings.EMPTY, List.of());

  /**
   * Whether a glob's literal text matches exactly the same text in a path: true for the JDK's Unix
   * file systems; false where globs ignore case (Windows) or compare canonical equivalents (macOS),
   * where every entry is then tried on every template, as before.
   */
  static final boolean NAMES_COMPARE_AS_TEXT = namesCompareAsText();

  private final TemplateSettings defaults;
  private final List<Entry> entries;

  /** The indexes of the entries that fix a file name, by that name, each list in file order. */
  private final Map<String, int[]> byFileName;

  /** The indexes of the other entries, in file order: they are tried on every template. */
  private final int[] anyFileName;

  Settings(TemplateSettings defaults, List<Entry> entries) {
    this.defaults = defaults;
    this.entries = List.copyOf(entries);
    Map<String, List<Integer>> named = new HashMap<>();
    List<Integer> other = new ArrayList<>();
    for (int i = 0; i < this.entries.size(); i++) {
      String name = NAMES_COMPARE_AS_TEXT ? this.entries.get(i).fixedFileName() : null;
      if (name == null) {
        other.add(i);
      } else {
        named.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
      }
    }
    this.byFileName = new HashMap<>();
    named.forEach((name, indexes) -> byFileName.put(name, toArray(indexes)));
    this.anyFileName = toArray(other);
  }

  /** Settings that set nothing, for a run without a settings file. */
  public static Settings empty() {
    return EMPTY;
  }

  /**
   * The settings of the template at {@code relativePath} (relative to the input root, with '/'
   * separators): the defaults, then every entry whose glob matches, in file order.
   */
  public TemplateSettings forTemplate(String relativePath) {
    TemplateSettings merged = defaults;
    for (int i : matching(relativePath)) {
      merged = merged.then(entries.get(i).layer());
    }
    return merged;
  }

  /**
   * A warning, at the entry's {@code path}, for every entry that matches none of {@code
   * templatePaths}: a glob that selects nothing is almost always a typo, and it would otherwise go
   * unnoticed while its settings silently do not apply.
   */
  public List<Diagnostic> unused(Collection<String> templatePaths) {
    // One pass over the templates, each trying only its candidate entries (not each entry against
    // the templates until one matches, which cost about half of templates times entries again).
    boolean[] used = new boolean[entries.size()];
    int unusedLeft = entries.size();
    for (String p : templatePaths) {
      if (unusedLeft == 0) {
        break;
      }
      for (int i : matching(p)) {
        if (!used[i]) {
          used[i] = true;
          unusedLeft--;
        }
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (used[i]) {
        continue;
      }
      Entry e = entries.get(i);
      out.add(
          Diagnostic.of(
                  SettingsCode.UNUSED_ENTRY,
                  e.pathRange(),
                  "The entry with path \""
                      + e.glob()
                      + "\" matches no template; check the glob against the paths listed in"
                      + " the report. Paths are relative to the input root (with several"
                      + " roots, they start with the root's folder name, as in the report), with"
                      + " '/' separators; '*' stays within one folder, '**' crosses folders.")
              .withPath(e.pointer()));
    }
    return out;
  }

  /** The indexes of the entries whose glob matches {@code relativePath}, in file order. */
  private int[] matching(String relativePath) {
    if (entries.isEmpty()) {
      return new int[0];
    }
    Path path;
    try {
      path = Path.of(relativePath);
    } catch (InvalidPathException e) {
      // A name the platform cannot hold (a NUL character) cannot be a template's path either.
      return new int[0];
    }
    // The file name as the glob sees it: the text of the Path, which has dropped doubled and
    // trailing separators.
    String text = path.toString();
    int[] named = byFileName.getOrDefault(text.substring(text.lastIndexOf('/') + 1), new int[0]);
    int[] out = new int[named.length + anyFileName.length];
    int n = 0;
    int a = 0;
    int b = 0;
    // Both lists are in file order: merge them so that later entries still win.
    while (a < named.length || b < anyFileName.length) {
      int i =
          b >= anyFileName.length || (a < named.length && named[a] < anyFileName[b])
              ? named[a++]
              : anyFileName[b++];
      if (entries.get(i).matches(path)) {
        out[n++] = i;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static int[] toArray(List<Integer> indexes) {
    return indexes.stream().mapToInt(Integer::intValue).toArray();
  }

  private static boolean namesCompareAsText() {
    try {
      FileSystem fs = FileSystems.getDefault();
      return fs.getSeparator().equals("/")
          && fs.getPathMatcher("glob:**/a.json").matches(Path.of("x/a.json"))
          && !fs.getPathMatcher("glob:**/A.json").matches(Path.of("x/a.json"))
          && !fs.getPathMatcher("glob:**/\u00e9.json").matches(Path.of("x/e\u0301.json"));
    } catch (RuntimeException e) {
      return false;
    }
  }
}
