package io.github.packer2aib.core.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.packer2aib.core.aib.AibDomain;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.bind.aib.TestDocs;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;

/**
 * The hand-written document form writes the bytes that Jackson databind wrote from the model's
 * annotations (the emitter before it): a bridge test, kept while the annotations exist.
 */
@Domain(AibDomain.class)
class DatabindBaselineProperties {
  private static final JsonInclude.Value NON_NULL =
      JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL);

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .defaultPropertyInclusion(NON_NULL)
          .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private static final ObjectWriter JSON_WRITER = JSON.writer(TemplateWriter.prettyPrinter());

  private static final ObjectWriter YAML_WRITER =
      YAMLMapper.builder(new CanonicalYamlFactory())
          .defaultPropertyInclusion(NON_NULL)
          .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build()
          .writer();

  @Property(tries = 2000)
  void sameJsonBytes(@ForAll ImageTemplate t) throws Exception {
    assertEquals(JSON_WRITER.writeValueAsString(t) + "\n", TemplateWriter.toJson(t));
  }

  @Property(tries = 2000)
  void sameYamlBytes(@ForAll ImageTemplate t) throws Exception {
    assertEquals(YAML_WRITER.writeValueAsString(t), TemplateWriter.toYaml(t));
  }

  @Property(tries = 1000)
  void sameDocumentTree(@ForAll ImageTemplate t) {
    assertEquals(TestDocs.fromTree(JSON.valueToTree(t)), TemplateDocs.toDoc(t));
  }
}
