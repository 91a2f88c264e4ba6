package io.github.packer2aib.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.SecretScrubber;
import io.github.packer2aib.core.emit.TemplateWriter;
import io.github.packer2aib.core.report.ConversionReport;
import io.github.packer2aib.core.report.ReportJson;
import io.github.packer2aib.core.report.ReportMarkdown;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code --report} of {@code convert -r}, as Markdown or JSON: the summary, then every
 * candidate in discovery order with its kind, verdict (and why it was skipped), outputs, sorted
 * error codes and every diagnostic; the run's own warnings, each in a list of its kind (earlier and
 * pruned outputs, shared upload addresses) or else among its run diagnostics. It holds no timing
 * figures, so the same tree and options give the same bytes whatever {@code --jobs} is. Text from
 * the templates goes through {@link SecretScrubber}.
 */
final class BulkReport {
  private static final JsonFactory FACTORY = new JsonFactory();

  private BulkReport() {}

  /**
   * Writes the report to {@code out}: the summary, then the templates' parts that {@code spool}
   * rendered as the run went (a report can be hundreds of MB).
   */
  static void write(
      ReportSpool spool,
      BulkSummary summary,
      Leftovers leftovers,
      Map<String, List<String>> sharedUploads,
      List<Diagnostic> run,
      Writer out)
      throws IOException {
    if (spool.format() == ReportFile.Format.JSON) {
      json(spool, summary, leftovers, sharedUploads, run, out);
    } else {
      markdown(spool, summary, leftovers, sharedUploads, run, out);
    }
  }

