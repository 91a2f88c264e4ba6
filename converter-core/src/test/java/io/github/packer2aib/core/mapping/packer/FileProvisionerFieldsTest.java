package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fields a file provisioner must have are all checked at once, as Packer's file provisioner
 * does ("Source must be specified." and "Destination must be specified." in one run).
 */
class FileProvisionerFieldsTest {

  private static List<String> missing(String provisioner) {
    String hcl =
        LoadAndMap.linuxSource("u", "")
            + "build {\n  sources = [\"source.azure-arm.u\"]\n"
            + provisioner
            + "}\n";
    MapResult r = LoadAndMap.map("t.pkr.hcl", hcl);
    assertTrue(r.templates().isEmpty(), "an error: nothing is written");
    return r.diagnostics().stream()
        .filter(d -> d.code().equals("PKRMAP-E108"))
        .map(Diagnostic::detail)
        .toList();
  }

  @Test
  void anEmptyFileProvisionerLacksBothItsSourceAndItsDestination() {
    List<String> details = missing("  provisioner \"file\" {}\n");
    assertEquals(2, details.size(), details::toString);
    assertTrue(details.stream().anyMatch(d -> d.contains("needs source, sources or content")));
    assertTrue(details.stream().anyMatch(d -> d.contains("needs a destination")));
  }

  @Test
  void twoSourcesAndNoDestinationAreBothReported() {
    String hcl =
        LoadAndMap.linuxSource("u", "")
            + "build {\n  sources = [\"source.azure-arm.u\"]\n"
            + "  provisioner \"file\" {\n    content = \"x\"\n    source = \"a.txt\"\n  }\n"
            + "}\n";
    List<String> codes =
        LoadAndMap.map("t.pkr.hcl", hcl).diagnostics().stream().map(Diagnostic::code).toList();
    assertTrue(codes.contains("PKRMAP-E109"), codes::toString);
    assertTrue(codes.contains("PKRMAP-E108"), codes::toString);
  }
}
