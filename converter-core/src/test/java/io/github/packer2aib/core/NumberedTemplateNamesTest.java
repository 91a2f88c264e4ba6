package io.github.packer2aib.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A template whose own name another template of the same input has (ignoring case) is written under
 * that name numbered; the result says so ({@link ConvertedTemplate#numberedFrom}), for the caller's
 * note on which file it went to, and the converter warns that both would be one image template in
 * Azure (BIND-W003).
 */
class NumberedTemplateNamesTest {
  private static String document(String name) {
    return "type: Microsoft.VirtualMachineImages/imageTemplates\n"
        + "apiVersion: 2024-02-01\n"
        + "name: \""
        + name
        + "\"\n"
        + "location: westeurope\n"
        + "identity: {type: UserAssigned, userAssignedIdentities:"
        + " {\"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
        + "Microsoft.ManagedIdentity/userAssignedIdentities/id\": {}}}\n"
        + "properties:\n"
        + "  source: {type: PlatformImage, publisher: Canonical, offer: o, sku: s,"
        + " version: latest}\n"
        + "  customize: [{type: Shell, inline: [echo]}]\n"
        + "  distribute: [{type: VHD, runOutputName: out}]\n";
  }

  @Test
  void aStreamsDocumentsOfOneNameAreNumberedAndSaySo() {
    String text =
        String.join(
            "---\n",
            document("web"),
            document("WEB"),
            document("[parameters('n')]"),
            document("web"),
            document("other"));
    ConversionResult r =
        new Converter().convert(new SourceFile("s.yaml", text), ConvertOptions.defaults());

    assertEquals(
        List.of("web", "WEB-2", "s", "web-3", "other"),
        r.templates().stream().map(ConvertedTemplate::name).toList(),
        r.diagnostics().toString());
    // The template named after the input (its name is an expression) is no numbered own name.
    assertEquals(
        List.of(
            Optional.empty(),
            Optional.of("WEB"),
            Optional.empty(),
            Optional.of("web"),
            Optional.empty()),
        r.templates().stream().map(ConvertedTemplate::numberedFrom).toList());
    assertEquals(
        List.of("BIND-W003", "BIND-W003"),
        r.diagnostics().stream().map(d -> d.code()).filter(c -> c.startsWith("BIND-W003")).toList(),
        r.diagnostics().toString());
  }
}
