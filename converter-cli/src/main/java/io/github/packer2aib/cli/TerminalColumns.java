package io.github.packer2aib.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * How many columns the terminal has, for the progress bar of {@code convert -r}: a bar wider than
 * the terminal wraps, and each redraw then leaves a line behind. Java has no call for it: {@code
 * COLUMNS} when the shell exported it, else what {@code stty size} says of the controlling terminal
 * (a process of a few milliseconds, started only when a bar is drawn); unknown when neither answers
 * within a moment.
 */
final class TerminalColumns {
  private static final long STTY_TIMEOUT_MILLIS = 300;

  private TerminalColumns() {}

  static OptionalInt detect(Map<String, String> environment) {
    OptionalInt fromEnvironment = parse(environment.get("COLUMNS"));
    if (fromEnvironment.isPresent()) {
      return fromEnvironment;
    }
    File tty = new File("/dev/tty");
    if (!tty.exists()) {
      return OptionalInt.empty();
    }
    try {
      Process stty =
          new ProcessBuilder("stty", "size")
              .redirectInput(tty)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!stty.waitFor(STTY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
        stty.destroyForcibly();
        return OptionalInt.empty();
      }
      String answer;
      try (InputStream in = stty.getInputStream()) {
        answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
      }
      // "rows columns"
      int space = answer.indexOf(' ');
      return stty.exitValue() == 0 && space > 0
          ? parse(answer.substring(space + 1))
          : OptionalInt.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.empty();
    }
  }

  /** A positive column count, or nothing. */
  static OptionalInt parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 6) {
      return OptionalInt.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return OptionalInt.empty();
      }
    }
    int columns = Integer.parseInt(text);
    return columns > 0 ? OptionalInt.of(columns) : OptionalInt.empty();
  }
}
