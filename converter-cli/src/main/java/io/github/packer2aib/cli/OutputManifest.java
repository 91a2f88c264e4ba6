package io.github.packer2aib.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The outputs that {@code convert -r} wrote into an output folder, each with its size and CRC-32,
 * kept in the folder as {@value #FILE_NAME}: what {@code --prune} may delete is what packer2aib
 * wrote there and nobody changed since, never a file it cannot account for. Every complete run
 * writes it anew (its own outputs, and the earlier entries whose files are still there); the text
 * is sorted and holds no time, so the same run gives the same bytes.
 */
final class OutputManifest {
  /** Hidden, so that discovery, the earlier-output check and users' globs pass it by. */
  static final String FILE_NAME = ".packer2aib-outputs.json";

  private static final JsonFactory FACTORY = new JsonFactory();

  /** What was written to one path: its size and CRC-32. */
  record Entry(long size, long crc32) {
    static Entry of(byte[] bytes) {
      return new Entry(bytes.length, OutputManifest.crc32(bytes));
    }
  }

  private final SortedMap<String, Entry> entries;

  /** Why the list in the folder cannot be read, or null: there is none, or it was read. */
  private final String damage;

  private OutputManifest(SortedMap<String, Entry> entries, String damage) {
    this.entries = entries;
    this.damage = damage;
  }

  private OutputManifest(SortedMap<String, Entry> entries) {
    this(entries, null);
  }

  static OutputManifest of(Map<String, Entry> entries) {
    return new OutputManifest(new TreeMap<>(entries));
  }

  Map<String, Entry> entries() {
    return entries;
  }

  /**
   * Why the folder's list could not be read ("line 6, column 1: unexpected character ..."), when
   * there is one that could not: then it holds no entry here, and it must not be written over,
   * which would lose the entries it holds.
   */
  Optional<String> damage() {
    return Optional.ofNullable(damage);
  }

  /** This list without the entries of {@code paths}. */
  OutputManifest without(java.util.Set<String> paths) {
    if (paths.isEmpty()) {
      return this;
    }
    SortedMap<String, Entry> kept = new TreeMap<>(entries);
    kept.keySet().removeAll(paths);
    return new OutputManifest(kept, damage);
  }

  /**
   * The manifest in {@code out}; empty when there is none, and empty with its {@link #damage} when
   * it cannot be read or is not one (a merge conflict in a list committed with the outputs):
   * --prune then deletes nothing, and the run leaves the list as it is.
   */
  static OutputManifest read(Path out) {
    Path file = out.resolve(FILE_NAME);
    SortedMap<String, Entry> entries = new TreeMap<>();
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return new OutputManifest(entries);
    }
    try (JsonParser p = FACTORY.createParser(file.toFile())) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        return first == null
            ? new OutputManifest(new TreeMap<>(), "it is empty")
            : damaged(p, "it is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (!field.equals("outputs") || value != JsonToken.START_OBJECT) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String path = p.currentName();
          if (p.nextToken() != JsonToken.START_ARRAY
              || p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
            return damaged(p, NOT_AN_ENTRY);
          }
          long size = p.getLongValue();
          if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
            return damaged(p, NOT_AN_ENTRY);
          }
          long crc = p.getLongValue();
          if (p.nextToken() != JsonToken.END_ARRAY) {
            return damaged(p, NOT_AN_ENTRY);
          }
          if (plainRelative(path)) {
            entries.put(path, new Entry(size, crc));
          }
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        return damaged(p, "it does not end where its object ends");
      }
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      return damaged(
          e.getLocation(),
          message == null || message.isEmpty()
              ? "it is not valid JSON"
              : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1));
    } catch (IOException | RuntimeException e) {
      return new OutputManifest(
          new TreeMap<>(),
          e instanceof IOException io ? InputReader.reason(io) : String.valueOf(e.getMessage()));
    }
    return new OutputManifest(entries);
  }

  private static final String NOT_AN_ENTRY = "an output's entry is not [size, CRC-32]";

  private static OutputManifest damaged(JsonParser p, String why) {
    return damaged(p.currentTokenLocation(), why);
  }

  private static OutputManifest damaged(JsonLocation at, String why) {
    String where =
        at == null || at.getLineNr() < 1
            ? ""
            : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    return new OutputManifest(new TreeMap<>(), where + why);
  }

  /**
   * Whether {@code path} is a path below the folder as a run writes them ({@code a/b/t.json}): the
   * list is read from a file anyone could have edited, and an entry such as {@code ../x} must not
   * even be looked at.
   */
  static boolean plainRelative(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0) {
      return false;
    }
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code relative} is listed and the file there (a regular file, not a link) holds what
   * was written: the same size and CRC-32.
   */
  boolean holdsAsWritten(Path out, String relative) {
    Entry e = entries.get(relative);
    if (e == null) {
      return false;
    }
    Path file = out.resolve(relative);
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != e.size()) {
        return false;
      }
      return crc32(Files.readAllBytes(file)) == e.crc32();
    } catch (IOException | OutOfMemoryError ex) {
      return false;
    }
  }

  /** Writes the manifest into {@code out}, atomically. */
  void write(Path out) throws IOException {
    AtomicFiles.write(out.resolve(FILE_NAME), text());
  }

  /** The text {@link #write} writes. */
  String text() throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(text)) {
      // Objects indented, each entry's [size, CRC-32] on its line: 10,000 outputs, 10,000 lines.
      g.setPrettyPrinter(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance));
      g.writeStartObject();
      g.writeStringField(
          "about",
          "The files packer2aib convert -r wrote into this folder ([size, CRC-32]): --prune"
              + " deletes only these, unchanged. Every complete run writes this file again.");
      g.writeObjectFieldStart("outputs");
      for (Map.Entry<String, Entry> e : entries.entrySet()) {
        g.writeArrayFieldStart(e.getKey());
        g.writeNumber(e.getValue().size());
        g.writeNumber(e.getValue().crc32());
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    return text + "\n";
  }

  static long crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length);
    return crc.getValue();
  }
}
