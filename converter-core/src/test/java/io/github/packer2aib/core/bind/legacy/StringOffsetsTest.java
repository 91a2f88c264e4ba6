package io.github.packer2aib.core.bind.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import org.junit.jupiter.api.Test;

class StringOffsetsTest {

  /** The text of the file where {@code needle} of the value of key {@code k} is written. */
  private static String located(String name, String text, String needle) {
    SourceFile file = new SourceFile(name, text);
    DocNode root = DocReader.read(file).documents().get(0);
    DocScalar s = (DocScalar) ((DocObject) root).get("k").orElseThrow();
    int[] map = StringOffsets.map(file, s.range(), s.text(), name.endsWith(".yaml"));
    int at = s.text().indexOf(needle);
    Range r = StringOffsets.range(file, s.range(), map, at, at + needle.length());
    return text.substring(r.start().offset(), r.end().offset());
  }

  private static int[] map(String name, String text) {
    SourceFile file = new SourceFile(name, text);
    DocScalar s = (DocScalar) ((DocObject) DocReader.read(file).documents().get(0)).get("k").get();
    return StringOffsets.map(file, s.range(), s.text(), name.endsWith(".yaml"));
  }

  @Test
  void jsonEscapesAreMappedBack() {
    assertEquals("{{ x }}", located("t.json", "{\"k\": \"say \\\"hi\\\" {{ x }}\"}", "{{ x }}"));
    assertEquals("\\\"hi", located("t.json", "{\"k\": \"say \\\"hi\\\" {{ x }}\"}", "\"hi"));
    assertEquals("{{ x }}", located("t.json", "{\"k\": \"a\\nb\\t\\u00e9 {{ x }}\"}", "{{ x }}"));
    assertEquals("\\u00e9", located("t.json", "{\"k\": \"a\\nb\\t\\u00e9 {{ x }}\"}", "é"));
    assertEquals(
        "\\ud83d\\ude00", located("t.json", "{\"k\": \"\\ud83d\\ude00!\"}", "\uD83D\uDE00"));
    assertEquals("\\/", located("t.json", "{\"k\": \"a\\/b\"}", "/"));
  }

  @Test
  void yamlQuotedScalarsAreMappedBack() {
    assertEquals("{{ x }}", located("t.yaml", "k: \"tab\\there {{ x }}\"\n", "{{ x }}"));
    assertEquals("\\x41", located("t.yaml", "k: \"\\x41 {{ x }}\"\n", "A"));
    assertEquals("\\U0001F600", located("t.yaml", "k: \"\\U0001F600 {{ x }}\"\n", "\uD83D\uDE00"));
    assertEquals("''", located("t.yaml", "k: 'it''s {{ x }}'\n", "'"));
    assertEquals("{{ x }}", located("t.yaml", "k: 'it''s {{ x }}'\n", "{{ x }}"));
    assertEquals("{{ x }}", located("t.yaml", "k: \"first\n  second \\\n  {{ x }}\"\n", "{{ x }}"));
  }

  @Test
  void yamlPlainAndBlockScalarsAreMappedBack() {
    assertEquals("{{ x }}", located("t.yaml", "k: plain {{ x }}\n", "{{ x }}"));
    assertEquals("{{ x }}", located("t.yaml", "k: plain\n  folded {{ x }}\n", "{{ x }}"));
    assertEquals("{{ x }}", located("t.yaml", "k: |\n  one\n    two {{ x }}\n", "{{ x }}"));
    assertEquals("{{ x }}", located("t.yaml", "k: >-\n  one\n\n  two {{ x }}\n", "{{ x }}"));
    assertEquals("{{ x }}", located("t.yaml", "k: !!str &a tagged {{ x }}\n", "{{ x }}"));
  }

  @Test
  void halfASurrogatePairThatTheReaderReplacedIsMappedToItsEscape() {
    // The readers give U+FFFD for it; the map must still follow the text past it.
    assertEquals("{{ x }}", located("t.json", "{\"k\": \"\\ud800 {{ x }}\"}", "{{ x }}"));
    assertEquals("\\ud800", located("t.json", "{\"k\": \"\\ud800 {{ x }}\"}", "\uFFFD"));
    assertEquals(
        "{{ x }}", located("t.json", "{\"k\": \"\\udc00\\ud83d\\ude00 {{ x }}\"}", "{{ x }}"));
    assertEquals("{{ x }}", located("t.yaml", "k: \"\\ud800 {{ x }}\"\n", "{{ x }}"));
  }

  @Test
  void unmappableStringsFallBackToTheWholeLiteral() {
    // An alias stands where the anchored value is not written.
    String text = "a: &v \"{{ x }}\"\nk: *v\n";
    assertNull(map("t.yaml", text));
    assertEquals("*v", located("t.yaml", text, "{{ x }}"));
  }
}
