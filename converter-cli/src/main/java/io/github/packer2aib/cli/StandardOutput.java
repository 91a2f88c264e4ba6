package io.github.packer2aib.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Standard output that keeps the first write error. Main's PrintWriter (like {@code System.out})
 * swallows IOExceptions, so {@code convert t.yaml > aib.json} on a full disk, or into {@code
 * /dev/full}, said "converted" and exited 0 with an empty file. Once a write has failed nothing
 * more is written: every later one would fail the same way.
 */
final class StandardOutput extends FilterOutputStream {
  private IOException failure;

  StandardOutput(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) {
    if (failure == null) {
      try {
        out.write(b);
      } catch (IOException e) {
        failure = e;
      }
    }
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (failure == null) {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        failure = e;
      }
    }
  }

  @Override
  public void flush() {
    if (failure == null) {
      try {
        out.flush();
      } catch (IOException e) {
        failure = e;
      }
    }
  }

  /** Why a write failed, unless none did or the reader went away (see {@link #closedPipe}). */
  Optional<String> failure() {
    return failure == null || closedPipe(failure)
        ? Optional.empty()
        : Optional.of(InputReader.reason(failure));
  }

  /**
   * Whether the reader of a pipe has gone ({@code | head -1}, EPIPE): it asked for no more, as with
   * every Unix tool's output, so that is not reported (and the run's exit code stays). Java says so
   * only in the message: "Broken pipe" on Linux and macOS.
   */
  static boolean closedPipe(IOException e) {
    return "Broken pipe".equals(e.getMessage());
  }
}
