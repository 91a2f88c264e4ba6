package io.github.packer2aib.cli;

import io.github.packer2aib.core.source.NameCharacters;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The output folders of {@code convert -r}, which mirror the input tree, with every folder name
 * usable on every system. Linux allows folder names that Windows (and shares served to it) cannot
 * hold, and a committed tree of outputs holding one cannot be checked out there: each run of the
 * characters Windows refuses in a name ({@code " * : < > ? \ |} and the control characters U+0001
 * to U+001F) becomes one '_' ({@code x:y} → {@code x_y}; {@code x:y} would name a stream of {@code
 * x} on NTFS); a name ending in dots or spaces, which Windows drops ({@code x.} would be {@code
 * x}), has them replaced by one '_' ({@code x_}); a name Windows takes for a device gets a '_' as a
 * file's does ({@code con} → {@code con_}, {@link OutputNames#notADevice}). Other characters
 * (spaces, accents) are kept: Windows holds them, and a folder keeps its name where it can. A
 * renamed folder then keeps clear of its siblings' names, ignoring case, with -2, -3, … so that two
 * input folders never share an output folder. Two folders whose names differ only in case ({@code
 * Linux/} and {@code linux/}) are one folder on Windows and macOS (and on a case-insensitive volume
 * under Linux), where one's outputs would replace the other's: the first keeps its name, the others
 * are numbered the same way ({@code linux-2}). Settled in discovery order, so the names depend on
 * the tree alone.
 */
final class FolderNames {
  /** Natural folder ('/'-separated, "" for the output folder itself) → the folder used. */
  private final Map<String, String> chosen = new HashMap<>();

  /** Natural parent folder → the names its subfolders use, in lower case. */
  private final Map<String, Set<String>> taken = new HashMap<>();

  /**
   * Natural parent folder → lower-case name → the first folder name kept as it is that has it: a
   * later one with that name in another case is renamed.
   */
  private final Map<String, Map<String, String>> claimed = new HashMap<>();

  /**
   * @param folders the natural output folders, in discovery order
   */
  FolderNames(List<String> folders) {
    // The names kept as they are first: a renamed folder never takes an existing one's name,
    // whichever comes first. Each folder once, walking up until a folder already seen: loops, as
    // a tree may be a thousand folders deep.
    Set<String> seen = new HashSet<>();
    for (String folder : folders) {
      for (String f = folder; !f.isEmpty() && seen.add(f); ) {
        int slash = f.lastIndexOf('/');
        String parent = slash < 0 ? "" : f.substring(0, slash);
        String name = f.substring(slash + 1);
        if (!needsRenaming(name)) {
          siblings(parent).add(lower(name));
          claimed.computeIfAbsent(parent, k -> new HashMap<>()).putIfAbsent(lower(name), name);
        }
        f = parent;
      }
    }
    for (String folder : folders) {
      of(folder);
    }
  }

  /** The folder used for the natural output folder {@code natural}. */
  String of(String natural) {
    if (natural.isEmpty()) {
      return natural;
    }
    String known = chosen.get(natural);
    if (known != null) {
      return known;
    }
    // Up to the nearest folder settled already (or the top), then down, settling each in turn.
    Deque<String> unsettled = new ArrayDeque<>();
    String above = "";
    for (String f = natural; !f.isEmpty(); ) {
      String settled = chosen.get(f);
      if (settled != null) {
        above = settled;
        break;
      }
      unsettled.push(f);
      int slash = f.lastIndexOf('/');
      f = slash < 0 ? "" : f.substring(0, slash);
    }
    String result = above;
    while (!unsettled.isEmpty()) {
      String f = unsettled.pop();
      int slash = f.lastIndexOf('/');
      String used = settle(slash < 0 ? "" : f.substring(0, slash), f.substring(slash + 1));
      result = result.isEmpty() ? used : result + "/" + used;
      chosen.put(f, result);
    }
    return result;
  }

  /** The name a folder {@code name} of the natural folder {@code parent} gets. */
  private String settle(String parent, String name) {
    String base;
    if (!needsRenaming(name)) {
      if (!caseClash(parent, name)) {
        return name;
      }
      base = name;
    } else {
      base = OutputNames.notADevice(withoutTrailingDotsOrSpaces(withoutRefused(name)));
    }
    Set<String> siblings = siblings(parent);
    String used = base;
    for (int n = 2; siblings.contains(lower(used)); n++) {
      used = base + "-" + n;
    }
    siblings.add(lower(used));
    return used;
  }

  /**
   * Whether the folder name {@code name} of the natural folder {@code parent}, one Windows can
   * hold, is another's but for case ({@code linux} beside {@code Linux}, which came first): it is
   * renamed.
   */
  private boolean caseClash(String parent, String name) {
    Map<String, String> names = claimed.get(parent);
    String first = names == null ? null : names.get(lower(name));
    return first != null && !first.equals(name);
  }

  /** Whether Windows cannot hold {@code name} as a folder name. */
  static boolean needsRenaming(String name) {
    char last = name.charAt(name.length() - 1);
    return last == '.'
        || last == ' '
        || NameCharacters.isWindowsDevice(name)
        || firstRefused(name) >= 0;
  }

  /** Whether Windows refuses {@code c} in a file or folder name. */
  static boolean refused(char c) {
    return c < 0x20 || REFUSED.indexOf(c) >= 0;
  }

  /** The printable characters Windows refuses in a name ('/' cannot stand in one anywhere). */
  private static final String REFUSED = "\"*:<>?\\|";

  private static int firstRefused(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (refused(name.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** {@code x:y} → {@code x_y}, {@code a<>b} → {@code a_b}: each run of refused characters. */
  private static String withoutRefused(String name) {
    int first = firstRefused(name);
    if (first < 0) {
      return name;
    }
    StringBuilder out = new StringBuilder(name.length()).append(name, 0, first);
    boolean inRun = false;
    for (int i = first; i < name.length(); i++) {
      char c = name.charAt(i);
      if (refused(c)) {
        if (!inRun) {
          out.append('_');
        }
        inRun = true;
      } else {
        out.append(c);
        inRun = false;
      }
    }
    return out.toString();
  }

  /** {@code x.} and {@code x . } → {@code x_}: the dots and spaces Windows would drop. */
  private static String withoutTrailingDotsOrSpaces(String name) {
    int end = name.length();
    while (end > 0 && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
      end--;
    }
    return end == name.length() ? name : name.substring(0, end) + "_";
  }

  private Set<String> siblings(String parent) {
    return taken.computeIfAbsent(parent, k -> new HashSet<>());
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
