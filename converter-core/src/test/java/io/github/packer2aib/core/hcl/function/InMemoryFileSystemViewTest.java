package io.github.packer2aib.core.hcl.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.packer2aib.core.OutputFormat;
import io.github.packer2aib.core.PackerConversion;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The library's view of text files in memory, for templates given as text. */
class InMemoryFileSystemViewTest {
  private final FileSystemView view =
      FileSystemView.inMemory(
          "/t",
          Map.of(
              "/t/a.pkr.hcl", "x",
              "/t/scripts/b.sh", "échoé",
              "/t/scripts/deep/c.sh", "",
              "/t/scriptsx", "y"));

  @Test
  void filesAndTheFoldersAboveThemAreThereAndNothingElse() throws IOException {
    assertEquals(FileSystemView.Kind.FILE, view.kind("/t/a.pkr.hcl"));
    assertEquals(FileSystemView.Kind.DIRECTORY, view.kind("/t/scripts"));
    assertEquals(FileSystemView.Kind.DIRECTORY, view.kind("/t"));
    assertEquals(FileSystemView.Kind.MISSING, view.kind("/t/script"));
    assertEquals(List.of("b.sh", "deep"), view.list("/t/scripts"));
    assertEquals(List.of("a.pkr.hcl", "scripts", "scriptsx"), view.list("/t"));
    assertArrayEquals("échoé".getBytes(StandardCharsets.UTF_8), view.read("/t/scripts/b.sh"));
    assertThrows(IOException.class, () -> view.read("/t/scripts"));
    assertThrows(IOException.class, () -> view.list("/u"));
    assertEquals("/t/a.pkr.hcl", view.realPath("/t/a.pkr.hcl"));
    assertEquals(OptionalInt.empty(), view.filePermissions("/t/a.pkr.hcl"));
  }

  @Test
  void aTemplateGivenAsTextIsAFileNameWithoutFolders() {
    PackerOptions packer =
        PackerOptions.defaults(
            Path.of("/t").toAbsolutePath(), Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    PackerConversion conversion = new PackerConversion();

    for (String name : List.of("", "a/b.pkr.hcl", "..\\b.pkr.hcl")) {
      assertThrows(
          IllegalArgumentException.class,
          () -> conversion.convertText(name, "", packer, MapOptions.defaults(), OutputFormat.JSON));
    }
  }
}
