package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.packer2aib.core.hcl.function.FileSystemView;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real file system's view, where a template's paths become Java's: a path no file can have is
 * missing, never Java's unchecked InvalidPathException (an internal error), whoever asks.
 */
class LocalFilesTest {
  @TempDir Path tmp;

  @Test
  void aPathWithANulCharacterIsMissingAndCannotBeRead() {
    String nul = tmp + "/a\0b.sh";
    for (LocalFiles files :
        new LocalFiles[] {new LocalFiles(tmp), new LocalFiles(tmp, FileCache.forBulkRun())}) {
      assertEquals(FileSystemView.Kind.MISSING, files.kind(nul));
      NoSuchFileException read = assertThrows(NoSuchFileException.class, () -> files.read(nul));
      assertFalse(read.getMessage().contains("\0"), read.getMessage());
      assertEquals(tmp + "/a\\u0000b.sh: no file can have this name", read.getMessage());
      assertThrows(NoSuchFileException.class, () -> files.contents(nul, 1024));
      assertThrows(NoSuchFileException.class, () -> files.list(nul));
    }
  }
}
