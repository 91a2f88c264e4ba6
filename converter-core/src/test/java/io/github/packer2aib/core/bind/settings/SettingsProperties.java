package io.github.packer2aib.core.bind.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SettingsProperties {

  /** One generated {@code templates} entry (or, with {@code glob} null, the defaults). */
  record Layer(
      String glob,
      Map<String, String> vars,
      List<String> varFiles,
      List<String> only,
      Optional<String> location,
      Optional<Boolean> skipUnsupported) {}

  private static final List<String> PATHS =
      List.of("a/t", "a/b/t", "b/t", "c/t.pkr.hcl", "x", "m/t", "n/t");

  @Property(tries = 100)
  void theJsonAndTheYamlRenderingBindToEqualSettings(
      @ForAll("layers") Layer defaults, @ForAll("entries") List<Layer> entries) {
    Settings json = bound("p/s.json", json(defaults, entries));
    Settings yaml = bound("p/s.yaml", yaml(defaults, entries));
    for (String path : PATHS) {
      TemplateSettings j = json.forTemplate(path);
      TemplateSettings y = yaml.forTemplate(path);
      assertEquals(y, j, path);
      assertEquals(List.copyOf(y.vars().entrySet()), List.copyOf(j.vars().entrySet()), path);
    }
    assertEquals(yaml.unused(List.of("a/t")).size(), json.unused(List.of("a/t")).size());
  }

  @Property(tries = 100)
  void entriesThatDoNotMatchDoNotChangeTheResultWhereverTheyStand(
      @ForAll("layers") Layer defaults,
      @ForAll("entries") List<Layer> matching,
      @ForAll("entries") List<Layer> other) {
    // Entries on "m/…" match m/t; entries on "n/…" never do, wherever they stand in the file.
    List<Layer> mine = retarget(matching, "m/*");
    List<Layer> theirs = retarget(other, "n/*");
    List<Layer> first = new ArrayList<>(theirs);
    first.addAll(mine);
    List<Layer> interleaved = new ArrayList<>();
    for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
      if (i < mine.size()) {
        interleaved.add(mine.get(i));
      }
      if (i < theirs.size()) {
        interleaved.add(theirs.get(theirs.size() - 1 - i));
      }
    }
    TemplateSettings alone = bound("s.yaml", yaml(defaults, mine)).forTemplate("m/t");
    assertEquals(alone, bound("s.yaml", yaml(defaults, first)).forTemplate("m/t"));
    assertEquals(alone, bound("s.yaml", yaml(defaults, interleaved)).forTemplate("m/t"));
  }

  private static List<Layer> retarget(List<Layer> layers, String glob) {
    List<Layer> out = new ArrayList<>();
    for (Layer l : layers) {
      out.add(new Layer(glob, l.vars(), l.varFiles(), l.only(), l.location(), l.skipUnsupported()));
    }
    return out;
  }

  private static Settings bound(String name, String text) {
    SettingsResult r = SettingsBinder.bind(new SourceFile(name, text));
    assertEquals(List.of(), r.diagnostics(), text);
    return r.settings().orElseThrow();
  }

  // --- generators ----------------------------------------------------------------------------

  @Provide
  Arbitrary<Layer> layers() {
    return layer(Arbitraries.just(null));
  }

  @Provide
  Arbitrary<List<Layer>> entries() {
    Arbitrary<String> globs = Arbitraries.of("a/*", "a/**", "{a,b}/t", "c/*.pkr.hcl", "?", "z/*");
    return layer(globs).list().ofMaxSize(5);
  }

  private static Arbitrary<Layer> layer(Arbitrary<String> globs) {
    Arbitrary<String> names =
        Arbitraries.strings().withCharRange('a', 'e').withChars('_').ofMinLength(1).ofMaxLength(3);
    Arbitrary<String> texts =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .withChars('é', '€', '\n', '\t')
            .ofMaxLength(12);
    Arbitrary<String> words =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .ofMinLength(1)
            .ofMaxLength(6)
            .filter(w -> !w.equals("null"));
    return Combinators.combine(
            globs,
            Arbitraries.maps(names, texts).ofMaxSize(4),
            words.map(w -> w + ".pkrvars.hcl").list().ofMaxSize(2),
            words.list().ofMaxSize(2),
            // A blank location is an error (SET-E012), and so is one no region can have
            // (SET-E018): a location is a region's name, letters and digits.
            words.optional(),
            Arbitraries.of(true, false).optional())
        .as(Layer::new);
  }

  // --- renderings ----------------------------------------------------------------------------

  private static String json(Layer defaults, List<Layer> entries) {
    StringBuilder b = new StringBuilder("{\"defaults\": ");
    jsonLayer(defaults, b);
    b.append(", \"templates\": [");
    for (int i = 0; i < entries.size(); i++) {
      b.append(i > 0 ? ", " : "");
      jsonLayer(entries.get(i), b);
    }
    return b.append("]}").toString();
  }

  private static void jsonLayer(Layer l, StringBuilder b) {
    List<String> members = new ArrayList<>();
    if (l.glob() != null) {
      members.add("\"path\": " + quoted(l.glob()));
    }
    List<String> vars = new ArrayList<>();
    l.vars().forEach((k, v) -> vars.add(quoted(k) + ": " + quoted(v)));
    members.add("\"vars\": {" + String.join(", ", vars) + "}");
    members.add("\"var-files\": " + jsonList(l.varFiles()));
    members.add("\"only\": " + jsonList(l.only()));
    l.location().ifPresent(v -> members.add("\"location\": " + quoted(v)));
    l.skipUnsupported().ifPresent(v -> members.add("\"skip-unsupported\": " + v));
    b.append('{').append(String.join(", ", members)).append('}');
  }

  private static String jsonList(List<String> items) {
    List<String> q = new ArrayList<>();
    items.forEach(i -> q.add(quoted(i)));
    return "[" + String.join(", ", q) + "]";
  }

  /** Block-style YAML; keys plain, values double-quoted (JSON escapes are valid YAML escapes). */
  private static String yaml(Layer defaults, List<Layer> entries) {
    StringBuilder b = new StringBuilder("# generated\ndefaults:\n");
    yamlLayer(defaults, "  ", "  ", b);
    b.append("templates:\n");
    for (Layer e : entries) {
      yamlLayer(e, "  - ", "    ", b);
    }
    return b.toString();
  }

  private static void yamlLayer(Layer l, String first, String indent, StringBuilder b) {
    List<String> lines = new ArrayList<>();
    if (l.glob() != null) {
      lines.add("path: '" + l.glob() + "'");
    }
    if (l.vars().isEmpty()) {
      lines.add("vars: {}");
    } else {
      lines.add("vars:");
      l.vars().forEach((k, v) -> lines.add("  " + k + ": " + quoted(v)));
    }
    lines.add("var-files: " + (l.varFiles().isEmpty() ? "[]" : ""));
    l.varFiles().forEach(f -> lines.add("  - " + f));
    lines.add("only: " + (l.only().isEmpty() ? "[]" : ""));
    l.only().forEach(f -> lines.add("- " + f));
    l.location().ifPresent(v -> lines.add("location: " + quoted(v)));
    l.skipUnsupported().ifPresent(v -> lines.add("skip-unsupported: " + v));
    for (int i = 0; i < lines.size(); i++) {
      b.append(i == 0 ? first : indent).append(lines.get(i)).append('\n');
    }
  }

  private static String quoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
