package io.github.packer2aib.core.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The columns a terminal draws a character in, by which the caret is placed. */
class DisplayWidthTest {
  private static final DiagnosticCode CODE = () -> new DiagnosticCode.Text("TEST-E001", "Test");

  /** The columns of {@code text} drawn as the renderer counts them. */
  private static int columns(String text) {
    int columns = 0;
    int previous = DisplayWidth.NONE;
    for (int cp : text.codePoints().toArray()) {
      columns += DisplayWidth.of(previous, cp);
      previous = cp;
    }
    return columns;
  }

  @Test
  void emojiOfEveryMainBlockTakeTwoColumns() {
    // ✅ ❌ ⌛ ☕ ⭐ (U+2xxx with emoji presentation), 🀄, 🌍 🚀 🟢 🧪 🫠 (U+1Fxxx).
    for (String emoji :
        List.of("✅", "❌", "⌛", "☕", "⭐", "🀄", "🌍", "🚀", "🛠\uFE0F", "🟢", "🧪", "🫠", "🪣")) {
      assertEquals(2, columns(emoji), emoji);
    }
  }

  @Test
  void textStyleSymbolsTakeOneColumnUnlessAVariationSelectorMakesThemEmoji() {
    assertEquals(1, columns("✔"));
    assertEquals(1, columns("☁"));
    assertEquals(2, columns("☁\uFE0F"));
    assertEquals(2, columns("✅\uFE0F"), "already wide");
    assertEquals(1, columns("a\uFE0F"));
    assertEquals(1, columns("é"), "letters stay narrow");
    assertEquals(2, columns("中"));
  }

  @Test
  void aSkinToneJoinsTheEmojiBeforeIt() {
    assertEquals(2, columns("👍🏽"));
    assertEquals(2, columns("🏽"), "alone it is a colour swatch");
  }

  @Test
  void theTableIsRangesInOrder() {
    int[] table = DisplayWidth.EMOJI;
    assertEquals(0, table.length % 2);
    for (int i = 1; i < table.length; i++) {
      assertTrue(table[i] >= table[i - 1] + (i % 2 == 0 ? 1 : 0), Integer.toHexString(table[i]));
    }
  }

  /** The caret stands under "!" after emoji, as a terminal draws them. */
  @Test
  void theCaretStandsUnderTheSubjectAfterEmoji() {
    // Seven columns of '  a = "', the emoji, then '" ' before the "!".
    Map<String, Integer> columnsBefore =
        Map.of(
            "✅❌🚀", 7 + 6 + 2,
            "👍🏽", 7 + 2 + 2,
            "🛠\uFE0F⌛", 7 + 4 + 2,
            // A ZWJ is shown as a visible character (one column) between the parts it joined.
            "👨\u200D👩", 7 + 5 + 2);
    columnsBefore.forEach(
        (before, expected) -> {
          String line = "  a = \"" + before + "\" ! 1";
          SourceFile file = new SourceFile("t.pkr.hcl", line);
          int bang = line.indexOf('!');
          String marker =
              new TextRenderer(n -> Optional.of(file))
                  .render(Diagnostic.of(CODE, file.range(bang, bang + 1), "detail"))
                  .lines()
                  .skip(2)
                  .findFirst()
                  .orElseThrow()
                  .substring("    | ".length());
          assertEquals("^", marker.strip(), line);
          assertEquals((int) expected, marker.indexOf('^'), line);
        });
  }
}
