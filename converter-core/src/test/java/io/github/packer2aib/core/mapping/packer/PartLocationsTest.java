package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A message about one part of what the template writes (an override key, one inline command) points
 * at that part, not at the provisioner or the whole list (README, "Diagnostics").
 */
class PartLocationsTest {

  /** The one diagnostic of {@code code}. */
  private static Diagnostic one(MapResult r, String code) {
    List<Diagnostic> found = r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    assertEquals(1, found.size(), r.diagnostics()::toString);
    return found.get(0);
  }

  private static String at(Diagnostic d) {
    return d.subject().orElseThrow().start().line()
        + ":"
        + d.subject().orElseThrow().start().column();
  }

  @Test
  void anOverrideKeyThatMatchesNoSourceIsLocatedAtTheKey() {
    String hcl =
        LoadAndMap.linuxSource("u", "")
            + "build {\n"
            + "  sources = [\"source.azure-arm.u\"]\n"
            + "  provisioner \"shell\" {\n"
            + "    inline = [\"echo\"]\n"
            + "    override = {\n"
            + "      \"azure-arm.u\" = { pause_before = \"1s\" }\n"
            + "    }\n"
            + "  }\n"
            + "}\n";
    MapResult r = LoadAndMap.map("t.pkr.hcl", hcl);
    Diagnostic d = one(r, "PKRMAP-W006");
    int line = hcl.substring(0, hcl.indexOf("\"azure-arm.u\" =")).split("\n", -1).length;
    assertEquals(line + ":7", at(d), d::toString);
  }
}
