package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.DiagnosticCode;
import io.github.packer2aib.core.diag.Diagnostics;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.function.Predicate;

/** Collects the diagnostics of one load. */
final class Reporter {
  private final Diagnostics diagnostics = new Diagnostics();

  void add(DiagnosticCode code, Range subject, String pointer, String detail) {
    Diagnostic d = Diagnostic.of(code, subject, detail);
    diagnostics.add(pointer == null ? d : d.withPath(pointer));
  }

  void add(DiagnosticCode code, Range subject, String pointer, String detail, Related related) {
    Diagnostic d = Diagnostic.of(code, subject, detail).withRelated(related);
    diagnostics.add(pointer == null ? d : d.withPath(pointer));
  }

  void addAll(Iterable<Diagnostic> more) {
    diagnostics.addAll(more);
  }

  /** How many diagnostics there are so far: a mark for {@link #removeIf}. */
  int size() {
    return diagnostics.size();
  }

  /** {@link Diagnostics#removeIf} of the diagnostics added since {@code mark}. */
  boolean removeIf(int mark, Predicate<Diagnostic> filter) {
    return diagnostics.removeIf(mark, filter);
  }

  /** Whether an error was added since {@code mark} ({@link #size}). */
  boolean hasErrorsSince(int mark) {
    List<Diagnostic> all = diagnostics.asList();
    for (int i = mark; i < all.size(); i++) {
      if (all.get(i).isError()) {
        return true;
      }
    }
    return false;
  }

  boolean hasErrors() {
    return diagnostics.hasErrors();
  }

  List<Diagnostic> sorted() {
    return diagnostics.sorted();
  }
}
