package io.github.packer2aib.cli;

import java.util.Collection;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The stems settled in one output folder of {@code convert -r}, each owning itself and every name
 * that starts with it and a dot, compared ignoring case. Sorted, so that asking whether a name
 * falls in a space costs a lookup per dot of the name rather than a scan of every stem: a folder of
 * 10,000 JSON templates settles its names in milliseconds instead of quadratic time. Filled by
 * discovery, then only read (by the conversions, on several threads).
 */
final class StemSpaces {
  private final NavigableSet<String> stems = new TreeSet<>();

  /**
   * Names of the folder's mirrored subfolders that an output file could have ({@code a.json/}): no
   * output may take them, as the folder is there whatever the order the templates finish in.
   */
  private final NavigableSet<String> folders = new TreeSet<>();

  StemSpaces() {}

  static StemSpaces of(Collection<String> stems) {
    StemSpaces spaces = new StemSpaces();
    stems.forEach(spaces::add);
    return spaces;
  }

  void add(String stem) {
    stems.add(stem.toLowerCase(Locale.ROOT));
  }

  /** Keeps the output names of one stem's space from a subfolder's name. */
  void addFolder(String name) {
    folders.add(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The name is a stem, lies in a stem's space, or owns a space that holds a stem or a subfolder's
   * name.
   */
  boolean overlaps(String name) {
    String s = name.toLowerCase(Locale.ROOT);
    if (stems.contains(s) || inside(s)) {
      return true;
    }
    String space = s + ".";
    String next = stems.ceiling(space);
    if (next != null && next.startsWith(space)) {
      return true;
    }
    String folder = folders.ceiling(space);
    return folder != null && folder.startsWith(space);
  }

  /** The name starts with one of the stems followed by a dot. */
  boolean holdsInside(String name) {
    return inside(name.toLowerCase(Locale.ROOT));
  }

  private boolean inside(String lower) {
    for (int dot = lower.indexOf('.'); dot >= 0; dot = lower.indexOf('.', dot + 1)) {
      if (stems.contains(lower.substring(0, dot))) {
        return true;
      }
    }
    return false;
  }
}
