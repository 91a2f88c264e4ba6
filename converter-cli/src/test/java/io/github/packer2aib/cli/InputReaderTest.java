package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        new Input.Unreadable("b.json", limit < 2 ? InputReader.TOO_LARGE : InputReader.NOT_UTF8),
        input);
  }

  /** Lines of digits, so a misplaced or lost byte shows in the text. */
  private static String text(int size) {
    StringBuilder b = new StringBuilder(size);
    for (int i = 0; b.length() < size; i++) {
      b.append(i % 50 == 49 ? '\n' : (char) ('0' + i % 10));
    }
    return b.toString();
  }
}
