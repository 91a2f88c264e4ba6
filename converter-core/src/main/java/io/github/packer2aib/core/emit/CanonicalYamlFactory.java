package io.github.packer2aib.core.emit;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.DumperOptions;

/**
 * A YAML factory whose generator chooses every string's style itself (see {@link
 * CanonicalYamlGenerator}); Jackson's own choice writes any string with a line break as a literal
 * block, even where a literal block cannot hold it exactly. Documents start without {@code ---}.
 */
final class CanonicalYamlFactory extends YAMLFactory {
  private static final long serialVersionUID = 1L;

  CanonicalYamlFactory() {
    super(
        new YAMLFactoryBuilder(new YAMLFactory())
            .dumperOptions(dumperOptions())
            .stringQuotingChecker(new Checker())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // Discriminators are "type: Shell" members, as in JSON, never YAML tags (!<Shell>).
            .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
            .disable(YAMLGenerator.Feature.USE_NATIVE_OBJECT_ID));
  }

  /** Block style, two-space indentation with sequences indented under their key, no folding. */
  private static DumperOptions dumperOptions() {
    DumperOptions o = new DumperOptions();
    o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    o.setIndent(2);
    o.setIndicatorIndent(2);
    o.setIndentWithIndicator(true);
    o.setWidth(Integer.MAX_VALUE);
    o.setSplitLines(false);
    o.setLineBreak(DumperOptions.LineBreak.UNIX);
    o.setAllowUnicode(true);
    o.setExplicitStart(false);
    o.setExplicitEnd(false);
    // Identity resource ids are long keys; longer simple keys stay "key: value".
    o.setMaxSimpleKeyLength(1024);
    return o;
  }

  /** A copy must keep our generator (Jackson's own copy would make plain YAML generators). */
  @Override
  public YAMLFactory copy() {
    return new CanonicalYamlFactory();
  }

  @Override
  protected YAMLGenerator _createGenerator(Writer out, IOContext ctxt) throws IOException {
    return new CanonicalYamlGenerator(
        ctxt,
        _generatorFeatures,
        _yamlGeneratorFeatures,
        _quotingChecker,
        _objectCodec,
        out,
        _dumperOptions);
  }

  @Override
  protected YAMLGenerator _createUTF8Generator(OutputStream out, IOContext ctxt)
      throws IOException {
    return _createGenerator(new OutputStreamWriter(out, StandardCharsets.UTF_8), ctxt);
  }

  /** Map keys are quoted by the same rule as values; they are never block scalars. */
  private static final class Checker extends StringQuotingChecker {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean needToQuoteName(String name) {
      return YamlScalars.needsQuotes(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
      return YamlScalars.needsQuotes(value);
    }
  }
}
