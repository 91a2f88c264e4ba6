package io.github.packer2aib.core.report;

import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.diag.SecretScrubber;
import java.util.List;

/**
 * Renders a {@link ConversionReport} as GitHub-flavoured Markdown: a summary table with one row per
 * input (verdict, outputs, decisions per kind), then one section per input with its decisions in a
 * table. Every text from the input goes through {@link SecretScrubber}; table cells are escaped so
 * that a {@code |} or a line break in a message cannot break the table.
 */
public final class ReportMarkdown {
  private ReportMarkdown() {}

  public static String render(ConversionReport report) {
    StringBuilder out = new StringBuilder();
    out.append("# packer2aib conversion report\n\n");
    if (report.checkOnly()) {
      out.append(ConversionReport.CHECK_ONLY_NOTE).append("\n\n");
    }
    out.append(summaryLine(report)).append("\n\n");
    if (report.inputs().isEmpty()) {
      return out.toString();
    }
    out.append("| Input | Verdict | Outputs");
    for (DecisionKind kind : DecisionKind.values()) {
      out.append(" | ").append(heading(kind));
    }
    out.append(" |\n| --- | --- | ---");
    for (int i = 0; i < DecisionKind.values().length; i++) {
      out.append(" | ---:");
    }
    out.append(" |\n");
    for (InputReport input : report.inputs()) {
      out.append("| ")
          .append(cell(input.name()))
          .append(" | ")
          .append(input.verdict().label())
          .append(" | ")
          .append(input.outputs().isEmpty() ? "none" : cell(String.join(", ", input.outputs())));
      for (DecisionKind kind : DecisionKind.values()) {
        out.append(" | ").append(input.count(kind));
      }
      out.append(" |\n");
    }
    for (InputReport input : report.inputs()) {
      out.append('\n');
      section(out, input);
    }
    return out.toString();
  }

  private static String summaryLine(ConversionReport report) {
    int n = report.inputs().size();
    StringBuilder line = new StringBuilder().append(n).append(n == 1 ? " input" : " inputs");
    if (n == 0) {
      return line.append('.').toString();
    }
    String sep = ": ";
    for (Verdict v : Verdict.values()) {
      int count = report.count(v);
      if (count > 0) {
        line.append(sep).append(count).append(' ').append(v.label());
        sep = ", ";
      }
    }
    return line.append('.').toString();
  }

  private static void section(StringBuilder out, InputReport input) {
    out.append("## ").append(cell(input.name())).append("\n\n");
    out.append("- Verdict: ").append(input.verdict().label()).append('\n');
    out.append("- Outputs: ")
        .append(input.outputs().isEmpty() ? "none" : cell(String.join(", ", input.outputs())))
        .append("\n\n");
    if (input.decisions().isEmpty()) {
      out.append("No diagnostics: everything was converted as written.\n");
      return;
    }
    out.append("| Kind | Location | Path | Code | Summary | Detail |\n");
    out.append("| --- | --- | --- | --- | --- | --- |\n");
    for (Decision decision : input.decisions()) {
      Diagnostic d = decision.diagnostic();
      row(out, decision.kind().label(), d, decision.ignored());
    }
  }

  /**
   * One diagnostic as a table row: {@code first} (its kind or severity), location, JSON pointer,
   * code, summary and detail with the related locations, each a {@link #cell}.
   */
  public static void row(StringBuilder out, String first, Diagnostic d, boolean ignored) {
    String detail = detail(d.detail(), d.related());
    out.append("| ")
        .append(first)
        .append(" | ")
        .append(cell(d.subject().map(Object::toString).orElse("")))
        .append(" | ")
        .append(cell(d.path().orElse("")))
        .append(" | ")
        .append(cell(d.code()))
        .append(ignored ? " (ignored)" : "")
        .append(" | ")
        .append(cell(d.summary()))
        .append(" | ")
        .append(cell(detail))
        .append(" |\n");
  }

  private static String detail(String detail, List<Related> related) {
    StringBuilder text = new StringBuilder(detail);
    for (Related r : related) {
      text.append(" (").append(r.label()).append(": ").append(r.range()).append(')');
    }
    return text.toString();
  }

  private static String heading(DecisionKind kind) {
    String label = kind.label();
    String word = Character.toUpperCase(label.charAt(0)) + label.substring(1);
    // The severity-named kinds read as counts of warnings and notes.
    return kind == DecisionKind.WARNING || kind == DecisionKind.NOTE ? word + "s" : word;
  }

  /**
   * One table cell: secrets masked, then the characters that would end the cell or be read as HTML
   * escaped, line breaks turned into {@code <br>} so the row stays on one line, and other control
   * characters written as {@code \}{@code uXXXX} (a file name may hold an escape sequence, which a
   * terminal showing the report would act on). Backticks stay: messages mark code with them.
   */
  public static String cell(String text) {
    String scrubbed = SecretScrubber.scrub(text);
    StringBuilder out = new StringBuilder(scrubbed.length());
    for (int i = 0; i < scrubbed.length(); i++) {
      char c = scrubbed.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '|' -> out.append("\\|");
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> {
          out.append("<br>");
          if (i + 1 < scrubbed.length() && scrubbed.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\n' -> out.append("<br>");
        default -> out.append(c);
      }
    }
    // The line breaks are <br> now; every other control character but tab becomes an escape.
    return ControlCharacters.escape(out.toString());
  }
}
