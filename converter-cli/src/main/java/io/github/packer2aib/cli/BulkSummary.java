package io.github.packer2aib.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The totals of a {@code convert -r} run: how many candidates got each verdict, how many image
 * templates the inputs held, and how often each diagnostic code occurred (and in how many inputs),
 * the occurrences {@code --ignore} accepted apart. Inputs and templates are counted apart: a YAML
 * stream or an ARM deployment is one input of several templates (a tree of 3 files that wrote 9
 * templates said "3 templates"). Deterministic: ties are broken by code, then by not ignored before
 * ignored.
 */
final class BulkSummary {
  /**
   * One diagnostic code over the run, in how many inputs; {@code ignored}: the occurrences that
   * {@code --ignore} (or a settings file) accepted, which stderr's table leaves out and the report
   * marks.
   */
  record CodeTotal(String code, String summary, int count, int inputs, boolean ignored) {}

  /** A code, and whether its occurrences counted are ignored ones. */
  private record Key(String code, boolean ignored) {}

  private static final Comparator<Key> BY_CODE =
      Comparator.comparing(Key::code).thenComparing(Key::ignored);

  private final Map<BulkOutcome.Status, Integer> counts = new EnumMap<>(BulkOutcome.Status.class);
  private final Map<Key, CodeTotal> codes = new TreeMap<>(BY_CODE);

  /** The skipped candidates that are templates a settings file's {@code skip} left out. */
  private int skippedBySettings;

  /** The image templates of the inputs that did not fail. */
  private int templates;

  void add(BulkOutcome o) {
    counts.merge(o.status(), 1, Integer::sum);
    templates += o.templates();
    if (o.status() == BulkOutcome.Status.SKIPPED
        && o.skipReason() != null
        && o.skipReason().startsWith(BulkTask.SKIPPED_BY_SETTINGS)) {
      skippedBySettings++;
    }
    for (BulkOutcome.CodeCount c : o.codes()) {
      Key key = new Key(c.code(), c.ignored());
      CodeTotal t = codes.get(key);
      codes.put(
          key,
          t == null
              ? new CodeTotal(c.code(), c.summary(), c.count(), 1, c.ignored())
              : new CodeTotal(
                  c.code(), t.summary(), t.count() + c.count(), t.inputs() + 1, c.ignored()));
    }
  }

  int count(BulkOutcome.Status status) {
    return counts.getOrDefault(status, 0);
  }

  /** Inputs: candidates that held templates (every verdict but skipped). */
  int inputs() {
    return count(BulkOutcome.Status.CONVERTED)
        + count(BulkOutcome.Status.CONVERTED_WITH_WARNINGS)
        + count(BulkOutcome.Status.FAILED);
  }

  /**
   * The image templates the inputs that did not fail converted (validate -r: checked); a failed
   * input's are not known.
   */
  int templates() {
    return templates;
  }

  /**
   * The codes by count, most frequent first (then by code), without the ignored occurrences: what
   * stderr's table shows; at most {@code limit}.
   */
  List<CodeTotal> top(int limit) {
    List<CodeTotal> shown = new ArrayList<>();
    for (CodeTotal t : all()) {
      if (!t.ignored()) {
        shown.add(t);
      }
    }
    return shown.subList(0, Math.min(limit, shown.size()));
  }

  /**
   * Every code by count, most frequent first (then by code, the ignored occurrences of a code after
   * the others of the same count): what the report's summary lists, so that it adds up to the
   * templates' entries, which keep the ignored ones too.
   */
  List<CodeTotal> all() {
    List<CodeTotal> all = new ArrayList<>(codes.values());
    all.sort((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count()) : 0);
    return all;
  }

  /**
   * The table printed at the end of a run (without timing); {@code passed} words it for {@code
   * validate -r}, whose templates pass rather than convert.
   */
  String table(boolean passed) {
    StringBuilder out = new StringBuilder();
    String ok = passed ? "passed" : "converted";
    // The labels' column is as wide as the widest label shown: "skipped by the settings file"
    // is wider than the others, and its count stood four columns right of theirs.
    int labels = skippedBySettings > 0 ? SKIPPED_BY_SETTINGS.length() : LABELS;
    out.append(row(ok, count(BulkOutcome.Status.CONVERTED), labels));
    out.append(
        row(ok + " with warnings", count(BulkOutcome.Status.CONVERTED_WITH_WARNINGS), labels));
    out.append(row("failed", count(BulkOutcome.Status.FAILED), labels));
    // A template a settings file skips is no "not a template": counted apart, when there is one.
    out.append(
        row(
            "skipped (not templates)",
            count(BulkOutcome.Status.SKIPPED) - skippedBySettings,
            labels));
    if (skippedBySettings > 0) {
      out.append(row(SKIPPED_BY_SETTINGS, skippedBySettings, labels));
    }
    List<CodeTotal> top = top(10);
    if (!top.isEmpty()) {
      int width = "code".length();
      for (CodeTotal t : top) {
        width = Math.max(width, t.code().length());
      }
      out.append("\nmost frequent diagnostics:\n");
      out.append(
          String.format(
              Locale.ROOT,
              "  %-" + width + "s  %6s  %9s  %s%n",
              "code",
              "count",
              "inputs",
              "summary"));
      for (CodeTotal t : top) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %-" + width + "s  %6d  %9d  %s%n",
                t.code(),
                t.count(),
                t.inputs(),
                t.summary()));
      }
    }
    return out.toString().replace("\r\n", "\n");
  }

  /**
   * "3 inputs, 9 templates": how a run's summary counts (the closing line of stderr, the report),
   * as a single convert's "converted 9 templates from 3 inputs" does.
   */
  static String totals(int inputs, int templates) {
    return Report.plural(inputs, "input") + ", " + Report.plural(templates, "template");
  }

  /** The width of the verdicts' labels, as wide as "converted with warnings" and then some. */
  private static final int LABELS = 24;

  private static final String SKIPPED_BY_SETTINGS = "skipped by the settings file";

  private static String row(String label, int n, int labels) {
    return String.format(Locale.ROOT, "  %-" + labels + "s %6d%n", label, n).replace("\r\n", "\n");
  }
}
