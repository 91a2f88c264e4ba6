package io.github.packer2aib.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Writes a file so that readers see either the old content or the new, never a half-written file:
 * the text goes to a temporary file in the same directory (same file system, so the rename is
 * atomic), which is then moved over the target. A file that already holds the same bytes is not
 * written again.
 */
final class AtomicFiles {
  private static long counter;

  private AtomicFiles() {}

  static void write(Path target, String text) throws IOException {
    write(target, text, PendingWrites.PROCESS);
  }

  /** {@link #write(Path, String)}, with the temporary file registered in {@code pending}. */
  static void write(Path target, String text, PendingWrites pending) throws IOException {
    write(target, text, pending, true);
  }

  /**
   * {@link #write(Path, String, PendingWrites)}; {@code mayExist} false when the target's folder is
   * known to have held no file before (made by this run), so there is nothing to compare with.
   */
  static void write(Path target, String text, PendingWrites pending, boolean mayExist)
      throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8), pending, mayExist);
  }

  /**
   * {@link #write(Path, String, PendingWrites, boolean)} of a text already encoded (UTF-8); the
   * caller hands {@code bytes} over and does not change them.
   */
  static void write(Path target, byte[] bytes, PendingWrites pending, boolean mayExist)
      throws IOException {
    if (mayExist && holds(target, bytes)) {
      // Already this content: the file and its time stamp are left alone, so converting a tree
      // again rewrites only what changed (and tools that watch time stamps see no change).
      return;
    }
    writeThrough(
        target,
        pending,
        mayExist,
        channel -> {
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
        });
  }

  /** Writes text to a {@link Writer}. */
  interface Body {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Writes what {@code body} writes, as UTF-8, atomically as {@link #write(Path, String)} does, but
   * without holding the whole text in memory (a bulk run's report of 10,000 templates is some 200
   * MB); so it is never compared with an existing file and always written.
   */
  static void write(Path target, Body body) throws IOException {
    writeThrough(
        target,
        PendingWrites.PROCESS,
        true,
        channel -> {
          Writer out = utf8Writer(channel);
          body.writeTo(out);
          out.flush();
        });
  }

  private static final int STREAM_BUFFER = 64 * 1024;

  /**
   * A buffered UTF-8 writer to {@code channel} that writes what UTF-8 cannot hold (half of a
   * surrogate pair) as {@code ?}, as {@link String#getBytes} does, instead of failing the file.
   */
  static Writer utf8Writer(WritableByteChannel channel) {
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return Channels.newWriter(channel, encoder, STREAM_BUFFER);
  }

  /**
   * Fills a temporary file beside {@code target} through {@code fill}, then moves it there; {@code
   * mayExist} false when {@code target} is known not to exist (a folder this run made).
   */
  private static void writeThrough(Path target, PendingWrites pending, boolean mayExist, Fill fill)
      throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Temp temp = createTemp(dir, target.getFileName().toString(), pending);
    boolean moved = false;
    try {
      try (WritableByteChannel channel = temp.channel()) {
        fill.into(channel);
      }
      if (mayExist) {
        keepPermissions(target, temp.path());
      }
      try {
        Files.move(
            temp.path(),
            target,
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp.path(), target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp.path());
      }
      pending.end(temp.path());
    }
  }

  /**
   * Gives {@code temp} the permissions of the regular file {@code target} it replaces: the rename
   * puts a new file in its place, which had the user's umask (a team's 0640 output became 0644 on
   * every change). The owner cannot be kept so (only root may give a file away): the new file is
   * the running user's. Where the system has no POSIX permissions (Windows), or the target is no
   * regular file (missing, or a link, which is replaced and not followed), nothing is done.
   */
  private static void keepPermissions(Path target, Path temp) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      return;
    }
    PosixFileAttributes old;
    try {
      old = view.readAttributes();
    } catch (IOException e) {
      return; // no file there to take them from
    }
    if (old.isRegularFile()) {
      Files.setPosixFilePermissions(temp, old.permissions());
    }
  }

  /** Whether {@code target} is a regular file (not a link) holding exactly {@code bytes}. */
  static boolean holds(Path target, byte[] bytes) {
    // The length first, from java.io: 0 for a missing file, where Files.isRegularFile would throw
    // and catch an exception (Java 17), and a bulk run writes thousands of files that do not exist
    // yet. Reading the bytes settles the rest.
    if (target.toFile().length() != bytes.length) {
      return false;
    }
    try {
      return Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
          && Arrays.equals(Files.readAllBytes(target), bytes);
    } catch (IOException e) {
      return false; // unreadable: write it as any other
    }
  }

  /**
   * Files.createTempFile would make the file owner-only (0600) on POSIX; creating it by name keeps
   * the user's umask, so the result has the permissions of any other file they create.
   */
  static Temp createTemp(Path dir, String fileName, PendingWrites pending) throws IOException {
    long pid = ProcessHandle.current().pid();
    String stem = tempStem(fileName);
    while (true) {
      Path temp = dir.resolve(tempName(stem, pid, next()));
      try {
        return new Temp(temp, pending.begin(temp));
      } catch (FileAlreadyExistsException e) {
        // Left over from another run; try the next name.
      }
    }
  }

  /** What marks a temporary file as this tool's: {@link StaleTemps} deletes no other. */
  static final String TEMP_MARK = ".packer2aib-";

  /** The suffix of every temporary file. */
  static final String TEMP_SUFFIX = ".tmp";

  /**
   * {@code .STEM.packer2aib-PID-N.tmp}: hidden, named after its target so that a user who meets one
   * knows what it was for, and marked as this tool's, so that the clean-up of a killed run's files
   * ({@link StaleTemps}) never takes a user's hidden file for one (it once matched any {@code
   * .x.1.2.tmp}).
   */
  static String tempName(String stem, long pid, long n) {
    return "." + stem + TEMP_MARK + pid + "-" + n + TEMP_SUFFIX;
  }

  /** The most UTF-8 bytes of the target's name that a temporary file's name keeps as they are. */
  static final int STEM_BYTES = 100;

  /** How many bytes of a longer name are kept before the hash that stands for the rest. */
  private static final int SHORTENED_BYTES = 80;

  /**
   * The target's name as it stands in its temporary file's name: whole when it has at most {@link
   * #STEM_BYTES} UTF-8 bytes; else its first {@link #SHORTENED_BYTES} bytes (whole characters),
   * {@code ~} and eight hex digits of a hash of the whole name. A file system takes names of up to
   * 255 bytes (ext4, XFS, APFS; NTFS 255 UTF-16 units), and an output named near that limit, which
   * can be written, failed with "File name too long" because its temporary name was longer; so a
   * temporary name stays under 160 bytes, whatever the target's.
   */
  static String tempStem(String fileName) {
    if (utf8Length(fileName, fileName.length()) <= STEM_BYTES) {
      return fileName;
    }
    int end = 0;
    int bytes = 0;
    while (end < fileName.length()) {
      int cp = fileName.codePointAt(end);
      int width = utf8Length(cp);
      if (bytes + width > SHORTENED_BYTES) {
        break;
      }
      bytes += width;
      end += Character.charCount(cp);
    }
    CRC32 crc = new CRC32();
    crc.update(fileName.getBytes(StandardCharsets.UTF_8));
    return fileName.substring(0, end) + "~" + String.format("%08x", crc.getValue());
  }

  private static int utf8Length(String s, int end) {
    int bytes = 0;
    for (int i = 0; i < end; ) {
      int cp = s.codePointAt(i);
      bytes += utf8Length(cp);
      i += Character.charCount(cp);
    }
    return bytes;
  }

  private static int utf8Length(int cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }

  private interface Fill {
    void into(WritableByteChannel channel) throws IOException;
  }

  /** A temporary file just created, and the channel that writes it. */
  record Temp(Path path, WritableByteChannel channel) {}

  private static synchronized long next() {
    return ++counter;
  }
}
