package io.github.packer2aib.core.parse;

import io.github.packer2aib.core.source.SourceFile;
import java.util.Locale;

/**
 * Reads a JSON or YAML file, choosing the reader by file extension ({@code .json}, {@code .jsonc}
 * → JSON; {@code .yaml}, {@code .yml} → YAML) or, for other names such as standard input, by the
 * first significant character: <code>{</code> or <code>[</code> means JSON, anything else YAML.
 */
public final class DocReader {
  private DocReader() {}

  public static ParseResult read(SourceFile file) {
    return looksLikeJson(file) ? JsonReader.read(file) : YamlReader.read(file);
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
