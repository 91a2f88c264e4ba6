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
 */
public record Diagnostic(
    String code,
    Severity severity,
    String summary,
    String detail,
    Optional<Range> subject,
    Optional<String> path,
    List<Related> related) {

  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(path, "path");
    related = List.copyOf(related);
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
        related);
  }

  public Diagnostic withSeverity(Severity newSeverity) {
    return new Diagnostic(code, newSeverity, summary, detail, subject, path, related);
  }

  public Diagnostic withRelated(Related more) {
    List<Related> all = new java.util.ArrayList<>(related);
    all.add(more);
    return new Diagnostic(code, severity, summary, detail, subject, path, all);
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
        && related.equals(d.related);
  }

  @Override
  public int hashCode() {
    int h = code.hashCode();
    h = 31 * h + severity.hashCode();
    h = 31 * h + summary.hashCode();
    h = 31 * h + detail.hashCode();
    h = 31 * h + subject.hashCode();
    h = 31 * h + path.hashCode();
    return 31 * h + related.hashCode();
  }
}
