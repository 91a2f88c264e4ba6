package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.emit.TemplateWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JSON number where a legacy template's setting holds text is the text of the float64 Packer
 * reads: its JSON decoder makes every number a float64, and its weak decoding writes one with
 * {@code strconv.FormatFloat(f, 'f', -1, 64)}. The expected texts are what Packer 1.6.6 ran (a
 * shell-local provisioner with these numbers as its inline commands, review 29's weak-number-text
 * case, and a second run for the last four). 123456789012345678 was copied as written and -0.0
 * became "0".
 */
class LegacyNumbersAsTextTest {
  private static final String TEMPLATE =
      """
      {
        "builders": [
          {
            "type": "azure-arm",
            "name": 1e3,
            "subscription_id": "00000000-0000-0000-0000-000000000001",
            "location": "westeurope",
            "os_type": "Linux",
            "image_publisher": "Canonical",
            "image_offer": "0001-com-ubuntu-server-jammy",
            "image_sku": "22_04-lts-gen2",
            "managed_image_name": "ubuntu-base",
            "managed_image_resource_group_name": "rg-images",
            "vm_size": "Standard_D2s_v5"
          }
        ],
        "provisioners": [
          {"type": "shell", "inline": [NUMBERS]},
          {"type": "shell", "inline": ["echo {{ build_name }}"]}
        ]
      }
      """;

  @Test
  void numbersAreTheTextOfTheFloat64PackerReads() {
    List<String> written =
        List.of(
            "123456789012345678",
            "-0.0",
            "2.82879384806159E17",
            "100000000000000000000000",
            "1e23",
            "1e21",
            "1e-7",
            "20.10",
            "12345678.9",
            "0.1",
            "1e6",
            "5e-324",
            "-1e-400",
            "-0",
            "0.30000000000000004",
            "9007199254740993");
    List<String> packer =
        List.of(
            "123456789012345680",
            "-0",
            "282879384806159000",
            "100000000000000000000000",
            "100000000000000000000000",
            "1000000000000000000000",
            "0.0000001",
            "20.1",
            "12345678.9",
            "0.1",
            "1000000",
            "0." + "0".repeat(323) + "5",
            "-0",
            "-0",
            "0.30000000000000004",
            "9007199254740992");
    MapResult result =
        LoadAndMap.map("t.json", TEMPLATE.replace("NUMBERS", String.join(", ", written)));
    assertEquals(1, result.templates().size(), () -> result.diagnostics().toString());
    ImageTemplate t = result.templates().get(0).template();
    String json = TemplateWriter.toJson(t);
    List<String> expected = new ArrayList<>(packer);
    expected.add("echo 1000"); // the builder named 1e3 is the build "1000", as in Packer
    assertEquals(expected, inline(json), json);
  }

  /** The inline commands of the template's customizers, in order. */
  private static List<String> inline(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> out = new ArrayList<>();
    for (JsonNode c : root.path("properties").path("customize")) {
      for (JsonNode line : c.path("inline")) {
        out.add(line.asText());
      }
    }
    return out;
  }
}
