package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading a document with a size limit: the whole text up to the limit, a verdict past it. */
class InputReaderTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} bytes, limit {1}")
  @CsvSource({
    "0, 10",
    "1, 10",
    "9, 10",
    "10, 10",
    "11, 10",
    "4096, 4096",
    "4097, 4096",
    "100000, 1000000"
  })
  void readsTheWholeFileUpToTheLimit(int size, long limit) throws IOException {
    String text = text(size);
    Path file = dir.resolve("t.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);

    Input input = InputReader.readFile(file, "t.json", limit);

    if (size > limit) {
      assertEquals(new Input.Unreadable("t.json", InputReader.TOO_LARGE), input);
    } else {
      assertEquals(text, ((Input.Loaded) input).source().text());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"'{\"a\": \"\u00e9\u20ac\"}'", "'\u00e9'", "'x\r\ny'"})
  void decodesUtf8(String text) throws IOException {
    Path file = dir.resolve("u.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);

    Input input = InputReader.readFile(file, "u.json", 1000);

    assertEquals(text, ((Input.Loaded) input).source().text());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1", "2", "1000"})
  void invalidUtf8IsUnreadable(int limit) throws IOException {
    Path file = dir.resolve("b.json");
    Files.write(file, new byte[] {'{', (byte) 0xC3});

    Input input = InputReader.readFile(file, "b.json", limit);

    assertEquals(
        new Input.Unreadable(
            "b.json",
            limit < 2
                ? InputReader.TOO_LARGE
                : "not valid UTF-8 text (line 1, column 2: byte 0xC3)"),
        input);
  }

  @org.junit.jupiter.api.Test
  void theFirstInvalidByteIsNamedByLineAndColumn() throws IOException {
    Path file = dir.resolve("u.yaml");
    // Line 3, after "b: é€" (two characters beyond ASCII, five bytes): column 6.
    byte[] head = "a: 1\n\nb: \u00e9\u20ac".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 3);
    bytes[head.length] = (byte) 0xFF;
    bytes[head.length + 1] = '\n';
    bytes[head.length + 2] = (byte) 0xC3;
    Files.write(file, bytes);

    CliRun r = CliRun.run("validate", file.toString());

    assertEquals(1, r.exitCode(), r.err());
    org.junit.jupiter.api.Assertions.assertTrue(
        r.err()
            .startsWith(
                "error: cannot read "
                    + file
                    + ": not valid UTF-8 text (line 3, column 6: byte 0xFF) [CLI-E001]\n"),
        r.err());
  }

  /**
   * UTF-16 without a byte order mark is ASCII between NULs, valid UTF-8: a single convert of a
   * template so saved said only JSON-E013 "Unexpected character" at the first NUL (found reviewing
   * bulk runs). It is told as a .pkr.hcl file is (PKR-E002): what the file is, and to save it as
   * UTF-8.
   */
  @Test
  void utf16WithoutAByteOrderMarkIsToldAsSuch() throws IOException {
    Path le = dir.resolve("t.json");
    Path be = dir.resolve("t.yaml");
    Files.write(le, BulkTrees.legacy("old").getBytes(StandardCharsets.UTF_16LE));
    Files.write(be, "name: x\n".getBytes(StandardCharsets.UTF_16BE));

    CliRun r = CliRun.run("convert", "-o", dir.resolve("out").toString(), le.toString());
    CliRun y = CliRun.run("validate", be.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertEquals(
        "error: cannot read "
            + le
            + ": it holds NUL characters between its letters: it is UTF-16 (little-endian, as"
            + " Windows PowerShell 5 writes with Out-File); save it as UTF-8 [CLI-E001]\n",
        r.err().lines().findFirst().orElse("") + "\n");
    org.junit.jupiter.api.Assertions.assertFalse(r.err().contains("JSON-E013"), r.err());
    assertEquals(1, y.exitCode(), y.err());
    org.junit.jupiter.api.Assertions.assertTrue(
        y.err().startsWith("error: cannot read " + be + ": it holds NUL characters between its"),
        y.err());
    org.junit.jupiter.api.Assertions.assertTrue(y.err().contains("it is UTF-16 (big-endian"));
  }

  /** Lines of digits, so a misplaced or lost byte shows in the text. */
  private static String text(int size) {
    StringBuilder b = new StringBuilder(size);
    for (int i = 0; b.length() < size; i++) {
      b.append(i % 50 == 49 ? '\n' : (char) ('0' + i % 10));
    }
    return b.toString();
  }

  /** Zeros without end, as a device or a pipe from one gives them. */
  private static final class Endless extends java.io.InputStream {
    @Override
    public int read() {
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      java.util.Arrays.fill(b, off, off + len, (byte) 0);
      return len;
    }
  }

  @org.junit.jupiter.api.Test
  void anEndlessInputOnTheCommandLineIsTooLargeNotOutOfMemory() {
    CliRun stdin = CliRun.with().stdin(new Endless()).run("convert", "-");

    assertEquals(1, stdin.exitCode(), stdin.err());
    assertEquals(
        "error: cannot read <stdin>: larger than 64 MiB, too large for a template [CLI-E001]\n",
        stdin.err().lines().findFirst().orElse("") + "\n");
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFolderAPipeABrokenLinkOrADeviceIsNotOpenedAndSaysWhatItIs() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("folder.json"));
    Path pipe = NamedPipes.make(dir.resolve("pipe.json"));

    assertEquals(
        new Input.Unreadable("folder.json", "is a directory"),
        InputReader.readNamed(folder, "folder.json"));
    // Nothing writes to the pipe: opened, it would wait for ever.
    assertEquals(
        new Input.Unreadable("pipe.json", "is not a regular file (a named pipe)"),
        InputReader.readNamed(pipe, "pipe.json"));
    // A link to nothing says so: "no such file" would send the user looking for the wrong name.
    Path broken = Files.createSymbolicLink(dir.resolve("gone.json"), dir.resolve("nothing.json"));
    assertEquals(
        new Input.Unreadable("gone.json", "is a broken symbolic link"),
        InputReader.readNamed(broken, "gone.json"));
    assumeTrue(Files.isReadable(Path.of("/dev/zero")));
    // A device that never ends is not read up to the limit either.
    for (String[] args :
        new String[][] {
          {"convert", "/dev/zero"},
          {"validate", "/dev/zero"},
          {
            "convert",
            "-r",
            "-o",
            dir.resolve("o").toString(),
            "--settings",
            "/dev/zero",
            dir.toString()
          }
        }) {
      CliRun r = CliRun.run(args);
      assertEquals(1, r.exitCode(), r.err());
      org.junit.jupiter.api.Assertions.assertTrue(
          r.err().contains("/dev/zero: is not a regular file (a character device)"), r.err());
    }
  }
}
