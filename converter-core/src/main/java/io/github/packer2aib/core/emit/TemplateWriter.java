package io.github.packer2aib.core.emit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.packer2aib.core.aib.ImageTemplate;
import java.util.Objects;

/**
 * Writes an image template as canonical JSON or YAML text: the same model always gives the same
 * bytes, on every OS. Properties come in the order of the model's {@code @JsonPropertyOrder} (the
 * AIB documentation's), map entries in insertion order, absent fields are left out.
 *
 * <p>JSON: two-space indentation, {@code "key": value}, one array element per line, {@code []} and
 * {@code {}} for empty collections, {@code \n} line ends and one final line break, non-ASCII text
 * as UTF-8. YAML: no {@code ---}, plain scalars where they read back as the same string under YAML
 * 1.1 and 1.2, else double quotes; multi-line text as literal blocks where exact.
 */
public final class TemplateWriter {

  /** Absent fields and map entries without a value are left out, not written as null. */
  private static final JsonInclude.Value NON_NULL =
      JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL);

  /** Shared with {@link TemplateDocs}, so the document tree is the JSON text's tree. */
  static final JsonMapper JSON =
      JsonMapper.builder()
          .defaultPropertyInclusion(NON_NULL)
          .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private static final ObjectWriter JSON_WRITER = JSON.writer(prettyPrinter());

  /**
   * The YAML writer, built on first use: most runs write JSON, and building a YAML mapper (with
   * SnakeYAML behind it) is a noticeable part of a single conversion's start-up time.
   */
  private static final class Yaml {
    private Yaml() {}

    static final ObjectWriter WRITER =
        YAMLMapper.builder(new CanonicalYamlFactory())
            .defaultPropertyInclusion(NON_NULL)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // Discriminators as "type: Shell" members, as in JSON, not as YAML tags (!<Shell>).
            .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
            .disable(YAMLGenerator.Feature.USE_NATIVE_OBJECT_ID)
            .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build()
            .writer();
  }

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
    Objects.requireNonNull(template, "template");
    return write(JSON_WRITER, template) + "\n";
  }

  public static String toYaml(ImageTemplate template) {
    Objects.requireNonNull(template, "template");
    return write(Yaml.WRITER, template);
  }

  private static String write(ObjectWriter writer, ImageTemplate template) {
    try {
      return writer.writeValueAsString(template);
    } catch (JsonProcessingException e) {
      // The model is ours and always serialisable; failing here is a bug, not bad input.
      throw new IllegalStateException("cannot serialise image template", e);
    }
  }
}
