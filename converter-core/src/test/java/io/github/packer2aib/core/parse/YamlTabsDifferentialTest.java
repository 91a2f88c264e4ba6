package io.github.packer2aib.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tabs at each place a YAML line has, read by us and by libyaml (tabs-libyaml.tsv, written by
 * tabs-libyaml-gen.py from PyYAML's CSafeLoader): where libyaml reads a case we read the same
 * value, where it refuses one we refuse it, except for the table's deviations, where YAML 1.2 reads
 * a tab libyaml refuses and we read the spec's value.
 */
class YamlTabsDifferentialTest {
  private static final Path TABLE = Paths.get("src/test/resources/yaml/tabs-libyaml.tsv");

  record Case(String tag, String yaml, String expected) {
    @Override
    public String toString() {
      return tag + " " + yaml;
    }
  }

  static List<Case> table() throws IOException {
    List<Case> cases = new ArrayList<>();
    for (String line : Files.readAllLines(TABLE, StandardCharsets.UTF_8)) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t", -1);
      assertEquals(3, columns.length, line);
      cases.add(new Case(columns[0], unescape(columns[1]), columns[2]));
    }
    return cases;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @ParameterizedTest
  @MethodSource("table")
  void readsTabsAsLibyamlOrTheSpecDoes(Case c) {
    ParseResult result = YamlReader.read(new SourceFile("f.yaml", c.yaml()));
    List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
    if (c.expected().equals("ERROR")) {
      assertTrue(!errors.isEmpty(), () -> "read " + DocText.render(result.documents().get(0)));
    } else {
      // warnings (an anchor no alias uses) are not about tabs
      assertEquals(List.of(), errors.stream().map(Diags::describe).toList());
      assertEquals(1, result.documents().size());
      assertEquals(c.expected(), DocText.render(result.documents().get(0)));
    }
  }
}
