package io.github.packer2aib.core.parse;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.stream.Collectors;

/** Compact, exact text forms of diagnostics and ranges for assertions. */
final class Diags {
  private Diags() {}

  /** {@code CODE Summary @l:c-l:c [path] : detail {related@l:c label}}. */
  static String describe(Diagnostic d) {
    StringBuilder out = new StringBuilder();
    out.append(d.code()).append(' ').append(d.summary());
    d.subject().ifPresent(r -> out.append(" @").append(span(r)));
    d.path().ifPresent(p -> out.append(" [").append(p).append(']'));
    out.append(": ").append(d.detail());
    for (Related r : d.related()) {
      out.append(" {").append(r.label()).append(" @").append(span(r.range())).append('}');
    }
    return out.toString();
  }

  static List<String> describe(ParseResult result) {
    return result.diagnostics().stream().map(Diags::describe).collect(Collectors.toList());
  }

  static String span(Range r) {
    return r.start() + "-" + r.end();
  }

  /** The source text a range covers. */
  static String text(SourceFile file, Range r) {
    return file.text().substring(r.start().offset(), r.end().offset());
  }
}
