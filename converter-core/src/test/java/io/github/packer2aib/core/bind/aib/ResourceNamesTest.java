package io.github.packer2aib.core.bind.aib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {

  @Test
  void baseNameDropsFoldersAndLastExtension() {
    assertEquals("win2019", ResourceNames.baseName("a/b/win2019.json"));
    assertEquals("golden", ResourceNames.baseName("C:\\t\\golden.yaml"));
    assertEquals("image.template", ResourceNames.baseName("image.template.json"));
    assertEquals("noext", ResourceNames.baseName("noext"));
  }

  @Test
  void baseNameIsMadeFileNameSafe() {
    assertEquals("my-template-v2", ResourceNames.baseName("my template (v2).json"));
    assertEquals("stdin", ResourceNames.baseName("<stdin>"));
    assertEquals("image-template", ResourceNames.baseName("..json"));
    assertEquals("image-template", ResourceNames.baseName("con.json"));
    assertEquals("image-template", ResourceNames.baseName("日本語.json"));
    assertEquals(64, ResourceNames.baseName("x".repeat(100) + ".json").length());
  }

  @Test
  void usableNamesFollowTheTemplateNamePattern() {
    assertTrue(ResourceNames.isUsableName("win-2019_v1.2"));
    assertFalse(ResourceNames.isUsableName("[parameters('name')]"));
    assertFalse(ResourceNames.isUsableName("<imageTemplateName>"));
    assertFalse(ResourceNames.isUsableName("x".repeat(65)));
    assertFalse(ResourceNames.isUsableName("."));
    assertFalse(ResourceNames.isUsableName("-rf"));
    assertFalse(ResourceNames.isUsableName("nul"));
    assertFalse(ResourceNames.isUsableName("LPT1.txt"));
    assertFalse(ResourceNames.isUsableName(null));
  }

  @Test
  void aNameStartingWithADotIsNoFileNameAndGivesTheFilesBaseName() {
    // AIB's pattern allows ".a", but as a file name it would be hidden.
    for (String name : List.of(".a", ".json", ".-", "..a", "...")) {
      assertFalse(ResourceNames.isUsableName(name), name);
      assertEquals(List.of("golden"), ResourceNames.assign("golden.yaml", List.of(name)), name);
    }
    assertEquals(
        List.of("golden-1", "b"), ResourceNames.assign("dir/golden.json", List.of(".a", "b")));
    assertTrue(ResourceNames.isUsableName("a..b"));
  }

  @Test
  void singleResourceUsesTheBareFileName() {
    assertEquals(List.of("t"), ResourceNames.assign("t.json", Arrays.asList((String) null)));
  }

  @Test
  void suffixesKeepLongNamesWithin64Characters() {
    String long64 = "a".repeat(64);
    List<String> names = ResourceNames.assign("f.json", List.of(long64, long64));
    assertEquals(long64, names.get(0));
    assertEquals("a".repeat(62) + "-2", names.get(1));
  }

  @Test
  void aTemplatesOwnNameIsKeptBeforeAFallbackTakesIt() {
    // multi.json: the first template's name is an expression, the second is literally named
    // "multi-1", the fallback of the first. The literal name keeps its file (it went to the first
    // template, and the one named multi-1 got multi-1-2).
    assertEquals(
        List.of("multi-1-2", "multi-1", "multi-3"),
        ResourceNames.assign(
            "multi.json",
            List.of("[parameters('identityName')]", "multi-1", "[concat('x', 'y')]")));
    // The same literal name twice: the first keeps it, and the second is numbered around a
    // template literally named like its number.
    assertEquals(
        List.of("a", "a-3", "a-2"), ResourceNames.assign("f.json", List.of("a", "a", "a-2")));
  }
}
