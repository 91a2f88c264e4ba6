package io.github.packer2aib.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether stderr, where {@code --progress auto} draws its bar, is a terminal. Java 17's {@code
 * System.console()} answers for stdin and stdout instead: {@code 2> log} from a terminal filled the
 * log with redraws, and {@code | cat} with stderr on the terminal got lines. Java has no isatty, so
 * Linux's {@code /proc/self/fd/2} says what stderr is; elsewhere the console answers as before.
 */
final class ErrorTerminal {
  private static final Path FD2 = Path.of("/proc/self/fd/2");

  private ErrorTerminal() {}

  static boolean detect() {
    return isTerminal(FD2).orElseGet(() -> System.console() != null);
  }

  /**
   * Whether the link {@code fd} (as in {@code /proc/self/fd}) leads to a terminal device: a
   * pseudo-terminal ({@code /dev/pts/N}), a virtual or serial one ({@code /dev/tty*}) or the
   * console; nothing when there is no such link.
   */
  static Optional<Boolean> isTerminal(Path fd) {
    try {
      String target = Files.readSymbolicLink(fd).toString();
      return Optional.of(
          target.startsWith("/dev/pts/")
              || target.startsWith("/dev/tty")
              || target.equals("/dev/console"));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
  }
}
