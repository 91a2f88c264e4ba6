package io.github.packer2aib.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which tabs {@link YamlTabs} turns into spaces. The reading of whole texts is held to libyaml in
 * YamlTabsDifferentialTest; these are the places where a tab SnakeYAML reads as a value's text
 * stood after something this scan first took for the end of a token (found by comparing SnakeYAML's
 * events before and after the scan on random texts, see YamlTabsProperties).
 */
class YamlTabsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        // SnakeYAML ends an anchor's name at a colon: ":y<TAB>z" is the value
        "a: &x:y\tz\n",
        // a block scalar whose tag starts its line: its parent is not indented as that line
        "- \n    !!str |\n  \tx\n",
        // "---" ends the value before it; the document's block scalar then holds the tab
        "a\n--- |\n  \n  \tx\n",
        // a flow collection as a key: the value's parent is the key's column, 0
        "[a, b]: c\n  d\n    ?\t-\tx\n",
        // a block scalar after a quoted scalar: this scan cannot tell its parent
        "? \n    \"a\" |\n  \tx\n",
        // the document's value goes on onto a line starting with '%', not a directive
        "a\n%x\ty\n",
      })
  void leavesTabsSnakeYamlReadsAsText(String text) {
    assertEquals(text, YamlTabs.separationAsSpaces(text));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void readsLinesEndedByCrLf() {
    assertEquals(
        "a: b\r\nc: [x, y]\r\nd: |\r\n  \tz\r\n",
        YamlTabs.separationAsSpaces("a:\tb\r\nc: [x,\ty]\r\nd: |\r\n  \tz\r\n"));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void endsOnAColonThatNoTokenTakes() {
    // ":}" in a flow collection: neither an indicator nor, to the value scan, a value's start;
    // the scan went round on it for ever
    String text = "[>\tbc\n- >:}- : >";
    assertEquals(text, YamlTabs.separationAsSpaces(text));
  }
}
