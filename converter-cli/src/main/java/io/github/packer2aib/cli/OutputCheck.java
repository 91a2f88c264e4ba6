package io.github.packer2aib.cli;

import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.SecretScrubber;
import io.github.packer2aib.core.mapping.packer.PackerMapCode;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@code convert --check} finds: the output files that the same command without {@code
 * --check} would create, change or (with {@code --prune}) delete. A check writes nothing; CI runs
 * it to learn whether the image templates kept in a repository are up to date with their sources.
 * Bulk tasks add to it from several threads; what it reports is sorted by path, so it reads the
 * same whatever {@code --jobs} is.
 */
final class OutputCheck {
  /** What a run without {@code --check} would do to a file. */
  enum Change {
    CREATE("new", "create"),
    UPDATE("changed", "change"),
    DELETE("deleted with --prune", "delete"),
    /** The output folder's list of outputs, which the run leaves as it is: it cannot be read. */
    UNREADABLE("cannot be read", "leave as it is");

    /** How the list on stderr marks a file. */
    private final String label;

    /** What the run without --check would do to the file. */
    private final String verb;

    Change(String label, String verb) {
      this.label = label;
      this.verb = verb;
    }
  }

  /**
   * A file that is not up to date, relative to the output folder; {@code frozen} when it would
   * change and its template holds values of the conversion's clock or random numbers (PKRMAP-N131),
   * which differ on every run unless SOURCE_DATE_EPOCH pins them.
   */
  record Stale(String path, Change change, boolean frozen) {}

  /** Why a file with frozen values may differ. */
  private static final String FROZEN =
      "holds values of timestamp(), uuidv4() or the like, new on every run unless"
          + " SOURCE_DATE_EPOCH is the same for both";

  /** How many paths stderr names; the JSON diagnostics name them all. */
  private static final int SHOWN = 20;

  private final ConcurrentLinkedQueue<Stale> stale = new ConcurrentLinkedQueue<>();

  /** How many outputs were found up to date (only counted: the report names the stale ones). */
  private final AtomicInteger upToDate = new AtomicInteger();

  /**
   * Compares {@code bytes}, the output for {@code relative} below {@code out}, with the file there,
   * and notes the outcome; {@code diagnostics} are its template's.
   */
  void compare(Path out, String relative, byte[] bytes, List<Diagnostic> diagnostics) {
    Optional<Change> change = changeOf(out.resolve(relative), bytes);
    if (change.isEmpty()) {
      upToDate.incrementAndGet();
      return;
    }
    boolean frozen = false;
    if (change.get() == Change.UPDATE) {
      String code = PackerMapCode.FROZEN_VALUE.id();
      for (int i = 0; i < diagnostics.size() && !frozen; i++) {
        frozen = diagnostics.get(i).code().equals(code);
      }
    }
    stale.add(new Stale(relative, change.get(), frozen));
  }

  /** Notes that a run without {@code --check} would delete {@code relative} (--prune). */
  void deleted(String relative) {
    stale.add(new Stale(relative, Change.DELETE, false));
  }

  /**
   * Notes what a run without {@code --check} would do to the output folder's list of outputs
   * (create or change it): it is part of what the run writes, and what --prune goes by.
   */
  void list(Change change) {
    stale.add(new Stale(OutputManifest.FILE_NAME, change, false));
  }

  /**
   * Notes that the output folder's list of outputs cannot be read ({@code why}): the run leaves it
   * as it is, and --prune deletes nothing, until someone resolves it or deletes it.
   */
  void unreadableList(String why) {
    unreadableList = why;
    stale.add(new Stale(OutputManifest.FILE_NAME, Change.UNREADABLE, false));
  }

  /** Why the list of outputs cannot be read, or null. */
  private volatile String unreadableList;

