package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of a bulk run's outputs: written, read back, and what a read refuses. */
class OutputManifestTest {
  @TempDir Path out;

  @Test
  void whatIsWrittenReadsBackAndVouchesOnlyForUnchangedFiles() throws Exception {
    byte[] bytes = "{\"a\": 1}\n".getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(out.resolve("x"));
    Files.write(out.resolve("x/t.json"), bytes);
    OutputManifest.of(Map.of("x/t.json", OutputManifest.Entry.of(bytes))).write(out);

    OutputManifest read = OutputManifest.read(out);

    assertEquals(Map.of("x/t.json", OutputManifest.Entry.of(bytes)), read.entries());
    assertTrue(read.holdsAsWritten(out, "x/t.json"));
    Files.write(out.resolve("x/t.json"), "{\"a\": 2}\n".getBytes(StandardCharsets.UTF_8));
    assertFalse(read.holdsAsWritten(out, "x/t.json"), "same size, other bytes");
    assertFalse(read.holdsAsWritten(out, "x/other.json"), "not listed");
  }

  @Test
  void entriesOutsideTheFolderOrOddlyWrittenAreDroppedWhenRead() throws Exception {
    Files.writeString(
        out.resolve(OutputManifest.FILE_NAME),
        "{\"outputs\": {\"ok/t.json\": [1, 2], \"../up.json\": [1, 2], \"/abs.json\": [1, 2],"
            + " \"a//b.json\": [1, 2], \"a/./b.json\": [1, 2], \"a\\\\b.json\": [1, 2],"
            + " \"\": [1, 2]}}");

    assertEquals(List.of("ok/t.json"), List.copyOf(OutputManifest.read(out).entries().keySet()));
  }

  /**
   * A list that is not one reads as empty, and says why, so that the run neither writes over it
   * (losing its entries) nor calls its files unlisted.
   */
  @Test
  void aListThatIsNotOneReadsAsEmptyAndSaysWhy() throws Exception {
    Map<String, String> damage =
        Map.of(
            "",
            "it is empty",
            "[]",
            "line 1, column 1: it is not a JSON object",
            "{\"outputs\": {\"a.json\": [1]}}",
            "line 1, column 26: an output's entry is not [size, CRC-32]",
            "{\"outputs\": {\"a.json\": \"x\"}}",
            "line 1, column 24: an output's entry is not [size, CRC-32]",
            "{\"outputs\": {\"a.json\": [1, 2]}}\n<<<<<<< HEAD\n",
            "line 2, column 1: unexpected character ('<' (code 60)): expected a valid value"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    for (Map.Entry<String, String> e : damage.entrySet()) {
      Files.writeString(out.resolve(OutputManifest.FILE_NAME), e.getKey());
      OutputManifest read = OutputManifest.read(out);
      assertEquals(Map.of(), read.entries(), e.getKey());
      assertEquals(Optional.of(e.getValue()), read.damage(), e.getKey());
    }
  }

  @Test
  void noListOrOneThatReadsIsNoDamage() throws Exception {
    assertEquals(Optional.empty(), OutputManifest.read(out).damage());
    OutputManifest.of(Map.of("t.json", new OutputManifest.Entry(1, 2))).write(out);
    assertEquals(Optional.empty(), OutputManifest.read(out).damage());
  }
}
