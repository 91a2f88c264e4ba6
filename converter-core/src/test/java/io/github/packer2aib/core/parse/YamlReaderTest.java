package io.github.packer2aib.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.DocScalar.Type;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.source.SourceFile;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YamlReaderTest {

  private static ParseResult read(String text) {
    return YamlReader.read(new SourceFile("f.yaml", text));
  }

  private static DocNode readOk(String text) {
    ParseResult result = read(text);
    assertEquals(List.of(), Diags.describe(result));
    assertEquals(1, result.documents().size());
    return result.documents().get(0);
  }

  private static DocScalar scalar(DocNode root, String pointer) {
    return (DocScalar) JsonPointer.resolve(root, pointer);
  }

  // ---- core schema ---------------------------------------------------------------------------

  @Test
  void plainScalarsFollowTheYaml12CoreSchema() {
    DocNode doc =
        readOk(
            "v: [1.10, yes, on, off, y, no, 0x1F, 0o17, ~, null, NULL, Null, .inf, -.Inf, +.INF,"
                + " .nan, .NaN, \"true\", !!str 1, +1, 1e3, True, FALSE, 1_000, 0b1, 017, .5, 1.,"
                + " -0.0, 12e+03, 1.2.3, tRue]\n");
    assertEquals(
        "{\"v\":[1.10,\"yes\",\"on\",\"off\",\"y\",\"no\",31,15,null,null,null,null,\"Infinity\","
            + "\"-Infinity\",\"Infinity\",\"NaN\",\"NaN\",\"true\",\"1\",1,1e3,true,false,"
            + "\"1_000\",\"0b1\",17,0.5,1.0,-0.0,12e+03,\"1.2.3\",\"tRue\"]}",
        DocText.render(doc));
  }

  @Test
  void plainScalarsAreUntypedSoNumbersCanBeReadAsText() {
    DocNode doc = readOk("version: 1.10\nflag: on\nq: \"1.10\"\nt: !!float 1.10\nempty:\n");
    DocScalar version = scalar(doc, "/version");
    assertEquals(Type.NUMBER, version.type());
    assertEquals("1.10", version.text());
    assertTrue(version.untyped());
    assertEquals(Optional.of("1.10"), version.asString());
    assertEquals(Optional.of("on"), scalar(doc, "/flag").asString());
    assertTrue(scalar(doc, "/flag").untyped());
    DocScalar quoted = scalar(doc, "/q");
    assertEquals(Type.STRING, quoted.type());
    assertFalse(quoted.untyped());
    DocScalar tagged = scalar(doc, "/t");
    assertEquals(Type.NUMBER, tagged.type());
    assertFalse(tagged.untyped());
    assertEquals(Optional.empty(), tagged.asString());
    DocScalar empty = scalar(doc, "/empty");
    assertEquals(Type.NULL, empty.type());
    assertEquals("", empty.text());
  }

  @Test
  void booleanAndNullKeepTheirLiteralText() {
    DocNode doc = readOk("a: True\nb: ~\nc: FALSE\n");
    assertEquals("True", scalar(doc, "/a").text());
    assertEquals(Optional.of(true), scalar(doc, "/a").asBoolean());
    assertEquals("~", scalar(doc, "/b").text());
    assertEquals(Optional.of(false), scalar(doc, "/c").asBoolean());
  }

  @Test
  void explicitCoreTagsAreHonoured() {
    DocNode doc =
        readOk(
            "s: !!str 1\nb: !!bool \"true\"\ni: !!int \"0x1F\"\nf: !!float 3\nn: !!null \"\"\n"
                + "x: ! 12\nm: !!map {k: v}\nq: !!seq [1]\n");
    assertEquals(
        "{\"s\":\"1\",\"b\":true,\"i\":31,\"f\":3,\"n\":null,\"x\":\"12\",\"m\":{\"k\":\"v\"},"
            + "\"q\":[1]}",
        DocText.render(doc));
    assertEquals(Type.STRING, scalar(doc, "/s").type());
    assertEquals(Type.BOOLEAN, scalar(doc, "/b").type());
    assertEquals(Type.NUMBER, scalar(doc, "/i").type());
    assertEquals("0x1F", scalar(doc, "/i").text());
  }

  @Test
  void quotedScalarsAreStringsKeptExactly() {
    DocNode doc =
        readOk(
            "a: 'it''s \"x\" \\n'\nb: \"tab\\tand \\u00e9 \\x41 \\\\ \\\"\"\nc: \"multi\n  line\"\n"
                + "d: 'true'\n");
    assertEquals("it's \"x\" \\n", scalar(doc, "/a").text());
    assertEquals("tab\tand é A \\ \"", scalar(doc, "/b").text());
    assertEquals("multi line", scalar(doc, "/c").text());
    assertEquals(Type.STRING, scalar(doc, "/d").type());
  }

  @Test
  void yaml12EscapesForSlashAndTabAreRead() {
    // YAML 1.2 reads every JSON document, whose strings may escape "/"; SnakeYAML (YAML 1.1) did
    // not know "\/" nor a backslash before a tab.
    DocNode doc =
        readOk("{\"uri\": \"https:\\/\\/st.blob.core.windows.net\\/a.sh\", \"t\": \"a\\\tb\"}\n");
    assertEquals("https://st.blob.core.windows.net/a.sh", scalar(doc, "/uri").text());
    assertEquals("a\tb", scalar(doc, "/t").text());
  }

  @Test
  void tabsInsideAValueAndAfterAnUnquotedOneAreRead() {
    // Tabs in quoted and block strings and between the words of an unquoted value are its text;
    // after one (before its colon or comment) they are not.
    DocNode doc = readOk("team\t: x\ty\t# c\nq: \"a\tb\"\nb: |\n  x\ty\n? k\t\n: v\n");
    assertEquals("x\ty", scalar(doc, "/team").text());
    assertEquals("a\tb", scalar(doc, "/q").text());
    assertEquals("x\ty\n", scalar(doc, "/b").text());
    assertEquals("v", scalar(doc, "/k").text());
  }

  @Test
  void tabsThatYaml12ReadsAsSeparationAreRead() {
    // These were YAML-E020 and YAML-E021 (YAML review, session 30), as SnakeYAML and PyYAML's
    // pure-Python reader refuse them; YAML 1.2 reads a tab wherever it reads a blank within a line,
    // and libyaml reads them (YamlTabsDifferentialTest holds the reader to libyaml at each place).
    DocNode doc =
        readOk(
            "team:\tx\tsplit\nm: {team: \tx}\nl: [a,\tb]\nd:\n  - \tb\n  -\t\"q\"\t# c\n"
                + "t: !!str\t1\n\t\nw: &w\tv\nx: *w\n");
    assertEquals(
        "{\"team\":\"x\\tsplit\",\"m\":{\"team\":\"x\"},\"l\":[\"a\",\"b\"],\"d\":[\"b\",\"q\"],"
            + "\"t\":\"1\",\"w\":\"v\",\"x\":\"v\"}",
        DocText.render(doc));
  }

  @Test
  void nonStringScalarKeysUseTheirText() {
    DocObject doc = (DocObject) readOk("1: a\ntrue: b\n~: c\n1.10: d\n\"q\": e\n");
    assertEquals(
        List.of("1", "true", "~", "1.10", "q"),
        doc.members().stream().map(DocMember::key).toList());
  }

  // ---- block scalars -------------------------------------------------------------------------

  @Test
  void blockScalarsKeepWhatTheirIndicatorsSay() {
    String text =
        "lit: |\n  one\n    two\n\n"
            + "strip: |-\n  x\n\n"
            + "keep: |+\n  y\n\n"
            + "fold: >\n  a\n  b\n\n  c\n"
            + "foldstrip: >-\n  p\n  q\n"
            + "indent: |2\n    four\n  two\n"
            + "last: end\n";
    SourceFile file = new SourceFile("f.yaml", text);
    DocNode doc = YamlReader.read(file).documents().get(0);
    assertEquals("one\n  two\n", scalar(doc, "/lit").text());
    assertEquals("x", scalar(doc, "/strip").text());
    assertEquals("y\n\n", scalar(doc, "/keep").text());
    assertEquals("a b\nc\n", scalar(doc, "/fold").text());
    assertEquals("p q", scalar(doc, "/foldstrip").text());
    assertEquals("  four\ntwo\n", scalar(doc, "/indent").text());
    assertEquals(Type.STRING, scalar(doc, "/lit").type());
    assertFalse(scalar(doc, "/lit").untyped());
    // The range runs from the indicator to the last character of content.
    assertEquals("|\n  one\n    two", Diags.text(file, scalar(doc, "/lit").range()));
    assertEquals("1:6-3:8", Diags.span(scalar(doc, "/lit").range()));
  }

  // ---- ranges ------------------------------------------------------------------------------

  @Test
  void rangesCoverNodesKeysAndFlowBrackets() {
    SourceFile file =
        new SourceFile(
            "f.yaml", "top:\n  key: value\n  list:\n    - 1\n    - {a: [x, y]}\nnext: 2\n");
    DocObject doc = (DocObject) YamlReader.read(file).documents().get(0);
    assertEquals("1:1-6:8", Diags.span(doc.range()));
    DocObject top = (DocObject) doc.get("top").orElseThrow();
    assertEquals("2:3-5:18", Diags.span(top.range()));
    DocMember key = top.members().get(0);
    assertEquals("key", Diags.text(file, key.keyRange()));
    assertEquals("value", Diags.text(file, key.value().range()));
    DocArray list = (DocArray) top.get("list").orElseThrow();
    assertEquals("- 1\n    - {a: [x, y]}", Diags.text(file, list.range()));
    assertEquals("{a: [x, y]}", Diags.text(file, list.items().get(1).range()));
    assertEquals("[x, y]", Diags.text(file, JsonPointer.resolve(doc, "/top/list/1/a").range()));
  }

  @Test
  void byteOrderMarkCrlfAndUnicodeColumns() {
    SourceFile file = new SourceFile("f.yaml", "\uFEFFa: 1\r\n😀😀: x\r\nb:\r\n  - \"é\"\r\n");
    DocObject doc = (DocObject) YamlReader.read(file).documents().get(0);
    assertEquals("{\"a\":1,\"😀😀\":\"x\",\"b\":[\"é\"]}", DocText.render(doc));
    assertEquals("1:2-1:3", Diags.span(doc.members().get(0).keyRange()));
    assertEquals("2:5-2:6", Diags.span(doc.members().get(1).value().range()));
    assertEquals("\"é\"", Diags.text(file, JsonPointer.resolve(doc, "/b/0").range()));
    assertEquals("4:5-4:8", Diags.span(JsonPointer.resolve(doc, "/b/0").range()));
  }

  @Test
  void unicodeLineSeparatorsDoNotShiftPositions() {
    // SnakeYAML counts U+2028 as a line break, SourceFile does not: offsets must still agree.
    SourceFile file = new SourceFile("f.yaml", "a: \"x\u2028y\"\nb: 2\n");
    DocObject doc = (DocObject) YamlReader.read(file).documents().get(0);
    assertEquals("b", Diags.text(file, doc.members().get(1).keyRange()));
    assertEquals("2:1-2:2", Diags.span(doc.members().get(1).keyRange()));
  }

  @Test
  void anEmojiAcrossSnakeYamlsBufferBoundaryIsRead() {
    // The emoji's high surrogate is the 1024th character: SnakeYAML 2.3 alone throws here.
    String value = "x".repeat(1020) + "😀";
    SourceFile file = new SourceFile("f.yaml", "k: " + value + "\nn: 1\n");
    DocObject doc = (DocObject) YamlReader.read(file).documents().get(0);
    assertEquals(value, ((DocScalar) doc.get("k").orElseThrow()).text());
    assertEquals("2:1-2:2", Diags.span(doc.members().get(1).keyRange()));
  }

  // ---- documents -----------------------------------------------------------------------------

  @Test
  void eachDocumentOfAStreamIsOneTree() {
    ParseResult result = read("--- \na: 1\n---\n- x\n...\n--- plain\n---\n");
    assertEquals(List.of(), Diags.describe(result));
    assertEquals(
        List.of("{\"a\":1}", "[\"x\"]", "\"plain\"", "null"),
        result.documents().stream().map(DocText::render).toList());
  }

  /**
   * U+0085, U+2028 and U+2029 are ordinary characters in YAML 1.2 (SnakeYAML, a 1.1 parser, broke
   * lines at them: a false "missing colon", and later lines off by one).
   */
  @Test
  void nextLineAndTheUnicodeSeparatorsAreTextAsInYaml12() {
    ParseResult result =
        read("a: x\u2028y\nb: |\n  p\u0085q\n  r\u2029s\nc: [\"\u2028\"]\nd: 1 x\n");
    assertEquals(List.of(), Diags.describe(result));
    assertEquals(
        "{\"a\":\"x\u2028y\",\"b\":\"p\u0085q\\nr\u2029s\\n\",\"c\":[\"\u2028\"],\"d\":\"1 x\"}",
        DocText.render(result.documents().get(0)));
    // Where a later error stands is counted in lines as YAML 1.2 counts them: line 2.
    List<String> later = Diags.describe(read("a: x\u2028y\nb: [\n"));
    assertEquals(1, later.size(), later::toString);
    assertTrue(later.get(0).contains("sequence opened at f.yaml:2:4"), later::toString);
  }

  /** A file written for YAML 1.1 (yes is a boolean there) is told how it is read (YAML review). */
  @Test
  void aVersionDirectiveOtherThan12IsToldHowTheFileIsRead() {
    ParseResult result = read("%YAML 1.1\n---\na: yes\n");
    assertEquals(
        List.of(
            "YAML-W105 Other YAML version @1:7-1:10: This document says %YAML 1.1, but it is read"
                + " as YAML 1.2: plain yes, no, on and off are text (write true or false for a"
                + " boolean), and numbers such as 010 are decimal. Write %YAML 1.2, or remove the"
                + " directive."),
        Diags.describe(result));
    assertEquals("{\"a\":\"yes\"}", DocText.render(result.documents().get(0)));
    assertEquals(List.of(), Diags.describe(read("%YAML 1.2\n---\na: 1\n")));
  }

  @Test
  void anchorsDoNotCarryOverToTheNextDocument() {
    ParseResult result = read("a: &x 1\n---\nb: *x\n");
    assertEquals(
        List.of(
            "YAML-W104 Anchor never used @1:4-1:6 [/a]: This value starts with the anchor &x,"
                + " which no alias (*x) uses. YAML reads \"&x\" at the start of a value as an"
                + " anchor, not as text, so it is not part of the value. If it belongs to the text"
                + " (a shell redirection such as &>>, or &&), put the whole value in quotes; else"
                + " remove the anchor.",
            "YAML-E103 Unknown alias @3:4-3:6 [/b]: No anchor &x is defined before this alias in"
                + " this document. Define the anchor first (anchors do not carry over between"
                + " documents), or fix the name."),
        Diags.describe(result));
    assertEquals(2, result.documents().size());
  }

  // ---- anchors, aliases, merges --------------------------------------------------------------

  @Test
  void aliasesShareTheAnchoredContentAndStandWhereTheAliasIs() {
    SourceFile file =
        new SourceFile("f.yaml", "base: &b\n  k: [1, 2]\ncopy: *b\nscalar: &s hi\nagain: *s\n");
    DocObject doc = (DocObject) YamlReader.read(file).documents().get(0);
    assertEquals(
        "{\"base\":{\"k\":[1,2]},\"copy\":{\"k\":[1,2]},\"scalar\":\"hi\",\"again\":\"hi\"}",
        DocText.render(doc));
    DocObject base = (DocObject) doc.get("base").orElseThrow();
    DocObject copy = (DocObject) doc.get("copy").orElseThrow();
    assertEquals("*b", Diags.text(file, copy.range()));
    assertSame(base.members().get(0), copy.members().get(0));
    assertEquals("*s", Diags.text(file, doc.get("again").orElseThrow().range()));
  }

  @Test
  void mergeKeysMergeWithExplicitKeysWinning() {
    DocNode doc =
        readOk(
            "a: &a {x: 1, y: 2}\n"
                + "b: &b {y: 3, z: 4}\n"
                + "one:\n  <<: *a\n  y: 9\n"
                + "many:\n  w: 0\n  <<: [*a, *b]\n  x: 8\n"
                + "inline: {<<: {p: 1}, q: 2}\n"
                + "quoted: {\"<<\": 1}\n");
    assertEquals(
        "{\"a\":{\"x\":1,\"y\":2},\"b\":{\"y\":3,\"z\":4},\"one\":{\"x\":1,\"y\":9},"
            + "\"many\":{\"w\":0,\"y\":2,\"z\":4,\"x\":8},\"inline\":{\"p\":1,\"q\":2},"
            + "\"quoted\":{\"<<\":1}}",
        DocText.render(doc));
  }

  @Test
  void billionLaughsFailsFastWithAClearError() {
    StringBuilder yaml = new StringBuilder("lol0: &lol0 \"lol\"\n");
    for (int i = 1; i <= 9; i++) {
      yaml.append("lol").append(i).append(": &lol").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*lol").append(i - 1);
      }
      yaml.append("]\n");
    }
    ParseResult result = read(yaml.toString());
    assertEquals(
        List.of(
            "YAML-E105 Too many alias expansions @5:63-5:68 [/lol4/7]: Expanding the alias *lol3"
                + " makes the file hold more than 10000 values, far more than it spells out."
                + " Aliases that repeat aliases grow exponentially (a \"billion laughs\" input);"
                + " write the content out or use fewer nested aliases. Reading stopped here."),
        Diags.describe(result));
    assertEquals(List.of(), result.documents());
  }

  /**
   * A few aliases of one long string hold few values but much text, all of it written out: 200
   * aliases of a 4 MiB string made an 843 MB output. The characters aliases repeat are counted.
   */
  @Test
  void aliasesRepeatingALongStringStopOnceTheyRepeatMoreTextThanTheFileMay() {
    String big = "x".repeat(200_000);
    String five = "big: &big " + big + "\nlist: [*big, *big, *big, *big, *big";
    ParseResult fits = read(five + "]\n");
    ParseResult over = read(five + ", *big]\n");
    ParseResult nested = read("big: &big " + big + "\nl: &l [*big, *big, *big]\nm: [*l, *l]\n");

    assertEquals(List.of(), Diags.describe(fits), "1,000,000 characters: within 1 MiB");
    assertEquals(
        List.of(
            "YAML-E105 Too many alias expansions @2:38-2:42 [/list/5]: Expanding the alias *big"
                + " makes the values that aliases repeat hold more than 1,048,576 characters"
                + " together, more than the file may repeat (four times its own length, at least 1"
                + " MiB and at most 64 MiB). Aliases of a long value, or aliases that repeat"
                + " aliases, multiply the document; repeat long values fewer times or write them"
                + " out. Reading stopped here."),
        Diags.describe(over));
    assertEquals(List.of(), over.documents());
    // *l repeats 600,000 characters: with the 600,000 of its own three aliases, past the limit.
    assertEquals(1, nested.diagnostics().size());
    Diagnostic d = nested.diagnostics().get(0);
    assertEquals("YAML-E105", d.code());
    assertEquals("3:5-3:7", Diags.span(d.subject().orElseThrow()));
    assertEquals("/m/0", d.path().orElseThrow());
  }

  @Test
  void aliasesMayRepeatFourTimesTheFilesLengthWithinOneMibAnd64() {
    assertEquals(1_048_576, YamlReader.aliasCharLimit(1_000));
    assertEquals(4_000_000, YamlReader.aliasCharLimit(1_000_000));
    assertEquals(67_108_864, YamlReader.aliasCharLimit(60_000_000));
  }

  @Test
  void manyModestAliasesAreFine() {
    StringBuilder yaml = new StringBuilder("base: &b {a: 1, b: 2, c: [1, 2, 3]}\nlist:\n");
    for (int i = 0; i < 500; i++) {
      yaml.append("  - *b\n");
    }
    ParseResult result = read(yaml.toString());
    assertEquals(List.of(), Diags.describe(result));
    assertEquals(
        500, ((DocArray) JsonPointer.resolve(result.documents().get(0), "/list")).items().size());
  }

  @Test
  void deepNestingIsAnErrorNotACrash() {
    ParseResult result = read("[".repeat(100_000));
    assertEquals(
        List.of(
            "YAML-E108 Document too deeply nested @1:1001-1:1002"
                + " ["
                + "/0".repeat(1000)
                + "]: Mappings and sequences are nested more than 1000"
                + " levels deep here (counting aliased content), more than any template needs."
                + " Check whether the file was generated correctly. Reading stopped here."),
        Diags.describe(result));
  }

  @Test
  void nestingThroughAliasesCountsToo() {
    String deep = "[".repeat(600) + "]".repeat(600);
    ParseResult result =
        read("a: &a " + deep + "\nb: " + "[".repeat(500) + "*a" + "]".repeat(500) + "\n");
    assertEquals(1, result.diagnostics().size());
    assertEquals("YAML-E108", result.diagnostics().get(0).code());
    assertEquals("2:504-2:506", Diags.span(result.diagnostics().get(0).subject().orElseThrow()));
  }

  // ---- errors --------------------------------------------------------------------------------

  private static Arguments error(String input, String... expected) {
    return Arguments.of(input, Arrays.asList(expected));
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        error(
            "a:\n\tb: 1\n",
            "YAML-E002 Tab in indentation @2:1-2:2: YAML indentation must be made of spaces, but"
                + " this line uses a tab. Replace the tab with spaces."),
        // Tabs YAML 1.2 refuses (YAML review, session 30): before a list or mapping nested on a
        // dash's, question mark's or explicit value's line, which YAML indents with spaces only.
        // The tabs it reads as separation (after a key's colon, a comma...) are read; see
        // tabsThatYaml12ReadsAsSeparationAreRead() and YamlTabsDifferentialTest.
        error(
            "l:\n  -\t- b\n",
            "YAML-E021 Tab outside a value @2:4-2:5: A tab follows a dash, and a list or mapping"
                + " starts after it on this line: YAML indents a collection nested there with"
                + " spaces only (a tab may separate a dash from a value). Replace the tab with a"
                + " space."),
        error(
            "l:\n  - \tk: v\n",
            "YAML-E021 Tab outside a value @2:5-2:6: A tab follows a dash, and a list or mapping"
                + " starts after it on this line: YAML indents a collection nested there with"
                + " spaces only (a tab may separate a dash from a value). Replace the tab with a"
                + " space."),
        error(
            "?\t- a\n",
            "YAML-E021 Tab outside a value @1:2-1:3: A tab follows a question mark, and a list or"
                + " mapping starts after it on this line: YAML indents a collection nested there"
                + " with spaces only (a tab may separate a question mark from a value). Replace the"
                + " tab with a space."),
        error(
            "? a\n:\tk: v\n",
            "YAML-E020 Tab after a colon @2:2-2:3: A tab follows this explicit key's colon, and a"
                + " list or mapping starts after it on this line: YAML indents a collection nested"
                + " there with spaces only (a tab may separate the colon from a value). Replace the"
                + " tab with a space."),
        error(
            "b: |\n  x\n\t\nc: d\n",
            "YAML-E002 Tab in indentation @3:1-3:2: YAML indentation must be made of spaces, but"
                + " this line uses a tab. Replace the tab with spaces."),
        error(
            "a:\n  b: x\n  \tc\n", // the value's next line is indented 3 spaces, not 2 and a tab
            "YAML-E002 Tab in indentation @3:3-3:4: YAML indentation must be made of spaces, but"
                + " this line uses a tab. Replace the tab with spaces."),
        error(
            "a: b: c\n",
            "YAML-E004 Unexpected colon @1:5-1:6: A colon followed by a space starts a key-value"
                + " pair, which is not allowed here. If the colon belongs to the value, put the"
                + " whole value in quotes; if this line starts a new key, indent it like the keys"
                + " around it."),
        error(
            "a: 'abc\n",
            "YAML-E005 Unclosed quoted string @1:4-1:5: The string that starts here with ' has no"
                + " closing ' before the end of the file. Add the closing quote where the string"
                + " should end."),
        error(
            "a: \"abc\n--- \n",
            "YAML-E005 Unclosed quoted string @1:4-1:5: The string that starts here with \" has no"
                + " closing \" before the next document (---). Add the closing quote where the"
                + " string should end."),
        error(
            "a:\n  b: 1\n c: 2\n",
            "YAML-E006 Bad indentation @3:2-3:3: This line is indented differently from the other"
                + " keys of the mapping that starts at f.yaml:1:1. Indent it with the same number"
                + " of spaces as its siblings. {mapping starts here @1:1-1:2}"),
        error(
            "a: 1\n- b\n",
            "YAML-E006 Bad indentation @2:1-2:2: A sequence item (\"- \") cannot stand here, at"
                + " the level of the keys of the mapping that starts at f.yaml:1:1. Indent the"
                + " items under their key, or add the missing key. {mapping starts here @1:1-1:2}"),
        error(
            "a: - b\n",
            "YAML-E006 Bad indentation @1:4-1:5: A sequence item (\"- \") cannot start here. Put"
                + " each item on its own line, indented under its key; if the dash belongs to the"
                + " value, put the value in quotes."),
        error(
            "a: ? b\n",
            "YAML-E006 Bad indentation @1:4-1:5: An explicit key (\"? \") cannot start here. Put it"
                + " on its own line, indented like the other keys; if the question mark belongs to"
                + " the value, put the value in quotes."),
        error(
            "a:\n  - b\n  c: 1\n",
            "YAML-E006 Bad indentation @3:3-3:4: A key stands where the sequence that starts at"
                + " f.yaml:2:3 expects another \"- \" item. Start the line with \"- \", or indent"
                + " it under an item. {sequence starts here @2:3-2:4}"),
        error(
            "steps:\n  - \"C:/setup.exe\" /S\n",
            "YAML-E019 Text after a complete value @2:20-2:22: The value that starts at"
                + " f.yaml:2:5 ends at its closing quote \", so the text after it has no place in"
                + " YAML. To write it all as one string, put it in quotes: '\"C:/setup.exe\" /S'."
                + " {value starts here @2:5-2:6}"),
        error(
            "steps:\n  - [Environment]::Exit('a')\n",
            "YAML-E019 Text after a complete value @2:18-2:29: The value that starts at"
                + " f.yaml:2:5 ends at its closing \"]\", so the text after it has no place in"
                + " YAML. To write it all as one string, put it in quotes:"
                + " '[Environment]::Exit(''a'')'. {value starts here @2:5-2:6}"),
        // The && after the brackets was an anchor's error (YAML review).
        error(
            "steps:\n  - [ -f /etc/motd ] && echo ok\n",
            "YAML-E019 Text after a complete value @2:22-2:32: The value that starts at"
                + " f.yaml:2:5 ends at its closing \"]\", so the text after it has no place in"
                + " YAML. To write it all as one string, put it in quotes: '[ -f /etc/motd ] &&"
                + " echo ok'. {value starts here @2:5-2:6}"),
        error(
            "a: 'x' y\nb: 1\n",
            "YAML-E019 Text after a complete value @1:8-1:9: The value that starts at f.yaml:1:4"
                + " ends at its closing quote ', so the text after it has no place in YAML. To"
                + " write it all as one string, put it in quotes: '''x'' y'. {value starts here"
                + " @1:4-1:5}"),
        error(
            "a:\n  b: [1]]\n",
            "YAML-E006 Bad indentation @2:9-2:10: This line does not fit the indentation of the"
                + " mapping that starts at f.yaml:2:3. Check that items at the same level are"
                + " indented by the same number of spaces. {mapping starts here @2:3-2:4}"),
        error(
            "a: [1, 2\n",
            "YAML-E007 Unclosed flow collection @2:1-2:1: The flow sequence opened at f.yaml:1:4"
                + " has no closing \"]\". Add it after the last item. {sequence opened here"
                + " @1:4-1:5}"),
        error(
            "a: {b: 1\n",
            "YAML-E007 Unclosed flow collection @2:1-2:1: The flow mapping opened at f.yaml:1:4"
                + " has no closing \"}\". Add it after the last entry. {mapping opened here"
                + " @1:4-1:5}"),
        error(
            "a: {b: c d: e}\n",
            "YAML-E008 Missing comma @1:11-1:12: The entries of the flow mapping opened at"
                + " f.yaml:1:4 must be separated by commas. Add a comma before this, or close the"
                + " mapping with \"}\". {mapping opened here @1:4-1:5}"),
        error(
            "a: 1\nb\nc: 2\n",
            "YAML-E009 Missing colon @2:1-2:2: This line holds a value where a key was expected,"
                + " but no colon follows it. Write \"key: value\", or indent the line further to"
                + " continue the value above."),
        error(
            "a: \"C:\\Windows\"\n",
            "YAML-E010 Invalid escape sequence @1:7-1:9: \\W is not an escape sequence of a"
                + " double-quoted YAML string. Use single quotes to keep backslashes as they are"
                + " ('C:\\Windows'), or write a backslash as \\\\."),
        error(
            // Beyond U+10FFFF: the parser reported "0 is not an escape sequence" at a digit.
            "a: \"\\U0011FFFF\"\n",
            "YAML-E010 Invalid escape sequence @1:5-1:15: \\U0011FFFF is beyond the last Unicode"
                + " character, \\U0010FFFF. Write the character you meant, or single quotes to keep"
                + " the text as it is."),
        error(
            // 80000000 or more: SnakeYAML's int overflowed, an internal error (exit 70).
            "a: \"\\UD800DC00\"\n",
            "YAML-E010 Invalid escape sequence @1:5-1:15: \\UD800DC00 is beyond the last Unicode"
                + " character, \\U0010FFFF. Write the character you meant, or single quotes to keep"
                + " the text as it is."),
        error(
            "a: \"\\x4\"\n",
            "YAML-E010 Invalid escape sequence @1:5-1:7: \\x must be followed by hexadecimal"
                + " digits: 2 for \\x, 4 for \\u, 8 for \\U (as in \\x41 or \\u00e9). To keep a"
                + " backslash as it is, use single quotes or write it as \\\\."),
        error(
            "a: @x\n",
            "YAML-E003 Invalid start of a value @1:4-1:5: \"@\" cannot start a plain value in"
                + " YAML. Put the value in quotes: '@x'."),
        error(
            "a: `it's`\n",
            "YAML-E003 Invalid start of a value @1:4-1:5: \"`\" cannot start a plain value in"
                + " YAML. Put the value in quotes: '`it''s`'."),
        error(
            "a: *\n",
            "YAML-E011 Invalid anchor or alias @1:4-1:5: An anchor (&name) or alias (*name) needs"
                + " a name of letters, digits, \"-\" or \"_\" right after the & or *. If the & or *"
                + " belongs to the value, put the value in quotes."),
        error(
            "a: |x\n  t\n",
            "YAML-E012 Invalid block scalar header @1:5-1:6: After | or > only a chomping"
                + " indicator (+ or -), an indentation digit 1-9 and a comment may follow on the"
                + " same line. Start the text on the next line, indented."),
        error(
            "a: 1\n...\nb: 2\n",
            "YAML-E013 Unexpected content after the document @3:1-3:2: The document is already"
                + " complete here, so this content has no place in it. Fix its indentation or"
                + " brackets, or start a new document with \"---\"."),
        error(
            "{a: 1}}",
            "YAML-E013 Unexpected content after the document @1:7-1:8: The document is already"
                + " complete here, so this content has no place in it. Fix its indentation or"
                + " brackets, or start a new document with \"---\"."),
        error(
            "a: [1,,2]\n",
            "YAML-E014 Missing value @1:7-1:8: A value was expected here, but ',' came first. Add"
                + " the value, or remove the extra comma or indicator."),
        error(
            "%YAML 2.0\n---\na\n",
            "YAML-E015 Invalid directive @1:1-1:10: Only YAML 1.x can be read, but this %YAML"
                + " directive declares another version. Change it to %YAML 1.2 or remove it."),
        error(
            "a: !<x\n",
            "YAML-E016 Invalid tag @1:4-1:7: This tag is not written correctly. A tag is ! or !!"
                + " followed by a name (as in !!str), or a URI in !<...>. If the ! belongs to the"
                + " value, put the value in quotes."),
        error(
            "a: x\u0001y\n",
            "YAML-E017 Invalid character @1:5-1:6: YAML does not allow the control character"
                + " U+0001 in a file. Remove it; inside a double-quoted string it can be written as"
                + " the escape \\x01."),
        error(
            "",
            "YAML-E001 Empty document @1:1-1:1: The file holds no YAML document, only whitespace"
                + " or comments. Write the template as a mapping of keys to values."),
        error(
            "# only a comment\n",
            "YAML-E001 Empty document @1:1-1:1: The file holds no YAML document, only whitespace"
                + " or comments. Write the template as a mapping of keys to values."),
        error(
            "a: 1\nb: 2\na: 3\n",
            "YAML-E101 Duplicate key @3:1-3:2 [/a]: The key \"a\" was already defined at"
                + " f.yaml:1:1. Each key may appear only once in a mapping: remove one of them or"
                + " rename it. {first defined here @1:1-1:2}"),
        error(
            "m: {x: 1, x: 2}\n",
            "YAML-E101 Duplicate key @1:11-1:12 [/m/x]: The key \"x\" was already defined at"
                + " f.yaml:1:5. Each key may appear only once in a mapping: remove one of them or"
                + " rename it. {first defined here @1:5-1:6}"),
        error(
            "b: &b {x: 1}\nm:\n  <<: *b\n  <<: *b\n",
            "YAML-E101 Duplicate key @4:3-4:5 [/m/<<]: The key \"<<\" was already defined at"
                + " f.yaml:3:3. Each key may appear only once in a mapping: remove one of them or"
                + " rename it. {first defined here @3:3-3:5}"),
        error(
            "? [a]\n: 1\n",
            "YAML-E102 Unsupported key @1:3-1:6 []: A key must be a plain value such as a name,"
                + " but this key is a sequence. Write a string key instead."),
        error(
            "? {a: 1}\n: 1\n",
            "YAML-E102 Unsupported key @1:3-1:9 []: A key must be a plain value such as a name,"
                + " but this key is a mapping. Write a string key instead."),
        error(
            "n: {{user `x`}}\n",
            "YAML-E109 Template action not quoted @1:4-1:15 [/n]: This value starts with \"{{\","
                + " which YAML reads as a mapping (in its flow style, {key: value}), not as text,"
                + " so the template action is lost. Put the whole value in quotes, as in"
                + " \"{{user `name`}}-img\"."),
        error(
            "- {{ timestamp }}\n",
            "YAML-E109 Template action not quoted @1:3-1:17 [/0]: This value starts with"
                + " \"{{\", which YAML reads as a mapping (in its flow style, {key: value}), not"
                + " as text, so the template action is lost. Put the whole value in quotes, as in"
                + " \"{{user `name`}}-img\"."),
        error(
            "n: { {a: 1}: 2 }\n",
            "YAML-E102 Unsupported key @1:6-1:12 [/n]: A key must be a plain value such as a name,"
                + " but this key is a mapping. Write a string key instead."),
        // ARM expressions copied into YAML unquoted got advice about commas and keys (YAML
        // review, session 30): one argument reads as a list, several as a list without commas.
        // The expression is quoted back with its literals as '…' (one may be a secure default).
        error(
            "name: [parameters('n')]\n",
            "YAML-E110 ARM expression not quoted @1:7-1:24 [/name]: This value is an ARM template"
                + " expression, but YAML reads it as a list, as it starts with \"[\". Put the whole"
                + " expression in quotes: \"[parameters('…')]\"."),
        error(
            "name: [concat('a', 'b')]\n",
            "YAML-E110 ARM expression not quoted @1:7-1:25: This value is an ARM template"
                + " expression, but YAML reads it as a list, as it starts with \"[\". Put the whole"
                + " expression in quotes: \"[concat('…', '…')]\"."),
        error(
            "ids:\n  [variables('id')]: {}\n",
            "YAML-E110 ARM expression not quoted @2:3-2:20 [/ids]: This key is an ARM template"
                + " expression, but YAML reads it as a list, as it starts with \"[\". Put the whole"
                + " expression in quotes: \"[variables('…')]\": …."),
        error(
            "ids:\n  - [resourceId('a', \"b\")] # id\n",
            "YAML-E110 ARM expression not quoted @2:5-2:27: This value is an ARM template"
                + " expression, but YAML reads it as a list, as it starts with \"[\". Put the whole"
                + " expression in quotes: '[resourceId(''…'', \"b\")]'."),
        error(
            "x: &a {k: 1}\ny: *a\nz: *b\n",
            "YAML-E103 Unknown alias @3:4-3:6 [/z]: No anchor &b is defined before this alias in"
                + " this document. Define the anchor first (anchors do not carry over between"
                + " documents), or fix the name."),
        error(
            "d: &r [1, *r]\n",
            "YAML-E104 Recursive alias @1:11-1:13 [/d/1]: The alias *r stands inside the node it"
                + " refers to (anchored at f.yaml:1:4), which would make the document infinite."
                + " Remove the alias. {anchor &r defined here @1:4-1:5}"),
        error(
            "bad: {<<: 1}\nbad2: {<<: [1]}\n",
            "YAML-E106 Invalid merge @1:11-1:12 [/bad/<<]: The value of a merge key (<<) must be"
                + " a mapping, an alias of a mapping, or a sequence of those, but here it is a"
                + " number. Fix the value, or quote the key (\"<<\") if it is an ordinary key.",
            "YAML-E106 Invalid merge @2:12-2:15 [/bad2/<<]: The value of a merge key (<<) must be"
                + " a mapping, an alias of a mapping, or a sequence of those, but here it is a"
                + " sequence with items that are not mappings. Fix the value, or quote the key"
                + " (\"<<\") if it is an ordinary key."),
        error(
            "a: !!int x\nb: !!bool yes\nc: !!null x\nd: !!float abc\n",
            "YAML-E107 Invalid tagged value @1:4-1:11 [/a]: \"x\" is not a valid !!int value under"
                + " the YAML 1.2 core schema (write digits, 0o17 or 0x1F). Fix the value or remove"
                + " the tag; it is read as a string.",
            "YAML-E107 Invalid tagged value @2:4-2:14 [/b]: \"yes\" is not a valid !!bool value"
                + " under the YAML 1.2 core schema (write true or false). Fix the value or remove"
                + " the tag; it is read as a string.",
            "YAML-E107 Invalid tagged value @3:4-3:12 [/c]: \"x\" is not a valid !!null value"
                + " under the YAML 1.2 core schema (write null, ~ or nothing). Fix the value or"
                + " remove the tag; it is read as a string.",
            "YAML-E107 Invalid tagged value @4:4-4:15 [/d]: \"abc\" is not a valid !!float value"
                + " under the YAML 1.2 core schema (write a number such as 1.5, 1e3, .inf or .nan)."
                + " Fix the value or remove the tag; it is read as a string."));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void reportsErrorsInOurWordsAtTheExactPlace(String input, List<String> expected) {
    ParseResult result = read(input);
    assertEquals(expected, Diags.describe(result));
    assertTrue(result.hasErrors());
  }

  @Test
  void halvesOfSurrogatePairsAloneAreReplacedWithAWarning() {
    ParseResult result = read("a: \"x\\ud800\"\nb: \"\\U0001F600\"\n\"k\\udc00\": 1\n");
    assertEquals(
        List.of(
            "YAML-W102 Half of a surrogate pair @1:4-1:13 [/a]: This string escapes one half of a"
                + " UTF-16 surrogate pair without the other (such as \\ud800), which no UTF-8 file"
                + " can hold: it was replaced by U+FFFD. Escape both halves of the pair"
                + " (\\ud83d\\ude00 for an emoji) or write the character itself.",
            "YAML-W102 Half of a surrogate pair @3:1-3:10 []: This string escapes one half"
                + " of a UTF-16 surrogate pair without the other (such as \\ud800), which no"
                + " UTF-8 file can hold: it was replaced by U+FFFD. Escape both halves of the pair"
                + " (\\ud83d\\ude00 for an emoji) or write the character itself."),
        Diags.describe(result));
    DocObject root = (DocObject) result.documents().get(0);
    assertEquals("x\uFFFD", DocScalar.stringValue(root.members().get(0).value()).orElseThrow());
    assertEquals(
        "\ud83d\ude00", DocScalar.stringValue(root.members().get(1).value()).orElseThrow());
    assertEquals("k\uFFFD", root.members().get(2).key());
  }

  @Test
  void unsupportedTagsWarnAndAreIgnored() {
    ParseResult result = read("a: !Ref x\nb: !!binary aGk=\nc: !!set {a}\nd: !!seq {}\n");
    assertEquals(
        List.of(
            "YAML-W101 Unsupported tag @1:4-1:10 [/a]: The tag !Ref is not supported here and is"
                + " ignored: the value is read as if it had no tag. The tag is not part of the"
                + " value (YAML reads \"!\" at the start of a value as a tag); if it belongs to"
                + " the text (!sudo, !important), put the whole value in quotes. Supported tags"
                + " are !!str, !!int, !!float, !!bool and !!null on values, !!map on mappings and"
                + " !!seq on sequences.",
            "YAML-W101 Unsupported tag @2:4-2:17 [/b]: The tag !!binary is not supported here and"
                + " is ignored: the value is read as if it had no tag. Supported tags are !!str,"
                + " !!int, !!float, !!bool and !!null on values, !!map on mappings and !!seq on"
                + " sequences.",
            "YAML-W101 Unsupported tag @3:4-3:13 [/c]: The tag !!set is not supported here and is"
                + " ignored: the mapping is read as if it had no tag. Supported tags are !!str,"
                + " !!int, !!float, !!bool and !!null on values, !!map on mappings and !!seq on"
                + " sequences.",
            "YAML-W101 Unsupported tag @4:4-4:12 [/d]: The tag !!seq is not supported here and is"
                + " ignored: the mapping is read as if it had no tag. Supported tags are !!str,"
                + " !!int, !!float, !!bool and !!null on values, !!map on mappings and !!seq on"
                + " sequences."),
        Diags.describe(result));
    assertFalse(result.hasErrors());
    assertEquals(
        "{\"a\":\"x\",\"b\":\"aGk=\",\"c\":{\"a\":null},\"d\":{}}",
        DocText.render(result.documents().get(0)));
  }

  @Test
  void errorsInASemanticallyBrokenDocumentAreAllReported() {
    ParseResult result = read("a: 1\na: 2\nb: *nope\nc: !!int x\n? [k]\n: v\n");
    assertEquals(
        List.of("YAML-E101", "YAML-E103", "YAML-E107", "YAML-E102"),
        result.diagnostics().stream().map(d -> d.code()).toList());
    assertEquals("{\"a\":1,\"b\":null,\"c\":\"x\"}", DocText.render(result.documents().get(0)));
  }

  @Test
  void aSyntaxErrorKeepsTheDocumentsBeforeIt() {
    ParseResult result = read("a: 1\n---\nb: [\n");
    assertEquals(List.of("{\"a\":1}"), result.documents().stream().map(DocText::render).toList());
    assertEquals(
        List.of(
            "YAML-E007 Unclosed flow collection @4:1-4:1: The flow sequence opened at f.yaml:3:4"
                + " has no closing \"]\". Add it after the last item. {sequence opened here"
                + " @3:4-3:5}"),
        Diags.describe(result));
  }
}