  /** What writing {@code bytes} to {@code target} would change; empty when it holds them. */
  static Optional<Change> changeOf(Path target, byte[] bytes) {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(Change.CREATE);
    }
    return AtomicFiles.holds(target, bytes) ? Optional.empty() : Optional.of(Change.UPDATE);
  }

  /** Whether every output is up to date (and nothing would be deleted). */
  boolean upToDate() {
    return stale.isEmpty();
  }

  /** The files that are not up to date, by path. */
  List<Stale> stale() {
    List<Stale> all = new ArrayList<>(stale);
    all.sort(Comparator.comparing(Stale::path).thenComparing(Stale::change));
    return all;
  }

  /**
   * The lines that end stderr in text mode: the verdict, then the first files that differ (the
   * caller puts a blank line before them where other output precedes). {@code failed} inputs
   * ({@code noun}s: "template", "input") were not compared: then the verdict never reads as if
   * everything were up to date.
   */
  String text(Path out, int failed, String noun) {
    List<Stale> all = stale();
    int checked =
        upToDate.get()
            + (int)
                all.stream()
                    .filter(
                        s ->
                            s.change != Change.DELETE && !s.path().equals(OutputManifest.FILE_NAME))
                    .count();
    StringBuilder s = new StringBuilder();
    if (all.isEmpty()) {
      String notCompared =
          Report.plural(failed, noun)
              + " failed, so "
              + (failed == 1 ? "its outputs were" : "their outputs were")
              + " not compared";
      s.append("check: ");
      if (checked == 0) {
        s.append("no image template was produced, so none was compared with ")
            .append(out)
            .append(failed == 0 ? "" : " (" + Report.plural(failed, noun) + " failed)");
      } else if (failed == 0) {
        s.append(
                checked == 1 ? "the image template in " : "all " + checked + " image templates in ")
            .append(out)
            .append(checked == 1 ? " is" : " are")
            .append(" up to date");
      } else {
        s.append(Report.plural(checked, "image template"))
            .append(" in ")
            .append(out)
            .append(checked == 1 ? " is" : " are")
            .append(" up to date, but ")
            .append(notCompared);
      }
      return s.append('\n').toString();
    }
    s.append("error: ")
        .append(Report.plural(all.size(), "file"))
        .append(" in ")
        .append(out)
        .append(all.size() == 1 ? " is" : " are")
        .append(" not up to date (")
        .append(CliCode.OUTPUT_NOT_UP_TO_DATE.id())
        .append("); convert again without --check to update:\n");
    for (int i = 0; i < all.size() && i < SHOWN; i++) {
      Stale f = all.get(i);
      s.append("  ")
          .append(ControlCharacters.escape(SecretScrubber.scrub(f.path())))
          .append(" (")
          .append(
              f.change() == Change.UNREADABLE
                  ? "cannot be read: " + unreadableList + "; resolve it or delete it first"
                  : f.change().label)
          .append(f.frozen() ? "; it " + FROZEN : "")
          .append(")\n");
    }
    if (all.size() > SHOWN) {
      s.append("  ... and ")
          .append(all.size() - SHOWN)
          .append(" more (--diagnostics-format json lists them all)\n");
    }
    return s.toString();
  }

  /** One diagnostic per file that is not up to date, for JSON diagnostics. */
  List<Diagnostic> diagnostics(Path out) {
    List<Diagnostic> all = new ArrayList<>();
    for (Stale f : stale()) {
      if (f.change() == Change.UNREADABLE) {
        all.add(
            CliCode.OUTPUT_NOT_UP_TO_DATE.diagnostic(
                "The list of outputs "
                    + out.resolve(f.path())
                    + " cannot be read ("
                    + unreadableList
                    + "): the same command without --check leaves it as it is, and --prune"
                    + " deletes nothing. Resolve it or delete it, then run the command without"
                    + " --check."));
        continue;
      }
      if (f.path().equals(OutputManifest.FILE_NAME)) {
        all.add(
            CliCode.OUTPUT_NOT_UP_TO_DATE.diagnostic(
                "The same command without --check would "
                    + f.change().verb
                    + " "
                    + out.resolve(f.path())
                    + ", the list of the outputs there that --prune goes by. Run it without"
                    + " --check to update it, and keep the list with the outputs."));
        continue;
      }
      all.add(
          CliCode.OUTPUT_NOT_UP_TO_DATE.diagnostic(
              "The same command without --check would "
                  + f.change().verb
                  + " "
                  + out.resolve(f.path())
                  + (f.change() == Change.DELETE ? " (--prune)" : "")
                  + ", so the image templates there are not up to date with their sources. Run"
                  + " it without --check to update them."
                  + (f.frozen() ? " The template " + FROZEN + "." : "")));
    }
    return all;
  }
}
