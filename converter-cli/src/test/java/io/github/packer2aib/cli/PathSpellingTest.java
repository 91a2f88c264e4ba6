package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names on the command line that the locale cannot spell as file names (LANG=en_US.UTF-8 where that
 * locale is not installed, LC_ALL=C): each says so and what to do, instead of "invalid path", a
 * picocli error quoting Java's InvalidPathException, an internal error (validate -r) or a stack
 * trace (an argument file).
 */
class PathSpellingTest {
  @TempDir Path tmp;

  private static final String WHY =
      "this locale's encoding of file names (ANSI_X3.4-1968) cannot represent the name: run under"
          + " a UTF-8 locale such as C.UTF-8 (LC_ALL=C.UTF-8)";

  @Test
  void theReasonSaysWhatToDoOnlyWhenTheLocaleIsToBlame() {
    assertEquals(WHY, PathSpelling.whyInvalid("\ufffd/caf\ufffd.yaml", "ANSI_X3.4-1968"));
    assertEquals("invalid path", PathSpelling.whyInvalid("caf\ud800.yaml", "UTF-8"));
    assertEquals("invalid path", PathSpelling.whyInvalid("a?b", "ANSI_X3.4-1968"));
    assertEquals(
        "a file name cannot hold a NUL character", PathSpelling.whyInvalid("a\0b", "UTF-8"));
  }

  @Test
  void underAnAsciiLocaleEachWayOfNamingAFileSaysWhatToDo() throws Exception {
    assumeTrue(
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
        "the C locale's ASCII file names: Linux only");
    // Written by this (UTF-8) JVM; the child runs under the C locale, which cannot spell them.
    assumeTrue(
        "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")), "a UTF-8 test JVM");
    Path folder = tmp.resolve("\u00fc");
    Path template = Templates.write(folder, "caf\u00e9.json", Templates.VALID_AIB);
    Path plain = Templates.write(tmp, "t.json", Templates.VALID_AIB);
    Files.writeString(folder.resolve("args"), "validate\n" + plain + "\n");
    Map<String, String> cLocale = new HashMap<>();
    cLocale.put("LANG", null);
    cLocale.put("LC_CTYPE", null);
    cLocale.put("LC_ALL", "C");

    for (List<String> args :
        List.of(
            List.of("convert", template.toString()),
            List.of("convert", plain.toString(), "-o", folder.resolve("out").toString()),
            List.of("validate", "-r", folder.toString()),
            List.of("@" + folder.resolve("args")))) {
      ChildCli.Run run = ChildCli.run(List.of(), cLocale, args);
      String output = run.output();

      assertTrue(output.contains(WHY), args + ":\n" + output);
      assertFalse(output.contains("Exception"), output);
      assertFalse(output.contains("internal error"), output);
      assertFalse(output.contains("invalid path"), output);
      assertEquals(
          args.get(0).equals("convert") && args.size() == 2 ? 1 : 2, run.exitCode(), output);
      // The name as typed, not as the locale decoded it (each byte of é a U+FFFD).
      assertFalse(output.contains("\ufffd"), output);
    }
    ChildCli.Run run = ChildCli.run(List.of(), cLocale, List.of("convert", template.toString()));
    assertTrue(run.output().contains("cannot read " + template + ": " + WHY), run.output());
  }
}
