package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One-line CLI messages stay one line whatever characters the paths in them hold. */
class CliTextTest {
  @Test
  void controlCharactersAndLineBreaksAreEscaped() {
    assertEquals(
        "a\\nb\\rc\\td\\x1B[31me\\x7F\\x85f\\u2028g",
        CliText.oneLine("a\nb\rc\td\u001b[31me\u007f\u0085f\u2028g"));
  }

  @Test
  void ordinaryTextIsTheSameString() {
    String text = "error: cannot read über/тест 😀.json: no such file or directory";
    assertSame(text, CliText.oneLine(text));
  }

  @Test
  void aMissingInputWithALineBreakInItsNameIsReportedOnOneLine() {
    CliRun r = CliRun.run("convert", "no\nsuch.json");

    assertEquals(1, r.exitCode(), r.err());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith("error: cannot read no\\nsuch.json: "), r.err());
  }
}
