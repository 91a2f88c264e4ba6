package io.github.packer2aib.core.diag;

import io.github.packer2aib.core.source.PercentEncoding;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.Sha256;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Renders diagnostics as a SARIF 2.1.0 log ({@code --diagnostics-format sarif}), the format that
 * code-scanning services (GitHub code scanning, Azure DevOps' SARIF viewers) read: one run of the
 * tool, one result per diagnostic with its code as the rule id, its detail as the message and its
 * source range as the region; related locations stay related locations.
 *
 * <p>Columns are counted in Unicode code points, as everywhere in packer2aib, which the run says
 * with {@code columnKind}. A file's display name becomes a URI reference: a relative name stays
 * relative to {@code CWD}, the base the caller gives (the working directory), and an absolute one
 * becomes a {@code file:} URI. Rules are listed after the results, sorted by id: a run learns the
 * codes it uses only as it goes, and SARIF does not care about the order of an object's members.
 * Each rule has its severity as {@code defaultConfiguration.level}, which code-scanning services
 * show as the alert's severity.
 *
 * <p>Each result has a {@link #FINGERPRINT} in {@code partialFingerprints}, by which a
 * code-scanning service knows a finding again in a later run: a hash of the rule, the file, the
 * JSON pointer and the (scrubbed) message, without line or column (not even those of a place the
 * message quotes), so an edit elsewhere in the file, which moves the finding, does not make it a
 * new one; equal findings in one file are told apart by their order ({@code :1}, {@code :2}, ...),
 * as GitHub's own line hashes are. Only text already in the result is hashed, never the source, so
 * no hash can stand for a secret.
 */
public final class SarifRenderer {
  /** The base relative file names are resolved against in {@code originalUriBaseIds}. */
  public static final String BASE_ID = "CWD";

  /** The key of packer2aib's fingerprint in a result's {@code partialFingerprints}. */
  public static final String FINGERPRINT = "packer2aibFingerprint/v1";

  private static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  private final String toolVersion;
  private final Optional<String> baseUri;

  /**
   * @param toolVersion packer2aib's version, for {@code tool.driver.version}
   * @param baseUri the absolute URI, ending in a slash, of the folder relative names are relative
   *     to (the working directory), or empty to leave their base to the reader
   */
  public SarifRenderer(String toolVersion, Optional<String> baseUri) {
    this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
    this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
  }

  public String render(Iterable<Diagnostic> diagnostics) {
    return DiagnosticStream.render(this::stream, diagnostics);
  }

  /** A {@link Stream} of results written to {@code out} (which it does not close). */
  public Stream stream(Writer out) {
    return new Stream(out);
  }

  /** The results of one run as they come; {@link #close} adds the rules and ends the log. */
  public final class Stream extends GeneratedStream {
    /** Each rule id used, with the summary and level of its first result. */
    private final Map<String, Rule> rules = new TreeMap<>();

    /** How many results of this run had each fingerprint so far. */
    private final Map<String, Integer> fingerprints = new HashMap<>();

    private Stream(Writer out) {
      super(out);
      try {
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        g.writeStringField("columnKind", "unicodeCodePoints");
        if (baseUri.isPresent()) {
          g.writeObjectFieldStart("originalUriBaseIds");
          g.writeObjectFieldStart(BASE_ID);
          g.writeStringField("uri", baseUri.get());
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeArrayFieldStart("results");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void writeDiagnostic(Diagnostic d) throws IOException {
      String summary = SecretScrubber.scrub(d.summary());
      Rule rule = rules.computeIfAbsent(d.code(), code -> new Rule(summary, d.severity()));
      String detail = SecretScrubber.scrub(d.detail());
      // The rule carries the summary; a result whose own summary differs keeps it in its message.
      String message = rule.summary().equals(summary) ? detail : summary + ": " + detail;
      g.writeStartObject();
      g.writeStringField("ruleId", d.code());
      g.writeStringField("level", d.severity().label());
      writeMessage(message);
      // Always a location with a physical one: GitHub's upload-sarif refuses a whole log if one
      // result has none ("expected at least one location"), or only a logical one.
      g.writeArrayFieldStart("locations");
      g.writeStartObject();
      if (d.subject().isPresent()) {
        writeLocation(d.subject().get(), d.input());
      } else {
        writeArtifactOnly(d.input());
      }
      g.writeEndObject();
      g.writeEndArray();
      if (!d.related().isEmpty()) {
        g.writeArrayFieldStart("relatedLocations");
        int id = 1;
        for (Related r : d.related()) {
          g.writeStartObject();
          g.writeNumberField("id", id++);
          writeMessage(SecretScrubber.scrub(r.label()));
          writeLocation(r.range(), d.input());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeObjectFieldStart("partialFingerprints");
      g.writeStringField(FINGERPRINT, fingerprint(d, message));
      g.writeEndObject();
      if (d.path().isPresent()) {
        g.writeObjectFieldStart("properties");
        g.writeStringField("jsonPointer", SecretScrubber.scrub(d.path().get()));
        g.writeEndObject();
      }
      g.writeEndObject();
    }

    /**
     * The hash of what identifies the finding, and its number among equal ones. A message may quote
     * a place ({@code was already defined at a.pkr.hcl:3:5}): its line and column are left out of
     * the hash, or a line added above both places would make the finding a new one.
     */
    private String fingerprint(Diagnostic d, String message) {
      String hash =
          sha256(
              String.join(
                  "\0",
                  d.code(),
                  d.file().orElse(""),
                  SecretScrubber.scrub(d.path().orElse("")),
                  withoutPositions(message)));
      return hash + ":" + fingerprints.merge(hash, 1, Integer::sum);
    }

    @Override
    void writeEnd() throws IOException {
      g.writeEndArray(); // results
      g.writeObjectFieldStart("tool");
      g.writeObjectFieldStart("driver");
      g.writeStringField("name", "packer2aib");
      g.writeStringField("version", toolVersion);
      g.writeArrayFieldStart("rules");
      for (Map.Entry<String, Rule> rule : rules.entrySet()) {
        g.writeStartObject();
        g.writeStringField("id", rule.getKey());
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", rule.getValue().summary());
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", rule.getValue().level().label());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject(); // driver
      g.writeEndObject(); // tool
      g.writeEndObject(); // run
      g.writeEndArray(); // runs
      g.writeEndObject();
    }

    private void writeMessage(String text) throws IOException {
      g.writeObjectFieldStart("message");
      g.writeStringField("text", text);
      g.writeEndObject();
    }

    /**
     * Where a range is: a file and region, or, for a value that is no file (named in angle
     * brackets, such as {@code <value for var.x from --var>} or {@code <stdin>}), its name as a
     * logical location: a relative URI would send a code-scanning service looking for a file of
     * that name. Such a value's physical location is the input it was given for ({@code input}), or
     * the run itself when that is no file either ({@link #writeArtifactOnly}).
     */
    private void writeLocation(Range r, Optional<String> input) throws IOException {
      String file = r.file();
      if (isLogical(file)) {
        writeArtifactOnly(input);
        g.writeArrayFieldStart("logicalLocations");
        g.writeStartObject();
        g.writeStringField("name", file);
        g.writeEndObject();
        g.writeEndArray();
      } else {
        writePhysicalLocation(r);
      }
    }

    /**
     * A physical location without a region, for what has no place in a file: the input {@code file}
     * (a file or folder) when there is one, else the working directory the run was started in,
     * described as the command line (what a run-wide problem, or {@code <stdin>}, is about).
     */
    private void writeArtifactOnly(Optional<String> file) throws IOException {
      g.writeObjectFieldStart("physicalLocation");
      if (file.isPresent() && !isLogical(file.get())) {
        writeArtifactLocation(file.get());
      } else {
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", "./");
        if (baseUri.isPresent()) {
          g.writeStringField("uriBaseId", BASE_ID);
        }
        g.writeObjectFieldStart("description");
        g.writeStringField(
            "text", file.map(f -> "The command line (" + f + ")").orElse("The command line"));
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndObject();
    }

    private void writeArtifactLocation(String file) throws IOException {
      g.writeObjectFieldStart("artifactLocation");
      if (isAbsolute(file)) {
        g.writeStringField("uri", fileUri(file));
      } else {
        g.writeStringField("uri", encodePath(file));
        if (baseUri.isPresent()) {
          g.writeStringField("uriBaseId", BASE_ID);
        }
      }
      g.writeEndObject();
    }

    private void writePhysicalLocation(Range r) throws IOException {
      g.writeObjectFieldStart("physicalLocation");
      writeArtifactLocation(r.file());
      g.writeObjectFieldStart("region");
      g.writeNumberField("startLine", r.start().line());
      g.writeNumberField("startColumn", r.start().column());
      g.writeNumberField("endLine", r.end().line());
      g.writeNumberField("endColumn", r.end().column());
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  /** Whether a file name names a value that is no file ({@code <stdin>}, a {@code --var}). */
  private static boolean isLogical(String file) {
    return file.length() > 1 && file.startsWith("<") && file.endsWith(">");
  }

  /**
   * Where a message quotes a place ({@code file:line:col}), the line and column: a name's end, then
   * two numbers.
   */
  private static final Pattern POSITION = Pattern.compile("(?<=[^\\s:]):\\d+:\\d+(?![\\d:])");

  /** {@code message} without the lines and columns of the places it quotes. */
  static String withoutPositions(String message) {
    return message.indexOf(':') < 0 ? message : POSITION.matcher(message).replaceAll("");
  }

  /** A rule as its first result shows it. */
  private record Rule(String summary, Severity level) {}

  /**
   * The first 128 bits of the SHA-256 of {@code text}'s UTF-8 bytes, in hex: plenty to tell apart.
   */
  static String sha256(String text) {
    return Sha256.hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
  }

  /** A POSIX absolute path, or a Windows one with a drive letter. */
  static boolean isAbsolute(String file) {
    return file.startsWith("/")
        || (file.length() > 2
            && Character.isLetter(file.charAt(0))
            && file.charAt(1) == ':'
            && (file.charAt(2) == '\\' || file.charAt(2) == '/'));
  }

  /** {@code file:} URI of an absolute path (a Windows path's backslashes become slashes). */
  static String fileUri(String file) {
    String path = file.startsWith("/") ? file : "/" + file.replace('\\', '/');
    return "file://" + encode(path, true);
  }

  /**
   * A path as a URI reference: every byte of its UTF-8 form other than an unreserved character or a
   * slash is percent-encoded, so spaces, {@code %}, {@code #}, {@code ?} and a colon (which would
   * make the first segment read as a scheme) cannot change what the reference means.
   */
  static String encodePath(String path) {
    // On Windows a display name's separators are backslashes; elsewhere one is part of a name.
    return encode(File.separatorChar == '\\' ? path.replace('\\', '/') : path, false);
  }

  /** {@link #encodePath}, keeping colons where they cannot be read as a scheme's end. */
  private static String encode(String path, boolean keepColons) {
    return PercentEncoding.encode(
        path,
        keepColons
            ? c -> PercentEncoding.isUnreserved(c) || c == '/' || c == ':'
            : c -> PercentEncoding.isUnreserved(c) || c == '/',
        false);
  }
}
