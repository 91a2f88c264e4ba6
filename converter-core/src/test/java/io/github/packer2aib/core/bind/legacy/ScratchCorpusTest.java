package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.diag.TextRenderer;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.testing.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScratchCorpusTest {
  @Test
  void dump() throws Exception {
    Path corpus = SharedFolder.find().orElseThrow().resolve("corpus/packer-json");
    try (Stream<Path> s = Files.walk(corpus)) {
      for (Path p : s.filter(x -> x.toString().endsWith(".json") || x.toString().endsWith(".hcl")).sorted().toList()) {
        String text = Files.readString(p);
        if (!text.contains("\"builders\"")) continue;
        SourceFile f = new SourceFile(corpus.relativize(p).toString(), text);
        LegacyLoadResult r = LegacyLoader.load(f, LegacyOptions.of("/t", "/w", Clock.frozenAt(Instant.ofEpochSecond(1700000000))));
        System.out.println("=== " + f.name() + " errors=" + r.hasErrors());
        System.out.println(new TextRenderer(n -> n.equals(f.name()) ? Optional.of(f) : Optional.empty()).render(r.diagnostics()));
        if (System.getProperty("dump") != null) r.template().ifPresent(t -> System.out.println(ModelDump.of(t, false)));
      }
    }
  }
}
