package io.github.packer2aib.core.bind.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.source.SourceFile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A required variable (default null) without a value: an error for convert ({@code LEGACY-E010}), a
 * note for inspect ({@code LEGACY-N001}), and neither when a var file that may have given it could
 * not be read.
 */
class RequiredVariablesTest {
  private static final SourceFile TEMPLATE =
      new SourceFile(
          "t.json",
          """
          {"variables": {"rg": null},
           "builders": [{"type": "azure-arm", "managed_image_resource_group_name": "{{user `rg`}}"}]}
          """);

  private static List<String> codes(List<SourceFile> varFiles, boolean unsetAllowed) {
    return codes(TEMPLATE, varFiles, unsetAllowed);
  }

  private static List<String> codes(
      SourceFile template, List<SourceFile> varFiles, boolean unsetAllowed) {
    LegacyOptions options =
        new LegacyOptions(
            List.of(),
            varFiles,
            Map.of(),
            "/work",
            "/work",
            Clock.frozenAt(Instant.ofEpochSecond(1_700_000_000L)),
            Optional.empty(),
            unsetAllowed);
    return LegacyLoader.load(template, options).diagnostics().stream()
        .map(Diagnostic::code)
        .toList();
  }

  @Test
  void anErrorForConvertANoteForInspect() {
    assertEquals(List.of("LEGACY-E010"), codes(List.of(), false));
    assertEquals(List.of("LEGACY-N001"), codes(List.of(), true));
  }

  /**
   * A builder's name that uses one: the name is needed while Packer reads the template, so inspect
   * refuses it (LEGACY-E020, as PKR-E018 an HCL2 build's name), where the raw text stood in for it;
   * for convert the variable's own error says it all (a template of kubernetes-sigs/image-builder
   * leaves 32 such variables to its var files).
   */
  @Test
  void aBuilderNameThatUsesOneIsAnErrorForInspect() {
    SourceFile named =
        new SourceFile(
            "t.json",
            """
            {"variables": {"rg": null},
             "builders": [{"type": "azure-arm", "name": "img-{{user `rg`}}"}]}
            """);
    assertEquals(List.of("LEGACY-N001", "LEGACY-E020"), codes(named, List.of(), true));
    assertEquals(List.of("LEGACY-E010"), codes(named, List.of(), false));
  }

  @Test
  void aVarFileWithErrorsKeepsBothBack() {
    List<SourceFile> broken = List.of(new SourceFile("v.json", "{\"rg\": [1]}"));
    List<String> converted = codes(broken, false);
    assertEquals(List.of("LEGACY-E014"), converted);
    assertEquals(converted, codes(broken, true));
  }
}
