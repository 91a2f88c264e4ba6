package io.github.packer2aib.core.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.aib.Distributor;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.aib.ImageTemplateProperties;
import io.github.packer2aib.core.aib.Versioning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateWriterTest {

  private static String golden(String name) throws IOException {
    try (InputStream in = TemplateWriterTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void linuxJson() throws IOException {
    assertEquals(golden("linux.json"), TemplateWriter.toJson(Samples.linux()));
  }

  @Test
  void linuxYaml() throws IOException {
    assertEquals(golden("linux.yaml"), TemplateWriter.toYaml(Samples.linux()));
  }

  @Test
  void windowsJson() throws IOException {
    assertEquals(golden("windows.json"), TemplateWriter.toJson(Samples.windows()));
  }

  @Test
  void windowsYaml() throws IOException {
    assertEquals(golden("windows.yaml"), TemplateWriter.toYaml(Samples.windows()));
  }

  @Test
  void jsonLayout() {
    String json = TemplateWriter.toJson(Samples.linux());
    assertTrue(json.endsWith("}\n") && !json.endsWith("\n\n"), "one final line break");
    assertFalse(json.contains("\r"));
    assertFalse(json.contains("\" :"), "no space before the colon");
    assertTrue(json.contains("\"owner\": \"Zoë Müller\""), "non-ASCII kept as is");
    assertTrue(json.contains("\"userAssignedIdentities\": []"), "empty array compact");
  }

  @Test
  void minimalTemplate() {
    ImageTemplate t =
        new ImageTemplate(
            null, null, null, null, null, null, ImageTemplateProperties.builder().build());
    assertEquals("{\n  \"properties\": {}\n}\n", TemplateWriter.toJson(t));
    assertEquals("properties: {}\n", TemplateWriter.toYaml(t));
  }

  @Test
  void emptyVersioningSchemeStillHasItsDiscriminator() {
    ImageTemplate t =
        new ImageTemplate(
            null,
            null,
            null,
            null,
            null,
            null,
            ImageTemplateProperties.builder()
                .distribute(
                    List.of(
                        new Distributor.SharedImage(
                            "/g",
                            "o",
                            null,
                            null,
                            null,
                            new Versioning.Source(),
                            null,
                            null,
                            null)))
                .build());
    assertEquals(
        "{\n"
            + "  \"properties\": {\n"
            + "    \"distribute\": [\n"
            + "      {\n"
            + "        \"type\": \"SharedImage\",\n"
            + "        \"galleryImageId\": \"/g\",\n"
            + "        \"runOutputName\": \"o\",\n"
            + "        \"versioning\": {\n"
            + "          \"scheme\": \"Source\"\n"
            + "        }\n"
            + "      }\n"
            + "    ]\n"
            + "  }\n"
            + "}\n",
        TemplateWriter.toJson(t));
  }

  @Test
  void mapEntriesKeepInsertionOrder() {
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    tags.put("zeta", "1");
    tags.put("alpha", "2");
    ImageTemplate t =
        new ImageTemplate(
            null, null, null, null, tags, null, ImageTemplateProperties.builder().build());
    assertEquals(
        "{\n"
            + "  \"tags\": {\n"
            + "    \"zeta\": \"1\",\n"
            + "    \"alpha\": \"2\"\n"
            + "  },\n"
            + "  \"properties\": {}\n"
            + "}\n",
        TemplateWriter.toJson(t));
  }

  @Test
  void mapEntriesWithoutValueAreLeftOut() {
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    tags.put("a", null);
    tags.put("b", "1");
    ImageTemplate t =
        new ImageTemplate(
            null, null, null, null, tags, null, ImageTemplateProperties.builder().build());
    assertEquals(
        "{\n  \"tags\": {\n    \"b\": \"1\"\n  },\n  \"properties\": {}\n}\n",
        TemplateWriter.toJson(t));
    assertEquals("tags:\n  b: \"1\"\nproperties: {}\n", TemplateWriter.toYaml(t));
  }
}
