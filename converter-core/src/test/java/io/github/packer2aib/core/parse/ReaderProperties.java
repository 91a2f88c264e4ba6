package io.github.packer2aib.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.source.LoneSurrogates;
import io.github.packer2aib.core.source.Position;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of both readers: robustness on any text, and round trips of generated trees. */
class ReaderProperties {

  // ---- (a) any text: no exception, every range inside the text -------------------------------

  @Property(tries = 400)
  void jsonReaderCopesWithAnyText(@ForAll("noise") String text) {
    SourceFile file = new SourceFile("p.json", text);
    ParseResult result = JsonReader.read(file);
    assertLocationsInside(file, result);
    assertTrue(result.documents().size() <= 1);
    if (!result.hasErrors()) {
      assertEquals(1, result.documents().size());
    } else {
      assertTrue(result.diagnostics().stream().anyMatch(d -> d.subject().isPresent()));
    }
  }

  @Property(tries = 400)
  void yamlReaderCopesWithAnyText(@ForAll("noise") String text) {
    SourceFile file = new SourceFile("p.yaml", text);
    ParseResult result = YamlReader.read(file);
    assertLocationsInside(file, result);
    if (!result.hasErrors()) {
      assertTrue(result.documents().size() >= 1);
    }
  }

  @Provide
  Arbitrary<String> noise() {
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(60);
    Arbitrary<String> punctuation =
        Arbitraries.strings()
            .withChars("{}[]:,\"'\\ \n\r\t-#/*&!|>?%@`~<=.+eE019abnrtufl\u00e9\u2028\u0000")
            .ofMaxLength(60);
    Arbitrary<String> fragments =
        Arbitraries.of(
                "{",
                "}",
                "[",
                "]",
                ":",
                ": ",
                ",",
                "\"a\"",
                "\"b\"",
                "'c'",
                "1",
                "-1.5e3",
                "01",
                "true",
                "null",
                "tru",
                "\n",
                "\r\n",
                "  ",
                "- ",
                "? ",
                "&a ",
                "*a",
                "<<: ",
                "!!str ",
                "!!int ",
                "!x ",
                "|",
                ">-",
                "# c",
                "//",
                "/*",
                "*/",
                "\t",
                "\\",
                "\"\\u12",
                "\"\\x\"",
                "é",
                "😀",
                "\ud800",
                "---",
                "...",
                "%YAML 1.2",
                "\uFEFF")
            .list()
            .ofMaxSize(40)
            .map(parts -> String.join("", parts));
    return Arbitraries.oneOf(any, punctuation, fragments);
  }

  private static void assertLocationsInside(SourceFile file, ParseResult result) {
    for (Diagnostic d : result.diagnostics()) {
      d.subject().ifPresent(r -> assertInside(file, r));
      for (Related rel : d.related()) {
        assertInside(file, rel.range());
      }
      assertTrue(!d.detail().isBlank() && !d.detail().contains("Exception"), d.detail());
    }
    for (DocNode doc : result.documents()) {
      walk(doc, node -> assertInside(file, node.range()));
    }
  }

  private static void assertInside(SourceFile file, Range range) {
    assertEquals(file.name(), range.file());
    int length = file.text().length();
    assertTrue(range.start().offset() >= 0 && range.end().offset() <= length, range::toString);
    assertTrue(range.start().offset() <= range.end().offset(), range::toString);
    // Line and column agree with the offset, as SourceFile computes them.
    for (Position p : List.of(range.start(), range.end())) {
      assertEquals(file.position(p.offset()), p);
    }
  }

  private interface NodeCheck {
    void check(DocNode node);
  }

  private static void walk(DocNode node, NodeCheck check) {
    check.check(node);
    if (node instanceof DocObject o) {
      for (DocMember m : o.members()) {
        walk(m.value(), check);
      }
    } else if (node instanceof DocArray a) {
      for (DocNode item : a.items()) {
        walk(item, check);
      }
    }
  }

