package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the forms of a body's entries are read: an argument written as a block, which Packer refuses
 * ("Unsupported block type"), and a {@code "//"} comment in a block body of HCL's JSON syntax,
 * which HCL ignores.
 */
class BodyFormsTest {

  /** The codes of the diagnostics, in order. */
  private static List<String> codes(List<Diagnostic> all) {
    return all.stream().map(Diagnostic::code).toList();
  }

  /** The details of the diagnostics of {@code code}. */
  private static List<String> details(List<Diagnostic> all, String code) {
    return all.stream().filter(d -> d.code().equals(code)).map(Diagnostic::detail).toList();
  }

  @Test
  void anArgumentWrittenAsABlockIsRefusedInSourcesAndProvisioners() {
    String hcl =
        LoadAndMap.linuxSource(
                "u",
                "  azure_tags {\n    team = \"platform\"\n  }\n"
                    + "  os_disk_size_gb {\n    size = 64\n  }\n")
            + "build {\n  sources = [\"source.azure-arm.u\"]\n"
            + "  provisioner \"shell\" {\n    inline = [\"echo hi\"]\n"
            + "    environment_vars {\n      A = \"b\"\n    }\n  }\n}\n";
    MapResult r = LoadAndMap.map("t.pkr.hcl", hcl);

    List<String> refused = details(r.diagnostics(), "PKRMAP-E127");
    assertEquals(3, refused.size(), r.diagnostics()::toString);
    assertTrue(refused.get(0).contains("Blocks of type \"azure_tags\" are not expected here"));
    assertTrue(refused.get(0).contains("write azure_tags = { … }"), refused.get(0));
    assertTrue(refused.get(1).contains("write os_disk_size_gb = …"), refused.get(1));
    assertTrue(refused.get(2).contains("write environment_vars = [ … ]"), refused.get(2));
    assertTrue(r.templates().isEmpty(), "an error: nothing is written");
    assertTrue(
        codes(r.diagnostics()).stream().noneMatch(c -> c.equals("PKRMAP-W101")),
        "reported once, as refused, not also as unknown");
  }

  @Test
  void aRealBlockIsNotRefusedAsAnArgument() {
    // spot is a block in the Azure plugin: it keeps its verdict (no equivalent), not E127.
    String hcl =
        LoadAndMap.linuxSource("u", "  spot {\n    eviction_policy = \"Delete\"\n  }\n")
            + "build { sources = [\"source.azure-arm.u\"] }\n";
    List<String> codes = codes(LoadAndMap.map("t.pkr.hcl", hcl).diagnostics());
    assertTrue(codes.contains("PKRMAP-W103"), codes::toString);
    assertTrue(!codes.contains("PKRMAP-E127"), codes::toString);
  }

  @Test
  void aCommentInABlockBodyOfHclJsonIsIgnoredButATagNamedSlashSlashIsKept() {
    String json =
        "{\"source\": {\"azure-arm\": {\"u\": {\n"
            + LoadAndMap.LINUX_BUILDER_MEMBERS
            + ",\"azure_tags\": {\"//\": \"a tag\"},\n"
            + "\"shared_image_gallery_destination\": {\n"
            + "  \"//\": \"sig comment\",\n"
            + "  \"resource_group\": \"rg\", \"gallery_name\": \"g\", \"image_name\": \"img\",\n"
            + "  \"image_version\": \"1.0.0\",\n"
            + "  \"target_region\": [{\"//\": \"region comment\", \"name\": \"westeurope\"}]}\n"
            + "}}},\n"
            + "\"build\": {\"sources\": [\"source.azure-arm.u\"],\n"
            + "  \"provisioner\": [{\"shell\": {\"//\": \"c\", \"inline\": [\"echo 1\"]}}]}}\n";
    MapResult r = LoadAndMap.map("t.pkr.json", json);

    assertEquals(List.of(), details(r.diagnostics(), "PKRMAP-W101"));
    // In azure_tags, a map argument, "//" is a key like any other (the validator refuses it).
    assertTrue(LoadAndMap.json(r).contains("\"//\""), LoadAndMap.json(r));
  }

