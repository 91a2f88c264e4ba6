package io.github.packer2aib.core.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.source.Position;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The order diagnostics are reported in: located first, by file and offset, ties kept in order. */
class DiagnosticsOrderProperties {
  /** The rule spelled out with key extractors, as the comparator was first written. */
  private static final Comparator<Diagnostic> SPELLED_OUT =
      Comparator.<Diagnostic, Boolean>comparing(d -> d.subject().isEmpty())
          .thenComparing(d -> d.subject().map(Range::file).orElse(""))
          .thenComparingInt(d -> d.subject().map(r -> r.start().offset()).orElse(0));

  @Property(tries = 500)
  void sortingGivesTheSpelledOutOrder(@ForAll("diagnostics") List<Diagnostic> ds) {
    List<Diagnostic> expected = new ArrayList<>(ds);
    expected.sort(SPELLED_OUT);
    assertEquals(expected, Diagnostics.of(ds).sorted());
  }

  @Property(tries = 500)
  void theComparatorAgreesWithTheRuleOnEveryPair(
      @ForAll("diagnostic") Diagnostic a, @ForAll("diagnostic") Diagnostic b) {
    assertEquals(
        Integer.signum(SPELLED_OUT.compare(a, b)), Integer.signum(Diagnostics.ORDER.compare(a, b)));
  }

  @Provide
  Arbitrary<List<Diagnostic>> diagnostics() {
    return diagnostic().list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<Diagnostic> diagnostic() {
    Arbitrary<Optional<Range>> subject =
        Combinators.combine(
                Arbitraries.of("a.pkr.hcl", "b.json", "vars.pkrvars.hcl"),
                Arbitraries.integers().between(0, 40))
            .as(
                (file, offset) ->
                    Optional.of(
                        new Range(
                            file,
                            new Position(1, offset + 1, offset),
                            new Position(1, offset + 2, offset + 1))))
            .injectNull(0.3)
            .map(r -> r == null ? Optional.<Range>empty() : r);
    return Combinators.combine(subject, Arbitraries.strings().alpha().ofLength(3))
        .as(
            (s, detail) ->
                new Diagnostic(
                    "TEST-E001", Severity.ERROR, "Test", detail, s, Optional.empty(), List.of()));
  }
}
