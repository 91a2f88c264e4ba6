package io.github.packer2aib.core.aib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.packer2aib.core.bind.aib.AibBinder;
import io.github.packer2aib.core.bind.aib.AibResourceLocator;
import io.github.packer2aib.core.bind.aib.TestDocs;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.emit.TemplateDocs;
import io.github.packer2aib.core.emit.TemplateWriter;
import io.github.packer2aib.core.parse.SurrogateSafeReader;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Emitting is deterministic, both formats mean the same, and the binder reads back the model. */
@Domain(AibDomain.class)
class AibTemplateProperties {

  /** Plain readers with default settings, as a user's tool would read our output. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final YAMLMapper YAML = new YAMLMapper();

  @Property(tries = 500)
  void emittingTwiceGivesIdenticalBytes(@ForAll ImageTemplate t) {
    assertEquals(TemplateWriter.toJson(t), TemplateWriter.toJson(t));
    assertEquals(TemplateWriter.toYaml(t), TemplateWriter.toYaml(t));
  }

  @Property(tries = 500)
  void jsonParsesAndItsTreeIsTheDocumentTree(@ForAll ImageTemplate t) throws Exception {
    String json = TemplateWriter.toJson(t);
    JsonNode tree = JSON.readTree(json);
    assertEquals(TestDocs.fromTree(tree), TemplateDocs.toDoc(t));
  }

  @Property(tries = 500)
  void yamlReadsBackAsTheJsonTree(@ForAll ImageTemplate t) throws Exception {
    String yaml = TemplateWriter.toYaml(t);
    // Through the reader our own YAML input uses: SnakeYAML 2.3 throws on an emoji that
    // straddles a 1024-character boundary of a plain StringReader.
    assertEquals(
        JSON.readTree(TemplateWriter.toJson(t)),
        YAML.readTree(new SurrogateSafeReader(yaml)),
        yaml);
  }

  /**
   * SnakeYAML's own loader resolves plain scalars by YAML 1.1 rules (yes/no/on/off, timestamps,
   * sexagesimal and octal numbers), as PyYAML and Go's yaml.v2 do; the output must mean the same.
   */
  @Property(tries = 500)
  void yamlMeansTheSameToAYaml11Reader(@ForAll ImageTemplate t) throws Exception {
    String yaml = TemplateWriter.toYaml(t);
    Object expected = JSON.readValue(TemplateWriter.toJson(t), Object.class);
    Object actual =
        new Yaml(new SafeConstructor(new LoaderOptions())).load(new SurrogateSafeReader(yaml));
    assertEquals(expected, actual, yaml);
  }

  @Property(tries = 500)
  void emittedJsonBindsBackToTheModel(@ForAll ImageTemplate t) throws Exception {
    String json = TemplateWriter.toJson(t);
    DocNode doc = TestDocs.fromTree(JSON.readTree(json));
    AibResourceLocator.Located located =
        AibResourceLocator.locate(doc, new SourceFile("t.json", json));
    assertEquals(List.of(), located.diagnostics());
    assertEquals(1, located.resources().size());
    AibBinder.Bound bound = AibBinder.bind(located.resources().get(0));
    assertEquals(t, bound.template());
    assertEquals(List.of(), bound.diagnostics());
  }
}
