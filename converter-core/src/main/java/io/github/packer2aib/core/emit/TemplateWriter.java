package io.github.packer2aib.core.emit;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.github.packer2aib.core.aib.ImageTemplate;

/**
 * Writes an image template as canonical JSON or YAML text: the same model always gives the same
 * bytes, on every OS. The template becomes a document tree ({@link TemplateDocs}: members in the
 * AIB documentation's order, map entries in insertion order, absent fields left out), which {@link
 * DocWriter} writes.
 *
 * <p>JSON: two-space indentation, {@code "key": value}, one array element per line, {@code []} and
 * {@code {}} for empty collections, {@code \n} line ends and one final line break, non-ASCII text
 * as UTF-8. YAML: no {@code ---}, plain scalars where they read back as the same string under YAML
 * 1.1 and 1.2, else double quotes; multi-line text as literal blocks where exact.
 */
public final class TemplateWriter {

  private TemplateWriter() {}

  /**
   * The one JSON layout of every file packer2aib writes (templates, reports, the Packer model):
   * two-space indentation, {@code "key": value}, {@code {}} and {@code []} for empty containers.
   */
  public static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }

  public static String toJson(ImageTemplate template) {
    return DocWriter.toJson(TemplateDocs.toDoc(template));
  }

  public static String toYaml(ImageTemplate template) {
    return DocWriter.toYaml(TemplateDocs.toDoc(template));
  }
}
