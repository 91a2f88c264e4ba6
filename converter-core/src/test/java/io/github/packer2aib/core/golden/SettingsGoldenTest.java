package io.github.packer2aib.core.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.bind.settings.Settings;
import io.github.packer2aib.core.bind.settings.SettingsBinder;
import io.github.packer2aib.core.bind.settings.SettingsResult;
import io.github.packer2aib.core.bind.settings.TemplateSettings;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.TextRenderer;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases for settings files ({@code testdata/.../cases/settings/<case>/}): {@code
 * settings.yaml} or {@code settings.json}, optional {@code paths} (template paths, one a line), and
 * the expected results: {@code expected.txt} (the settings of each path, when the file binds) and
 * {@code expected.diagnostics.txt} (rendered: the binder's diagnostics, then the unused-entry
 * warnings for {@code paths}; absent means none). Run with {@code -Dgolden.update=true} to rewrite
 * the expected files, then review the diff.
 */
class SettingsGoldenTest {

  @TestFactory
  Stream<DynamicTest> cases() {
    return GoldenCases.cases("settings").stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName() + ": binds", () -> binds(dir)));
  }

  private void binds(Path dir) throws IOException {
    Path input =
        Files.exists(dir.resolve("settings.json"))
            ? dir.resolve("settings.json")
            : dir.resolve("settings.yaml");
    SourceFile file = new SourceFile(input.getFileName().toString(), Files.readString(input));
    List<String> paths =
        Files.exists(dir.resolve("paths"))
            ? Files.readAllLines(dir.resolve("paths"), StandardCharsets.UTF_8)
            : List.of();
    SettingsResult result = SettingsBinder.bind(file);
    List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
    StringBuilder settings = new StringBuilder();
    if (result.settings().isPresent()) {
      Settings s = result.settings().get();
      diagnostics.addAll(s.unused(paths));
      for (String p : paths) {
        settings.append(p).append('\n').append(dump(s.forTemplate(p)));
      }
    }
    // The binder's copy of the file masks variable values, as the CLI renders it.
    SourceFile shown = result.source();
    String rendered =
        new TextRenderer(n -> n.equals(shown.name()) ? Optional.of(shown) : Optional.empty())
            .render(diagnostics);
    if (GoldenCases.updating()) {
      write(dir.resolve("expected.diagnostics.txt"), rendered);
      write(dir.resolve("expected.txt"), settings.toString());
      return;
    }
    assertEquals(read(dir.resolve("expected.diagnostics.txt")), rendered, "diagnostics");
    assertEquals(read(dir.resolve("expected.txt")), settings.toString(), "settings");
  }

  /** Every field, one a line; variable values too (these files hold no secrets). */
  private static String dump(TemplateSettings t) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> v : t.vars().entrySet()) {
      b.append("  var ").append(v.getKey()).append(" = ").append(v.getValue()).append('\n');
    }
    t.varFiles().forEach(f -> b.append("  var-file ").append(f).append('\n'));
    t.data().forEach((k, v) -> b.append("  data ").append(k).append(" = ").append(v).append('\n'));
    t.only().forEach(f -> b.append("  only ").append(f).append('\n'));
    t.except().forEach(f -> b.append("  except ").append(f).append('\n'));
    t.identity().ifPresent(v -> b.append("  identity ").append(v).append('\n'));
    t.subscription().ifPresent(v -> b.append("  subscription ").append(v).append('\n'));
    t.location().ifPresent(v -> b.append("  location ").append(v).append('\n'));
    t.scriptBaseUri().ifPresent(v -> b.append("  script-base-uri ").append(v).append('\n'));
    t.fileBaseUri().ifPresent(v -> b.append("  file-base-uri ").append(v).append('\n'));
    t.apiVersion().ifPresent(v -> b.append("  api-version ").append(v).append('\n'));
    t.skipUnsupported().ifPresent(v -> b.append("  skip-unsupported ").append(v).append('\n'));
    t.galleryVersioning().ifPresent(v -> b.append("  gallery-versioning ").append(v).append('\n'));
    t.skip().ifPresent(v -> b.append("  skip ").append(v).append('\n'));
    return b.toString();
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p) : "";
  }

  private static void write(Path p, String text) throws IOException {
    if (text.isEmpty()) {
      Files.deleteIfExists(p);
    } else {
      Files.writeString(p, text);
    }
  }
}
