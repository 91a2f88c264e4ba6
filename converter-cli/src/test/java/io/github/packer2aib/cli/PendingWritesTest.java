package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stopped run leaves whole files and no temporary ones (each test has its own registry). */
class PendingWritesTest {
  @TempDir Path tmp;

  private List<String> listing() throws IOException {
    return AtomicFilesTest.listing(tmp);
  }

  @Test
  void abandoningDeletesTheTemporaryFilesBeingWritten() throws IOException {
    PendingWrites pending = new PendingWrites();
    Path first = tmp.resolve(".a.json.1.1.tmp");
    Path second = tmp.resolve(".b.json.1.2.tmp");
    pending.begin(first).close();
    pending.begin(second).close();
    pending.end(second);
    assertEquals(List.of(".a.json.1.1.tmp", ".b.json.1.2.tmp"), listing());

    pending.abandon();

    // The write that ended is the writer's to finish (moved into place); the other is gone.
    assertEquals(List.of(".b.json.1.2.tmp"), listing());
  }

  @Test
  void nothingIsBegunOnceAbandoned() throws IOException {
    PendingWrites pending = new PendingWrites();
    pending.abandon();

    Path temp = tmp.resolve(".a.json.1.1.tmp");
    InterruptedIOException e =
        assertThrows(InterruptedIOException.class, () -> pending.begin(temp));

    assertEquals("the run was stopped", e.getMessage());
    assertFalse(Files.exists(temp));
  }

  @Test
  void aStoppedRunKeepsTheOldFileAndLeavesNoTemporaryOne() throws IOException {
    Path target = tmp.resolve("t.json");
    AtomicFiles.write(target, "old\n", new PendingWrites());
    PendingWrites stopped = new PendingWrites();
    stopped.abandon();

    assertThrows(InterruptedIOException.class, () -> AtomicFiles.write(target, "new\n", stopped));

    assertEquals("old\n", Files.readString(target));
    assertEquals(List.of("t.json"), listing());
  }

  @Test
  void aFinishedWriteIsNoLongerPending() throws IOException {
    PendingWrites pending = new PendingWrites();
    Path target = tmp.resolve("t.json");
    AtomicFiles.write(target, "text\n", pending);

    pending.abandon();

    assertTrue(Files.exists(target));
    assertEquals("text\n", Files.readString(target));
    assertEquals(List.of("t.json"), listing());
  }
}
