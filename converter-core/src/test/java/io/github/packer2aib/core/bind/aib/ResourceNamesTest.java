package io.github.packer2aib.core.bind.aib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.doc.ArmValues;
import io.github.packer2aib.core.doc.DocObject;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {

  private static List<String> names(String fileName, List<String> resourceNames) {
    return ResourceNames.assign(fileName, resourceNames).stream()
        .map(ResourceNames.Assigned::name)
        .toList();
  }

  private static List<Boolean> own(String fileName, List<String> resourceNames) {
    return ResourceNames.assign(fileName, resourceNames).stream()
        .map(ResourceNames.Assigned::own)
        .toList();
  }

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
      assertEquals(List.of("golden"), names("golden.yaml", List.of(name)), name);
    }
    assertEquals(List.of("golden-1", "b"), names("dir/golden.json", List.of(".a", "b")));
    assertTrue(ResourceNames.isUsableName("a..b"));
  }

  @Test
  void singleResourceUsesTheBareFileName() {
    assertEquals(List.of("t"), names("t.json", Arrays.asList((String) null)));
  }

  @Test
  void suffixesKeepLongNamesWithin64Characters() {
    String long64 = "a".repeat(64);
    List<String> names = names("f.json", List.of(long64, long64));
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
        names(
            "multi.json",
            List.of("[parameters('identityName')]", "multi-1", "[concat('x', 'y')]")));
    // The same literal name twice: the first keeps it, and the second is numbered around a
    // template literally named like its number.
    assertEquals(List.of("a", "a-3", "a-2"), names("f.json", List.of("a", "a", "a-2")));
  }

  @Test
  void onlyAKeptOwnNameIsMarkedOwn() {
    // A fallback, and an own name numbered because an earlier template kept it, are not own: in
    // another document of the stream they give way to a template's own name.
    assertEquals(
        List.of(false, true, false),
        own("multi.json", List.of("[parameters('identityName')]", "multi-1", "[concat('x')]")));
    assertEquals(List.of(true, false, true), own("f.json", List.of("a", "A", "a-2")));
    assertEquals(List.of(false), own("t.json", Arrays.asList((String) null)));
  }

  @Test
  void acrossDocumentsAnOwnNameIsKeptBeforeAnotherDocumentsFallback() {
    DocObject node = (DocObject) TestDocs.fromJson("{}");
    // Document 1's template has no literal name (the input's name, stream), document 2's is named
    // stream, document 3's too (numbered, as the first keeps it), document 4's has no name either.
    List<ResourceRef> refs =
        List.of(
            new ResourceRef("", node, "stream", false, ArmValues.NONE),
            new ResourceRef("", node, "stream", true, ArmValues.NONE),
            new ResourceRef("", node, "STREAM", true, ArmValues.NONE),
            new ResourceRef("", node, "stream", false, ArmValues.NONE));
    assertEquals(
        List.of("stream-2", "stream", "STREAM-3", "stream-4"), ResourceNames.acrossDocuments(refs));
  }

  @Test
  void acrossDocumentsANumberedNameStaysWithinSixtyFourCharacters() {
    DocObject node = (DocObject) TestDocs.fromJson("{}");
    // Two unnamed documents of a stream whose file name has 64 characters: the second is numbered
    // by cutting the name, as within one document, since AIB refuses a longer template name.
    String base = "a".repeat(64);
    List<ResourceRef> refs =
        List.of(
            new ResourceRef("", node, base, false, ArmValues.NONE),
            new ResourceRef("", node, base, false, ArmValues.NONE));
    List<String> names = ResourceNames.acrossDocuments(refs);
    assertEquals(base, names.get(0));
    assertEquals("a".repeat(62) + "-2", names.get(1));
  }
}
