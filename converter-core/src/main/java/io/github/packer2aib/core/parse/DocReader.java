package io.github.packer2aib.core.parse;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JSON or YAML file, choosing the reader by file extension ({@code .json}, {@code .jsonc} →
 * JSON; {@code .yaml}, {@code .yml} → YAML) or, for other names such as standard input, by the
 * first significant character: <code>{</code> or <code>[</code> means JSON, anything else YAML.
 */
public final class DocReader {
  private DocReader() {}

  public static ParseResult read(SourceFile file) {
    Optional<Diagnostic> bicep = bicepSource(file);
    if (bicep.isPresent()) {
      return new ParseResult(List.of(), List.of(bicep.get()));
    }
    return looksLikeJson(file) ? JsonReader.read(file) : YamlReader.read(file);
  }

  private static final Pattern USING = Pattern.compile("(?m)^\\s*using\\s+'([^'\\r\\n]+)'");

  /**
   * A {@code .bicep} or {@code .bicepparam} file, by its name: Bicep source, which reads as neither
   * JSON nor YAML (its {@code name: 'x'} lines would be an unexpected colon, a {@code using} line a
   * string). It is compiled to the ARM template JSON that this tool reads.
   */
  private static Optional<Diagnostic> bicepSource(SourceFile file) {
    String name = file.name().toLowerCase(Locale.ROOT);
    String detail;
    if (name.endsWith(".bicep")) {
      detail =
          "This is Bicep source, which packer2aib does not read. Compile it to an ARM template"
              + " with az bicep build --file "
              + file.name()
              + " and give the JSON file that writes ("
              + file.name().substring(0, file.name().length() - ".bicep".length())
              + ".json).";
    } else if (name.endsWith(".bicepparam")) {
      Matcher using = USING.matcher(file.text());
      String template = using.find() ? " (" + using.group(1) + ", from this file's folder)" : "";
      detail =
          "This is a Bicep parameters file, which packer2aib does not read: it holds values for a"
              + " template, not the image template (az bicep build-params would make an ARM"
              + " parameters file of it, which holds none either). Compile the Bicep file that its"
              + " using line names"
              + template
              + " with az bicep build --file and give the JSON file that writes.";
    } else {
      return Optional.empty();
    }
    return Optional.of(Diagnostic.of(SyntaxCode.BICEP_SOURCE, file.start(), detail));
  }

  /** Whether {@link #read} would treat the file as JSON. */
  public static boolean looksLikeJson(SourceFile file) {
    String name = file.name().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json") || name.endsWith(".jsonc")) {
      return true;
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return false;
    }
    int first = firstSignificant(file.text());
    return first >= 0 && (file.text().charAt(first) == '{' || file.text().charAt(first) == '[');
  }

  /**
   * The offset of the first character that is not a byte order mark, whitespace or a comment
   * ({@code //}, {@code /* *\/} as JSON tooling allows, {@code #} as YAML allows), or -1.
   */
  public static int firstSignificant(String text) {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\uFEFF' || Character.isWhitespace(c)) {
        i++;
      } else if (c == '#' || text.startsWith("//", i)) {
        while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          i++;
        }
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        return i;
      }
    }
    return -1;
  }
}
