package io.github.packer2aib.core.emit;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.Writer;
import org.yaml.snakeyaml.DumperOptions;

/**
 * Writes each string in the plainest style that reads back exactly: plain when safe, a literal
 * block for multi-line text that one can hold, else double-quoted with escapes.
 */
final class CanonicalYamlGenerator extends YAMLGenerator {

  CanonicalYamlGenerator(
      IOContext ctxt,
      int jsonFeatures,
      int yamlFeatures,
      StringQuotingChecker quotingChecker,
      ObjectCodec codec,
      Writer out,
      DumperOptions options)
      throws IOException {
    super(ctxt, jsonFeatures, yamlFeatures, quotingChecker, codec, out, options);
  }

  @Override
  public void writeString(String text) throws IOException {
    if (text == null) {
      writeNull();
      return;
    }
    _verifyValueWrite("write String value");
    _writeScalar(text, "string", styleOf(text));
  }

  static DumperOptions.ScalarStyle styleOf(String text) {
    if (text.indexOf('\n') >= 0) {
      return YamlScalars.literalBlockIsExact(text)
          ? DumperOptions.ScalarStyle.LITERAL
          : DumperOptions.ScalarStyle.DOUBLE_QUOTED;
    }
    return YamlScalars.needsQuotes(text)
        ? DumperOptions.ScalarStyle.DOUBLE_QUOTED
        : DumperOptions.ScalarStyle.PLAIN;
  }
}
