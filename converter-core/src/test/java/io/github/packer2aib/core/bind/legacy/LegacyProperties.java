package io.github.packer2aib.core.bind.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the legacy loader: a template written in JSON and the same template written in YAML
 * give the same model and the same diagnostics (ranges aside); every diagnostic lies inside the
 * file; loading is deterministic.
 */
class LegacyProperties {

  private static final List<String> BUILDER_NAMES = List.of("ubuntu", "windows", "debian");

  @Provide
  Arbitrary<String> text() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.of(
                "{{ user `region` }}",
                "{{ user `prefix` | lower }}",
                "{{ timestamp }}",
                "{{ .Path }}",
                "{{ .Vars }}",
                "{{ build_name }}",
                "{{ split `a,b` `,` 1 }}",
                "{{ upper `x` }}",
                "{{ uuid }}",
                "{{ isotime `2006` }}",
                "{{ user `secret` }}",
                "{{ nope }}",
                "{{ user `missing` }}",
                "{{ \"q\\\"uote\" }}",
                "{{",
                "}}",
                " ",
                "-",
                "\n",
                "\t",
                "\"",
                "\\",
                "é",
                "\uD83D\uDE00",
                "a",
                "b",
                "1.5",
                "true",
                "null",
                "#"),
            Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(5));
    return pieces.list().ofMaxSize(6).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<Object> value() {
    Arbitrary<Object> scalar =
        Arbitraries.oneOf(
            text().map(s -> (Object) s),
            Arbitraries.longs().between(-1000, 100000).map(n -> (Object) n),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just(null),
            Arbitraries.of(0.5, 2.25, 1e3).map(d -> (Object) d));
    return Arbitraries.lazyOf(
        () -> scalar,
        () -> scalar.list().ofMaxSize(3).map(l -> (Object) l),
        () ->
            Combinators.combine(
                    Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .ofMinLength(1)
                        .ofMaxLength(6)
                        .list()
                        .ofMaxSize(3),
                    scalar.list().ofSize(3))
                .as(
                    (keys, values) -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      for (int i = 0; i < keys.size(); i++) {
                        m.put(keys.get(i), values.get(i));
                      }
                      return (Object) m;
                    }));
  }

  @Provide
  Arbitrary<Map<String, Object>> templates() {
    Arbitrary<Map<String, Object>> variables =
        Combinators.combine(text(), text(), Arbitraries.of(true, false))
            .as(
                (prefix, other, required) -> {
                  Map<String, Object> v = new LinkedHashMap<>();
                  v.put("region", "westeurope");
                  v.put("prefix", prefix.replace("{{ user `prefix` | lower }}", "P"));
                  v.put("secret", required ? null : "s3cr3t");
                  v.put("other", other);
                  return v;
                });
    Arbitrary<Map<String, Object>> builder =
        Combinators.combine(
                Arbitraries.of("azure-arm", "null"),
                value().list().ofMaxSize(4),
                Arbitraries.strings()
                    .withCharRange('a', 'z')
                    .ofMinLength(1)
                    .ofMaxLength(8)
                    .list()
                    .ofSize(4))
            .as(
                (type, values, keys) -> {
                  Map<String, Object> b = new LinkedHashMap<>();
                  b.put("type", type);
                  for (int i = 0; i < values.size(); i++) {
                    b.put("k_" + keys.get(i), values.get(i));
                  }
                  return b;
                });
    Arbitrary<Map<String, Object>> provisioner =
        Combinators.combine(
                Arbitraries.of("shell", "powershell", "file"),
                text().list().ofMaxSize(3),
                Arbitraries.of(BUILDER_NAMES).list().ofMaxSize(2),
                Arbitraries.of("only", "except", "none"))
            .as(
                (type, inline, names, filter) -> {
                  Map<String, Object> p = new LinkedHashMap<>();
                  p.put("type", type);
                  p.put("inline", new ArrayList<Object>(inline));
                  if (!filter.equals("none") && !names.isEmpty()) {
                    p.put(filter, new ArrayList<Object>(names));
                  }
                  return p;
                });
    Arbitrary<Object> postProcessor =
        Arbitraries.oneOf(
            Arbitraries.of("manifest", "checksum").map(s -> (Object) s),
            text()
                .map(
                    t -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      m.put("type", "shell-local");
                      m.put("inline", List.of(t));
                      return (Object) m;
                    }),
            Arbitraries.just((Object) List.of("manifest", Map.of("type", "compress"))));
    return Combinators.combine(
            variables,
            builder.list().ofMinSize(1).ofMaxSize(3),
            provisioner.list().ofMaxSize(3),
            postProcessor.list().ofMaxSize(2),
            Arbitraries.of(true, false))
        .as(
            (vars, builders, provisioners, postProcessors, sensitive) -> {
              Map<String, Object> t = new LinkedHashMap<>();
              t.put("variables", vars);
              if (sensitive) {
                t.put("sensitive-variables", List.of("secret"));
              }
              List<Object> named = new ArrayList<>();
              for (int i = 0; i < builders.size(); i++) {
                Map<String, Object> b = new LinkedHashMap<>(builders.get(i));
                b.put("name", BUILDER_NAMES.get(i));
                named.add(b);
              }
              t.put("builders", named);
              t.put("provisioners", new ArrayList<Object>(provisioners));
              t.put("post-processors", new ArrayList<Object>(postProcessors));
              t.put("_comment", "generated");
              return t;
            });
  }

  @Provide
  Arbitrary<Map<String, Object>> arbitraryDocuments() {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of(TemplateReader.ROOT_KEYS),
            Arbitraries.of("_c", "Builders", "type", "name", "only", "except", "override"),
            Arbitraries.strings().ofMaxLength(4));
    Arbitrary<Object> anything =
        Arbitraries.oneOf(
            value(),
            value().list().ofMaxSize(3).map(l -> (Object) new ArrayList<Object>(l)),
            Combinators.combine(keys.list().ofMaxSize(4), value().list().ofSize(4))
                .as(
                    (ks, vs) -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      for (int i = 0; i < ks.size(); i++) {
                        m.put(ks.get(i), vs.get(i));
                      }
                      return (Object) List.of(m, "manifest", List.of(m));
                    }));
    return Combinators.combine(keys.list().ofMaxSize(6), anything.list().ofSize(6))
        .as(
            (ks, vs) -> {
              Map<String, Object> m = new LinkedHashMap<>();
              for (int i = 0; i < ks.size(); i++) {
                m.put(ks.get(i), vs.get(i));
              }
              return m;
            });
  }

  /** Documents of any shape load without throwing, and every diagnostic is in the file. */
  @Property(tries = 500)
  void anyDocumentLoadsWithLocatedDiagnostics(
      @ForAll("arbitraryDocuments") Map<String, Object> document) {
    String json = TemplateTexts.json(document, new Random(1));
    LegacyLoadResult r = load(new SourceFile("t.json", json));
    assertDiagnosticsInside(r, json);
    String yaml = TemplateTexts.yaml(document);
    assertDiagnosticsInside(load(new SourceFile("t.yaml", yaml)), yaml);
  }

  private static LegacyLoadResult load(SourceFile file) {
    LegacyOptions options =
        LegacyOptions.of(
                "/templates/t", "/work", Clock.frozenAt(Instant.ofEpochSecond(1_700_000_000L)))
            .withVars(List.of(new LegacyOptions.Var("secret", "from-cli")));
    return LegacyLoader.load(file, options);
  }

  @Property(tries = 300)
  void jsonAndYamlGiveTheSameModel(
      @ForAll("templates") Map<String, Object> template, @ForAll long seed) {
    String json = TemplateTexts.json(template, new Random(seed));
    String yaml = TemplateTexts.yaml(template);
    LegacyLoadResult fromJson = load(new SourceFile("t.json", json));
    LegacyLoadResult fromYaml = load(new SourceFile("t.yaml", yaml));
    // {{uuid}} is drawn from the template's own text (Clock.forTemplate), which differs.
    assertEquals(
        fromJson.template().map(t -> withoutUuids(withoutHeader(ModelDump.of(t, false)))),
        fromYaml.template().map(t -> withoutUuids(withoutHeader(ModelDump.of(t, false)))),
        () -> json + "\n---\n" + yaml);
    assertEquals(summaries(fromJson), summaries(fromYaml), () -> json + "\n---\n" + yaml);
    assertDiagnosticsInside(fromJson, json);
    assertDiagnosticsInside(fromYaml, yaml);
    assertEquals(
        fromJson.template().map(t -> ModelDump.of(t, true)),
        load(new SourceFile("t.json", json)).template().map(t -> ModelDump.of(t, true)),
        "loading is deterministic");
  }

  private static String withoutUuids(String dump) {
    return dump.replaceAll("[0-9a-f]{32}|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}", "<uuid>");
  }

  /** Template problems point into their string in both syntaxes: at the same text. */
  @Property(tries = 300)
  void templateProblemsPointAtTheSameText(@ForAll("text") String text, @ForAll long seed) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("variables", Map.of("region", "westeurope", "prefix", "p", "secret", "s"));
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("type", "azure-arm");
    b.put("value", text);
    t.put("builders", List.of(b));
    String json = TemplateTexts.json(t, new Random(seed));
    String yaml = TemplateTexts.yaml(t);
    List<String> fromJson = problemTexts(json, "t.json");
    List<String> fromYaml = problemTexts(yaml, "t.yaml");
    assertEquals(fromJson.size(), fromYaml.size());
    for (int i = 0; i < fromJson.size(); i++) {
      // The same characters of the value, written with different escapes: compare unescaped.
      assertEquals(unescape(fromJson.get(i)), unescape(fromYaml.get(i)), json + "\n" + yaml);
    }
  }

  private static List<String> problemTexts(String text, String name) {
    SourceFile f = new SourceFile(name, text);
    return load(f).diagnostics().stream()
        .filter(d -> d.code().startsWith("GOTPL"))
        .map(d -> d.subject().orElseThrow())
        .map(r -> text.substring(r.start().offset(), r.end().offset()))
        .collect(Collectors.toList());
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char e = s.charAt(++i);
        switch (e) {
          case 'n':
            out.append('\n');
            break;
          case 't':
            out.append('\t');
            break;
          case 'u':
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
            break;
          default:
            out.append(e);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String withoutHeader(String dump) {
    return dump.lines().skip(2).collect(Collectors.joining("\n"));
  }

  private static List<String> summaries(LegacyLoadResult r) {
    return r.diagnostics().stream()
        .map(d -> d.code() + " " + d.path().orElse("") + " " + d.detail())
        .collect(Collectors.toList());
  }

  private static void assertDiagnosticsInside(LegacyLoadResult r, String text) {
    for (Diagnostic d : r.diagnostics()) {
      Range range = d.subject().orElse(null);
      assertNotNull(range, d.toString());
      if (range.file().startsWith("--var")) {
        continue;
      }
      assertTrue(range.end().offset() <= text.length(), d.toString());
    }
  }
}
