package io.github.packer2aib.cli;

import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.function.HostFile;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.source.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads inputs as UTF-8 text. A problem with one input (missing, a directory, not UTF-8) becomes an
 * {@link Input.Unreadable} with a short reason, so the other inputs are still processed.
 */
final class InputReader {
  /** The argument that means standard input. */
  static final String STDIN = "-";

  static final String DEFAULT_STDIN_NAME = "<stdin>";

  private final InputStream stdin;
  private final String stdinName;

  InputReader(InputStream stdin, String stdinName) {
    this.stdin = stdin;
    this.stdinName = stdinName;
  }

  Input read(String argument) {
    if (STDIN.equals(argument)) {
      try {
        byte[] bytes = stdin.readNBytes(MAX_INPUT_BYTES + 1);
        return bytes.length > MAX_INPUT_BYTES
            ? new Input.Unreadable(stdinName, TOO_LARGE_INPUT)
            : decode(stdinName, bytes);
      } catch (IOException e) {
        return new Input.Unreadable(stdinName, reason(e));
      }
    }
    String shown = Assignments.shownAsInput(argument);
    if (!shown.equals(argument)) {
      // pw=… given without --var: an error about it would echo the value.
      return new Input.Unreadable(shown, Assignments.notAFile(argument));
    }
    Path path;
    try {
      path = Path.of(argument);
    } catch (InvalidPathException e) {
      return new Input.Unreadable(argument, PathSpelling.whyInvalid(argument));
    }
    return readNamed(path, argument);
  }

  /**
   * The most an input named on the command line (a template, standard input, a settings file) may
   * hold. Azure takes at most 4 MB in a request, and no Packer template comes near; the limit is
   * there so that a device ({@code /dev/zero}) or a huge file ends in an error instead of running
   * the JVM out of memory.
   */
  static final int MAX_INPUT_BYTES = 64 * 1024 * 1024;

  /** The reason for an input over {@link #MAX_INPUT_BYTES}. */
  static final String TOO_LARGE_INPUT = "larger than 64 MiB, too large for a template";

  /**
   * A file named on the command line, at most {@link #MAX_INPUT_BYTES}, named {@code name}. Only a
   * regular file is opened: a folder, a named pipe or a device is unreadable for what it is, and so
   * is a file of the operating system ({@link #systemFile}).
   */
  static Input readNamed(Path path, String name) {
    Optional<String> notRegular = FileKinds.whyNotRegular(path);
    if (notRegular.isPresent()) {
      return new Input.Unreadable(name, notRegular.get());
    }
    Optional<HostFile> host = systemFile(path);
    if (host.isPresent()) {
      return new Input.Unreadable(name, hostFileReason(host.get()));
    }
    Input input = readFile(path, name, MAX_INPUT_BYTES);
    return input instanceof Input.Unreadable u && u.reason().equals(TOO_LARGE)
        ? new Input.Unreadable(name, TOO_LARGE_INPUT)
        : input;
  }

  /** The reason {@link #readFile(Path, String, long)} gives for a file over its limit. */
  static final String TOO_LARGE = "too large";

  /**
   * Reads a file (found by {@code convert -r}, say) that may be no larger than {@code maxBytes},
   * named {@code name} in diagnostics: the size is asked of the open file (an fstat) rather than of
   * its path first (a second path lookup and stat, for every one of thousands of files in a bulk
   * run). A file that grows past the limit while it is read is too large as well. It is not asked
   * whether the file is one of the operating system's ({@link #systemFile}): {@link #readNamed}
   * asks that of a file the user names, and a bulk run's {@link Discovery} of the files it finds.
   */
  static Input readFile(Path path, String name, long maxBytes) {
    byte[] bytes;
    try {
      bytes = readUpTo(path, maxBytes);
    } catch (IOException e) {
      return new Input.Unreadable(name, reason(e));
    }
    return bytes == null ? new Input.Unreadable(name, TOO_LARGE) : decode(name, bytes);
  }

