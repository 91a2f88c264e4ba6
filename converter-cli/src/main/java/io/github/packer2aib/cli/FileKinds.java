package io.github.packer2aib.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What a path that exists but is not a regular file is, in the words of a reason ("could not be
 * read: is not a regular file (a named pipe)"). Every file the command line names (an input, a
 * {@code --var-file}, the {@code --settings} file) is asked this before it is opened: opening a
 * named pipe waits until something writes to it, possibly for ever, and a device such as {@code
 * /dev/zero} never ends. {@code convert -r} skips such entries with the same words.
 */
final class FileKinds {
  private FileKinds() {}

  static final String DIRECTORY = "is a directory";

  private static final String NOT_REGULAR = "not a regular file";

  static final String BROKEN_LINK = "is a broken symbolic link";

  static final String LINK_LOOP = "is a loop of symbolic links (too many levels of symbolic links)";

  /**
   * Why {@code path} cannot be read as a file although it exists ({@value #DIRECTORY}, "is not a
   * regular file (a named pipe)", {@value #BROKEN_LINK}, {@value #LINK_LOOP}); empty for a regular
   * file (also through symbolic links) and for a path that does not exist, whose reason is the one
   * opening it gives.
   */
  static Optional<String> whyNotRegular(Path path) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException e) {
      // The link itself exists: "no such file" would send the user looking for the wrong name.
      return Files.isSymbolicLink(path) ? Optional.of(unreachable(e)) : Optional.empty();
    }
    if (attributes.isRegularFile()) {
      return Optional.empty();
    }
    return Optional.of(attributes.isDirectory() ? DIRECTORY : "is " + notRegular(path));
  }

  /**
   * Why a symbolic link leads to nothing, from the exception following it gave: a missing target
   * ({@value #BROKEN_LINK}), a loop ({@value #LINK_LOOP}: calling it broken sends the user looking
   * for a missing target), or a target the run may not reach (permission denied).
   */
  static String unreachable(IOException e) {
    if (e instanceof NoSuchFileException) {
      return BROKEN_LINK;
    }
    if (isLoop(e)) {
      return LINK_LOOP;
    }
    return "is a symbolic link whose target cannot be reached: " + InputReader.reason(e);
  }

  /**
   * Whether following a link failed with ELOOP. Java gives no error number, but adds words of its
   * own, in English whatever the locale, to that one error's reason; the system's text for it ("Too
   * many levels of symbolic links") is taken too.
   */
  private static boolean isLoop(IOException e) {
    if (!(e instanceof FileSystemException f) || f.getReason() == null) {
      return false;
    }
    String reason = f.getReason();
    return reason.endsWith("unable to access attributes of symbolic link")
        || reason.contains("levels of symbolic links");
  }

  /** "not a regular file", with what it is where the file system tells: "(a named pipe)". */
  static String notRegular(Path path) {
    return special(path).map(kind -> NOT_REGULAR + " (" + kind + ")").orElse(NOT_REGULAR);
  }

  // The file type bits of a POSIX mode (sys/stat.h), the same on Linux and macOS.
  private static final int TYPE_BITS = 0170000;
  private static final int SOCKET = 0140000;
  private static final int BLOCK_DEVICE = 0060000;
  private static final int CHARACTER_DEVICE = 0020000;
  private static final int NAMED_PIPE = 0010000;

  /**
   * A named pipe, a device or a socket, by its mode (links followed): Java's own attributes only
   * say "other". Empty where the file system has no POSIX view (Windows) or the path is gone.
   */
  private static Optional<String> special(Path path) {
    Object mode;
    try {
      mode = Files.getAttribute(path, "unix:mode");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!(mode instanceof Integer bits)) {
      return Optional.empty();
    }
    return switch (bits & TYPE_BITS) {
      case NAMED_PIPE -> Optional.of("a named pipe");
      case CHARACTER_DEVICE -> Optional.of("a character device");
      case BLOCK_DEVICE -> Optional.of("a block device");
      case SOCKET -> Optional.of("a socket");
      default -> Optional.empty();
    };
  }
}
