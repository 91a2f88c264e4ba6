package io.github.packer2aib.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code --include} patterns of a {@code convert -r} run that selected only files no template
 * turned out to be in: a variable file, a README ({@link Discovery.Use#SKIPPED}), or JSON and YAML
 * files that are no templates once read ({@link Discovery.Use#DOCUMENTS}, package.json). Such a
 * pattern selected nothing to convert, and the run said nothing of it ("0 templates", exit 0): a
 * user who wrote {@code --include '**}{@code /v.pkrvars.hcl'} to select the template of a var file
 * got a silent no-op run in CI. Fed every outcome in discovery order, so what it names is the same
 * whatever {@code --jobs} is.
 */
final class SkippedIncludes {
  /** The first file a pattern selected, skipped, and why; how many it selected so. */
  record Skipped(Discovery.Candidate first, String reason, int count) {}

  private final Discovery discovery;

  /** Per pattern: whether its selection is still to be settled by the outcomes. */
  private final boolean[] pending;

  /** Per pattern: whether it selected a template after all. */
  private final boolean[] template;

  private final Discovery.Candidate[] first;
  private final String[] reasons;
  private final int[] counts;

  SkippedIncludes(Discovery discovery, List<Discovery.Use> use) {
    this.discovery = discovery;
    int n = use.size();
    pending = new boolean[n];
    template = new boolean[n];
    first = new Discovery.Candidate[n];
    reasons = new String[n];
    counts = new int[n];
    for (int i = 0; i < n; i++) {
      pending[i] = use.get(i) == Discovery.Use.SKIPPED || use.get(i) == Discovery.Use.DOCUMENTS;
    }
  }

  /** Notes what became of {@code c}; in discovery order. */
  void add(Discovery.Candidate c, BulkOutcome o) {
    if (c.shape() != Discovery.Shape.DOCUMENT && c.shape() != Discovery.Shape.SKIPPED) {
      return; // what these patterns selected is documents and entries skipped by name only
    }
    for (int i = 0; i < pending.length; i++) {
      if (!pending[i] || template[i] || !discovery.includes(i, c)) {
        continue;
      }
      // A template a settings file skips is a template: the settings file's choice, not a slip.
      boolean skipped =
          o.status() == BulkOutcome.Status.SKIPPED
              && !o.skipReason().startsWith(BulkTask.SKIPPED_BY_SETTINGS);
      if (!skipped) {
        template[i] = true;
        continue;
      }
      if (first[i] == null) {
        first[i] = c;
        reasons[i] = o.skipReason();
      }
      counts[i]++;
    }
  }

  /** What the pattern {@code index} selected, when that was only files that are no templates. */
  Optional<Skipped> onlySkipped(int index) {
    if (!pending[index] || template[index] || first[index] == null) {
      return Optional.empty();
    }
    return Optional.of(new Skipped(first[index], reasons[index], counts[index]));
  }

  /**
   * What to do instead, for a pattern whose first file selected is {@code s.first()}: a variable
   * file is read with the template of its folder, which a pattern naming that folder selects.
   */
  static String advice(Skipped s) {
    Discovery.Candidate c = s.first();
    String name = c.path().getFileName().toString().toLowerCase(Locale.ROOT);
    if (c.shape() == Discovery.Shape.SKIPPED && Discovery.isVarFile(name)) {
      String label = c.root().label();
      String relative = label.isEmpty() ? c.relative() : c.relative().substring(label.length() + 1);
      int slash = relative.lastIndexOf('/');
      String folder = slash < 0 ? "" : relative.substring(0, slash);
      return " A variable file is no template: it is read with the HCL2 template of its folder."
          + " To select that template, write "
          + (folder.isEmpty() ? "'*.pkr.hcl' (its files)" : "'" + folder + "' (its folder)")
          + ".";
    }
    return " The templates of a tree are HCL2 template folders (of *.pkr.hcl or *.pkr.json files)"
        + " and JSON or YAML files that hold a template: select one by its file or its folder.";
  }
}
