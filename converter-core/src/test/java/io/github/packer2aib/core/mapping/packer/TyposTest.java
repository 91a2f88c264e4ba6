package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Misspelt names that Packer refuses: a source or builder type close to azure-arm, a provisioner
 * type close to one the converter knows. They are reported as typos with a "did you mean", not
 * taken for another cloud's builder or a plugin's provisioner.
 */
class TyposTest {

  private static List<Diagnostic> of(MapResult r, String code) {
    return r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
  }

  private static List<String> codes(MapResult r) {
    return r.diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Test
  void aLegacyBuilderTypeCloseToAzureArmIsAnErrorNotASkippedBuilder() {
    for (String type : List.of("azure-rm", "Azure-arm", "azure_arm", "AZURE-ARM")) {
      String json =
          "{\"builders\": [\n"
              + "{\"type\": \"azure-arm\", \"name\": \"lin\",\n"
              + LoadAndMap.LINUX_BUILDER_MEMBERS
              + "},\n"
              + "{\"type\": \""
              + type
              + "\", \"name\": \"win\",\n"
              + LoadAndMap.LINUX_BUILDER_MEMBERS
              + "}]}\n";
      MapResult r = LoadAndMap.map("t.json", json);
      List<Diagnostic> typo = of(r, "PKRMAP-E013");
      assertEquals(1, typo.size(), r.diagnostics()::toString);
      assertTrue(typo.get(0).isError());
      assertTrue(typo.get(0).detail().contains("Did you mean \"azure-arm\"?"), typo.get(0)::detail);
      assertTrue(typo.get(0).detail().contains("Unknown builder " + type), typo.get(0)::detail);
      assertFalse(codes(r).contains("PKRMAP-N003"), r.diagnostics()::toString);
      assertTrue(r.templates().isEmpty(), "Packer refuses the template: nothing is written");
    }
  }

  @Test
  void anHcl2SourceTypeCloseToAzureArmIsAnErrorAndTheOnlyOne() {
    String hcl =
        LoadAndMap.linuxSource("w", "").replace("\"azure-arm\"", "\"azure-rm\"")
            + "build {\n  sources = [\"source.azure-rm.w\"]\n}\n";
    MapResult r = LoadAndMap.map("t.pkr.hcl", hcl);
    List<Diagnostic> typo = of(r, "PKRMAP-E013");
    assertEquals(1, typo.size(), r.diagnostics()::toString);
    assertTrue(typo.get(0).detail().contains("Unknown source type azure-rm"), typo.get(0)::detail);
    // "No azure-arm source" would only repeat it.
    assertFalse(codes(r).contains("PKRMAP-E001"), r.diagnostics()::toString);
  }

  @Test
  void anotherCloudsBuilderIsStillSkippedWithANote() {
    String json =
        "{\"builders\": [\n"
            + "{\"type\": \"azure-arm\",\n"
            + LoadAndMap.LINUX_BUILDER_MEMBERS
            + "},\n"
            + "{\"type\": \"amazon-ebs\", \"region\": \"us-east-1\"},\n"
            + "{\"type\": \"azure-chroot\", \"source\": \"x\"}]}\n";
    MapResult r = LoadAndMap.map("t.json", json);
    assertEquals(2, of(r, "PKRMAP-N003").size(), r.diagnostics()::toString);
    assertFalse(codes(r).contains("PKRMAP-E013"), r.diagnostics()::toString);
    assertEquals(1, r.templates().size());
  }

  /** An HCL2 template whose build runs the provisioner of type {@code type}. */
  private static String withProvisioner(String type) {
    return LoadAndMap.linuxSource("u", "")
        + "build {\n  sources = [\"source.azure-arm.u\"]\n"
        + "  provisioner \""
        + type
        + "\" {\n    inline = [\"echo hi\"]\n  }\n}\n";
  }

  @Test
  void aProvisionerTypeCloseToAKnownOneSuggestsIt() {
    MapResult r = LoadAndMap.map("t.pkr.hcl", withProvisioner("shel"));
    List<Diagnostic> e = of(r, "PKRMAP-E201");
    assertEquals(1, e.size(), r.diagnostics()::toString);
    assertTrue(e.get(0).detail().contains("Did you mean \"shell\"?"), e.get(0)::detail);
    assertFalse(e.get(0).detail().contains("--skip-unsupported"), e.get(0)::detail);
  }

  @Test
  void skipUnsupportedDoesNotDropAMisspeltStep() {
    MapResult r =
        LoadAndMap.map(
            "t.pkr.hcl", withProvisioner("Shell"), MappingCases.opts().withSkipUnsupported(true));
    List<Diagnostic> e = of(r, "PKRMAP-E201");
    assertEquals(1, e.size(), r.diagnostics()::toString);
    assertTrue(e.get(0).detail().contains("Did you mean \"shell\"?"), e.get(0)::detail);
    assertTrue(e.get(0).detail().contains("--skip-unsupported does not drop it"), e.get(0)::detail);
    assertTrue(r.templates().isEmpty());
  }

  @Test
  void aTypoOfAnUnsupportedTypeIsSkippedAsThatTypeWouldBe() {
    MapResult r =
        LoadAndMap.map(
            "t.pkr.hcl", withProvisioner("ansibel"), MappingCases.opts().withSkipUnsupported(true));
    List<Diagnostic> w = of(r, "PKRMAP-W202");
    assertEquals(1, w.size(), r.diagnostics()::toString);
    assertTrue(w.get(0).detail().contains("Did you mean \"ansible\"?"), w.get(0)::detail);
  }

  @Test
  void aPluginTypeFarFromEveryKnownOneGetsNoSuggestion() {
    MapResult r = LoadAndMap.map("t.pkr.hcl", withProvisioner("goss"));
    String detail = of(r, "PKRMAP-E201").get(0).detail();
    assertFalse(detail.contains("Did you mean"), detail);
    assertTrue(detail.contains("it may come from a plugin"), detail);
  }

  /** An HCL2 Windows source "w" with {@code more} and one build running {@code provisioners}. */
  private static String windows(String more, String provisioners) {
    return LoadAndMap.linuxSource("w", more)
            .replace("\"Linux\"", "\"Windows\"")
            .replace("\"Canonical\"", "\"MicrosoftWindowsServer\"")
        + "build {\n  sources = [\"source.azure-arm.w\"]\n"
        + provisioners
        + "}\n";
  }

  @Test
  void anUnknownFieldOfAPluginProvisionerIsAWarningThatSaysPackerMayRefuseIt() {
    // windows-update is a plugin of its own, whose fields may grow: not certainly a typo.
    MapResult r =
        LoadAndMap.map(
            "t.pkr.hcl",
            windows("", "  provisioner \"windows-update\" {\n    filtres = [\"x\"]\n  }\n"));
    List<Diagnostic> w = of(r, "PKRMAP-W101");
    assertEquals(1, w.size(), r.diagnostics()::toString);
    assertTrue(w.get(0).detail().contains("Did you mean \"filters\"?"), w.get(0)::detail);
    assertTrue(
        w.get(0).detail().contains("Packer refuses the template if the plugin"), w.get(0)::detail);
    assertFalse(codes(r).contains("PKRMAP-E128"), r.diagnostics()::toString);
  }

  @Test
  void theFieldsEveryPluginTakesAreNoTyposButAreDropped() {
    // env_var_format belongs to windows-shell (the SDK's shell fields); packer_debug is one of
    // the settings Packer gives every plugin.
    MapResult r =
        LoadAndMap.map(
            "t.pkr.hcl",
            windows(
                "  packer_debug = true\n",
                "  provisioner \"windows-shell\" {\n    inline = [\"echo hi\"]\n"
                    + "    env_var_format = \"set %s=%s && \"\n    packer_debug = true\n  }\n"));
    assertFalse(codes(r).contains("PKRMAP-E128"), r.diagnostics()::toString);
    assertFalse(codes(r).contains("PKRMAP-W101"), r.diagnostics()::toString);
    assertEquals(1, r.templates().size(), r.diagnostics()::toString);
  }

  @Test
  void aMisspeltVmSizeIsAnErrorAndNotSaidToDefaultToStandardA1() {
    String template =
        LoadAndMap.linuxSource("u", "") + "build {\n  sources = [\"source.azure-arm.u\"]\n}\n";
    MapResult misspelt = LoadAndMap.map("t.pkr.hcl", template.replace("vm_size =", "vm_szie ="));
    List<Diagnostic> e = of(misspelt, "PKRMAP-E128");
    assertEquals(1, e.size(), misspelt.diagnostics()::toString);
    assertTrue(e.get(0).detail().contains("Did you mean \"vm_size\"?"), e.get(0)::detail);
    assertTrue(e.get(0).detail().contains("(\"Unsupported argument\")"), e.get(0)::detail);
    assertFalse(codes(misspelt).contains("PKRMAP-N121"), misspelt.diagnostics()::toString);
    MapResult absent =
        LoadAndMap.map("t.pkr.hcl", template.replaceAll("(?m)^\\s*vm_size = .*\\n", ""));
    assertTrue(codes(absent).contains("PKRMAP-N121"), absent.diagnostics()::toString);
  }

  @Test
  void aGalleryIdBesideADirectSharedImageIdIsTheConflictPackerReports() {
    String json =
        "{\"builders\": [{\"type\": \"azure-arm\",\n"
            // Without the Marketplace image: the gallery is the source.
            + LoadAndMap.LINUX_BUILDER_MEMBERS
                .lines()
                .filter(l -> !l.contains("\"image_"))
                .collect(Collectors.joining("\n"))
            + ",\"shared_image_gallery\": {\"id\":"
            + " \"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/g/providers/Microsoft.Compute/galleries/x/images/i/versions/1.0.0\",\n"
            + " \"direct_shared_gallery_image_id\": \"/sharedGalleries/u/images/i\"}}]}\n";
    MapResult r = LoadAndMap.map("t.json", json);
    List<Diagnostic> conflict = of(r, "PKRMAP-E109");
    assertTrue(
        conflict.stream()
            .anyMatch(d -> d.detail().contains("Cannot specify multiple kinds of azure compute")),
        r.diagnostics()::toString);
    // id is a field the converter knows: never "does not know".
    assertTrue(
        r.diagnostics().stream().noneMatch(d -> d.detail().contains("does not know")),
        r.diagnostics()::toString);
  }
}
