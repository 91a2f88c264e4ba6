package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-written generalization checks answer what the patterns and copies they replaced do. */
class GeneralizationProperties {
  /** The Sysprep pattern the check was written from. */
  private static final Pattern SYSPREP =
      Pattern.compile("(?i)sysprep(\\.exe)?['\"]?\\s+[^\\n]*/generalize");

  @Property(tries = 5000)
  void sysprepAgreesWithThePattern(@ForAll("commands") String text) {
    assertEquals(SYSPREP.matcher(text).find(), Generalization.sysprepGeneralizes(text), text);
  }

  /** The keyword scan may say yes too often (characters beyond Latin-1), never too rarely. */
  @Property(tries = 5000)
  void keywordScanMissesNoKeyword(@ForAll("commands") String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    boolean has =
        lower.contains("sysprep") || lower.contains("waagent") || lower.contains("imagestate");
    if (has) {
      assertTrue(Generalization.hasKeyword(text), text);
    }
    if (text.chars().allMatch(c -> c < 0x100)) {
      assertEquals(has, Generalization.hasKeyword(text), text);
    }
  }

  /**
   * An uploaded file whose UTF-8 bytes spell no keyword is not decoded: its text must then not
   * generalize, whatever characters beyond ASCII it holds.
   */
  @Property(tries = 5000)
  void bytesWithoutKeywordNeverGeneralize(@ForAll("commands") String text) {
    for (CommandLanguage language : CommandLanguage.values()) {
      if (Generalization.mentions(text, language)) {
        assertTrue(Generalization.mayMention(text.getBytes(StandardCharsets.UTF_8)), text);
      }
    }
  }

  @Test
  void readsTheUsualCommands() {
    assertTrue(
        Generalization.sysprepGeneralizes(
            "& $env:SystemRoot\\System32\\Sysprep\\Sysprep.exe /oobe /generalize /quiet /quit"));
    assertTrue(Generalization.sysprepGeneralizes("sysprep.exe'  \n  /GENERALIZE"));
    assertFalse(Generalization.sysprepGeneralizes("sysprep /oobe\n/generalize"));
    assertFalse(Generalization.sysprepGeneralizes("sysprep/generalize"));
    assertFalse(Generalization.sysprepGeneralizes("\u017Fysprep /generalize"));
    // A long line scanned after a short one in the same thread: no stale bytes are read.
    assertTrue(Generalization.hasKeyword("x".repeat(3000) + "WAAGENT"));
    assertFalse(Generalization.hasKeyword("waagen"));
  }

  /** Commands built from the pattern's own parts, blanks and line breaks in various cases. */
  @Provide
  Arbitrary<String> commands() {
    Arbitrary<String> token =
        Arbitraries.of(
            List.of(
                "sysprep",
                "Sysprep",
                "SYSPREP",
                "sysprep.exe",
                ".EXE",
                ".ex",
                "'",
                "\"",
                " ",
                "\t",
                "\n",
                "\r",
                "\u000B",
                "\f",
                "\u00A0",
                "/generalize",
                "/Generalize",
                "/generaliz",
                "/oobe",
                "waagent",
                "-deprovision",
                "imageState",
                "\u017F",
                "\u212A",
                "\u0170",
                "x",
                "/"));
    return token.list().ofMaxSize(12).map(parts -> String.join("", parts));
  }
}
