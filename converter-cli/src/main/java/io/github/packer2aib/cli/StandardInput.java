package io.github.packer2aib.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's standard input, which says so when it was closed ({@code convert - <&-}). Then the
 * JVM's first opened file takes file descriptor 0, its own {@code lib/modules}, and reading
 * "standard input" read the JDK image: "larger than 64 MiB, too large for a template". A file under
 * {@code java.home} is never what a user meant as a template, so fd 0 pointing there means it was
 * closed. Asked at the first read only: most runs never read standard input.
 */
final class StandardInput extends FilterInputStream {
  /** The reason a read gives, as {@code cannot read <stdin>: standard input is closed}. */
  static final String CLOSED = "standard input is closed";

  private static final Path FD0 = Path.of("/proc/self/fd/0");

  private final Path fd0;
  private final String javaHome;
  private boolean checked;
  private boolean closed;

  StandardInput(InputStream in) {
    this(in, FD0, System.getProperty("java.home", ""));
  }

  /** For tests: where the link of fd 0 is, and the JDK's folder. */
  StandardInput(InputStream in, Path fd0, String javaHome) {
    super(in);
    this.fd0 = fd0;
    this.javaHome = javaHome;
  }

  @Override
  public int read() throws IOException {
    check();
    return super.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    check();
    return super.read(b, off, len);
  }

  @Override
  public long skip(long n) throws IOException {
    check();
    return super.skip(n);
  }

  @Override
  public int available() throws IOException {
    check();
    return super.available();
  }

  private void check() throws IOException {
    if (!checked) {
      checked = true;
      closed = takenByTheJvm(fd0, javaHome);
    }
    if (closed) {
      throw new IOException(CLOSED);
    }
  }

  /**
   * Whether the file fd 0 is ({@code fd0}, a link as in {@code /proc/self/fd}) is one of the JDK's
   * own, under {@code javaHome} as given or as the file system resolves it. No {@code /proc}
   * (another system) or no such link: no.
   */
  static boolean takenByTheJvm(Path fd0, String javaHome) {
    if (javaHome.isEmpty()) {
      return false;
    }
    try {
      Path target = Files.readSymbolicLink(fd0);
      if (!target.isAbsolute()) {
        return false; // pipe:[…], socket:[…]
      }
      Path home = Path.of(javaHome);
      return target.startsWith(home) || target.startsWith(home.toRealPath());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
