package io.github.packer2aib.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.diag.Severity;
import io.github.packer2aib.core.hcl.value.ListType;
import io.github.packer2aib.core.hcl.value.MapType;
import io.github.packer2aib.core.hcl.value.ObjectType;
import io.github.packer2aib.core.hcl.value.SetType;
import io.github.packer2aib.core.hcl.value.TupleType;
import io.github.packer2aib.core.hcl.value.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The records whose equals and hashCode are written out by hand (for start-up time), and the
 * source files, keep record semantics: equal when every component is equal, and then with equal
 * hash codes; different as soon as one component differs.
 */
class ValueSemanticsTest {

  private static <T> void valueSemantics(Supplier<T> make, List<T> eachOneComponentChanged) {
    T a = make.get();
    T b = make.get();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, null);
    assertNotEquals(a, "something else");
    for (T other : eachOneComponentChanged) {
      assertNotEquals(a, other, other.toString());
      assertNotEquals(other, a, other.toString());
    }
  }

  private static Position pos(int line, int column, int offset) {
    return new Position(line, column, offset);
  }

  private static Range range(String file, int start, int end) {
    return new Range(file, pos(1, start + 1, start), pos(1, end + 1, end));
  }

  @Test
  void positionsAndRanges() {
    valueSemantics(() -> pos(2, 3, 10), List.of(pos(9, 3, 10), pos(2, 9, 10), pos(2, 3, 11)));
    valueSemantics(
        () -> range("a.hcl", 1, 4),
        List.of(range("b.hcl", 1, 4), range("a.hcl", 0, 4), range("a.hcl", 1, 5)));
  }

  private static final Range AT = range("a.hcl", 1, 4);

  private static Diagnostic diagnostic(
      String code, String summary, String detail, Optional<Range> subject) {
    return new Diagnostic(
        code,
        Severity.ERROR,
        summary,
        detail,
        subject,
        Optional.of("/a"),
        List.of(new Related(AT, "here")));
  }

  @Test
  void diagnostics() {
    Supplier<Diagnostic> make = () -> diagnostic("X-E001", "Summary", "Detail.", Optional.of(AT));
    Diagnostic d = make.get();
    valueSemantics(
        make,
        List.of(
            diagnostic("X-E002", "Summary", "Detail.", Optional.of(AT)),
            d.withSeverity(Severity.WARNING),
            diagnostic("X-E001", "Other", "Detail.", Optional.of(AT)),
            diagnostic("X-E001", "Summary", "Other.", Optional.of(AT)),
            diagnostic("X-E001", "Summary", "Detail.", Optional.empty()),
            d.withPath("/b"),
            d.withRelated(new Related(AT, "again"))));
  }

  @Test
  void sourceFiles() throws Exception {
    // Not a record, but a value all the same: a conversion run twice makes two masked copies of
    // an ARM template with secure parameters, and its results were unequal for that alone.
    String text = "{\"a\": \"pw\"}\n";
    SourceFile plain = new SourceFile("a.json", text);
    Range secret = plain.range(6, 10);
    Supplier<SourceFile> make = () -> new SourceFile("a.json", text).withSecrets(List.of(secret));
    byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
    valueSemantics(
        make,
        List.of(
            new SourceFile("b.json", text).withSecrets(List.of(range("b.json", 6, 10))),
            new SourceFile("a.json", text.replace("pw", "PW")).withSecrets(List.of(secret)),
            make.get().asValues(),
            plain,
            plain.withSecrets(List.of(plain.range(7, 9))),
            SourceFile.fromUtf8("a.json", bom).withSecrets(List.of(secret))));
  }

  @Test
  void types() {
    valueSemantics(() -> new ListType(Type.STRING), List.of(new ListType(Type.NUMBER)));
    valueSemantics(() -> new MapType(Type.STRING), List.of(new MapType(Type.NUMBER)));
    valueSemantics(() -> new SetType(Type.STRING), List.of(new SetType(Type.NUMBER)));
    valueSemantics(
        () -> new TupleType(List.of(Type.STRING, Type.NUMBER)),
        List.of(new TupleType(List.of(Type.NUMBER, Type.STRING)), TupleType.EMPTY));
    valueSemantics(
        () -> new ObjectType(Map.of("a", Type.STRING, "b", Type.NUMBER), Set.of("b")),
        List.of(
            new ObjectType(Map.of("a", Type.STRING, "b", Type.STRING), Set.of("b")),
            new ObjectType(Map.of("a", Type.STRING, "b", Type.NUMBER), Set.of()),
            new ObjectType(Map.of("a", Type.STRING), Set.of())));
    // A list and a set of the same element type are different types.
    assertNotEquals(new ListType(Type.STRING), new SetType(Type.STRING));
  }
}