  // ---- (b) and (c) generated trees read back equal -------------------------------------------

  @Property(tries = 250)
  void treesRenderedAsJsonReadBackEqual(
      @ForAll("trees") DocNode tree, @ForAll boolean escapeAll, @ForAll boolean comments) {
    String text = new JsonRenderer(escapeAll, comments).render(tree);
    ParseResult result = JsonReader.read(new SourceFile("t.json", text));
    assertEquals(List.of(), Diags.describe(result), text);
    DocNode back = result.documents().get(0);
    assertTrue(DocEquality.equalIgnoringRanges(tree, back), text);
    assertEquals(DocText.render(tree), DocText.render(back));
    assertNested(back);
    // A string's range is its literal, quotes included, whether read plain or decoded by Jackson.
    walk(
        back,
        node -> {
          if (node instanceof DocScalar s && s.type() == DocScalar.Type.STRING) {
            String literal = text.substring(s.range().start().offset(), s.range().end().offset());
            assertTrue(literal.length() >= 2 && literal.startsWith("\"") && literal.endsWith("\""));
            if (literal.indexOf('\\') < 0) {
              assertEquals(literal.substring(1, literal.length() - 1), s.text());
            }
          }
        });
  }

  @Property(tries = 250)
  void treesRenderedAsYamlReadBackEqual(@ForAll("trees") DocNode tree) {
    String text = YamlRenderer.render(tree);
    ParseResult result = YamlReader.read(new SourceFile("t.yaml", text));
    assertEquals(List.of(), Diags.describe(result), text);
    assertEquals(1, result.documents().size());
    DocNode back = result.documents().get(0);
    assertTrue(DocEquality.equalIgnoringRanges(tree, back), text);
    assertEquals(DocText.render(tree), DocText.render(back));
    assertNested(back);
  }

  // ---- (d) the hand-written JSON reader builds what Jackson's path builds, or gives up ----------

  @Property(tries = 600)
  void jsonDescentAgreesWithJacksonOnRenderedTrees(
      @ForAll("trees") DocNode tree,
      @ForAll boolean escapeAll,
      @ForAll boolean comments,
      @ForAll("edits") List<Edit> edits) {
    String text = new JsonRenderer(escapeAll, comments).render(tree);
    for (Edit e : edits) {
      text = e.apply(text);
    }
    DocNode descent = assertDescentAgrees(text);
    if (!comments && edits.isEmpty()) {
      // Plain JSON: given up on only where Jackson's path would be needed.
      assertTrue(descent != null, () -> "gave up on valid JSON");
    }
  }

  @Property(tries = 400)
  void jsonDescentAgreesWithJacksonOnAnyText(@ForAll("jsonNoise") String text) {
    assertDescentAgrees(text);
  }

