package io.github.packer2aib.core.diag;

import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A collector of diagnostics for one stage or one pipeline run. Stages add everything they find and
 * the pipeline stops after a stage that reported an error, so the user sees every problem of that
 * stage at once.
 */
public final class Diagnostics implements Iterable<Diagnostic> {
  private final List<Diagnostic> items = new ArrayList<>();

  public Diagnostics add(Diagnostic diagnostic) {
    items.add(diagnostic);
    return this;
  }

  public Diagnostics addAll(Iterable<Diagnostic> more) {
    for (Diagnostic d : more) {
      items.add(d);
    }
    return this;
  }

  public boolean hasErrors() {
    for (Diagnostic d : items) {
      if (d.isError()) {
        return true;
      }
    }
    return false;
  }

  public long count(Severity severity) {
    return items.stream().filter(d -> d.severity() == severity).count();
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  public int size() {
    return items.size();
  }

  /**
   * Drops the diagnostics added after the first {@code size} that {@code filter} accepts (an
   * evaluation's notes it redoes, or what it repeats); whether any was dropped.
   */
  public boolean removeIf(int size, Predicate<Diagnostic> filter) {
    return items.subList(size, items.size()).removeIf(filter);
  }

  /** An immutable snapshot in reporting order: by file, then position, then insertion order. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(items);
    copy.sort(ORDER);
    return List.copyOf(copy);
  }

  public List<Diagnostic> asList() {
    return List.copyOf(items);
  }

  public static Diagnostics of(Collection<Diagnostic> diagnostics) {
    return new Diagnostics().addAll(diagnostics);
  }

  @Override
  public Iterator<Diagnostic> iterator() {
    return List.copyOf(items).iterator();
  }

  /**
   * Located diagnostics first, by file and offset; the sort is stable, so ties keep their order.
   * Written out rather than composed from key extractors: every conversion sorts its diagnostics
   * more than once, and the composed form boxed and wrapped each key of every comparison.
   */
  public static final Comparator<Diagnostic> ORDER = Diagnostics::compare;

  private static int compare(Diagnostic a, Diagnostic b) {
    Range ra = a.subject().orElse(null);
    Range rb = b.subject().orElse(null);
    if (ra == null || rb == null) {
      // Unlocated after located; two unlocated ones are equal (their order is kept).
      return Boolean.compare(ra == null, rb == null);
    }
    // Mostly the same String object (one file's name): skip comparing it character by character.
    int byFile = ra.file() == rb.file() ? 0 : ra.file().compareTo(rb.file());
    return byFile != 0 ? byFile : Integer.compare(ra.startOffset(), rb.startOffset());
  }

  @Override
  public String toString() {
    return items.toString();
  }
}
