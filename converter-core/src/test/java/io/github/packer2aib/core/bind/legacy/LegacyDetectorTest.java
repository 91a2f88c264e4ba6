package io.github.packer2aib.core.bind.legacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.source.SourceFile;
import org.junit.jupiter.api.Test;

class LegacyDetectorTest {
  private static DocNode read(String name, String text) {
    return DocReader.read(new SourceFile(name, text)).documents().get(0);
  }

  @Test
  void aTopLevelBuildersKeyMakesALegacyTemplate() {
    assertTrue(LegacyDetector.looksLikeLegacy(read("t.json", "{\"builders\": []}")));
    assertTrue(LegacyDetector.looksLikeLegacy(read("t.yaml", "builders:\n  - type: null\n")));
    assertTrue(LegacyDetector.looksLikeLegacy(read("t.json", "{\"Builders\": []}")));
  }

  @Test
  void otherDocumentsAreNot() {
    assertFalse(LegacyDetector.looksLikeLegacy(read("t.json", "{\"properties\": {}}")));
    assertFalse(LegacyDetector.looksLikeLegacy(read("t.json", "[{\"builders\": []}]")));
    assertFalse(LegacyDetector.looksLikeLegacy(read("t.json", "{\"x\": {\"builders\": []}}")));
    assertFalse(LegacyDetector.looksLikeLegacy(read("t.yaml", "builders")));
  }
}
