package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An override that gives a list fewer elements than the provisioner replaces only as many, as
 * Packer 1.6.6 does (checked with packer build, null builder and shell-local, legacy and HCL2):
 * inline ["a", "b", "c"] overridden with ["x"] runs x, b and c. The converter replaced the whole
 * list, so the image missed b and c. A warning says so (PKRMAP-W012), naming counts only.
 */
class OverrideOverlayTest {
  private static final String SOURCE = LoadAndMap.LINUX_BUILDER_MEMBERS;

  private record Converted(List<Diagnostic> diagnostics, String json) {}

  private static Converted convert(String name, String text) {
    MapResult result = LoadAndMap.map(name, text);
    return new Converted(result.diagnostics(), LoadAndMap.json(result));
  }

  /** An HCL2 template whose one build runs source alpha and a shell provisioner of these lines. */
  private static Converted convertShell(String provisionerBody) {
    return convert(
        "t.pkr.hcl",
        LoadAndMap.linuxSource("alpha", "")
            + "build {\n  sources = [\"source.azure-arm.alpha\"]\n  provisioner \"shell\" {\n"
            + provisionerBody
            + "  }\n}\n");
  }

  private static List<String> overlaid(Converted c) {
    return c.diagnostics().stream()
        .filter(d -> d.code().equals("PKRMAP-W012"))
        .map(Diagnostic::detail)
        .toList();
  }

  @Test
  void aShorterListReplacesOnlyItsFirstElementsInALegacyTemplate() {
    Converted c =
        convert(
            "t.json",
            "{\"builders\": [{\"type\": \"azure-arm\", \"name\": \"alpha\", "
                + SOURCE
                + "}], \"provisioners\": [{\"type\": \"shell\", \"inline\": [\"echo a\", \"echo"
                + " b\", \"echo c\"], \"environment_vars\": [\"A=1\", \"B=2\"], \"override\":"
                + " {\"alpha\": {\"inline\": [\"echo x\"], \"environment_vars\": [\"C=3\"]}}}]}");
    assertTrue(
        c.json()
            .contains(
                "\"export B='2'\",\n          \"export C='3'\",\n          \"echo x\",\n"
                    + "          \"echo b\",\n          \"echo c\"\n"),
        c.json());
    assertTrue(!c.json().contains("echo a") && !c.json().contains("A='1'"), c.json());
    assertEquals(
        List.of(
            "The override for alpha gives inline 1 element, the provisioner 3: Packer replaces"
                + " only the first 1 and keeps the last 2, and so does the step. To replace the"
                + " whole list, give it as many elements, or use provisioners of their own with"
                + " only and except instead of the override.",
            "The override for alpha gives environment_vars 1 element, the provisioner 2: Packer"
                + " replaces only the first 1 and keeps the last one, and so does the step. To"
                + " replace the whole list, give it as many elements, or use provisioners of their"
                + " own with only and except instead of the override."),
        overlaid(c));
  }

  @Test
  void aListAsLongOrLongerReplacesTheWholeOne() {
    Converted c =
        convert(
            "t.json",
            "{\"builders\": [{\"type\": \"azure-arm\", \"name\": \"alpha\", "
                + SOURCE
                + "}], \"provisioners\": [{\"type\": \"shell\", \"inline\": [\"echo a\"],"
                + " \"override\": {\"alpha\": {\"inline\": [\"echo x\", \"echo y\"]}}}]}");
    assertTrue(c.json().contains("\"echo x\",\n          \"echo y\"\n"), c.json());
    assertEquals(List.of(), overlaid(c));
  }

  @Test
  void hcl2OverridesAreLaidOverTheSameWay() {
    Converted c =
        convertShell(
            """
                inline   = ["echo a", "echo b"]
                override = { alpha = { inline = ["echo x"] } }
            """);
    assertTrue(c.json().contains("\"echo x\",\n          \"echo b\"\n"), c.json());
    assertEquals(1, overlaid(c).size(), c.diagnostics()::toString);
  }

  @Test
  void aMapIsWrittenKeyByKeyIntoTheProvisionersMap() {
    // mapstructure writes into the map decoded before: env A, B and C, B from the override.
    Converted c =
        convertShell(
            """
                inline   = ["echo a"]
                env      = { A = "1", B = "2" }
                override = { alpha = { env = { B = "20", C = "3" } } }
            """);
    assertTrue(
        c.json()
            .contains(
                "\"export A='1'\",\n          \"export B='20'\",\n          \"export C='3'\""),
        c.json());
    assertEquals(List.of(), overlaid(c));
  }

  @Test
  void aBlockSettingInAnOverrideIsToldWhyPackerRefusesIt() {
    MapResult r =
        LoadAndMap.map(
            "t.pkr.hcl",
            LoadAndMap.linuxSource("alpha", "")
                + "build {\n  sources = [\"source.azure-arm.alpha\"]\n  provisioner \"shell\" {\n"
                + """
                      inline   = ["echo a"]
                      override = { alpha = { pause_before = "3s" } }
                  """
                + "  }\n}\n");
    List<String> refused =
        r.diagnostics().stream()
            .filter(d -> d.code().equals("PKRMAP-E128"))
            .map(Diagnostic::detail)
            .toList();
    // The shell provisioner is built into Packer, whose fields are known: an error.
    assertEquals(
        List.of(
            "pause_before is a setting of the provisioner block itself, but an override's fields"
                + " go to the settings of the shell provisioner, which have no pause_before, so"
                + " Packer refuses the template (\"unknown configuration key\"). Set it on the"
                + " provisioner block, in a provisioner of its own with only or except if it is"
                + " meant for one source."),
        refused);
    assertTrue(r.templates().isEmpty());
  }
}
