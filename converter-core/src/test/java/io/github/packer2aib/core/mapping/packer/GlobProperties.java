package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.packer.UsageGlob;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/**
 * --only/--except globs match as the regular expression they stand for ({@code *} → {@code .*},
 * {@code ?} → {@code .}), which they were matched with until a long pattern made compiling one an
 * internal error; classes and escapes as Packer's gobwas/glob reads them.
 */
class GlobProperties {
  private static Pattern regex(String glob) {
    StringBuilder b = new StringBuilder();
    for (char c : glob.toCharArray()) {
      b.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(b.toString(), Pattern.DOTALL);
  }

  @Property(tries = 3000)
  void matchesAsTheRegularExpression(
      @ForAll @StringLength(max = 8) @Chars({'a', 'b', '.', '*', '?'}) String glob,
      @ForAll @StringLength(max = 10) @Chars({'a', 'b', '.'}) String name) {
    assertEquals(regex(glob).matcher(name).matches(), UsageGlob.match(glob, name), glob);
  }

  @Property(tries = 2000)
  void aCharacterWrittenAsAClassOrEscapedMatchesAsItself(
      @ForAll @StringLength(max = 8) @Chars({'a', 'b', '.', '*', '?'}) String glob,
      @ForAll @StringLength(max = 10) @Chars({'a', 'b', '.'}) String name,
      @ForAll boolean asClass) {
    StringBuilder b = new StringBuilder();
    for (char c : glob.toCharArray()) {
      b.append(c == '*' || c == '?' ? String.valueOf(c) : asClass ? "[" + c + "]" : "\\" + c);
    }
    assertEquals(UsageGlob.match(glob, name), UsageGlob.match(b.toString(), name));
  }

  @Example
  void classesAndEscapesAsPackersGobwasGlob() {
    // Packer 1.6.6 selected bb.null.a with each of the first three.
    assertTrue(UsageGlob.match("[b]b.null.a", "bb.null.a"));
    assertTrue(UsageGlob.match("bb.null.[!r]", "bb.null.a"));
    assertTrue(UsageGlob.match("bb.null.\\a", "bb.null.a"));
    assertFalse(UsageGlob.match("bb.null.[!a]", "bb.null.a"));
    assertTrue(UsageGlob.match("[dw]*.azure-arm.ubuntu", "web.azure-arm.ubuntu"));
    assertFalse(UsageGlob.match("[dw]*.azure-arm.ubuntu", "app.azure-arm.ubuntu"));
    assertTrue(UsageGlob.match("build-[0-9]", "build-7"));
    assertFalse(UsageGlob.match("build-[!0-9]", "build-7"));
    assertTrue(UsageGlob.match("[\\]x]", "]"));
    assertTrue(UsageGlob.match("\\*", "*"));
    assertFalse(UsageGlob.match("\\*", "a"));
    // What gobwas/glob cannot compile (Packer refuses it) matches nothing.
    assertFalse(UsageGlob.match("web[", "web["));
    assertFalse(UsageGlob.match("web\\", "web\\"));
    assertFalse(UsageGlob.match("[]", ""));
  }

  @Example
  void longPatternsAreNoProblem() {
    assertFalse(UsageGlob.matches("a*".repeat(8000), List.of("azure-arm.ubuntu", "b")));
    assertTrue(UsageGlob.matches("a*".repeat(8000), List.of("a".repeat(8000))));
    assertFalse(UsageGlob.matches("a".repeat(100_000), List.of("azure-arm.ubuntu")));
  }
}
