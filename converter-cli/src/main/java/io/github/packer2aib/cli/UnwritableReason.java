package io.github.packer2aib.cli;

/**
 * Why an output file could not be written, with what to do where the system's reason alone does not
 * say it: an output named after a long input file and a long build name (a 250-character file of
 * two builds) exceeded the file system's limit, and "File name too long" gave no way out.
 */
final class UnwritableReason {
  private UnwritableReason() {}

  /** The reason Linux gives (ENAMETOOLONG); other systems word it otherwise and pass unchanged. */
  private static final String NAME_TOO_LONG = "File name too long";

  static String of(String reason) {
    return reason.equals(NAME_TOO_LONG)
        ? reason
            + " (a file name holds at most 255 bytes on most file systems: shorten the input's"
            + " file name, or the name of the build, source or template the output is named"
            + " after)"
        : reason;
  }
}
