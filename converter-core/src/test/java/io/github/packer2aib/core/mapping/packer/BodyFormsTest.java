package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.List;
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
