package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The CLI's one-line messages stay one line whatever characters the paths in them hold: control
 * characters are written as escapes ({@link io.github.packer2aib.core.diag.ControlCharacters}).
 */
class OneLineMessagesTest {
  @Test
  void aMissingInputWithALineBreakInItsNameIsReportedOnOneLine() {
    CliRun r = CliRun.run("convert", "no\nsuch\u001b[31m.json");

    assertEquals(1, r.exitCode(), r.err());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith("error: cannot read no\\u000asuch\\u001b[31m.json: "), r.err());
    assertTrue(r.err().chars().noneMatch(c -> c == 0x1b), r.err());
  }
}
