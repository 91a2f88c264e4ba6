package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

  @Test
  void aListThatIsNotOneReadsAsEmpty() throws Exception {
    for (String text :
        List.of(
            "", "[]", "{\"outputs\": {\"a.json\": [1]}}", "{\"outputs\": {\"a.json\": \"x\"}}")) {
      Files.writeString(out.resolve(OutputManifest.FILE_NAME), text);
      assertEquals(Map.of(), OutputManifest.read(out).entries(), text);
    }
  }
}