  @Provide
  Arbitrary<String> jsonNoise() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(
                "{",
                "}",
                "[",
                "]",
                ":",
                ",",
                " ",
                "\n",
                "\t",
                "\"a\"",
                "\"\\u00e9\"",
                "\"\\x\"",
                "\"\\",
                "\"\u0001\"",
                "0",
                "-0",
                "01",
                "1.",
                ".5",
                "1e",
                "1e+5",
                "-1.5E-3",
                "+1",
                "true",
                "truex",
                "nul",
                "null",
                "false",
                "/* c */",
                "// c\n",
                "\uFEFF",
                "NaN",
                "\"k\": 1",
                "\"k\":1,\"k\":2",
                "[1,]",
                "{\"a\":}",
                "\u00e9",
                "😀",
                "\r\n",
                // Units above U+00FF read as '?' in the reader's bytes: told apart from a real one.
                "?",
                "\"?\"",
                "\u20ac",
                "\"\u4e2d\"",
                "\"\\n\u20ac?\"",
                "\"\\u20AC\\t?\""),
            Arbitraries.strings().withChars("{}[]:,\"\\ 0123456789.eE+-tfnul/\n").ofMaxLength(6));
    return piece.list().ofMaxSize(14).map(ps -> String.join("", ps));
  }

  /**
   * Long strings and runs of spaces, with the bytes the reader looks for at every offset from a
   * word's start: it scans eight bytes at a time up to the first one that needs a look.
   */
  @Property(tries = 800)
  void jsonDescentAgreesWithJacksonOnLongStrings(@ForAll("longStringDocuments") String text) {
    assertDescentAgrees(text);
  }

  @Provide
  Arbitrary<String> longStringDocuments() {
    Arbitrary<String> content =
        Arbitraries.of(
                "x",
                "xxx",
                "xxxxxxx",
                "xxxxxxxxxxxxx",
                "\\n",
                "\\\"",
                "\\u00e9",
                "\\u20AC",
                "?",
                "\u20ac",
                "\u00e9",
                "\u00ff",
                "\u0001",
                "\u001f",
                " ",
                "\t",
                "\"",
                "\u007f")
            .list()
            .ofMaxSize(14)
            .map(ps -> String.join("", ps));
    Arbitrary<String> spaces = Arbitraries.strings().withChars(' ').ofMaxLength(19);
    return Combinators.combine(spaces, content, spaces, content, spaces)
        .as((a, k, b, v, c) -> a + "{" + b + "\"" + k + "\":" + c + "\"" + v + "\"" + a + "}" + b);
  }

  @Property(tries = 1000)
  void jsonDescentAgreesWithJacksonOnScalars(@ForAll("scalarTexts") String text) {
    assertDescentAgrees(text);
  }

  /** A string, number or literal made of likely characters, alone or in a container. */
  @Provide
  Arbitrary<String> scalarTexts() {
    Arbitrary<String> raw =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(6),
            Arbitraries.strings()
                .withChars("\\\"/bfnrtu0aF9gG\u0001\u001f\t\n\u00e9")
                .ofMaxLength(8),
            Arbitraries.of(
                    "a", "\\u00e9", "\\u00E9", "\\uD83D", "\\uDE00", "\\u0g00", "\\u00G0", "\\u12",
                    "\\/", "\\b", "\\x", "\\", "\\\"", "\"", "\u0001", "\u007f", "\u00e9", "😀",
                    "?", "\u20ac", "\u4e2d", "\\u20AC", "\\u003F", "\u00ff", "\\u00FF")
                .list()
                .ofMaxSize(4)
                .map(ps -> String.join("", ps)));
    // Text decoded from a file holds no half of a surrogate pair alone (a decoder replaces it);
    // escapes of one ("\\uD83D" above) stay in.
    raw = raw.map(LoneSurrogates::replaced);
    Arbitrary<String> scalar =
        Arbitraries.oneOf(
            raw.map(r -> "\"" + r + "\""),
            Arbitraries.strings().withChars("0123456789.eE+-").ofMinLength(1).ofMaxLength(8),
            Arbitraries.strings().withChars("truefalsn").ofMinLength(1).ofMaxLength(6));
    return Combinators.combine(scalar, Arbitraries.integers().between(0, 3))
        .as(
            (x, wrap) ->
                switch (wrap) {
                  case 0 -> x;
                  case 1 -> "[" + x + "]";
                  case 2 -> "{\"k\": " + x + "}";
                  default -> "[" + x + ", " + x + "]";
                });
  }

  /** One random change to a text: a character deleted, inserted or replaced at a position. */
  record Edit(int kind, double where, char c) {
    String apply(String text) {
      int at = (int) (where * (text.length() + 1));
      int i = Math.min(at, text.length());
      switch (kind) {
        case 0:
          return i < text.length() ? text.substring(0, i) + text.substring(i + 1) : text;
        case 1:
          return text.substring(0, i) + c + text.substring(i);
        default:
          return i < text.length() ? text.substring(0, i) + c + text.substring(i + 1) : text;
      }
    }
  }

  @Provide
  Arbitrary<List<Edit>> edits() {
    Arbitrary<Edit> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.of(
                    '{', '}', '[', ']', ':', ',', '"', '\\', ' ', '\n', '0', '1', '-', '.', 'e',
                    't', '/', '*', 'x', '\u0001', '\uFEFF'))
            .as(Edit::new);
    return edit.list().ofMaxSize(3);
  }

  /** A piece of a JSON string literal, and the code units it stands for. */
  record Piece(String literal, String units) {}

  @Provide
  Arbitrary<List<Piece>> stringPieces() {
    return Arbitraries.of(
            new Piece("\\ud83d", "\ud83d"),
            new Piece("\\ude00", "\ude00"),
            new Piece("\\udbff", "\udbff"),
            new Piece("\\udc00", "\udc00"),
            new Piece("\\\\", "\\"),
            new Piece("\\\"", "\""),
            new Piece("u", "u"),
            new Piece("\\u00e9", "\u00e9"),
            new Piece("\ud83d\ude00", "\ud83d\ude00"))
        .list()
        .ofMaxSize(8);
  }

  /**
   * Whatever escapes a string holds, reading it leaves no half of a surrogate pair alone: each is
   * U+FFFD with one warning per string or key, pairs stay, and both readers agree.
   */
  @Property(tries = 500)
  void halvesOfSurrogatePairsAloneNeverSurviveReading(@ForAll("stringPieces") List<Piece> pieces) {
    StringBuilder literal = new StringBuilder();
    StringBuilder units = new StringBuilder();
    for (Piece p : pieces) {
      literal.append(p.literal());
      units.append(p.units());
    }
    // Written out here rather than through the reader's helper: a high half followed by a low one
    // is a pair; any other half is alone.
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < units.length(); i++) {
      char c = units.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < units.length()
          && Character.isLowSurrogate(units.charAt(i + 1))) {
        expected.append(c).append(units.charAt(++i));
      } else {
        expected.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    String text = "{\"k" + literal + "\": [\"" + literal + "\"]}";

    ParseResult result = JsonReader.read(new SourceFile("t.json", text));

    DocObject root = (DocObject) result.documents().get(0);
    assertEquals("k" + expected, root.members().get(0).key(), text);
    DocNode item = ((DocArray) root.members().get(0).value()).items().get(0);
    assertEquals(expected.toString(), DocScalar.stringValue(item).orElseThrow(), text);
    long warnings = result.diagnostics().stream().filter(d -> d.code().equals("JSON-W101")).count();
    assertEquals(expected.toString().equals(units.toString()) ? 0 : 2, warnings, text);
    assertEquals(warnings, result.diagnostics().size(), text);
    assertDescentAgrees(text);
  }

  /**
   * Whatever the hand-written reader builds, Jackson's path builds too, ranges included, and finds
   * nothing to report; returns the hand-written reader's tree (null where it gave up).
   */
  static DocNode assertDescentAgrees(String text) {
    SourceFile file = new SourceFile("t.json", text);
    DocNode descent = JsonDescentReader.read(file);
    if (descent != null) {
      ParseResult jackson = JsonReader.jacksonOnly(file);
      assertEquals(List.of(), Diags.describe(jackson), text);
      assertEquals(jackson.documents(), List.of(descent), text);
    }
    if (text.chars().allMatch(c -> c < 0x80)) {
      byte[] utf8 = text.getBytes(StandardCharsets.US_ASCII);
      // ASCII read from bytes: the reader scans the file's own bytes (asciiBytes), not a copy.
      SourceFile fromBytes;
      try {
        fromBytes = SourceFile.fromUtf8("t.json", utf8);
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new AssertionError(e);
      }
      assertSame(utf8, fromBytes.asciiBytes());
      assertEquals(descent, JsonDescentReader.read(fromBytes), text);
    }
    return descent;
  }

  /** Every child's range lies within its parent's, and keys lie within their object. */
  private static void assertNested(DocNode node) {
    if (node instanceof DocObject o) {
      for (DocMember m : o.members()) {
        assertWithin(o.range(), m.keyRange());
        assertWithin(o.range(), m.value().range());
        assertTrue(m.keyRange().end().offset() <= m.value().range().start().offset());
        assertNested(m.value());
      }
    } else if (node instanceof DocArray a) {
      for (DocNode item : a.items()) {
        assertWithin(a.range(), item.range());
        assertNested(item);
      }
    }
  }

  private static void assertWithin(Range outer, Range inner) {
    assertTrue(
        outer.start().offset() <= inner.start().offset()
            && inner.end().offset() <= outer.end().offset(),
        () -> inner + " outside " + outer);
  }

  @Provide
  Arbitrary<DocNode> trees() {
    return node(3);
  }

  private Arbitrary<DocNode> node(int depth) {
    Arbitrary<DocNode> scalars =
        Arbitraries.oneOf(
            strings().map(s -> DocScalar.string(s, null)),
            numbers().map(n -> DocScalar.number(n, null)),
            Arbitraries.of(true, false).map(b -> DocScalar.bool(b, null)),
            Arbitraries.just(DocScalar.nullValue(null)));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<DocNode> arrays =
        Arbitraries.lazy(() -> node(depth - 1))
            .list()
            .ofMaxSize(4)
            .map(items -> new DocArray(items, null));
    Arbitrary<DocNode> objects =
        Arbitraries.maps(strings(), Arbitraries.lazy(() -> node(depth - 1)))
            .ofMaxSize(4)
            .map(ReaderProperties::object);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, scalars),
        net.jqwik.api.Tuple.of(1, arrays),
        net.jqwik.api.Tuple.of(2, objects));
  }

  private static DocNode object(Map<String, DocNode> map) {
    List<DocMember> members = new ArrayList<>();
    map.forEach((k, v) -> members.add(new DocMember(k, null, v)));
    return new DocObject(members, null);
  }

  /**
   * Strings as a reader may build them: any Unicode text but halves of surrogate pairs alone, which
   * the readers replace (see {@link #halvesOfSurrogatePairsAloneNeverSurviveReading}).
   */
  private static Arbitrary<String> strings() {
    return Arbitraries.<String>oneOf(
            Arbitraries.strings().all().ofMaxLength(12),
            Arbitraries.strings().withChars(" \"'\\:#-{}[],&*!|>%@\n\t").ofMaxLength(8),
            Arbitraries.of(
                "", " ", "true", "null", "~", "1.10", "yes", "<<", "- x", "a: b", "#c", "\u2028",
                "\uFEFF", "😀", "\u0085", "\ufffe"))
        .map(LoneSurrogates::replaced);
  }

  /** JSON number literals (which are also YAML 1.2 core-schema numbers). */
  private static Arbitrary<String> numbers() {
    Arbitrary<String> integer =
        Arbitraries.oneOf(
            Arbitraries.just("0"),
            Arbitraries.strings()
                .numeric()
                .ofMinLength(1)
                .ofMaxLength(25)
                .filter(s -> !s.startsWith("0")));
    Arbitrary<String> fraction =
        Arbitraries.strings()
            .numeric()
            .ofMinLength(1)
            .ofMaxLength(5)
            .injectNull(0.5)
            .map(f -> f == null ? "" : "." + f);
    Arbitrary<String> exponent =
        Combinators.combine(
                Arbitraries.of("e", "E"),
                Arbitraries.of("", "+", "-"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3))
            .as((e, s, d) -> e + s + d)
            .injectNull(0.7)
            .map(x -> x == null ? "" : x);
    return Combinators.combine(Arbitraries.of("", "-"), integer, fraction, exponent)
        .as((s, i, f, e) -> s + i + f + e);
  }

  /** A JSON writer of our own, independent of {@link DocText}: indented, optionally commented. */
  private record JsonRenderer(boolean escapeAll, boolean comments) {
    String render(DocNode node) {
      StringBuilder out = new StringBuilder(comments ? "// generated\n" : "");
      write(node, "", out);
      return out.append('\n').toString();
    }

    private void write(DocNode node, String indent, StringBuilder out) {
      if (node instanceof DocObject o) {
        out.append('{');
        String inner = indent + "  ";
        for (int i = 0; i < o.members().size(); i++) {
          DocMember m = o.members().get(i);
          out.append(i == 0 ? "\n" : ",\n").append(inner);
          string(m.key(), out);
          out.append(comments ? " /* : */ : " : ": ");
          write(m.value(), inner, out);
        }
        out.append(o.members().isEmpty() ? "" : "\n" + indent).append('}');
      } else if (node instanceof DocArray a) {
        out.append('[');
        for (int i = 0; i < a.items().size(); i++) {
          out.append(i == 0 ? "" : comments ? ", // next\n" + indent : ", ");
          write(a.items().get(i), indent + "  ", out);
        }
        out.append(']');
      } else {
        DocScalar s = (DocScalar) node;
        switch (s.type()) {
          case STRING -> string(s.text(), out);
          case NULL -> out.append("null");
          default -> out.append(s.text());
        }
      }
    }

    private void string(String value, StringBuilder out) {
      out.append('"');
      for (char c : value.toCharArray()) {
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c == '/' && escapeAll) {
          out.append("\\/");
        } else if (c < 0x20 || (escapeAll && c > 0x7e) || Character.isSurrogate(c)) {
          out.append(String.format("\\u%04X", (int) c));
        } else {
          out.append(c);
        }
      }
      out.append('"');
    }
  }

  /** A block-style YAML writer that double-quotes every string and key. */
  private static final class YamlRenderer {
    static String render(DocNode node) {
      StringBuilder out = new StringBuilder();
      if (isInline(node)) {
        out.append(inline(node)).append('\n');
      } else {
        block(node, "", out);
      }
      return out.toString();
    }

    private static boolean isInline(DocNode node) {
      return node instanceof DocScalar
          || (node instanceof DocObject o && o.members().isEmpty())
          || (node instanceof DocArray a && a.items().isEmpty());
    }

    private static void block(DocNode node, String indent, StringBuilder out) {
      if (node instanceof DocObject o) {
        for (DocMember m : o.members()) {
          out.append(indent).append(quote(m.key())).append(':');
          child(m.value(), indent, out);
        }
      } else {
        for (DocNode item : ((DocArray) node).items()) {
          out.append(indent).append('-');
          child(item, indent, out);
        }
      }
    }

    private static void child(DocNode value, String indent, StringBuilder out) {
      if (isInline(value)) {
        out.append(' ').append(inline(value)).append('\n');
      } else {
        out.append('\n');
        block(value, indent + "  ", out);
      }
    }

    private static String inline(DocNode node) {
      if (node instanceof DocObject) {
        return "{}";
      }
      if (node instanceof DocArray) {
        return "[]";
      }
      DocScalar s = (DocScalar) node;
      switch (s.type()) {
        case STRING:
          return quote(s.text());
        case NULL:
          return "null";
        default:
          return s.text();
      }
    }

    private static String quote(String value) {
      StringBuilder out = new StringBuilder("\"");
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
          out.append(String.format("\\x%02X", (int) c));
        } else if (c == '\u2028'
            || c == '\u2029'
            || c == '\uFEFF'
            || c >= '\uFFFE'
            || isLoneSurrogate(value, i)) {
          out.append(String.format("\\u%04X", (int) c));
        } else {
          out.append(c);
        }
      }
      return out.append('"').toString();
    }

    private static boolean isLoneSurrogate(String s, int i) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
      }
      return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }
  }
}
