package io.github.packer2aib.core.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.bind.packer.LoadResult;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A legacy template or var file saved as UTF-16 without a byte order mark is valid UTF-8 (ASCII
 * between NULs): the JSON reader stopped at the first NUL with "Unexpected character" (found
 * reviewing bulk runs). It is told what it is, as a {@code .pkr.hcl} file is (PKR-E002).
 */
class LegacyUtf16Test {
  private static final String TEMPLATE =
      "{\"builders\": [{\"type\": \"null\", \"communicator\": \"none\"}]}";

  private static PackerOptions options(List<Path> varFiles) {
    return new PackerOptions(
        List.of(),
        varFiles,
        Map.of(),
        Path.of("/work"),
        Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
  }

  private static String details(LoadResult r) {
    return String.join("\n", r.diagnostics().stream().map(Diagnostic::detail).toList());
  }

  @Test
  void aLegacyTemplateInUtf16WithoutAByteOrderMarkIsToldSo() {
    MemoryFileView fs =
        new MemoryFileView("/work")
            .putBytes("/work/t.json", TEMPLATE.getBytes(StandardCharsets.UTF_16LE));

    LoadResult r =
        PackerTemplates.load(new PackerInput(Path.of("t.json"), "t.json"), options(List.of()), fs);

    assertEquals(1, r.diagnostics().size(), details(r));
    assertEquals(
        "The template t.json could not be read: it holds NUL characters between its letters: it"
            + " is UTF-16 (little-endian, as Windows PowerShell 5 writes with Out-File); save it"
            + " as UTF-8.",
        r.diagnostics().get(0).detail());
  }

  @Test
  void aLegacyVarFileInUtf16WithoutAByteOrderMarkIsToldSo() {
    MemoryFileView fs =
        new MemoryFileView("/work")
            .put("/work/t.json", TEMPLATE)
            .putBytes("/work/v.json", "{\"a\": \"b\"}".getBytes(StandardCharsets.UTF_16BE));

    LoadResult r =
        PackerTemplates.load(
            new PackerInput(Path.of("t.json"), "t.json"), options(List.of(Path.of("v.json"))), fs);

    assertEquals(1, r.diagnostics().size(), details(r));
    assertTrue(
        r.diagnostics()
            .get(0)
            .detail()
            .contains("it holds NUL characters between its letters: it is UTF-16 (big-endian"),
        details(r));
  }
}
