package io.github.packer2aib.core.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.aib.ImageTemplateProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How single strings are written in YAML: plain only where every reader reads them back. */
class YamlScalarStyleTest {

  private static String yamlOf(String key, String value) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(key, value);
    return TemplateWriter.toYaml(
        new ImageTemplate(
            null, null, null, null, tags, null, ImageTemplateProperties.builder().build()));
  }

  private static String scalar(String value) {
    String yaml = yamlOf("k", value);
    String prefix = "tags:\n  k: ";
    String suffix = "\nproperties: {}\n";
    assertEquals(prefix, yaml.substring(0, prefix.length()), yaml);
    assertEquals(suffix, yaml.substring(yaml.length() - suffix.length()), yaml);
    return yaml.substring(prefix.length(), yaml.length() - suffix.length());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\u0000',
      textBlock =
          """
          yes | "yes"
          No | "No"
          ON | "ON"
          off | "off"
          y | "y"
          n | "n"
          true | "true"
          False | "False"
          null | "null"
          ~ | "~"
          1.10 | "1.10"
          0x1F | "0x1F"
          0o17 | "0o17"
          0b101 | "0b101"
          017 | "017"
          +12 | "+12"
          12e3 | "12e3"
          1_000 | "1_000"
          1:30 | "1:30"
          .inf | ".inf"
          -.INF | "-.INF"
          .NaN | ".NaN"
          1.2.3 | "1.2.3"
          2024-02-01 | "2024-02-01"
          2024-2-1 10:00:00 | "2024-2-1 10:00:00"
          = | "="
          << | "<<"
          a: b | "a: b"
          ends: | "ends:"
          a #b | "a #b"
          https://x/y#frag | "https://x/y#frag"
          -x | "-x"
          -ExecutionPolicy Bypass | "-ExecutionPolicy Bypass"
          ?x | "?x"
          :x | ":x"
          *x | "*x"
          &x | "&x"
          !x | "!x"
          %x | "%x"
          @x | "@x"
          `x | "`x"
          'x | "'x"
          [parameters('x')] | "[parameters('x')]"
          {x | "{x"
          >x | ">x"
          ---x | "---x"
          ... | "..."
          Standard_D2s_v3 | Standard_D2s_v3
          2019-Datacenter | 2019-Datacenter
          18.04-LTS | 18.04-LTS
          2019-05-01-preview | 2019-05-01-preview
          C:\\tools | C:\\tools
          a:b | a:b
          x,y | x,y
          latest | latest
          echo "it's" | echo "it's"
          日本語 ✓ | 日本語 ✓
          emoji 😀 | emoji 😀
          """)
  void singleLine(String value, String expected) {
    assertEquals(expected, scalar(value));
  }

  @Test
  void charactersTheTableCannotHold() {
    assertEquals("\"|x\"", scalar("|x"));
    assertEquals("\"#x\"", scalar("#x"));
  }

  @Test
  void whitespaceAndControlCharacters() {
    assertEquals("\"\"", scalar(""));
    assertEquals("\"  lead\"", scalar("  lead"));
    assertEquals("\"trail \"", scalar("trail "));
    assertEquals("\"a\\tb\"", scalar("a\tb"));
    assertEquals("\"x\\r\"", scalar("x\r"));
    assertEquals("\"é\\N\"", scalar("é\u0085"));
    assertEquals("\"\\L\"", scalar("\u2028"));
  }

  @Test
  void multiLineTextAsLiteralBlocks() {
    assertEquals("|-\n    a\n    b", scalar("a\nb"));
    // The block's final line break is the one before "properties".
    assertEquals("|\n    a\n    b", scalar("a\nb\n"));
    assertEquals("|\n    a\n      b", scalar("a\n  b\n"));
    assertEquals("|2-\n     lead\n    x", scalar(" lead\nx"));
    assertEquals("|2-\n\n    lead", scalar("\nlead"));
  }

  @Test
  void multiLineTextALiteralBlockCannotHoldIsDoubleQuoted() {
    assertEquals("\"a\\n\\n\"", scalar("a\n\n"));
    assertEquals("\"trail \\nx\"", scalar("trail \nx"));
    assertEquals("\"x\\r\\ny\"", scalar("x\r\ny"));
    assertEquals("\"tab\\t\\nx\"", scalar("tab\t\nx"));
    assertEquals("\"\\tx\\ny\"", scalar("\tx\ny"));
  }

  @Test
  void keysAreQuotedByTheSameRules() {
    assertEquals("tags:\n  \"yes\": v\nproperties: {}\n", yamlOf("yes", "v"));
    assertEquals(
        "tags:\n  \"[variables('id')]\": v\nproperties: {}\n", yamlOf("[variables('id')]", "v"));
    assertEquals(
        "tags:\n  /subscriptions/s/id: v\nproperties: {}\n", yamlOf("/subscriptions/s/id", "v"));
    String longKey = "/subscriptions/" + "x".repeat(300);
    assertEquals("tags:\n  " + longKey + ": v\nproperties: {}\n", yamlOf(longKey, "v"));
  }

  @Test
  void longLinesAreNotFolded() {
    String words = "word ".repeat(60).trim();
    assertEquals(words, scalar(words));
  }
}
