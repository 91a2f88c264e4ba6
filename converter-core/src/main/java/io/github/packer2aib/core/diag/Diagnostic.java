package io.github.packer2aib.core.diag;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A problem found in the input, as data; rendering is separate ({@link TextRenderer}, {@link
 * JsonRenderer}).
 *
 * @param code stable code such as {@code AIB-E101}
 * @param severity error, warning or note
 * @param summary terse title in sentence case
 * @param detail full sentences: what is wrong and what to do
 * @param subject the tight range that is wrong, when the input has a location for it
 * @param path the JSON pointer of the offending node in the document, when there is one
 * @param related further locations (e.g. where a duplicate was first defined)
 * @param input the input (file or folder, as the run names it) a diagnostic without a subject is
 *     about: an empty template, an unreadable file, a folder without a build. Set by whoever runs
 *     the input ({@link #about}), as the core's mapper does not know how the run names it; a reader
 *     of the JSON or SARIF output can then tell which input failed.
 */
public record Diagnostic(
    String code,
    Severity severity,
    String summary,
    String detail,
    Optional<Range> subject,
    Optional<String> path,
    List<Related> related,
    Optional<String> input) {

  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(path, "path");
    related = List.copyOf(related);
    Objects.requireNonNull(input, "input");
  }

  /** A diagnostic not yet said to be about an input. */
  public Diagnostic(
      String code,
      Severity severity,
      String summary,
      String detail,
      Optional<Range> subject,
      Optional<String> path,
      List<Related> related) {
    this(code, severity, summary, detail, subject, path, related, Optional.empty());
  }

  /** A diagnostic with the code's own summary and severity. */
  public static Diagnostic of(DiagnosticCode code, Range subject, String detail) {
    return new Diagnostic(
        code.id(),
        code.severity(),
        code.summary(),
        detail,
        Optional.ofNullable(subject),
        Optional.empty(),
        List.of());
  }

  /**
   * This diagnostic at a JSON pointer. A pointer names the keys on its way, and a key may be a SAS
   * URL (a tag named by one): its signature is masked, as in a quoted line.
   */
  public Diagnostic withPath(String pointer) {
    return new Diagnostic(
        code,
        severity,
        summary,
        detail,
        subject,
        Optional.ofNullable(pointer).map(SecretScrubber::maskSignatures),
        related,
        input);
  }

  /** This diagnostic with another detail (the same problem, better explained). */
  public Diagnostic withDetail(String newDetail) {
    return new Diagnostic(code, severity, summary, newDetail, subject, path, related, input);
  }

  public Diagnostic withSeverity(Severity newSeverity) {
    return new Diagnostic(code, newSeverity, summary, detail, subject, path, related, input);
  }

  public Diagnostic withRelated(Related more) {
    List<Related> all = new java.util.ArrayList<>(related);
    all.add(more);
    return new Diagnostic(code, severity, summary, detail, subject, path, all, input);
  }

  /**
   * This diagnostic said to be about the input {@code name}, unless it already names one: the
   * diagnostic itself when {@code name} is null.
   */
  public Diagnostic about(String name) {
    if (name == null || input.isPresent()) {
      return this;
    }
    return new Diagnostic(
        code, severity, summary, detail, subject, path, related, Optional.of(name));
  }

  /**
   * The file a reader should look at: the subject's, else the input's (which may be a folder), else
   * none.
   */
  public Optional<String> file() {
    return subject.isPresent() ? subject.map(Range::file) : input;
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  // Written out rather than generated: a record's equals and hashCode link method handles on
  // first use, several milliseconds each in a cold run, and every conversion uses these.
  @Override
  public boolean equals(Object o) {
    return o instanceof Diagnostic d
        && code.equals(d.code)
        && severity == d.severity
        && summary.equals(d.summary)
        && detail.equals(d.detail)
        && subject.equals(d.subject)
        && path.equals(d.path)
        && related.equals(d.related)
        && input.equals(d.input);
  }

  @Override
  public int hashCode() {
    int h = code.hashCode();
    h = 31 * h + severity.hashCode();
    h = 31 * h + summary.hashCode();
    h = 31 * h + detail.hashCode();
    h = 31 * h + subject.hashCode();
    h = 31 * h + path.hashCode();
    h = 31 * h + related.hashCode();
    return 31 * h + input.hashCode();
  }
}
