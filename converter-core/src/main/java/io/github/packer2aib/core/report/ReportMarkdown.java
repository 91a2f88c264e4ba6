package io.github.packer2aib.core.report;

import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.diag.SecretScrubber;
import java.util.List;

/**
 * Renders a {@link ConversionReport} as GitHub-flavoured Markdown: a summary table with one row per
 * input (verdict, outputs, decisions per kind), then one section per input with its decisions in a
 * table. Every text from the input goes through {@link SecretScrubber} and {@link #cell}, which
 * escapes it so that it renders as it reads on stderr: no {@code |} or line break in a message can
 * break the table, and no {@code _}, {@code *} or backtick in a file name or message becomes
 * markup.
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
    if (!report.runDiagnostics().isEmpty()) {
      runSection(out, report.runDiagnostics());
      out.append('\n');
    }
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
    boolean runSaid = !report.runDiagnostics().isEmpty();
    for (InputReport input : report.inputs()) {
      out.append('\n');
      section(out, input, runSaid);
    }
    return out.toString();
  }

  /** The heading of the run's own diagnostics, which both kinds of report write. */
  public static final String RUN_HEADING = "Diagnostics of the run";

  /**
   * The run's own diagnostics as a short list under {@link #RUN_HEADING}: {@code - warning CODE
   * (summary): detail}, with the location when there is one, each text a {@link #cell}.
   */
  public static void runSection(StringBuilder out, List<Diagnostic> diagnostics) {
    out.append("## ")
        .append(RUN_HEADING)
        .append(
            "\n\n"
                + "About the run as a whole, not about one input, in the order the run said"
                + " them:\n\n");
    for (Diagnostic d : diagnostics) {
      out.append("- ")
          .append(d.severity().label())
          .append(' ')
          .append(cell(d.code()))
          .append(" (")
          .append(cell(d.summary()))
          .append("): ")
          .append(cell(d.detail()));
      if (d.subject().isPresent()) {
        out.append(" (at ").append(cell(d.subject().get().toString())).append(')');
      }
      out.append('\n');
    }
  }

  /**
   * "3 inputs: 2 converted, 1 failed; 2 warnings; 1 ignored (--ignore)." The warnings and ignored
   * decisions are counted as the run's summary line on stderr counts them, the run's own warnings
   * included.
   */
  private static String summaryLine(ConversionReport report) {
    int n = report.inputs().size();
    StringBuilder line = new StringBuilder().append(n).append(n == 1 ? " input" : " inputs");
    String sep = ": ";
    for (Verdict v : Verdict.values()) {
      int count = report.count(v);
      if (count > 0) {
        line.append(sep).append(count).append(' ').append(v.label());
        sep = ", ";
      }
    }
    int warnings = report.warnings();
    if (warnings > 0) {
      line.append("; ").append(warnings).append(warnings == 1 ? " warning" : " warnings");
    }
    int ignored = report.ignored();
    if (ignored > 0) {
      line.append("; ").append(ignored).append(" ignored (--ignore)");
    }
    return line.append('.').toString();
  }

  /**
   * An input's section; {@code runSaid}: the run has diagnostics of its own, so that an input
   * without any is not said to be all there is to know.
   */
  private static void section(StringBuilder out, InputReport input, boolean runSaid) {
    out.append("## ").append(cell(input.name())).append("\n\n");
    out.append("- Verdict: ").append(input.verdict().label()).append('\n');
    out.append("- Outputs: ")
        .append(input.outputs().isEmpty() ? "none" : cell(String.join(", ", input.outputs())))
        .append("\n\n");
    if (input.decisions().isEmpty()) {
      out.append(
          runSaid
              ? "No diagnostics about this input; the run's own are under \""
                  + RUN_HEADING
                  + "\" above.\n"
              : "No diagnostics: everything was converted as written.\n");
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
   * Text from a template, a message or a file name as Markdown that renders as the text itself (in
   * a table cell, a heading or a list item alike): secrets masked, then
   *
   * <ul>
   *   <li>every character CommonMark or GFM reads as inline markup backslash-escaped, as CommonMark
   *       defines escapes for ASCII punctuation: {@code \ | ` * _ [ ] # ~} (so a file name {@code
   *       web*prod*} is no emphasis, a {@code #} that ends a heading is not read as its closing
   *       sequence, and the backticks messages quote code with show as written, as on stderr: a
   *       code span would also show the entities below undecoded);
   *   <li>{@code & < >} as entities, so that no HTML tag, entity or autolink is read;
   *   <li>line breaks as {@code <br>}, so that a table row stays on one line;
   *   <li>what a line may start a block with, when the text starts with it: a {@code -} or {@code
   *       +} (a list, a thematic break) is escaped, and so is the {@code .} or {@code )} after
   *       leading digits (an ordered list); a space or tab at either end becomes a character
   *       reference, which no table cell or heading trims and which starts no indented code;
   *   <li>every other control character but tab as {@code \}{@code uXXXX} (a file name may hold an
   *       escape sequence, which a terminal showing the report would act on).
   * </ul>
   */
  public static String cell(String text) {
    String scrubbed = SecretScrubber.scrub(text);
    int n = scrubbed.length();
    StringBuilder out = new StringBuilder(n + 8);
    int markerEnd = blockMarkerEnd(scrubbed);
    for (int i = 0; i < n; i++) {
      char c = scrubbed.charAt(i);
      if ((i == 0 || i == n - 1) && (c == ' ' || c == '\t')) {
        out.append(c == ' ' ? "&#32;" : "&#9;");
        continue;
      }
      if (i == markerEnd) {
        out.append('\\').append(c);
        continue;
      }
      switch (c) {
        case '\\', '|', '`', '*', '_', '[', ']', '#', '~' -> out.append('\\').append(c);
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> {
          out.append("<br>");
          if (i + 1 < n && scrubbed.charAt(i + 1) == '\n') {
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

  /**
   * Where the list marker that {@code text} starts with ends: the index of its {@code -} or {@code
   * +}, or of the {@code .} or {@code )} after 1 to 9 digits (CommonMark's ordered list marker); -1
   * when it starts with none. Its other markers ({@code *}, {@code #}, {@code >}, {@code `}, {@code
   * ~}, {@code _}) are escaped wherever they are.
   */
  private static int blockMarkerEnd(String text) {
    if (text.isEmpty()) {
      return -1;
    }
    char first = text.charAt(0);
    if (first == '-' || first == '+') {
      return 0;
    }
    int digits = 0;
    while (digits < text.length() && digits < 10 && isAsciiDigit(text.charAt(digits))) {
      digits++;
    }
    if (digits >= 1 && digits <= 9 && digits < text.length()) {
      char after = text.charAt(digits);
      if (after == '.' || after == ')') {
        return digits;
      }
    }
    return -1;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
