package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What failed and killed runs leave behind: the empty folders a run made for writes that failed (a
 * full disk left hundreds), and the temporary files of a run killed by SIGKILL, which later runs
 * kept for good.
 */
class RunLeftoversTest {
  @TempDir Path tmp;

  /** A PID above Linux's largest (2^22): no process has it. */
  private static final long DEAD = 9_999_999L;

  private static final Instant RUN_START = Instant.now();

  private Path temp(Path folder, String name, Instant changed) throws IOException {
    Path p = Files.createDirectories(folder).resolve(name);
    Files.writeString(p, "{\"half\": ");
    Files.setLastModifiedTime(p, FileTime.from(changed));
    return p;
  }

  @Test
  void theFoldersTheRunMadeAndLeftEmptyAreRemoved() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.createDirectories(out.resolve("kept/old"));
    OutputFolders folders = new OutputFolders(out);
    for (String f : List.of("a/b/c", "a/d", "kept/old", "kept/new", "full")) {
      folders.make(out.resolve(f));
    }
    Files.writeString(out.resolve("full/t.json"), "{}");

    folders.removeEmpty();

    assertEquals(List.of("full", "kept"), AtomicFilesTest.listing(out));
    assertEquals(List.of("old"), AtomicFilesTest.listing(out.resolve("kept")));
  }

  /** The name {@link AtomicFiles} gives a temporary file for {@code target}. */
  private static String ours(String target, long pid, long n) {
    return AtomicFiles.tempName(AtomicFiles.tempStem(target), pid, n);
  }

  @Test
  void onlyOurTemporaryFilesOfDeadProcessesFromBeforeTheRunAreRemoved() throws IOException {
    Instant before = RUN_START.minusSeconds(60);
    Path dead = temp(tmp, ours("t.json", DEAD, 3), before);
    Path report = temp(tmp, ours("rk.md", DEAD, 12), before);
    Path live = temp(tmp, ours("u.json", 4242, 1), before);
    Path mine = temp(tmp, ours("v.json", ProcessHandle.current().pid(), 1), before);
    Path recent = temp(tmp, ours("w.json", DEAD, 1), RUN_START.plusSeconds(1));
    Path other = temp(tmp, ".x.json.tmp", before);
    Path visible = temp(tmp, ours("y.json", DEAD, 1).substring(1), before);

    int removed = StaleTemps.remove(tmp, RUN_START, pid -> pid == 4242);

    assertEquals(2, removed);
    assertFalse(Files.exists(dead));
    assertFalse(Files.exists(report));
    for (Path p : List.of(live, mine, recent, other, visible)) {
      assertTrue(Files.exists(p), p.toString());
    }
  }

  @Test
  void aUsersHiddenFileThatOnlyLooksLikeATemporaryFileIsKept() throws IOException {
    // The names of the temporary files before they were marked as packer2aib's: the clean-up took
    // any such file of a dead PID for one of its own, and deleted a user's notes.
    Instant before = RUN_START.minusSeconds(60);
    Path notes = temp(tmp, ".notes." + DEAD + ".1.tmp", before);
    Path marked = temp(tmp, ".notes.packer2aib." + DEAD + ".1.tmp", before);
    Path ourOwn = temp(tmp, ours("notes", DEAD, 1), before);

    int removed = StaleTemps.remove(tmp, RUN_START, pid -> false);

    assertEquals(1, removed);
    assertTrue(Files.exists(notes));
    assertTrue(Files.exists(marked));
    assertFalse(Files.exists(ourOwn));
    assertEquals(".notes.packer2aib-" + DEAD + "-1.tmp", ourOwn.getFileName().toString());
  }

  @Test
  void theTemporaryFileOfATargetWithALongNameIsRecognisedToo() throws IOException {
    Path long1 = temp(tmp, ours("c".repeat(245) + ".json", DEAD, 1), RUN_START.minusSeconds(60));

    assertEquals(1, StaleTemps.remove(tmp, RUN_START, pid -> false));
    assertFalse(Files.exists(long1));
  }

  @Test
  void aBulkRunRemovesAKilledRunsTemporaryFilesWhereItWrites() throws IOException {
    Path in = tmp.resolve("in");
    BulkTrees.put(in, "sub/t.json", BulkTrees.legacy("t"));
    Path out = tmp.resolve("out");
    Path left = temp(out.resolve("sub"), ours("t.json", DEAD, 7), Instant.now().minusSeconds(60));

    CliRun r =
        CliRun.run(
            "convert", "-r", "--identity", BulkTrees.IDENTITY, in.toString(), "-o", out.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertFalse(Files.exists(left), "left behind");
    assertEquals(List.of("t.json"), AtomicFilesTest.listing(out.resolve("sub")));
  }

  @Test
  void aSingleConvertRemovesThemToo() throws IOException {
    Path t = Templates.write(tmp, "web.json", Templates.VALID_AIB);
    Path out = tmp.resolve("out");
    Path left = temp(out, ours("web.json", DEAD, 1), Instant.now().minusSeconds(60));

    CliRun r = CliRun.run("convert", t.toString(), "-o", out.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertFalse(Files.exists(left), "left behind");
  }
}