  private static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    // The writer is the caller's: closing the generator must not close it.
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.setPrettyPrinter(TemplateWriter.prettyPrinter());
    return g;
  }

  private static void json(
      ReportSpool spool,
      BulkSummary summary,
      Leftovers leftovers,
      Map<String, List<String>> sharedUploads,
      List<Diagnostic> run,
      Writer out)
      throws IOException {
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("summary");
      // Inputs (files and folders that held templates) and the image templates they held apart:
      // a YAML stream or an ARM deployment is one input of several templates.
      g.writeNumberField("inputs", summary.inputs());
      g.writeNumberField("templates", summary.templates());
      for (BulkOutcome.Status s : BulkOutcome.Status.values()) {
        g.writeNumberField(s.label(), summary.count(s));
      }
      g.writeArrayFieldStart("diagnostics");
      for (BulkSummary.CodeTotal t : summary.all()) {
        g.writeStartObject();
        g.writeStringField("code", t.code());
        if (t.ignored()) {
          // As the templates' entries mark theirs: accepted with --ignore, left out of stderr.
          g.writeBooleanField("ignored", true);
        }
        g.writeStringField("summary", t.summary());
        g.writeNumberField("count", t.count());
        g.writeNumberField("inputs", t.inputs());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      if (spool.checkOnly()) {
        g.writeBooleanField("checkOnly", true); // validate -r: nothing was written
      }
      // Image templates in the output folder that the run did not write (CLI-W001), and those that
      // --prune deleted (CLI-N002).
      paths(g, "earlierOutputs", leftovers.kept());
      paths(g, "prunedOutputs", leftovers.pruned());
      // Upload addresses given to different files by templates of the run (CLI-W003).
      g.writeArrayFieldStart("sharedUploads");
      for (Map.Entry<String, List<String>> e : sharedUploads.entrySet()) {
        g.writeStartObject();
        g.writeStringField("address", clean(e.getKey()));
        paths(g, "templates", e.getValue());
        g.writeEndObject();
      }
      g.writeEndArray();
      // The run's other warnings (CLI-W004 to W009, CLI-W002, SET-W001), as a single run's
      // report writes them.
      ReportJson.runDiagnostics(g, run);
      g.writeArrayFieldStart("templates");
      // Each entry was rendered with the same printer and indented to its depth here.
      spool.entries(g::writeRawValue);
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write("\n");
  }

  /** Where the report's JSON places a template's entry: in "templates", in the top object. */
  private static final String ENTRY_INDENT = "\n    ";

  /**
   * A template's entry in the JSON report, as the report's printer writes it at its depth: rendered
   * alone, at the top, then each line indented by the two levels above it (JSON text holds no line
   * breaks but the printer's own, as strings escape theirs).
   */
  static String jsonEntry(BulkOutcome o) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = generator(text)) {
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
        if (o.ignored().ignores(d)) {
          g.writeBooleanField("ignored", true);
        }
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
    return text.toString().replace("\n", ENTRY_INDENT);
  }

  /** An array of paths, each through {@link #clean}. */
  private static void paths(JsonGenerator g, String field, List<String> paths) throws IOException {
    g.writeArrayFieldStart(field);
    for (String path : paths) {
      g.writeString(clean(path));
    }
    g.writeEndArray();
  }

  private static void markdown(
      ReportSpool spool,
      BulkSummary summary,
      Leftovers leftovers,
      Map<String, List<String>> sharedUploads,
      List<Diagnostic> run,
      Writer writer)
      throws IOException {
    StringBuilder out = new StringBuilder("# packer2aib conversion report\n\n");
    if (spool.checkOnly()) {
      out.append(ConversionReport.CHECK_ONLY_NOTE).append("\n\n");
    }
    out.append("| Verdict | Inputs |\n| --- | ---: |\n");
    for (BulkOutcome.Status s : BulkOutcome.Status.values()) {
      out.append("| ").append(s.label()).append(" | ").append(summary.count(s)).append(" |\n");
    }
    out.append("\n")
        .append(BulkSummary.totals(summary.inputs(), summary.templates()))
        .append(".\n");
    List<BulkSummary.CodeTotal> codes = summary.all();
    if (!codes.isEmpty()) {
      out.append("\n## Diagnostics\n\n| Code | Summary | Count | Inputs |\n");
      out.append("| --- | --- | ---: | ---: |\n");
      for (BulkSummary.CodeTotal t : codes) {
        out.append("| ")
            .append(cell(t.code()))
            .append(t.ignored() ? " (ignored)" : "")
            .append(" | ")
            .append(cell(t.summary()))
            .append(" | ")
            .append(t.count())
            .append(" | ")
            .append(t.inputs())
            .append(" |\n");
      }
    }
    if (!leftovers.kept().isEmpty()) {
      out.append("\n## Earlier outputs\n\n");
      List<String> listed = leftovers.keptListed();
      if (!listed.isEmpty()) {
        out.append("Image templates in the output folder that this run did not write (`")
            .append(CliCode.EARLIER_OUTPUT.id())
            .append("`): ")
            .append(EarlierOutputs.WHY_MANY)
            .append(".\n\n");
        bullets(out, listed);
      }
      boolean before = !listed.isEmpty();
      for (Leftovers.Cause cause : Leftovers.Cause.values()) {
        List<String> failed = leftovers.keptOfFailed(cause);
        if (!failed.isEmpty()) {
          out.append(before ? "\n" : "")
              .append("Image templates in the output folder that this run did not write (`")
              .append(CliCode.EARLIER_OUTPUT.id())
              .append("`): ")
              .append(cause.many)
              .append(".\n\n");
          bullets(out, failed);
          before = true;
        }
      }
      List<String> unlisted = leftovers.keptUnlisted();
      if (!unlisted.isEmpty()) {
        out.append(before ? "\n" : "")
            .append("Image templates in the output folder that this run did not write (`")
            .append(CliCode.EARLIER_OUTPUT.id())
            .append("`), ")
            .append(leftovers.unlistedWhy(false))
            .append(".\n\n");
        bullets(out, unlisted);
      }
    }
    if (!leftovers.pruned().isEmpty()) {
      out.append("\n## Pruned outputs\n\n")
          .append(
              "Image templates of earlier runs that `--prune` deleted from the output folder (`")
          .append(CliCode.OUTPUT_PRUNED.id())
          .append("`): packer2aib wrote them there, and nobody changed them since.\n\n");
      bullets(out, leftovers.pruned());
    }
    if (!sharedUploads.isEmpty()) {
      out.append("\n## Shared upload addresses\n\n")
          .append("Addresses that templates of this run give to different files (`")
          .append(CliCode.UPLOAD_ADDRESS_SHARED.id())
          .append("`): only one file can be uploaded to each, so the steps of the other")
          .append(" templates fail their checksums.\n\n");
      List<String> lines = new ArrayList<>();
      for (Map.Entry<String, List<String>> e : sharedUploads.entrySet()) {
        lines.add(e.getKey() + ": " + String.join(", ", e.getValue()));
      }
      bullets(out, lines);
    }
    if (!run.isEmpty()) {
      out.append('\n');
      ReportMarkdown.runSection(out, run);
    }
    out.append("\n## Templates\n\n| Path | Kind | Verdict | Outputs | Errors |\n");
    out.append("| --- | --- | --- | --- | --- |\n");
    writer.append(out);
    spool.rows(writer);
    spool.sections(writer);
  }

  /** A template's row in the Markdown report's table of templates. */
  static String markdownRow(BulkOutcome o) {
    return "| "
        + cell(o.relative())
        + " | "
        + o.kind().label()
        + " | "
        + cell(o.verdictText())
        + " | "
        + (o.outputs().isEmpty() ? "none" : cell(String.join(", ", o.outputs())))
        + " | "
        + cell(String.join(" ", o.errorCodes()))
        + " |\n";
  }

  /** A template's section in the Markdown report: a table of its diagnostics. */
  static String markdownSection(BulkOutcome o) {
    StringBuilder out = new StringBuilder("\n### ").append(cell(o.relative())).append("\n\n");
    out.append("| Severity | Location | Path | Code | Summary | Detail |\n");
    out.append("| --- | --- | --- | --- | --- | --- |\n");
    for (Diagnostic d : o.diagnostics()) {
      ReportMarkdown.row(out, d.severity().label(), d, o.ignored().ignores(d));
    }
    return out.toString();
  }

  private static void bullets(StringBuilder out, List<String> paths) {
    for (String path : paths) {
      out.append("- ").append(cell(path)).append('\n');
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
