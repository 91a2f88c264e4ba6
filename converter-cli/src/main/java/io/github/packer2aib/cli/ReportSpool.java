package io.github.packer2aib.cli;

import java.io.CharArrayReader;
import java.io.CharArrayWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The per-template part of a {@code convert -r --report}, rendered as the outcomes come (in
 * discovery order) into temporary files beside the report, so that a run holds none of its
 * templates' diagnostics however many there are: the report of 10,000 templates is some 200 MB, and
 * kept as diagnostics it took a quarter of a GiB of memory. {@link BulkReport} writes the summary,
 * which is known only at the end, and then joins the parts.
 *
 * <p>JSON keeps one part: each template's entry, with its length; Markdown two: the rows of the
 * templates table and the sections of their diagnostics, which follow the whole table. A part that
 * cannot be made as a file is held in memory instead (the run goes on; writing the report itself
 * fails later if its folder is not writable). The temporary files are registered with {@link
 * PendingWrites}, so a stopped run leaves none; {@link #close} deletes them.
 */
final class ReportSpool implements Closeable {
  private final ReportFile.Format format;
  private final boolean checkOnly;
  private final Part entries;
  private final Part sections;

  /** JSON: the length in chars of each entry, in order, and how many there are. */
  private int[] lengths = new int[64];

  private int count;

  /** The first failure to write a part: the report cannot be written, and says why. */
  private IOException failure;

  private ReportSpool(ReportFile.Format format, boolean checkOnly, Part entries, Part sections) {
    this.format = format;
    this.checkOnly = checkOnly;
    this.entries = entries;
    this.sections = sections;
  }

  /** A spool for the report {@code file}, its parts beside it. */
  static ReportSpool open(ReportFile file, PendingWrites pending) {
    try {
      file.createFolder(); // so that the parts go beside it
    } catch (IOException e) {
      // Not a problem of its own: writing the report says so.
    }
    Path target = file.target().toAbsolutePath();
    Part entries = Part.open(target, pending);
    Part sections = file.format() == ReportFile.Format.MARKDOWN ? Part.open(target, pending) : null;
    return new ReportSpool(file.format(), file.checkOnly(), entries, sections);
  }

  ReportFile.Format format() {
    return format;
  }

  /** Whether this is the report of {@code validate -r}, which writes nothing else. */
  boolean checkOnly() {
    return checkOnly;
  }

  /** Renders {@code o}'s part of the report; the outcome need not be kept after this. */
  void add(BulkOutcome o) {
    if (failure != null) {
      return;
    }
    try {
      if (format == ReportFile.Format.JSON) {
        String entry = BulkReport.jsonEntry(o);
        entries.writer.write(entry);
        if (count == lengths.length) {
          lengths = Arrays.copyOf(lengths, count * 2);
        }
        lengths[count++] = entry.length();
      } else {
        entries.writer.write(BulkReport.markdownRow(o));
        if (!o.diagnostics().isEmpty()) {
          sections.writer.write(BulkReport.markdownSection(o));
        }
      }
    } catch (IOException e) {
      failure = e;
    }
  }

  /** Reads the JSON entries back, in order. */
  interface EntryConsumer {
    void accept(char[] text, int offset, int length) throws IOException;
  }

  /** Hands each JSON entry to {@code consumer} in the order added. */
  void entries(EntryConsumer consumer) throws IOException {
    try (Reader in = reader(entries)) {
      char[] buffer = new char[4096];
      for (int i = 0; i < count; i++) {
        int length = lengths[i];
        if (buffer.length < length) {
          buffer = new char[Math.max(length, buffer.length * 2)];
        }
        readFully(in, buffer, length);
        consumer.accept(buffer, 0, length);
      }
    }
  }

  /** Copies the rows of the Markdown report's table of templates to {@code out}. */
  void rows(Writer out) throws IOException {
    copy(entries, out);
  }

  /** Copies the Markdown report's sections (each template's diagnostics) to {@code out}. */
  void sections(Writer out) throws IOException {
    copy(sections, out);
  }

  /** Deletes the temporary files. */
  @Override
  public void close() {
    entries.close();
    if (sections != null) {
      sections.close();
    }
  }

  private void copy(Part part, Writer out) throws IOException {
    try (Reader in = reader(part)) {
      in.transferTo(out);
    }
  }

  private Reader reader(Part part) throws IOException {
    if (failure != null) {
      throw failure;
    }
    return part.reader();
  }

  private static void readFully(Reader in, char[] buffer, int length) throws IOException {
    int done = 0;
    while (done < length) {
      int n = in.read(buffer, done, length - done);
      if (n < 0) {
        throw new IOException("the report's temporary file ended early");
      }
      done += n;
    }
  }

  /**
   * A text written once, in order, and read back once: a temporary file beside the report, or
   * memory when no file can be made there.
   */
  private static final class Part implements Closeable {
    final Writer writer;
    private final AtomicFiles.Temp temp;
    private final PendingWrites pending;
    private final CharArrayWriter memory;

    private Part(
        Writer writer, AtomicFiles.Temp temp, PendingWrites pending, CharArrayWriter memory) {
      this.writer = writer;
      this.temp = temp;
      this.pending = pending;
      this.memory = memory;
    }

    static Part open(Path target, PendingWrites pending) {
      try {
        AtomicFiles.Temp temp =
            AtomicFiles.createTemp(target.getParent(), target.getFileName().toString(), pending);
        return new Part(AtomicFiles.utf8Writer(temp.channel()), temp, pending, null);
      } catch (IOException e) {
        // Not a problem of its own: if the folder cannot be written, writing the report says so.
        CharArrayWriter memory = new CharArrayWriter();
        return new Part(memory, null, pending, memory);
      }
    }

    Reader reader() throws IOException {
      writer.close();
      if (memory != null) {
        return new CharArrayReader(memory.toCharArray());
      }
      return Files.newBufferedReader(temp.path(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      try {
        writer.close();
      } catch (IOException e) {
        // Being thrown away: what it held is no longer needed.
      }
      if (temp != null) {
        try {
          Files.deleteIfExists(temp.path());
        } catch (IOException e) {
          // A hidden temporary file left beside the report; nothing else can be done about it.
        } finally {
          pending.end(temp.path());
        }
      }
    }
  }
}
