package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path tmp;

  private List<String> listing() throws IOException {
    return listing(tmp);
  }

  /** The names in a folder, hidden ones (temporary files) included, sorted. */
  static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
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
  void aStreamedTextIsWrittenWholeAsUtf8() throws IOException {
    Path target = tmp.resolve("r.json");
    Files.writeString(target, "an older report, longer than the new one\n");
    // More than the stream's 64 KB buffer, with characters of two and three UTF-8 bytes.
    String part = "caf\u00e9 \u2603 ".repeat(10_000);

    AtomicFiles.write(
        target,
        out -> {
          out.write(part);
          out.append(part, 0, 5).write('\n');
        });

    assertEquals(part + "caf\u00e9 \n", Files.readString(target, StandardCharsets.UTF_8));
    assertEquals(List.of("r.json"), listing());
  }

  @Test
  void halfASurrogatePairInAStreamedTextIsWrittenAsAQuestionMarkNotAFailure() throws IOException {
    Path target = tmp.resolve("r.md");

    // Once a report whose text held one failed as a whole: "Input length = 1".
    AtomicFiles.write(target, out -> out.write("a\ud800b \ud83d\ude00 \udc00\n"));

    assertEquals("a?b \ud83d\ude00 ?\n", Files.readString(target, StandardCharsets.UTF_8));
    assertEquals(List.of("r.md"), listing());
  }

  @Test
  void aStreamThatFailsLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path target = tmp.resolve("r.json");
    Files.writeString(target, "old\n");

    IOException e =
        assertThrows(
            IOException.class,
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("x".repeat(200_000));
                      throw new IOException("rendering failed");
                    }));

    assertEquals("rendering failed", e.getMessage());
    assertEquals("old\n", Files.readString(target));
    assertEquals(List.of("r.json"), listing());
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

  @Test
  void aFileThatAlreadyHoldsTheTextIsLeftAloneAndAnyOtherIsReplaced() throws IOException {
    Path target = tmp.resolve("t.json");
    Files.writeString(target, "same\n");
    FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(target, old);
    Object inode = Files.readAttributes(target, BasicFileAttributes.class).fileKey();

    AtomicFiles.write(target, "same\n");

    assertEquals(old, Files.getLastModifiedTime(target));
    assertEquals(inode, Files.readAttributes(target, BasicFileAttributes.class).fileKey());

    AtomicFiles.write(target, "same but longer\n");
    assertEquals("same but longer\n", Files.readString(target));
    assertNotEquals(old, Files.getLastModifiedTime(target));

    // Same length, other bytes: replaced too.
    Files.setLastModifiedTime(target, old);
    AtomicFiles.write(target, "SAME BUT LONGER\n");
    assertEquals("SAME BUT LONGER\n", Files.readString(target));
    assertEquals(List.of("t.json"), listing());
  }

  @Test
  void anEmptyTextIsWrittenWhereNoFileWas() throws IOException {
    // A missing file has length 0 to java.io, like the empty text: the check must not stop there.
    Path target = tmp.resolve("empty.json");

    AtomicFiles.write(target, "");

    assertTrue(Files.isRegularFile(target));
    assertEquals(0, Files.size(target));
    assertEquals(List.of("empty.json"), listing());
  }

  @Test
  void aLinkIsReplacedByTheFileEvenWhenItPointsToTheSameText() throws IOException {
    Path real = tmp.resolve("real.json");
    Files.writeString(real, "same\n");
    Path link = Files.createSymbolicLink(tmp.resolve("t.json"), real);

    AtomicFiles.write(link, "same\n");

    assertFalse(Files.isSymbolicLink(link));
    assertEquals("same\n", Files.readString(link));
  }

  @Test
  void aTargetWhoseNameIsNearTheSystemsLimitIsWritten() throws IOException {
    // 250 bytes: legal, but ".NAME.PID.N.tmp" beside it was not ("File name too long").
    Path target = tmp.resolve("c".repeat(245) + ".json");

    AtomicFiles.write(target, "{}\n");

    assertEquals("{}\n", Files.readString(target));
    assertEquals(List.of(target.getFileName().toString()), listing());
  }

  @Test
  void aTemporaryNameStaysShortKeepsTheStartOfTheNameAndTellsLongNamesApart() {
    String accents = "\u00e9".repeat(127) + ".md"; // 257 bytes: 255 is the limit, so 254 of them
    String a = "a".repeat(240) + "1.json";
    String b = "a".repeat(240) + "2.json";

    for (String name : List.of(accents.substring(1), a, b, "x".repeat(255))) {
      String temp =
          AtomicFiles.tempName(AtomicFiles.tempStem(name), Long.MAX_VALUE, Long.MAX_VALUE);
      assertTrue(temp.getBytes(StandardCharsets.UTF_8).length < 160, temp);
      assertTrue(temp.startsWith("." + name.substring(0, 40)), temp);
    }
    assertNotEquals(AtomicFiles.tempStem(a), AtomicFiles.tempStem(b));
    assertEquals("t.json", AtomicFiles.tempStem("t.json"));
    String hundred = "h".repeat(95) + ".json";
    assertEquals(hundred, AtomicFiles.tempStem(hundred));
    assertEquals(
        "h".repeat(80) + "~",
        AtomicFiles.tempStem(hundred + "x").substring(0, 81),
        "80 bytes, then a hash for the rest");
  }

  @Test
  void aReplacedFileKeepsItsPermissions() throws IOException {
    Path target = tmp.resolve("t.json");
    Files.writeString(target, "old\n");
    assumeTrue(Files.getFileAttributeView(target, PosixFileAttributeView.class) != null);
    Set<PosixFilePermission> groupOnly = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(target, groupOnly);

    AtomicFiles.write(target, "new\n");
    assertEquals("new\n", Files.readString(target));
    assertEquals(groupOnly, Files.getPosixFilePermissions(target));

    // A streamed write (a report) too.
    Set<PosixFilePermission> readOnly = PosixFilePermissions.fromString("r--r--r--");
    Files.setPosixFilePermissions(target, readOnly);
    AtomicFiles.write(target, out -> out.write("newer\n"));
    assertEquals("newer\n", Files.readString(target));
    assertEquals(readOnly, Files.getPosixFilePermissions(target));
    assertEquals(List.of("t.json"), listing());
  }
}
