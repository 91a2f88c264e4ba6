package io.github.packer2aib.core.parse;

import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.ScannerImpl;

/**
 * SnakeYAML's event parser with the double-quoted escapes of YAML 1.2 that SnakeYAML, a YAML 1.1
 * reader, lacks: {@code \/} (a slash, as JSON writes it; YAML 1.2 reads every JSON document) and a
 * backslash before a tab. Without them a valid file such as {@code {"uri": "https:\/\/x"}} fails
 * with "invalid escape". Every YAML reader of the program makes its parser here.
 */
public final class YamlParsers {
  private YamlParsers() {}

  static {
    // SnakeYAML looks escapes up in this shared table while it scans a double-quoted string. The
    // two entries are added once, here: the class is initialised before its first parser is made
    // (and initialisation happens before any thread's use of the class), and nothing removes them.
    // Both only turn what SnakeYAML refused into what YAML 1.2 reads, for every reader in the JVM.
    ScannerImpl.ESCAPE_REPLACEMENTS.putIfAbsent('/', "/");
    ScannerImpl.ESCAPE_REPLACEMENTS.putIfAbsent('\t', "\t");
  }

  public static Parser parser(Reader reader, LoaderOptions options) {
    return new ParserImpl(new StreamReader(reader), options);
  }
}
