package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.source.NameCharacters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Output names for the templates found in one file: the resource's own {@code name} when it is a
 * valid literal template name that is also a safe file name, else the input file's base name (with
 * {@code -1}, {@code -2}, … when the file holds several). Names are safe as file names on every OS
 * (never a hidden file: {@link NameCharacters#isSafeStem}) and unique within the file, ignoring
 * case (macOS and Windows file systems ignore it).
 */
public final class ResourceNames {
  /** AIB's template name pattern (a URL path segment). */
  private static final Pattern TEMPLATE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]+");

  static final String FALLBACK = "image-template";
  private static final int MAX = 64;

  private ResourceNames() {}

  /**
   * A resource's output name, and whether it is the resource's own {@code name} (else a fallback
   * made from the input's name, or a number added to the own name that another resource kept).
   */
  record Assigned(String name, boolean own) {}

  /**
   * One name per resource, in order.
   *
   * @param fileName the input's display name (a path, or a stdin name)
   * @param resourceNames each resource's {@code name} member if it is a string, else null
   */
  static List<Assigned> assign(String fileName, List<String> resourceNames) {
    String base = baseName(fileName);
    boolean several = resourceNames.size() > 1;
    List<Assigned> wanted = new ArrayList<>();
    for (int i = 0; i < resourceNames.size(); i++) {
      String name = resourceNames.get(i);
      wanted.add(
          isUsableName(name)
              ? new Assigned(name, true)
              : new Assigned(several ? withSuffix(base, "-" + (i + 1)) : base, false));
    }
    return ownFirst(wanted);
  }

  /**
   * The output names of the templates of all documents of one input (a YAML stream), each located
   * in its document: unique over them all, ignoring case.
   */
  public static List<String> acrossDocuments(List<ResourceRef> refs) {
    // As within one document, a template's own name is kept before another document's fallback,
    // the input's name, can take it; a numbered name is cut to 64 characters as there (AIB refuses
    // a longer template name, and a 63-character input name is enough to reach it).
    List<Assigned> wanted =
        refs.stream().map(r -> new Assigned(r.suggestedName(), r.ownName())).toList();
    return ownFirst(wanted).stream().map(Assigned::name).toList();
  }

  /**
   * Names unique ignoring case, in order: a wanted own name is kept unless an earlier own one has
   * it, and only then are the others numbered ({@code -2}, {@code -3}, …, cut to 64 characters)
   * around the kept ones. So a template's own name is kept before any fallback is handed out: a
   * template literally named "multi-1" gets multi-1, not the first unnamed one of multi.json.
   */
  private static List<Assigned> ownFirst(List<Assigned> wanted) {
    Set<String> used = new HashSet<>();
    boolean[] kept = new boolean[wanted.size()];
    for (int i = 0; i < wanted.size(); i++) {
      Assigned w = wanted.get(i);
      kept[i] = w.own() && used.add(w.name().toLowerCase(Locale.ROOT));
    }
    List<Assigned> out = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      String candidate = wanted.get(i).name();
      if (kept[i]) {
        out.add(new Assigned(candidate, true));
        continue;
      }
      String unique = candidate;
      for (int n = 2; !used.add(unique.toLowerCase(Locale.ROOT)); n++) {
        unique = withSuffix(candidate, "-" + n);
      }
      out.add(new Assigned(unique, false));
    }
    return List.copyOf(out);
  }

  /**
   * The resource's own {@code name} when its output name {@code outputName} is that name numbered,
   * because another template of the input (of its document, or of an earlier document of the
   * stream) has it, ignoring case; empty when the output is named after it, or after the input (a
   * name that is an expression or no safe file name, as documented for {@code -o}).
   */
  public static Optional<String> numberedOwnName(ResourceRef ref, String outputName) {
    String own = DocValues.string(ref.node(), "name");
    return isUsableName(own) && !own.equals(outputName) ? Optional.of(own) : Optional.empty();
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
