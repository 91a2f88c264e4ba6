package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Collects the diagnostics of one source usage's mapping. */
final class Report {
  private final List<Diagnostic> items = new ArrayList<>();

  void add(PackerMapCode code, Range at, String detail) {
    items.add(Diagnostic.of(code, at, detail));
  }

  void add(PackerMapCode code, Range at, String detail, Range related, String label) {
    Diagnostic d = Diagnostic.of(code, at, detail);
    items.add(related == null ? d : d.withRelated(new Related(related, label)));
  }

  void add(Diagnostic d) {
    items.add(d);
  }

  boolean hasErrors() {
    return errorsSince(0);
  }

  /** The number of diagnostics so far; with {@link #errorsSince} tells whether a part failed. */
  int mark() {
    return items.size();
  }

  boolean errorsSince(int mark) {
    // A loop, not a stream: asked several times per template, and a stream pipeline is several
    // allocations and calls in the C1 code of bulk runs.
    for (int i = mark; i < items.size(); i++) {
      if (items.get(i).isError()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a diagnostic of one of {@code codes} was added since {@code mark}. */
  boolean anySince(int mark, Set<PackerMapCode> codes) {
    for (int i = mark; i < items.size(); i++) {
      for (PackerMapCode c : codes) {
        if (items.get(i).code().equals(c.id())) {
          return true;
        }
      }
    }
    return false;
  }

  List<Diagnostic> all() {
    return List.copyOf(items);
  }
}
