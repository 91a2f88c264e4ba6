package io.github.packer2aib.core.bind;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.bind.packer.LoadResult;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.packer.json.PackerModelJson;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {{template_dir}} is the template's folder cleaned, as Go's filepath.Abs gives it to Packer:
 * {@code ./sub/../sub/t.json} gives {@code /work/sub}, not {@code /work/./sub/../sub} (legacy
 * review, checked with Packer 1.6.6).
 */
class LegacyTemplateDirTest {
  @Test
  void templateDirIsCleaned() {
    String template =
        "{\"builders\": [{\"type\": \"null\", \"communicator\": \"none\"}],"
            + " \"provisioners\": [{\"type\": \"shell\", \"inline\": [\"TD={{template_dir}}\"]}]}";
    // The in-memory view does not resolve "..", as a real file system does: it holds the path.
    MemoryFileView fs = new MemoryFileView("/work").put("/work/./sub/../sub/t.json", template);
    PackerOptions options =
        new PackerOptions(
            List.of(),
            List.of(),
            Map.of(),
            Path.of("/work"),
            Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    LoadResult r =
        PackerTemplates.load(
            new PackerInput(Path.of("./sub/../sub/t.json"), "./sub/../sub/t.json"), options, fs);
    String json = PackerModelJson.toJson(r.template().orElseThrow(() -> new AssertionError(r)));
    assertTrue(json.contains("\"TD=/work/sub\""), json);
  }
}
