package io.github.packer2aib.cli;

import io.github.packer2aib.core.DiagnosticCatalogue;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.DiagnosticCode;
import io.github.packer2aib.core.diag.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The warning and note codes a user has accepted ({@code --ignore}): template diagnostics with them
 * are not printed on stderr nor counted in its summary line and table of codes, and do not make an
 * input fail under {@code --strict}. A {@code --report}, which records every decision, still lists
 * them. Errors cannot be ignored (an input with one has no output to write), nor the CLI's own
 * codes about the run's files.
 */
record IgnoredCodes(Set<String> ids) {
  static final IgnoredCodes NONE = new IgnoredCodes(Set.of());

  IgnoredCodes {
    ids = Set.copyOf(ids);
  }

  /**
   * The codes of the option's values, each checked by {@link Converter}; empty entries (which the
   * converter passes as empty texts) are left out.
   */
  static IgnoredCodes of(Collection<String> codes) {
    Set<String> ids = new HashSet<>(codes);
    ids.remove("");
    return ids.isEmpty() ? NONE : new IgnoredCodes(ids);
  }

  /** These codes and {@code more} (a settings file's, for one template). */
  IgnoredCodes with(Collection<String> more) {
    Set<String> all = new HashSet<>(ids);
    all.addAll(more);
    return new IgnoredCodes(all);
  }

  boolean ignores(Diagnostic d) {
    return !ids.isEmpty() && d.severity() != Severity.ERROR && ids.contains(d.code());
  }

  /**
   * Whether an input with these diagnostics fails: an error, or a warning not ignored under strict.
   */
  boolean fails(List<Diagnostic> diagnostics, boolean strict) {
    for (int i = 0, n = diagnostics.size(); i < n; i++) { // a loop: C1 code, per template
      Diagnostic d = diagnostics.get(i);
      if (d.severity() == Severity.ERROR
          || (strict && d.severity() == Severity.WARNING && !ignores(d))) {
        return true;
      }
    }
    return false;
  }

  /** The diagnostics that are not ignored, in their order. */
  List<Diagnostic> shown(List<Diagnostic> diagnostics) {
    if (ids.isEmpty()) {
      return diagnostics;
    }
    List<Diagnostic> kept = new ArrayList<>(diagnostics.size());
    for (Diagnostic d : diagnostics) {
      if (!ignores(d)) {
        kept.add(d);
      }
    }
    return kept;
  }

  /** Every code {@code --ignore} takes, sorted: the completion script offers them. */
  static List<String> ignorable() {
    List<String> ids = new ArrayList<>();
    for (DiagnosticCode c : DiagnosticCatalogue.all()) {
      if (DiagnosticCatalogue.whyNotIgnorable(c.id()).isEmpty()) {
        ids.add(c.id());
      }
    }
    ids.sort(null);
    return ids;
  }

  /**
   * One value of {@code --ignore}: a warning or note code of the library, in any case (kept in
   * upper case); else a usage error that says why ({@link DiagnosticCatalogue#whyNotIgnorable}). An
   * empty entry is passed on as an empty text, which {@link #of} leaves out: a CI script that
   * builds the list from variables ({@code --ignore "$A,$B"} with {@code A} empty) gives one, and
   * picocli dropped a trailing empty entry but passed an inner one, which was refused as "unknown
   * diagnostic code ''".
   */
  static final class Converter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String id = value.trim().toUpperCase(Locale.ROOT);
      if (id.isEmpty()) {
        return id;
      }
      Optional<String> problem = DiagnosticCatalogue.whyNotIgnorable(id);
      if (problem.isPresent()) {
        throw new TypeConversionException(problem.get());
      }
      return id;
    }
  }
}