  /** A .pkr.json with one azure-arm source whose other members are {@code more}. */
  private static String jsonSource(String locals, String more) {
    return "{\"locals\": {"
        + locals
        + "},\n\"source\": {\"azure-arm\": {\"u\": {\n"
        + LoadAndMap.LINUX_BUILDER_MEMBERS
        + ",\n"
        + more
        + "\n}}},\n\"build\": {\"sources\": [\"source.azure-arm.u\"]}}\n";
  }

  private static final String SIG =
      "\"resource_group\": \"rg\", \"gallery_name\": \"g\", \"image_name\": \"img\","
          + " \"image_version\": \"1.0.0\"";

  @Test
  void aNestedBlockWrittenAsAStringInHclJsonIsConvertedWithTheWarningPackerRefusesIt() {
    // Packer 1.6.6: "Incorrect JSON value type ... Either a JSON object or a JSON array is
    // required, representing the contents of one or more "shared_image_gallery_destination"
    // blocks", though the template evaluates to an object. The native twin gets W126 too.
    String json =
        jsonSource(
            "\"sig\": {" + SIG + ", \"target_region\": [{\"name\": \"eastus\"}]}",
            "\"shared_image_gallery_destination\": \"${local.sig}\"");
    MapResult r = LoadAndMap.map("t.pkr.json", json);

    List<String> refused = details(r.diagnostics(), "PKRMAP-W126");
    // Once: target_region inside the local's object is not written in the file at all.
    assertEquals(1, refused.size(), r.diagnostics()::toString);
    assertTrue(
        refused.get(0).contains("Packer refuses a string for shared_image_gallery_destination"),
        refused.get(0));
    assertTrue(
        refused.get(0).contains("write \"shared_image_gallery_destination\": { … }"),
        refused.get(0));
    Diagnostic d =
        r.diagnostics().stream().filter(x -> x.code().equals("PKRMAP-W126")).findFirst().get();
    assertEquals(json.indexOf("\"${local.sig}\""), d.subject().get().startOffset());
    assertTrue(LoadAndMap.json(r).contains("eastus"), "still converted as the block");
  }

  @Test
  void aNestedBlockOrAnArrayElementWrittenAsAStringInsideAJsonBlockIsWarnedAboutEach() {
    String json =
        jsonSource(
            "\"regions\": [{\"name\": \"eastus\"}], \"r\": {\"name\": \"westus\"}",
            "\"azure_tags\": \"${local.r}\",\n"
                + "\"shared_image_gallery_destination\": {"
                + SIG
                + ", \"target_region\": \"${local.regions}\"},\n"
                + "\"shared_image_gallery\": [\"${local.r}\"]");
    List<String> refused = details(LoadAndMap.map("t.pkr.json", json).diagnostics(), "PKRMAP-W126");
    assertEquals(2, refused.size(), refused::toString); // not azure_tags: an argument
    assertTrue(
        refused.get(0).contains("a string for shared_image_gallery_destination.target_region"),
        refused.get(0));
    assertTrue(
        refused.get(1).contains("a string as an element of shared_image_gallery"), refused.get(1));
  }

  @Test
  void theSameBlocksWrittenAsJsonObjectsGetNoWarning() {
    String json =
        jsonSource(
            "\"x\": 1",
            "\"shared_image_gallery_destination\": {"
                + SIG
                + ", \"target_region\": [{\"name\": \"eastus\"}, {\"name\": \"westus\"}]}");
    List<String> codes = codes(LoadAndMap.map("t.pkr.json", json).diagnostics());
    assertTrue(!codes.contains("PKRMAP-W126"), codes::toString);
  }

