package io.github.packer2aib.core.bind.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A template written in HCL's JSON syntax gives the same model as the same template in the native
 * syntax: the cases {@code json-equivalent-hcl} and {@code json-equivalent-json} hold one template
 * in both, and their models differ only in the syntax and in where values were written.
 */
class HclJsonEquivalenceTest {

  @Test
  void jsonSyntaxGivesTheSameModelAsTheNativeSyntax() throws IOException {
    Map<String, Map<String, String>> cases = PackerHclConformanceTest.readCases();
    PackerHclConformanceTest.Outcome hcl =
        PackerHclConformanceTest.load(cases.get("json-equivalent-hcl"));
    PackerHclConformanceTest.Outcome json =
        PackerHclConformanceTest.load(cases.get("json-equivalent-json"));
    assertEquals("", hcl.diagnostics());
    assertEquals("", json.diagnostics());
    assertNotNull(hcl.model());
    assertTrue(json.model().contains("\"syntax\": \"hcl2_json\""), json.model());
    assertTrue(hcl.model().contains("\"syntax\": \"hcl2\""), hcl.model());
    assertEquals(withoutLocations(hcl.model()), withoutLocations(json.model()));
  }

  /** The model without the fields that name the syntax or a file position. */
  private static String withoutLocations(String model) {
    return model
        .lines()
        .filter(l -> !l.contains("\"set_at\"") && !l.contains("\"syntax\""))
        .collect(Collectors.joining("\n"));
  }
}
