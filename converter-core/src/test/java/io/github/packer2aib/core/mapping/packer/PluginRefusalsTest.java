package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * skip_create_build_key_vault without the WinRM communicator is refused once, as the plugin refuses
 * it: pointing at communicator where it is written and names another one, at nothing else where it
 * is not written (SSH, the plugin's default), and not at all with WinRM.
 */
class PluginRefusalsTest {
  private static List<Diagnostic> refusals(String more) {
    MapResult r =
        LoadAndMap.map(
            "t.pkr.hcl",
            LoadAndMap.linuxSource("u", "  skip_create_build_key_vault = true\n" + more)
                + "build {\n  sources = [\"source.azure-arm.u\"]\n}\n");
    return r.diagnostics().stream()
        .filter(d -> d.detail().startsWith("Packer refuses skip_create_build_key_vault"))
        .toList();
  }

  @Test
  void anotherCommunicatorIsNamedBesideTheRefusal() {
    List<Diagnostic> d = refusals("  communicator = \"ssh\"\n");
    assertEquals(1, d.size(), d::toString);
    assertEquals("PKRMAP-E109", d.get(0).code());
    assertEquals(
        List.of("communicator set here"), d.get(0).related().stream().map(Related::label).toList());
    assertEquals(
        12, d.get(0).related().get(0).range().start().line(), () -> d.get(0).related().toString());
  }

  @Test
  void withoutCommunicatorTheRefusalStandsAlone() {
    List<Diagnostic> d = refusals("");
    assertEquals(1, d.size(), d::toString);
    assertEquals(List.of(), d.get(0).related());
  }

  @Test
  void winrmIsNotRefused() {
    assertEquals(List.of(), refusals("  communicator = \"winrm\"\n"));
  }
}