  @Test
  void aTemplateKeyInANestedBlockOfHclJsonNamesNoArgument() {
    // Packer 1.6.6: No argument or block type is named "${var.k}". The key is not evaluated into
    // gallery_name, so gallery_name is missing too.
    String json =
        "{\"variable\": {\"k\": {\"default\": \"gallery_name\"}},\n"
            + jsonSource(
                    "\"x\": 1",
                    "\"shared_image_gallery_destination\": {\"resource_group\": \"rg\","
                        + " \"${var.k}\": \"g\", \"image_name\": \"img\","
                        + " \"image_version\": \"1.0.0\"}")
                .substring(1);
    MapResult r = LoadAndMap.map("t.pkr.json", json);

    List<String> refused = details(r.diagnostics(), "PKRMAP-E128");
    assertEquals(1, refused.size(), r.diagnostics()::toString);
    assertTrue(
        refused
            .get(0)
            .startsWith("shared_image_gallery_destination has no argument named \"${var.k}\""),
        refused.get(0));
    Diagnostic d =
        r.diagnostics().stream().filter(x -> x.code().equals("PKRMAP-E128")).findFirst().get();
    assertEquals(json.indexOf("\"${var.k}\""), d.subject().get().startOffset());
    assertTrue(
        details(r.diagnostics(), "PKRMAP-E108").stream()
            .anyMatch(m -> m.contains("gallery_name is missing")),
        r.diagnostics()::toString);
    assertTrue(r.templates().isEmpty(), "an error: nothing is written");
  }

  @Test
  void aTemplateKeyInAMapArgumentOfHclJsonIsEvaluated() {
    String json =
        "{\"variable\": {\"k\": {\"default\": \"team\"}},\n"
            + jsonSource("\"x\": 1", "\"azure_tags\": {\"${var.k}\": \"platform\"}").substring(1);
    MapResult r = LoadAndMap.map("t.pkr.json", json);
    assertTrue(!codes(r.diagnostics()).contains("PKRMAP-E128"), r.diagnostics()::toString);
    assertTrue(LoadAndMap.json(r).contains("\"team\": \"platform\""), LoadAndMap.json(r));
  }

  @Test
  void inATemplateOfBothSyntaxesEachBodyIsReadByItsOwnFile() {
    // The template's syntax is HCL2 (not every file is JSON), but the source is in a .pkr.json:
    // its nested block written as an object is what Packer wants there (it was told "write
    // shared_image_gallery_destination { … } without the equals sign"), and "//" in it is a
    // comment (it was an unknown field "//").
    String json =
        jsonSource(
            "\"x\": 1",
            "\"shared_image_gallery_destination\": {\"//\": \"c\", "
                + SIG
                + ", \"target_region\": \"${local.regions}\"}");
    String hcl =
        "locals {\n  regions = [{ name = \"eastus\" }]\n}\n"
            + LoadAndMap.linuxSource(
                "n",
                "  shared_image_gallery_destination = { resource_group = \"rg\","
                    + " gallery_name = \"g\", image_name = \"img\", image_version = \"1.0.0\" }\n")
            + "build { sources = [\"source.azure-arm.n\"] }\n";
    MapResult r = LoadAndMap.mapFolder(Map.of("src.pkr.json", json, "native.pkr.hcl", hcl));

    List<String> refused = details(r.diagnostics(), "PKRMAP-W126");
    assertEquals(2, refused.size(), refused::toString);
    assertTrue(
        refused.stream()
            .anyMatch(
                d ->
                    d.startsWith(
                        "Packer refuses shared_image_gallery_destination written as an argument")),
        refused::toString);
    assertTrue(
        refused.stream()
            .anyMatch(
                d ->
                    d.startsWith(
                        "Packer refuses a string for"
                            + " shared_image_gallery_destination.target_region")),
        refused::toString);
    assertEquals(List.of(), details(r.diagnostics(), "PKRMAP-W101"));
  }

  @Test
  void aSlashSlashKeyInALegacyNestedObjectIsStillAField() {
    // Legacy templates are not HCL: no comment convention applies to nested objects there.
    String legacy =
        "{\"builders\": [{\"type\": \"azure-arm\",\n"
            + LoadAndMap.LINUX_BUILDER_MEMBERS
            + ",\"plan_info\": {\"//\": \"x\", \"plan_name\": \"n\", \"plan_product\": \"p\","
            + " \"plan_publisher\": \"q\"}}]}\n";
    List<String> unknown = details(LoadAndMap.map("t.json", legacy).diagnostics(), "PKRMAP-W101");
    assertEquals(1, unknown.size(), unknown::toString);
    assertTrue(unknown.get(0).contains("plan_info.//"), unknown.get(0));
  }
}
