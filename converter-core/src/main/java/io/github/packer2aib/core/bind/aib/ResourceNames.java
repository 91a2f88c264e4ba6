package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.source.NameCharacters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Output names for the templates found in one file: the resource's own {@code name} when it is a
 * valid literal template name that is also a safe file name, else the input file's base name (with
 * {@code -1}, {@code -2}, … when the file holds several). Names are safe as file names on every OS
 * (never a hidden file: {@link NameCharacters#isSafeStem}) and unique within the file, ignoring
 * case (macOS and Windows file systems ignore it).
 */
final class ResourceNames {
  /** AIB's template name pattern (a URL path segment). */
  private static final Pattern TEMPLATE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]+");

  static final String FALLBACK = "image-template";
  private static final int MAX = 64;

  private ResourceNames() {}

  /**
   * One name per resource, in order.
   *
   * @param fileName the input's display name (a path, or a stdin name)
   * @param resourceNames each resource's {@code name} member if it is a string, else null
   */
  static List<String> assign(String fileName, List<String> resourceNames) {
    String base = baseName(fileName);
    boolean several = resourceNames.size() > 1;
    // A template's own name is kept before any fallback is handed out: a template literally named
    // "multi-1" gets multi-1, not the first unnamed one of multi.json.
    Set<String> used = new HashSet<>();
    boolean[] own = new boolean[resourceNames.size()];
    for (int i = 0; i < resourceNames.size(); i++) {
      String name = resourceNames.get(i);
      own[i] = isUsableName(name) && used.add(name.toLowerCase(Locale.ROOT));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < resourceNames.size(); i++) {
      String name = resourceNames.get(i);
      if (own[i]) {
        out.add(name);
        continue;
      }
      String candidate =
          isUsableName(name) ? name : several ? withSuffix(base, "-" + (i + 1)) : base;
      String unique = candidate;
      for (int n = 2; used.contains(unique.toLowerCase(Locale.ROOT)); n++) {
        unique = withSuffix(candidate, "-" + n);
      }
      used.add(unique.toLowerCase(Locale.ROOT));
      out.add(unique);
    }
    return List.copyOf(out);
  }

  /** A literal (not an ARM expression, not a placeholder) that is also a safe file name. */
  static boolean isUsableName(String name) {
    return name != null && TEMPLATE_NAME.matcher(name).matches() && isSafeFileName(name);
  }

  /** The file's name without folders and without its last extension, made file-name safe. */
  static String baseName(String fileName) {
    String name = fileName;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    name = UNSAFE.matcher(name).replaceAll("-");
    name = trim(name);
    if (name.length() > MAX) {
      name = trim(name.substring(0, MAX));
    }
    return isSafeFileName(name) ? name : FALLBACK;
  }

  private static String withSuffix(String name, String suffix) {
    String head =
        name.length() + suffix.length() > MAX ? name.substring(0, MAX - suffix.length()) : name;
    return head + suffix;
  }

  /** Strips the dashes and dots that make a name look like an option or a hidden file. */
  private static String trim(String name) {
    int s = 0;
    int e = name.length();
    while (s < e && (name.charAt(s) == '-' || name.charAt(s) == '.')) {
      s++;
    }
    while (e > s && (name.charAt(e - 1) == '-' || name.charAt(e - 1) == '.')) {
      e--;
    }
    return name.substring(s, e);
  }

  private static boolean isSafeFileName(String name) {
    // A leading dash reads as an option on a command line; a leading dot makes a hidden file (and
    // only dots is "." or ".."), although AIB's pattern allows it in a template's name.
    if (!NameCharacters.isSafeStem(name) || name.startsWith("-")) {
      return false;
    }
    // Windows also drops a trailing dot, so "a." and "a" would be the same file.
    if (name.endsWith(".")) {
      return false;
    }
    return !NameCharacters.isWindowsDevice(name);
  }
}
