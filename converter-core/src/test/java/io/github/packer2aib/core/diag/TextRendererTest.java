package io.github.packer2aib.core.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The source line under a diagnostic, and a window of it when the line is long (minified). */
class TextRendererTest {

  private static final DiagnosticCode CODE = () -> new DiagnosticCode.Text("TEST-E001", "Test");

  /** The two snippet lines (source, marker) of a diagnostic over [start, end) of one line. */
  private static List<String> snippet(String line, int start, int end) {
    SourceFile file = new SourceFile("t.json", line);
    String text =
        new TextRenderer(n -> Optional.of(file))
            .render(Diagnostic.of(CODE, file.range(start, end), "detail"));
    return text.lines().skip(1).limit(2).toList();
  }

  @Test
  void aShortLineIsShownWholeWithTheCaretUnderTheSubject() {
    assertEquals(List.of("  1 | {\"typo\": 1}", "    |  ^~~~~~"), snippet("{\"typo\": 1}", 1, 7));
  }

  /**
   * A secret the scrubber masks before the subject makes the line shorter (or longer): the caret
   * and its underline follow the line as shown, not the columns of the file.
   */
  @Test
  void theCaretFollowsTheLineAsScrubbed() {
    String line = "- {inline: [\"mysql --password=Hunter2Hunter2Hunter2 -e x\"], bogus: 1}";
    int bogus = line.indexOf("bogus");
    List<String> shown = snippet(line, bogus, bogus + 5);
    assertEquals("  1 | - {inline: [\"mysql --password=*** -e x\"], bogus: 1}", shown.get(0));
    assertEquals(shown.get(0).indexOf("bogus"), shown.get(1).indexOf('^'), "caret under bogus");
    assertEquals("^~~~~", shown.get(1).substring(shown.get(1).indexOf('^')));

    String url = "u = \"https://st.blob.core.windows.net/c/f.sh?sv=1&sig=AbCd%3D\" x";
    int start = url.indexOf("\"https");
    List<String> s = snippet(url, start, url.indexOf(" x"));
    assertEquals("  1 | u = \"https://st.blob.core.windows.net/c/f.sh?sv=1&sig=***\" x", s.get(0));
    assertEquals(
        "    |     ^"
            + "~".repeat("\"https://st.blob.core.windows.net/c/f.sh?sv=1&sig=***\"".length() - 1),
        s.get(1),
        "the underline as long as the URL as shown");
    // A caret on the secret itself stands under its mask.
    int sig = url.indexOf("AbCd");
    assertEquals(
        "    |" + " ".repeat(1 + url.indexOf("AbCd")) + "^~~",
        snippet(url, sig, sig + "AbCd%3D".length()).get(1));
  }

  @Test
  void aLongLineIsShownAsAWindowAroundTheSubject() {
    String line = "a".repeat(1000) + "\"subject\"" + "b".repeat(1000);
    List<String> s = snippet(line, 1000, 1009);
    String shown = s.get(0).substring("  1 | ".length());
    assertTrue(shown.startsWith("..."), shown);
    assertTrue(shown.endsWith("..."), shown);
    assertEquals(
        TextRenderer.WINDOW + 2 * TextRenderer.CUT.length(), shown.length(), "the window's width");
    int caret = s.get(1).indexOf('^');
    assertEquals(s.get(0).indexOf("\"subject\""), caret, "caret under the subject");
    assertEquals("^~~~~~~~~", s.get(1).substring(caret), "underline as long as the subject");
    assertEquals(TextRenderer.BEFORE, shown.indexOf("\"subject\"") - TextRenderer.CUT.length());
  }

  @Test
  void aWindowNearEitherEndOfTheLineIsNotCutThere() {
    String line = "\"subject\"" + "x".repeat(500);
    List<String> atStart = snippet(line, 0, 9);
    assertTrue(atStart.get(0).startsWith("  1 | \"subject\"xxx"), atStart.get(0));
    assertTrue(atStart.get(0).endsWith("x..."), atStart.get(0));
    assertEquals("    | ^~~~~~~~~", atStart.get(1));

    String tail = "x".repeat(500) + "\"end\"";
    List<String> atEnd = snippet(tail, 500, 505);
    assertTrue(atEnd.get(0).endsWith("x\"end\""), atEnd.get(0));
    assertEquals(
        TextRenderer.CUT.length() + TextRenderer.WINDOW, atEnd.get(0).length() - "  1 | ".length());
    assertEquals(atEnd.get(0).indexOf("\"end\""), atEnd.get(1).indexOf('^'));
  }

  /** An underline that runs past the window stops at its edge. */
  @Test
  void anUnderlineLongerThanTheWindowIsCutWithIt() {
    String line = "x".repeat(300) + "y".repeat(600);
    List<String> s = snippet(line, 300, 900);
    assertEquals(s.get(0).length() - TextRenderer.CUT.length(), s.get(1).length());
  }

  /** The line is scrubbed before it is cut: a window may not begin inside a credential's name. */
  @Test
  void aSecretStaysMaskedWhenTheWindowCutsIntoItsName() {
    String secret = "\"client_secret\": \"hunter2\"";
    String before = "x".repeat(300) + secret + ", ";
    // The window starts BEFORE characters ahead of the subject: five letters into client_secret.
    int name = before.indexOf("client_secret");
    String filler = "w".repeat(name + 5 + TextRenderer.BEFORE - before.length());
    String line = before + filler + "\"subject\": 1" + "z".repeat(300);
    int subject = line.indexOf("\"subject\"");
    assertEquals(name + 5, subject - TextRenderer.BEFORE);
    List<String> s = snippet(line, subject, subject + 9);
    assertFalse(s.get(0).contains("hunter2"), s.get(0));
    assertTrue(s.get(0).contains("\"***\""), s.get(0));
  }

