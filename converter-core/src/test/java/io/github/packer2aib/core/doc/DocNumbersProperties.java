package io.github.packer2aib.core.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written JSON number check answers as the grammar's pattern does, for any text. */
class DocNumbersProperties {
  /** JSON's number grammar (RFC 8259), the form the check was written from. */
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  @Provide
  Arbitrary<String> numberLike() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("-+0123456789.eEx ").ofMaxLength(12),
        Arbitraries.strings().all().ofMaxLength(6));
  }

  @Property(tries = 3000)
  void answersAsThePattern(@ForAll("numberLike") String s) {
    assertEquals(JSON_NUMBER.matcher(s).matches(), DocNumbers.isJsonNumber(s), s);
  }

  @Example
  void canonicalForms() {
    assertEquals("12", DocNumbers.canonical("12"));
    assertEquals("-0.5e+3", DocNumbers.canonical("-0.5e+3"));
    assertEquals("31", DocNumbers.canonical("0x1F"));
    assertEquals("15", DocNumbers.canonical("0o17"));
    assertEquals("1", DocNumbers.canonical("+1"));
    assertEquals("7", DocNumbers.canonical("007"));
    assertEquals("0.5", DocNumbers.canonical(".5"));
    assertEquals("1.0", DocNumbers.canonical("1."));
    assertEquals(null, DocNumbers.canonical("1e"));
    assertEquals(null, DocNumbers.canonical("x"));
  }
}
