package io.github.packer2aib.cli;

import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.SecretScrubber;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The image templates a complete bulk run found in its output folder without writing them ({@link
 * EarlierOutputs}), after {@code --prune}: those it deleted (the run's {@link OutputManifest}
 * vouches that packer2aib wrote them there and nobody changed them since) and those it left, named
 * by a warning.
 *
 * @param kept left in place (CLI-W001), relative to the output folder, sorted
 * @param pruned deleted (CLI-N002), relative to the output folder, sorted
 * @param unlisted those of {@code kept} that the output folder's list did not hold before the run
 *     (or there was no list): packer2aib has no record of writing them, so the warning does not say
 *     an earlier run did, nor that they may be deleted
 * @param ofFailed those of {@code kept} that the list held and that lie where a template that
 *     failed this run writes, with what failed: its last good outputs, which the warning does not
 *     invite deleting, and says what to fix instead
 * @param listUnreadable whether the output folder's list could not be read: then every kept file is
 *     unlisted, and the warning says why, not that the list does not hold it
 */
record Leftovers(
    List<String> kept,
    List<String> pruned,
    Set<String> unlisted,
    Map<String, Cause> ofFailed,
    boolean listUnreadable) {
  static final Leftovers NONE = new Leftovers(List.of(), List.of());

  /**
   * Why a template failed, as far as its last good outputs are concerned: the advice "fix the
   * template" followed a template that failed only because its output folder was read-only, or its
   * input folder could not be read (found reviewing bulk runs).
   */
  enum Cause {
    /** The template itself: its errors. */
    TEMPLATE(
        "it is where a template that failed this run writes, so it is left as it is (the last"
            + " good output stays until its template converts again): fix the template rather"
            + " than delete the file",
        "they are where templates that failed this run write, so they are left as they are (the"
            + " last good outputs stay until their templates convert again): fix the templates"
            + " rather than delete the files"),
    /** Its input could not be read (CLI-E001 alone: a folder or file that cannot be read). */
    INPUT(
        "it is where a template writes whose input could not be read this run ("
            + CliCode.UNREADABLE_INPUT.id()
            + "), so it is left as it is (the last good output stays until its template converts"
            + " again): fix the input as that error says (make it readable, say) rather than"
            + " delete the file",
        "they are where templates write whose inputs could not be read this run ("
            + CliCode.UNREADABLE_INPUT.id()
            + "), so they are left as they are (the last good outputs stay until their templates"
            + " convert again): fix the inputs as those errors say (make them readable, say)"
            + " rather than delete the files"),
    /** It converted, but its output could not be written (CLI-E002 alone). */
    OUTPUT(
        "it is where a template writes whose output could not be written this run ("
            + CliCode.UNWRITABLE_OUTPUT.id()
            + "), so it is left as it is (the last good output stays until its template writes"
            + " again): fix the output folder as that error says (make it writable, say) rather"
            + " than delete the file",
        "they are where templates write whose outputs could not be written this run ("
            + CliCode.UNWRITABLE_OUTPUT.id()
            + "), so they are left as they are (the last good outputs stay until their templates"
            + " write again): fix the output folders as those errors say (make them writable,"
            + " say) rather than delete the files");

    /** Why one file is kept, and what to do. */
    final String one;

    /** {@link #one} for several. */
    final String many;

    Cause(String one, String many) {
      this.one = one;
      this.many = many;
    }

    /** What failed of the candidate {@code c}, whose outcome {@code o} failed. */
    static Cause of(Discovery.Candidate c, BulkOutcome o) {
      if (c.shape() == Discovery.Shape.MISSING || only(o, CliCode.UNREADABLE_INPUT)) {
        return INPUT;
      }
      return only(o, CliCode.UNWRITABLE_OUTPUT) ? OUTPUT : TEMPLATE;
    }

    /** Whether {@code code} is the outcome's only error code. */
    private static boolean only(BulkOutcome o, CliCode code) {
      return !o.errorCodes().isEmpty()
          && o.errorCodes().stream().allMatch(e -> e.equals(code.id()));
    }
  }

  /** How many paths of each list stderr names; the report lists them all. */
  private static final int SHOWN = 10;

  Leftovers {
    kept = List.copyOf(kept);
    pruned = List.copyOf(pruned);
    unlisted = Set.copyOf(unlisted);
    ofFailed = Map.copyOf(ofFailed);
  }

  /** Kept files all taken for outputs of earlier runs (before {@link #listedIn}). */
  Leftovers(List<String> kept, List<String> pruned) {
    this(kept, pruned, Set.of(), Map.of(), false);
  }

  /** These leftovers, with {@link #unlisted} the kept files that {@code before} does not hold. */
  Leftovers listedIn(OutputManifest before) {
    Set<String> none = new HashSet<>();
    for (String path : kept) {
      if (!before.entries().containsKey(path)) {
        none.add(path);
      }
    }
    return new Leftovers(kept, pruned, none, ofFailed, before.damage().isPresent());
  }

  /**
   * These leftovers, with {@link #ofFailed} the kept files among {@code outputsOfFailed} that the
   * list held (after {@link #listedIn}: one it did not hold may be someone else's all the same).
   */
  Leftovers ofFailed(Map<String, Cause> outputsOfFailed) {
    Map<String, Cause> failed = new HashMap<>();
    for (String path : kept) {
      if (outputsOfFailed.containsKey(path) && !unlisted.contains(path)) {
        failed.put(path, outputsOfFailed.get(path));
      }
    }
    return new Leftovers(kept, pruned, unlisted, failed, listUnreadable);
  }

  /** The kept files that the list held: outputs of earlier runs, but of templates that failed. */
  List<String> keptListed() {
    return kept.stream().filter(p -> !unlisted.contains(p) && !ofFailed.containsKey(p)).toList();
  }

  /** The kept files where templates that failed this run for {@code cause} write, sorted. */
  List<String> keptOfFailed(Cause cause) {
    return kept.stream().filter(p -> ofFailed.get(p) == cause).toList();
  }

  /** The kept files that the list did not hold, sorted. */
  List<String> keptUnlisted() {
    return kept.stream().filter(unlisted::contains).toList();
  }

  /**
   * Deletes, with {@code prune}, each of {@code earlier} that {@code manifest} holds as written
   * (and the folders that leaves empty, up to {@code out}); the rest are kept.
   */
  static Leftovers settle(Path out, List<String> earlier, OutputManifest manifest, boolean prune) {
    Leftovers plan = check(out, earlier, manifest, prune);
    if (plan.pruned.isEmpty()) {
      return plan;
    }
    List<String> kept = new ArrayList<>(plan.kept);
    List<String> pruned = new ArrayList<>();
    Path top = out.toAbsolutePath().normalize();
    for (String relative : plan.pruned) {
      Path file = top.resolve(relative).normalize();
      try {
        Files.delete(file);
        pruned.add(relative);
      } catch (IOException e) {
        kept.add(relative);
        continue;
      }
      removeEmptyFolders(top, file.getParent());
    }
    kept.sort(null); // in the order of earlier, as the files deleted are
    return new Leftovers(kept, pruned);
  }

  /**
   * What {@link #settle} would do, without deleting anything (--check): with {@code prune}, {@code
   * pruned} lists the files it would delete.
   */
  static Leftovers check(Path out, List<String> earlier, OutputManifest manifest, boolean prune) {
    if (!prune) {
      return new Leftovers(earlier, List.of());
    }
    List<String> kept = new ArrayList<>();
    List<String> pruned = new ArrayList<>();
    Path top = out.toAbsolutePath().normalize();
    for (String relative : earlier) {
      (vouched(top, relative, manifest) ? pruned : kept).add(relative);
    }
    return new Leftovers(kept, pruned);
  }

  /** Whether {@code manifest} holds {@code relative}, inside {@code top}, as it is now. */
  private static boolean vouched(Path top, String relative, OutputManifest manifest) {
    Path file = top.resolve(relative).normalize();
    return file.startsWith(top) && manifest.holdsAsWritten(top, relative);
  }

  /** Deletes {@code folder} and its parents below {@code top} while they are empty. */
  private static void removeEmptyFolders(Path top, Path folder) {
    for (Path f = folder; f != null && f.startsWith(top) && !f.equals(top); f = f.getParent()) {
      try {
        Files.delete(f);
      } catch (DirectoryNotEmptyException e) {
        return;
      } catch (IOException e) {
        return; // not ours to insist on
      }
    }
  }

  /** The lines under the summary table: what was pruned, then what was kept; or nothing. */
  String text(Path out, boolean prune, boolean report) {
    StringBuilder s = new StringBuilder();
    if (!pruned.isEmpty()) {
      s.append("\nnote: deleted ")
          .append(Report.plural(pruned.size(), "image template"))
          .append(" of earlier runs from ")
          .append(out)
          .append(" (--prune, ")
          .append(CliCode.OUTPUT_PRUNED.id())
          .append("):\n");
      list(s, pruned, report);
    }
    List<String> listed = keptListed();
    if (!listed.isEmpty()) {
      boolean one = listed.size() == 1;
      notWrittenByThisRun(
          s,
          out,
          listed,
          ": "
              + (one ? EarlierOutputs.WHY_ONE : EarlierOutputs.WHY_MANY)
              + (prune ? " (" + (one ? KEPT_ONE : KEPT_MANY) + ")" : ""),
          report);
    }
    for (Cause cause : Cause.values()) {
      List<String> failed = keptOfFailed(cause);
      if (!failed.isEmpty()) {
        notWrittenByThisRun(
            s, out, failed, ": " + (failed.size() == 1 ? cause.one : cause.many), report);
      }
    }
    List<String> others = keptUnlisted();
    if (!others.isEmpty()) {
      notWrittenByThisRun(s, out, others, ", " + unlistedWhy(others.size() == 1), report);
    }
    return s.toString();
  }

  /** Why kept files that the list does not hold are named, and left: one or several. */
  String unlistedWhy(boolean one) {
    if (listUnreadable) {
      return one ? UNREADABLE_ONE : UNREADABLE_MANY;
    }
    return one ? UNLISTED_ONE : UNLISTED_MANY;
  }

  /** Why a kept file is named, and left, when the output folder's list cannot be read. */
  static final String UNREADABLE_ONE =
      "and packer2aib cannot tell whether it wrote it there (its list of outputs, "
          + OutputManifest.FILE_NAME
          + ", cannot be read): it is left as it is";

  /** {@link #UNREADABLE_ONE} for several. */
  static final String UNREADABLE_MANY =
      "and packer2aib cannot tell whether it wrote them there (its list of outputs, "
          + OutputManifest.FILE_NAME
          + ", cannot be read): they are left as they are";

  /** Why a kept file that packer2aib has no record of writing is named, and left. */
  static final String UNLISTED_ONE =
      "and packer2aib has no record of writing it there (its list of outputs, "
          + OutputManifest.FILE_NAME
          + ", does not hold it): it may be someone else's, and is left as it is";

  /** {@link #UNLISTED_ONE} for several. */
  static final String UNLISTED_MANY =
      "and packer2aib has no record of writing them there (its list of outputs, "
          + OutputManifest.FILE_NAME
          + ", does not hold them): they may be someone else's, and are left as they are";

  /** Why --prune left a file the list holds (a parenthesis of the warning). */
  private static final String KEPT_ONE =
      "--prune left it: packer2aib's list of what it wrote here does not hold it as it is, so"
          + " someone else wrote it or changed it since";

  private static final String KEPT_MANY =
      "--prune left them: packer2aib's list of what it wrote here does not hold them as they"
          + " are, so someone else wrote them or changed them since";

  /**
   * One CLI-W001 warning line over {@code files}, with {@code why} after the code, and the list.
   */
  private static void notWrittenByThisRun(
      StringBuilder s, Path out, List<String> files, String why, boolean report) {
    s.append("\nwarning: ")
        .append(Report.plural(files.size(), "image template"))
        .append(" in ")
        .append(out)
        .append(files.size() == 1 ? " was" : " were")
        .append(" not written by this run (")
        .append(CliCode.EARLIER_OUTPUT.id())
        .append(")")
        .append(why)
        .append(":\n");
    list(s, files, report);
  }

  private static void list(StringBuilder s, List<String> paths, boolean report) {
    for (int i = 0; i < paths.size() && i < SHOWN; i++) {
      s.append("  ")
          .append(ControlCharacters.escape(SecretScrubber.scrub(paths.get(i))))
          .append('\n');
    }
    if (paths.size() > SHOWN) {
      s.append("  ... and ")
          .append(paths.size() - SHOWN)
          .append(" more")
          .append(report ? " (in the report)" : " (--report lists them all)")
          .append('\n');
    }
  }

  /** One diagnostic per file, for JSON diagnostics: the pruned, then the kept. */
  List<Diagnostic> diagnostics(Path out, boolean prune) {
    List<Diagnostic> all = new ArrayList<>();
    for (String path : pruned) {
      all.add(
          CliCode.OUTPUT_PRUNED.diagnostic(
              out.resolve(path)
                  + " was deleted (--prune): packer2aib wrote it there in an earlier run, and its"
                  + " template was removed, renamed or skipped, or now writes"
                  + " another name or format."));
    }
    for (String path : kept) {
      all.add(
          CliCode.EARLIER_OUTPUT.diagnostic(
              out.resolve(path)
                  + " is an image template that this run did not write"
                  + (unlisted.contains(path)
                      ? ", " + unlistedWhy(true)
                      : ofFailed.containsKey(path)
                          ? ": " + ofFailed.get(path).one
                          : ": " + EarlierOutputs.WHY_ONE + (prune ? " (" + KEPT_ONE + ")" : ""))
                  + "."));
    }
    return all;
  }
}