  /**
   * Terminals draw Chinese and Japanese characters two columns wide and combining marks on the
   * character before: the caret counts columns as they do.
   */
  @Test
  void theCaretCountsColumnsAsTerminalsDrawThem() {
    // "名前" (name) is two wide characters; "é" here is e and a combining acute accent.
    List<String> wide = snippet("\"名前\": x", 6, 7);
    assertEquals("    | " + " ".repeat(8) + "^", wide.get(1), "\" 名 前 \" : and a space");
    List<String> combining = snippet("\"cafe\u0301\": x", 9, 10);
    assertEquals("    | " + " ".repeat(8) + "^", combining.get(1), "the accent takes no column");
    // A wide subject is underlined across both of its columns.
    List<String> subject = snippet("k: \"名前\"", 3, 7);
    assertEquals("    |    ^~~~~~", subject.get(1));
    // An accent inside the subject adds no column to its underline.
    List<String> accented = snippet("k: \"cafe\u0301\"", 3, 10);
    assertEquals("    |    ^~~~~~", accented.get(1));
  }

  @Test
  void oneRendererShowsEachDiagnosticItsOwnLineOfItsOwnFile() {
    // The renderer keeps the last line it showed: the same line number of another file, or
    // another line of the same file, must not be taken for it.
    SourceFile a = new SourceFile("a.json", "{\"a\": 1}\n{\"aa\": 2}\n");
    SourceFile b = new SourceFile("b.json", "{\"b\": 3}\n");
    TextRenderer renderer = new TextRenderer(n -> Optional.of(n.equals("a.json") ? a : b));

    String text =
        renderer.render(
            List.of(
                Diagnostic.of(CODE, a.range(1, 4), "d"),
                Diagnostic.of(CODE, a.range(2, 5), "d"),
                Diagnostic.of(CODE, b.range(1, 4), "d"),
                Diagnostic.of(CODE, a.range(11, 15), "d")));

    assertEquals(
        List.of("  1 | {\"a\": 1}", "  1 | {\"a\": 1}", "  1 | {\"b\": 3}", "  2 | {\"aa\": 2}"),
        text.lines().filter(l -> l.matches("  \\d \\| .*")).toList());
  }

  @Test
  void controlCharactersOfAMessageAreShownEscaped() {
    // Text from the input (a path with a NUL, an escape sequence that would clear the terminal)
    // must not reach stderr as it is; a tab and the line breaks between detail lines stay. In the
    // source line each is drawn as one visible character, so that the caret still lines up.
    SourceFile file = new SourceFile("t\u001b.json", "{\"a\u0000\u001b\": 1}\n");
    String text =
        new TextRenderer(n -> Optional.of(file))
            .render(
                Diagnostic.of(
                    CODE,
                    file.range(1, 6),
                    "The path \"a\u0000b\u001b[2J\u007f\u009b\" is bad.\n\tSecond line."));
    assertEquals(
        List.of(
            "t\\u001b.json:1:2: error: Test [TEST-E001]",
            "  1 | {\"a\u2400\u241b\": 1}",
            "    |  ^~~~~",
            "  The path \"a\\u0000b\\u001b[2J\\u007f\\u009b\" is bad.",
            "  \tSecond line."),
        text.lines().toList());
  }

  @Test
  void quotingEscapesEveryControlCharacterAndPicturesTakeOneColumnEach() {
    assertEquals(
        "\"a\\tb\\nc\\rd\\u0000e\\u0085\"", ControlCharacters.quote("a\tb\nc\rd\0e\u0085"));
    assertEquals("a\tb\\u000a", ControlCharacters.escape("a\tb\n"));
    assertEquals(
        "\u2400\u241b\t\u2421\ufffd", ControlCharacters.pictures("\0\u001b\t\u007f\u0085"));
    // The characters firstHidden looks for are exactly the hidden ones.
    StringBuilder hidden = new StringBuilder();
    for (int c = 0; c <= 0xFFFF; c++) {
      if (ControlCharacters.isHidden((char) c)) {
        hidden.append((char) c);
      }
    }
    assertEquals(hidden.toString(), new String(ControlCharacters.HIDDEN));
    assertEquals(4, ControlCharacters.firstHidden("ab c\u200bd\u202ee"));
    assertEquals(-1, ControlCharacters.firstHidden("caf\u00e9 \u540d"));
    // Bidirectional controls and zero-width characters would reorder or hide text on a terminal.
    assertEquals("x \\u202e# y", ControlCharacters.escape("x \u202e# y"));
    assertEquals("a\ufffdb\ufffdc", ControlCharacters.pictures("a\u2066b\u200bc"));
    String plain = "no control characters: é, 名前, עברית";
    assertSame(plain, ControlCharacters.escape(plain), "unchanged text is not copied");
    assertSame(plain, ControlCharacters.pictures(plain), "unchanged text is not copied");
  }

  @Test
  void aLongPathKeepsItsStartAndEnd() {
    // A document nested 1,000 levels deep made an "at" line of 5,000 characters.
    String path = "/a" + "/0".repeat(1000) + "/end";
    String text =
        new TextRenderer(n -> Optional.empty())
            .render(List.of(Diagnostic.of(CODE, null, "d").withPath(path)));
    String at = text.lines().filter(l -> l.startsWith("  at ")).findFirst().orElseThrow();
    assertEquals("  at ".length() + TextRenderer.MAX_PATH, at.length(), at);
    assertTrue(at.startsWith("  at /a/0/0/"), at);
    assertTrue(at.endsWith("/0/0/end"), at);
    assertTrue(at.contains("…"), at);
  }
}
