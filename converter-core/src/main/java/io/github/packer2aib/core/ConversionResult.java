package io.github.packer2aib.core;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Severity;
import io.github.packer2aib.core.diag.TextRenderer;
import io.github.packer2aib.core.source.SourceFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of converting or validating one input: the templates (empty when there are errors:
 * nothing is written for an input with errors), every diagnostic, sorted for reporting, and the
 * files a renderer quotes the lines the diagnostics point at from.
 *
 * <p>To print the diagnostics as text, use {@link #textRenderer}: it quotes the result's own copies
 * of the files ({@link #sources}) in place of the caller's text. A renderer given the input as the
 * caller read it quotes what the result's copy masks (an ARM template's {@code securestring}
 * default on the line of a diagnostic).
 *
 * @param sources the files the diagnostics point into that the caller must quote from in place of
 *     its own text of them: those read beyond the input (a Packer folder's files, var files), each
 *     with its values masked where a quoted line must not show them, and a masked copy of the input
 *     itself when it holds secrets (the defaults of an ARM template's secure parameters). {@link
 *     #quotedFiles} adds the caller's files the result has no copy of.
 * @param unselected how many templates the input makes when --only/--except select nothing out (a
 *     Packer template's azure-arm usages): whether it makes one or several decides how a bulk run
 *     names the outputs of a template file, and a selection must not change that
 */
public record ConversionResult(
    List<ConvertedTemplate> templates,
    List<Diagnostic> diagnostics,
    List<SourceFile> sources,
    int unselected) {
  public ConversionResult {
    templates = List.copyOf(templates);
    diagnostics = List.copyOf(diagnostics);
    sources = List.copyOf(sources);
  }

  /** A result of an input that has no selection: as many templates as it makes. */
  public ConversionResult(
      List<ConvertedTemplate> templates, List<Diagnostic> diagnostics, List<SourceFile> sources) {
    this(templates, diagnostics, sources, templates.size());
  }

  /** A result whose diagnostics point only into the input itself. */
  public ConversionResult(List<ConvertedTemplate> templates, List<Diagnostic> diagnostics) {
    this(templates, diagnostics, List.of());
  }

  /**
   * The files to quote the lines of {@link #diagnostics} from: {@link #sources}, and of {@code
   * read} (the files the caller read and gave, such as the input) those of which the result has no
   * copy. The result's copy of a file always takes the place of the caller's: it masks what a
   * quoted line must not show, where the caller's text of the same file shows it.
   */
  public List<SourceFile> quotedFiles(SourceFile... read) {
    Map<String, SourceFile> byName = new LinkedHashMap<>();
    for (SourceFile f : read) {
      byName.putIfAbsent(f.name(), f);
    }
    for (SourceFile f : sources) {
      byName.put(f.name(), f);
    }
    return List.copyOf(byName.values());
  }

  /**
   * A renderer of the diagnostics as text that quotes their lines from {@link #quotedFiles}: {@code
   * read} (the input as the caller read it, when it gave one) where the result has no copy of it.
   */
  public TextRenderer textRenderer(SourceFile... read) {
    return TextRenderer.quoting(quotedFiles(read));
  }

  // Loops, not streams: a bulk run asks each template's result, and C1 code runs a stream
  // pipeline object by object.
  public boolean hasErrors() {
    for (int i = 0, n = diagnostics.size(); i < n; i++) {
      if (diagnostics.get(i).isError()) {
        return true;
      }
    }
    return false;
  }

  public boolean hasWarnings() {
    for (int i = 0, n = diagnostics.size(); i < n; i++) {
      if (diagnostics.get(i).severity() == Severity.WARNING) {
        return true;
      }
    }
    return false;
  }
}
