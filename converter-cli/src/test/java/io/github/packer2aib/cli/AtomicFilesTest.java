package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path tmp;

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void writesExactlyTheTextAsUtf8() throws IOException {
    Path target = tmp.resolve("t.json");

    AtomicFiles.write(target, "{\"name\": \"caf\u00e9 \u2603\"}\n");

    assertEquals(
        "{\"name\": \"caf\u00e9 \u2603\"}\n",
        new String(Files.readAllBytes(target), StandardCharsets.UTF_8));
    assertEquals(List.of("t.json"), listing());
  }

  @Test
  void replacesAnExistingFile() throws IOException {
    Path target = tmp.resolve("t.json");
    Files.writeString(target, "old and longer\n");

    AtomicFiles.write(target, "new\n");

    assertEquals("new\n", Files.readString(target));
    assertEquals(List.of("t.json"), listing());
  }

  @Test
  void aFailedMoveLeavesNoTemporaryFile() throws IOException {
    Path target = tmp.resolve("t.json");
    Files.createDirectories(target.resolve("inside"));

    assertThrows(IOException.class, () -> AtomicFiles.write(target, "x\n"));
    assertEquals(List.of("t.json"), listing());
  }
}
