package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The only CLI tests that rely on the real pipeline warning about an input: API 2022-07-01 (before
 * 2024-02-01 wrong case is accepted by the service) with a customizer typed "shell" instead of
 * "Shell". If the pipeline's warnings change, adjust the input here.
 */
class PipelineWarningTest {
  @TempDir Path tmp;

  static final String WARNED =
      Templates.VALID_AIB
          .replace("\"apiVersion\": \"2024-02-01\"", "\"apiVersion\": \"2022-07-01\"")
          .replace("\"type\": \"Shell\"", "\"type\": \"shell\"");

  @Test
  void warningsDoNotFailByDefault() throws Exception {
    Path a = Templates.write(tmp, "old.json", WARNED);
    Path out = tmp.resolve("out");

    CliRun r = CliRun.run("convert", "-o", out.toString(), a.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains(": warning: "), r.err());
    assertTrue(
        r.err().matches("(?s).*\nconverted 1 template from 1 input; \\d+ warnings?\n"), r.err());
    try (var files = Files.list(out)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void strictFailsAndWritesNothing() {
    Path a = Templates.write(tmp, "old.json", WARNED);
    Path out = tmp.resolve("out");

    CliRun r = CliRun.run("convert", "--strict", "-o", out.toString(), a.toString());

    assertEquals(1, r.exitCode());
    assertFalse(Files.exists(out));
    assertTrue(r.err().contains("; 1 input failed; "), r.err());
  }

  @Test
  void quietHidesWarningsUnlessStrict() {
    Path a = Templates.write(tmp, "old.json", WARNED);

    CliRun quiet = CliRun.run("convert", "--quiet", a.toString());
    assertEquals(0, quiet.exitCode());
    assertEquals("", quiet.err());
    assertFalse(quiet.out().isEmpty());

    CliRun quietStrict = CliRun.run("convert", "--quiet", "--strict", a.toString());
    assertEquals(1, quietStrict.exitCode());
    assertEquals("", quietStrict.out());
    assertTrue(quietStrict.err().contains(": warning: "), quietStrict.err());
  }

  @Test
  void validateSaysOkWithWarnings() {
    Path a = Templates.write(tmp, "old.json", WARNED);

    CliRun lax = CliRun.run("validate", a.toString());
    assertEquals(0, lax.exitCode(), lax.err());
    assertTrue(lax.out().matches("\\Q" + a + "\\E: ok with \\d+ warnings?\n"), lax.out());

    CliRun strict = CliRun.run("validate", "--strict", a.toString());
    assertEquals(1, strict.exitCode());
    assertEquals("", strict.out());
  }
}
