package io.github.packer2aib.cli;

import io.github.packer2aib.core.source.AccentFolding;
import io.github.packer2aib.core.source.NameCharacters;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the output file names for {@code -o DIR}: {@code <template name>.<ext>}, unless templates
 * from different inputs share a name. Then each of them is prefixed with its input's base name
 * ({@code web.json} from {@code a.pkr.hcl} and {@code b.pkr.hcl} become {@code a-web.json} and
 * {@code b-web.json}), and a numeric suffix settles any clash left. A name Windows takes for a
 * device ({@code con}, {@code nul}, {@code com1}) gets a '_' ({@code con_.json}). Names are
 * compared case-insensitively because macOS and Windows file systems are. The result depends only
 * on the order of the entries, so it is deterministic.
 */
final class OutputNames {
  private static final String[] INPUT_EXTENSIONS = {
    ".pkr.hcl", ".pkr.json", ".json", ".yaml", ".yml", ".hcl"
  };

  private OutputNames() {}

  /**
   * @param inputName the input's display name
   * @param inputIndex the input's position on the command line; entries of one input share it
   * @param templateName the core's name for the template
   */
  record Entry(String inputName, int inputIndex, String templateName) {}

  /** Why a file is not named after its template. */
  enum Renaming {
    NONE,
    /** Templates of several inputs share the name: it is prefixed with the input's. */
    SHARED,
    /** Another output of the run took the name first (a device name's '_' made it, say). */
    TAKEN,
    /** Windows takes the name for a device ({@link NameCharacters#isWindowsDevice}). */
    DEVICE
  }

  /** The chosen file name (without directory), and why it differs from the template's name. */
  record Assigned(Entry entry, String fileName, Renaming renaming) {
    boolean renamed() {
      return renaming != Renaming.NONE;
    }
  }

  static List<Assigned> assign(List<Entry> entries, String extension) {
    Map<String, Set<Integer>> inputsByName = new HashMap<>();
    for (Entry e : entries) {
      checkSafe(e.templateName());
      inputsByName
          .computeIfAbsent(key(e.templateName()), k -> new LinkedHashSet<>())
          .add(e.inputIndex());
    }
    List<Assigned> result = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (Entry e : entries) {
      boolean shared = inputsByName.get(key(e.templateName())).size() > 1;
      String base =
          notADevice(
              shared ? inputBaseName(e.inputName()) + "-" + e.templateName() : e.templateName());
      String candidate = base;
      for (int n = 2; used.contains(key(candidate)); n++) {
        candidate = base + "-" + n;
      }
      used.add(key(candidate));
      Renaming renaming =
          candidate.equals(e.templateName())
              ? Renaming.NONE
              : shared
                  ? Renaming.SHARED
                  : candidate.equals(notADevice(e.templateName()))
                      ? Renaming.DEVICE
                      : Renaming.TAKEN;
      result.add(new Assigned(e, candidate + "." + extension, renaming));
    }
    return result;
  }

  /**
   * Why a template is not written under its own name {@code own} when the converter numbered it
   * ({@code web-2}, {@link io.github.packer2aib.core.ConvertedTemplate#numberedFrom}): another
   * template of the same input has it, as two documents of one YAML stream named {@code web} and
   * {@code WEB} do. Lower case, as the start of a note.
   */
  static String takenWithinInput(String own, String inputName) {
    return "the name \""
        + own
        + "\" is taken by another template of "
        + inputName
        + " (names are compared ignoring case, as Azure and some file systems compare them)";
  }

  /**
   * {@code name}, with '_' after its first segment when Windows takes that for a device ({@code
   * con} → {@code con_}, {@code nul.web} → {@code nul_.web}): a file {@code con.json} can be
   * neither written nor opened there, whatever its case and extension. Deterministic, and never a
   * device name itself.
   */
  static String notADevice(String name) {
    if (!NameCharacters.isWindowsDevice(name)) {
      return name;
    }
    int dot = name.indexOf('.');
    return dot < 0 ? name + "_" : name.substring(0, dot) + "_" + name.substring(dot);
  }

  /**
   * {@code dir/web.pkr.hcl} → {@code web}; characters unsafe in file names become {@code _}. A
   * folder is named by its last segment also when written {@code t1/} (as tab completion gives it)
   * or as {@code .} or {@code ..}, which stand for the folder's real name.
   */
  static String inputBaseName(String inputName) {
    String trimmed = inputName;
    while (trimmed.length() > 1 && (trimmed.endsWith("/") || trimmed.endsWith("\\"))) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    String base =
        trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
    if (base.equals(".") || base.equals("..")) {
      base = folderName(trimmed);
    }
    String lower = base.toLowerCase(Locale.ROOT);
    for (String ext : INPUT_EXTENSIONS) {
      if (lower.endsWith(ext) && lower.length() > ext.length()) {
        base = base.substring(0, base.length() - ext.length());
        break;
      }
    }
    base = safeSpelling(base).replaceAll("^[._]+|[._]+$", "");
    return base.isEmpty() ? "input" : base;
  }

  /** The name of the folder {@code path} ({@code .}, {@code ../..}) is; empty for a root. */
  private static String folderName(String path) {
    try {
      Path name = Path.of(path).toAbsolutePath().normalize().getFileName();
      return name == null ? "" : name.toString();
    } catch (InvalidPathException e) {
      return "";
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * The core promises file-name-safe names ({@link NameCharacters#isSafeStem}); a name with a
   * separator or {@code ..} would write outside the output directory, so it is treated as the bug
   * it is.
   */
  static void checkSafe(String name) {
    if (!NameCharacters.isSafeStem(name)) {
      throw new IllegalStateException("the converter produced an unsafe output name");
    }
  }

  /**
   * {@code text} in the characters of a name: accented Latin letters as their letter, and each run
   * of other characters as one '_' (the callers trim what a name may not start or end with).
   */
  static String safeSpelling(String text) {
    return AccentFolding.fold(text).replaceAll("[^A-Za-z0-9_.-]+", "_");
  }
}
