package io.github.packer2aib.cli;

import java.util.Locale;

/**
 * Why Java refuses a name from the command line as a path ({@code InvalidPathException}). Java 17
 * spells file names in the locale's encoding ({@code sun.jnu.encoding}): under a locale that is not
 * UTF-8 (LANG=en_US.UTF-8 where that locale is not installed, or LC_ALL=C), the bytes of {@code
 * café} arrive as U+FFFD, which that encoding cannot write back. The reason said "invalid path", or
 * picocli quoted Java's exception; it now says what to do.
 */
final class PathSpelling {
  private PathSpelling() {}

  private static final String ENCODING = System.getProperty("sun.jnu.encoding", "");

  /** The reason for {@code name}, which Java refused, under this JVM's encoding of file names. */
  static String whyInvalid(String name) {
    return whyInvalid(name, ENCODING);
  }

  static String whyInvalid(String name, String encoding) {
    if (!isUtf8(encoding) && !isAscii(name)) {
      return "this locale's encoding of file names ("
          + (encoding.isEmpty() ? "not UTF-8" : encoding)
          + ") cannot represent the name: run under a UTF-8 locale such as C.UTF-8"
          + " (LC_ALL=C.UTF-8)";
    }
    return name.indexOf('\0') >= 0 ? "a file name cannot hold a NUL character" : "invalid path";
  }

  static boolean isUtf8(String encoding) {
    return encoding.toUpperCase(Locale.ROOT).replace("-", "").equals("UTF8");
  }

  private static boolean isAscii(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) > 0x7F) {
        return false;
      }
    }
    return true;
  }
}
