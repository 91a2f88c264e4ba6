package io.github.packer2aib.cli;

import io.github.packer2aib.core.source.NameCharacters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The output names of {@code convert -r} within one output folder, from discovery order alone (so
 * they do not depend on {@code --jobs}). A document {@code t.json} owns the stem {@code t}: it
 * writes {@code t} for one template, {@code t.<template>} for several, so it owns {@code t} and
 * every name starting with {@code t.}. Stems are settled with fewer dots first, then in discovery
 * order (Discovery.reserve): one that falls in an earlier stem's space, or whose space holds an
 * earlier stem, gets {@code -2}, {@code -3}, … (and {@code t.a} beside an earlier {@code t} becomes
 * {@code t_a}, as no number takes it out). An HCL2 folder's templates keep out of every stem's
 * space. A name Windows takes for a device gets a '_' first ({@code con} → {@code con_}, see {@link
 * OutputNames#notADevice}). Names are compared ignoring case, as macOS and Windows file systems do.
 * Names are without the extension.
 */
final class BulkNames {
  private BulkNames() {}

  /**
   * A stem's dots: stems are settled with fewer dots first, so that {@code t} takes its space
   * before {@code t.a} (which then becomes {@code t_a}) whichever is found first.
   */
  static int dots(String stem) {
    int n = 0;
    for (int i = 0; i < stem.length(); i++) {
      n += stem.charAt(i) == '.' ? 1 : 0;
    }
    return n;
  }

  /** The stem a document gets, given the stems settled before it in the same folder. */
  static String settleStem(String natural, StemSpaces taken) {
    return free(OutputNames.notADevice(natural), Set.of(), taken);
  }

  /**
   * The names of a document's templates: the stem for one, stem.template for several (never a
   * device name when the stem is settled: its first segment is the stem).
   */
  static List<String> documentNames(String stem, List<String> templateNames) {
    return documentNames(stem, templateNames, templateNames.size());
  }

  /**
   * {@link #documentNames(String, List)} for a document that makes {@code unselected} templates
   * when --only/--except leave none out: one template of several keeps its stem.template, so that a
   * selective run names it as a full one does (and does not call the full run's file stale).
   */
  static List<String> documentNames(String stem, List<String> templateNames, int unselected) {
    if (templateNames.size() == 1 && unselected <= 1) {
      return List.of(stem);
    }
    Set<String> used = new HashSet<>();
    List<String> out = new ArrayList<>();
    StemSpaces none = new StemSpaces();
    for (String t : templateNames) {
      out.add(unique(stem + "." + t, used, none));
    }
    return out;
  }

  /** The names of an HCL2 folder's templates, outside the spaces of the folder's stems. */
  static List<String> folderNames(List<String> templateNames, StemSpaces stems) {
    Set<String> used = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (String t : templateNames) {
      out.add(unique(OutputNames.notADevice(t), used, stems));
    }
    return out;
  }

  /** {@code a/b/t.json} → {@code t}; characters unsafe in file names become {@code _}. */
  static String stemOf(String fileName) {
    String base = baseOf(fileName);
    if (isSafeStem(base)) {
      return base; // most names: no pattern compiled (two per name, for every document found)
    }
    base = OutputNames.safeSpelling(base).replaceAll("^[._]+", "");
    return base.isEmpty() ? "template" : base;
  }

  /**
   * A file name without its last extension, as it is: the stem before {@link #stemOf} spells it.
   */
  static String baseOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  /** Whether {@link #stemOf}'s replacements would leave {@code base} as it is. */
  private static boolean isSafeStem(String base) {
    return NameCharacters.allSafe(base) && base.charAt(0) != '.' && base.charAt(0) != '_';
  }

  /** {@link #free}, remembering the name as used. */
  private static String unique(String name, Set<String> used, StemSpaces stems) {
    String candidate = free(name, used, stems);
    used.add(candidate.toLowerCase(Locale.ROOT));
    return candidate;
  }

  /**
   * The name itself, else with -2, -3, … until unused and outside every stem's space. A name inside
   * a stem's space ({@code t.x} where {@code t} is taken) stays inside it whatever is appended, so
   * its dots become {@code _} first ({@code t_x}); a name without dots leaves every space after
   * finitely many numbers.
   */
  private static String free(String name, Set<String> used, StemSpaces stems) {
    String base = name;
    if (base.contains(".") && stems.holdsInside(base)) {
      base = base.replace('.', '_');
    }
    String candidate = base;
    for (int n = 2;
        used.contains(candidate.toLowerCase(Locale.ROOT)) || stems.overlaps(candidate);
        n++) {
      candidate = base + "-" + n;
    }
    return candidate;
  }
}