  /**
   * The file of the operating system ({@code /proc}, {@code /sys}, {@code /dev}) that {@code path}
   * is, by its name or where its symbolic links lead, or empty. Such a file is never read, even one
   * the user named: a template, settings file or var file {@code t.json -> /proc/self/environ} was
   * parsed, and its syntax errors quoted the lines of the converting process's environment on
   * stderr. Nothing a template needs lives there, and a CI job may take a name from a file it does
   * not control. (A private file the user names is read: their choice.)
   */
  static Optional<HostFile> systemFile(Path path) {
    String absolute;
    try {
      absolute = FileSystemView.slashes(path.toAbsolutePath().toString());
    } catch (java.io.IOError | SecurityException e) {
      return Optional.empty(); // no working directory to resolve it against: its read fails
    }
    Optional<HostFile> byName = HostFile.system(absolute, absolute);
    if (byName.isPresent()) {
      return byName;
    }
    try {
      return HostFile.system(absolute, FileSystemView.slashes(path.toRealPath().toString()));
    } catch (IOException | SecurityException e) {
      return Optional.empty(); // nothing there: its read says why
    }
  }

  /** The reason an input that is {@code host} is not read, after "cannot read NAME: ". */
  static String hostFileReason(HostFile host) {
    return "it "
        + host.what()
        + "; a converter never reads the files of the operating system of the machine it runs on";
  }

  /**
   * A file's bytes, or null when it has more than {@code maxBytes} (then nothing is read, or, when
   * it grew past the limit while being read, nothing is kept).
   */
  static byte[] readUpTo(Path path, long maxBytes) throws IOException {
    try (FileChannel channel = FileChannel.open(path)) {
      long size = channel.size();
      return size > maxBytes ? null : readAll(channel, (int) size, maxBytes);
    }
  }

  /** The channel's bytes to its end, {@code expected} of them unless it changed; null past max. */
  private static byte[] readAll(FileChannel channel, int expected, long maxBytes)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(Math.max(expected, 1));
    ByteBuffer probe = null;
    while (true) {
      if (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          return buffer.position() == buffer.capacity()
              ? buffer.array()
              : Arrays.copyOf(buffer.array(), buffer.position());
        }
        continue;
      }
      // Full, as it is once the expected size is read: one byte more says whether the file ends
      // here (nearly always) or grew since its size was read. (A read into the full buffer would
      // answer 0, not the end, and growing it first cost two copies of every file.)
      if (probe == null) {
        probe = ByteBuffer.allocate(1);
      }
      probe.clear();
      int read = channel.read(probe);
      if (read < 0) {
        return buffer.array();
      }
      if (read == 0) {
        continue;
      }
      if (buffer.capacity() >= maxBytes) {
        return null;
      }
      long larger = Math.min(maxBytes + 1, 2L * buffer.capacity() + 4096);
      buffer =
          ByteBuffer.wrap(Arrays.copyOf(buffer.array(), (int) larger)).position(buffer.position());
      buffer.put(probe.get(0));
    }
  }

  /** How the reason {@link #read} gives for a file that is not UTF-8 text starts. */
  static final String NOT_UTF8 = "not valid UTF-8 text";

  private static Input decode(String name, byte[] bytes) {
    try {
      // Without a byte order mark: it is invisible in editors, so columns stay as the user sees
      // them.
      SourceFile source = SourceFile.fromUtf8(name, bytes);
      // UTF-16 without a byte order mark decodes as UTF-8 (ASCII between NULs): the parser said
      // only "Unexpected character" at the first NUL, and a bulk run skipped a template so saved
      // as "not valid JSON or YAML". Told as a .pkr.hcl file is (PKR-E002), by the same check.
      Optional<String> nuls =
          io.github.packer2aib.core.source.OtherEncodings.nulsBetweenLetters(bytes);
      return nuls.isPresent() ? new Input.Unreadable(name, nuls.get()) : new Input.Loaded(source);
    } catch (CharacterCodingException e) {
      // Utf8.Malformed says where: "not valid UTF-8 text (line 17, column 5: byte 0xC3)".
      String reason = e instanceof Utf8.Malformed ? e.getMessage() : NOT_UTF8;
      return new Input.Unreadable(
          name,
          io.github.packer2aib.core.source.OtherEncodings.describe(bytes)
              .map(how -> reason + ": " + how)
              .orElse(reason));
    }
  }

  /**
   * A short, stable reason; the exception's own message repeats the path and varies by platform.
   */
  static String reason(IOException e) {
    return FileSystemView.reason(e);
  }
}
