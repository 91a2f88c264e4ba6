package io.github.packer2aib.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * {@link YamlTabs} turns only tabs into spaces, keeps every position, and never changes what
 * SnakeYAML reads from a text it already read: the tabs it turns are ones SnakeYAML refuses.
 */
class YamlTabsProperties {

  private static final String[] PARTS = {
    "\t", " ", "  ", "\n", "\r\n", "\n  ", "\n    ", "\n- ", "\n\t", "\n\n", "a", "bc", "a b", ":",
    ": ", ":\t", "k: ", "k:\t", "k:", "-", "- ", "-\t", "?", "?\t", "#", "# c\t", "\"", "'",
    "\"a\tb\"", "[", "]", "{", "}", ",", "[a,\tb]", "&x", "*x", "!!str", "|", ">", " |\n  ", "---",
    "...", "%YAML", "\\"
  };

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PARTS).list().ofMaxSize(40).map(parts -> String.join("", parts));
  }

  @Property(tries = 3000)
  void turnsOnlyTabsThatSnakeYamlRefuses(@ForAll("texts") String text) {
    String turned = YamlTabs.separationAsSpaces(text);
    assertEquals(text.length(), turned.length());
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != turned.charAt(i)) {
        assertEquals('\t', text.charAt(i));
        assertEquals(' ', turned.charAt(i));
      }
    }
    List<String> before = events(text);
    if (before != null) {
      assertEquals(before, events(turned), text);
    }
  }

  /** SnakeYAML's events for the text, with their values, styles, anchors and tags; null if none. */
  private static List<String> events(String text) {
    List<String> out = new ArrayList<>();
    try {
      Parser parser = YamlParsers.parser(new StringReader(text), new LoaderOptions());
      while (true) {
        Event e = parser.getEvent();
        String s = e.getEventId().toString();
        if (e instanceof ScalarEvent scalar) {
          s +=
              List.of(scalar.getValue(), scalar.getScalarStyle(), "" + scalar.getAnchor())
                  + scalar.getTag();
        } else if (e instanceof AliasEvent alias) {
          s += alias.getAnchor();
        } else if (e instanceof CollectionStartEvent start) {
          s += start.getAnchor() + start.getTag() + start.getFlowStyle();
        }
        out.add(s);
        if (e instanceof StreamEndEvent) {
          return out;
        }
      }
    } catch (YAMLException e) {
      return null;
    }
  }
}
