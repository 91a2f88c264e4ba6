package io.github.packer2aib.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.SecretScrubber;
import io.github.packer2aib.core.emit.TemplateWriter;
import io.github.packer2aib.core.report.ReportJson;
import io.github.packer2aib.core.report.ReportMarkdown;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The {@code --report} of {@code convert -r}, as Markdown or JSON: the summary, then every
 * candidate in discovery order with its kind, verdict (and why it was skipped), outputs, sorted
 * error codes and every diagnostic. It holds no timing figures, so the same tree and options give
 * the same bytes whatever {@code --jobs} is. Text from the templates goes through {@link
 * SecretScrubber}.
 */
final class BulkReport {
  private static final JsonFactory FACTORY = new JsonFactory();

  private BulkReport() {}

  /** Writes the report to {@code out}, a part at a time (a report can be hundreds of MB). */
  static void write(
      ReportFile.Format format,
      List<BulkOutcome> outcomes,
      BulkSummary summary,
      Leftovers leftovers,
      Writer out)
      throws IOException {
    if (format == ReportFile.Format.JSON) {
      json(outcomes, summary, leftovers, out);
    } else {
      markdown(outcomes, summary, leftovers, out);
    }
  }

  private static void json(
      List<BulkOutcome> outcomes, BulkSummary summary, Leftovers leftovers, Writer out)
      throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      // The writer is the report file's: closing the generator must not close it.
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(TemplateWriter.prettyPrinter());
      g.writeStartObject();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("templates", summary.templates());
      for (BulkOutcome.Status s : BulkOutcome.Status.values()) {
        g.writeNumberField(s.label(), summary.count(s));
      }
      g.writeArrayFieldStart("diagnostics");
      for (BulkSummary.CodeTotal t : summary.top(Integer.MAX_VALUE)) {
        g.writeStartObject();
        g.writeStringField("code", t.code());
        g.writeStringField("summary", t.summary());
        g.writeNumberField("count", t.count());
        g.writeNumberField("templates", t.templates());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      // Image templates in the output folder that the run did not write (CLI-W001), and those that
      // --prune deleted (CLI-N002).
      paths(g, "earlierOutputs", leftovers.kept());
      paths(g, "prunedOutputs", leftovers.pruned());
      g.writeArrayFieldStart("templates");
      for (BulkOutcome o : outcomes) {
        g.writeStartObject();
        g.writeStringField("path", clean(o.relative()));
        g.writeStringField("kind", o.kind().label());
        g.writeStringField("verdict", o.status().label());
        if (o.status() == BulkOutcome.Status.SKIPPED) {
          g.writeStringField("reason", clean(o.skipReason()));
        }
        paths(g, "outputs", o.outputs());
        g.writeArrayFieldStart("errorCodes");
        for (String s : o.errorCodes()) {
          g.writeString(s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("diagnostics");
        for (Diagnostic d : o.diagnostics()) {
          g.writeStartObject();
          g.writeStringField("code", d.code());
          g.writeStringField("severity", d.severity().label());
          g.writeStringField("summary", clean(d.summary()));
          g.writeStringField("detail", clean(d.detail()));
          if (d.subject().isPresent()) {
            ReportJson.writeRange(g, "location", d.subject().get());
          }
          if (d.path().isPresent()) {
            g.writeStringField("path", clean(d.path().get()));
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write("\n");
  }

  /** An array of paths, each through {@link #clean}. */
  private static void paths(JsonGenerator g, String field, List<String> paths) throws IOException {
    g.writeArrayFieldStart(field);
    for (String path : paths) {
      g.writeString(clean(path));
    }
    g.writeEndArray();
  }

  /** Parts of the Markdown report are flushed to the writer once they are this long. */
  private static final int MARKDOWN_CHUNK = 64 * 1024;

  private static void markdown(
      List<BulkOutcome> outcomes, BulkSummary summary, Leftovers leftovers, Writer writer)
      throws IOException {
    StringBuilder out = new StringBuilder("# packer2aib conversion report\n\n");
    out.append("| Verdict | Count |\n| --- | ---: |\n");
    for (BulkOutcome.Status s : BulkOutcome.Status.values()) {
      out.append("| ").append(s.label()).append(" | ").append(summary.count(s)).append(" |\n");
    }
    List<BulkSummary.CodeTotal> codes = summary.top(Integer.MAX_VALUE);
    if (!codes.isEmpty()) {
      out.append("\n## Diagnostics\n\n| Code | Summary | Count | Templates |\n");
      out.append("| --- | --- | ---: | ---: |\n");
      for (BulkSummary.CodeTotal t : codes) {
        out.append("| ")
            .append(cell(t.code()))
            .append(" | ")
            .append(cell(t.summary()))
            .append(" | ")
            .append(t.count())
            .append(" | ")
            .append(t.templates())
            .append(" |\n");
      }
    }
    if (!leftovers.kept().isEmpty()) {
      out.append("\n## Earlier outputs\n\n")
          .append("Image templates in the output folder that this run did not write (`")
          .append(CliCode.EARLIER_OUTPUT.id())
          .append("`): ")
          .append(EarlierOutputs.WHY_MANY)
          .append(".\n\n");
      bullets(out, leftovers.kept());
    }
    if (!leftovers.pruned().isEmpty()) {
      out.append("\n## Pruned outputs\n\n")
          .append(
              "Image templates of earlier runs that `--prune` deleted from the output folder (`")
          .append(CliCode.OUTPUT_PRUNED.id())
          .append("`): packer2aib wrote them there, and nobody changed them since.\n\n");
      bullets(out, leftovers.pruned());
    }
    out.append("\n## Templates\n\n| Path | Kind | Verdict | Outputs | Errors |\n");
    out.append("| --- | --- | --- | --- | --- |\n");
    for (BulkOutcome o : outcomes) {
      out.append("| ")
          .append(cell(o.relative()))
          .append(" | ")
          .append(o.kind().label())
          .append(" | ")
          .append(cell(o.verdictText()))
          .append(" | ")
          .append(o.outputs().isEmpty() ? "none" : cell(String.join(", ", o.outputs())))
          .append(" | ")
          .append(cell(String.join(" ", o.errorCodes())))
          .append(" |\n");
      flushLong(out, writer);
    }
    for (BulkOutcome o : outcomes) {
      if (o.diagnostics().isEmpty()) {
        continue;
      }
      out.append("\n### ").append(cell(o.relative())).append("\n\n");
      out.append("| Severity | Location | Path | Code | Summary | Detail |\n");
      out.append("| --- | --- | --- | --- | --- | --- |\n");
      for (Diagnostic d : o.diagnostics()) {
        ReportMarkdown.row(out, d.severity().label(), d);
      }
      flushLong(out, writer);
    }
    writer.append(out);
  }

  private static void bullets(StringBuilder out, List<String> paths) {
    for (String path : paths) {
      out.append("- ").append(cell(path)).append('\n');
    }
  }

  /** Moves {@code out}'s text to {@code writer} once it is long. */
  private static void flushLong(StringBuilder out, Writer writer) throws IOException {
    if (out.length() >= MARKDOWN_CHUNK) {
      writer.append(out);
      out.setLength(0);
    }
  }

  private static String clean(String text) {
    return SecretScrubber.scrub(text);
  }

  /** A Markdown table cell, as the single-conversion report writes it. */
  static String cell(String text) {
    return ReportMarkdown.cell(text);
  }
}
