package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links below a bulk run's output folder: a repository that commits {@code aib/} can hold
 * {@code aib/linux -> ../../outside}, through which the run wrote templates outside the output
 * folder and deleted files named like its temporary files there. The run writes, replaces and
 * deletes nothing through such a link.
 */
class OutputFolderLinksTest {
  @TempDir Path tmp;

  private Path repo;
  private Path outside;
  private Path aib;

  /** A PID above Linux's largest (2^22): no process has it. */
  private static final long DEAD = 9_999_999L;

  @BeforeEach
  void tree() throws IOException {
    repo = tmp.resolve("repo");
    outside = Files.createDirectories(tmp.resolve("outside"));
    put(repo, "packer/linux/t.pkr.hcl", BulkTrees.hcl("u"));
    aib = Files.createDirectories(repo.resolve("aib"));
  }

  private CliRun convert(String... extra) {
    List<String> args = new ArrayList<>(List.of("-q", "-o", aib.toString()));
    args.addAll(List.of(extra));
    args.add(repo.resolve("packer").toString());
    return BulkTrees.bulk(CliRun.with(), args.toArray(String[]::new));
  }

  private static Path stale(Path folder, String name) throws IOException {
    Path p = folder.resolve(name);
    Files.writeString(p, "keep\n");
    Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    return p;
  }

  @Test
  void aLinkWhereAMirroredFolderGoesIsRefusedAndNothingIsWrittenOrDeletedWhereItLeads()
      throws IOException {
    Path link = Files.createSymbolicLink(aib.resolve("linux"), Path.of("../../outside"));
    Path notes = stale(outside, ".notes." + DEAD + ".1.tmp");
    Path tempLike = stale(outside, AtomicFiles.tempName("u.json", DEAD, 1));

    CliRun r = convert();

    assertEquals(1, r.exitCode(), r.err());
    assertEquals(
        "error: cannot write "
            + link.resolve("u.json")
            + ": "
            + link
            + " is a symbolic link (to ../../outside), and packer2aib writes nothing through a"
            + " link inside the output folder (it could lead out of it, or make two folders of"
            + " outputs one): replace the link with a folder, or write into another folder (-o)"
            + " [CLI-E002]\n",
        r.err());
    assertEquals(
        List.of(notes.getFileName().toString(), tempLike.getFileName().toString()),
        AtomicFilesTest.listing(outside),
        "no output written through the link");
    assertTrue(Files.exists(notes));
    assertTrue(Files.exists(tempLike), "a stale temporary file outside the output folder");
    assertTrue(Files.isSymbolicLink(link));
  }

  @Test
  void aLinkAboveADeeperFolderIsRefusedBeforeAnythingIsMadeThroughIt() throws IOException {
    BulkTrees.delete(repo.resolve("packer"));
    put(repo, "packer/a/b/t.pkr.hcl", BulkTrees.hcl("u"));
    Path link = Files.createSymbolicLink(aib.resolve("a"), outside);

    CliRun r = convert();

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains(": " + link + " is a symbolic link (to " + outside + ")"), r.err());
    assertEquals(List.of(), AtomicFilesTest.listing(outside), "no folder b made through the link");
  }

  @Test
  void aLinkToAFolderInsideTheOutputFolderIsRefusedToo() throws IOException {
    Files.createDirectories(aib.resolve("real"));
    Path link = Files.createSymbolicLink(aib.resolve("linux"), Path.of("real"));

    CliRun r = convert();

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains(": " + link + " is a symbolic link (to real), "), r.err());
    assertEquals(List.of(), AtomicFilesTest.listing(aib.resolve("real")));
  }

  @Test
  void checkFailsTheTemplateAsTheRunWould() throws IOException {
    Path link = Files.createSymbolicLink(aib.resolve("linux"), Path.of("../../outside"));

    CliRun r = convert("--check");

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .startsWith(
                "error: cannot write "
                    + link.resolve("u.json")
                    + ": "
                    + link
                    + " is a symbolic link (to ../../outside), "),
        r.err());
  }

  @Test
  void aDanglingLinkIsNamedAsALink() throws IOException {
    Path link = Files.createSymbolicLink(aib.resolve("linux"), Path.of("nowhere"));

    CliRun r = convert();

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains(": " + link + " is a symbolic link (to nowhere), "), r.err());
  }

  @Test
  void theOutputFolderItselfMayBeALink() throws IOException {
    Path real = Files.createDirectories(tmp.resolve("real-aib"));
    Files.delete(aib);
    Files.createSymbolicLink(aib, real);

    CliRun r = convert();

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.isRegularFile(real.resolve("linux/u.json")));
  }

  @Test
  void pruneDeletesNothingBehindALinkThatTheListOfOutputsHolds() throws IOException {
    put(repo, "packer/other/t.pkr.hcl", BulkTrees.hcl("o"));
    assertEquals(0, convert().exitCode());
    // The folder of outputs moved away, and a link left in its place; its template is removed.
    Files.move(aib.resolve("linux"), outside.resolve("linux"));
    Files.createSymbolicLink(aib.resolve("linux"), outside.resolve("linux"));
    BulkTrees.delete(repo.resolve("packer/linux"));

    CliRun r = convert("--prune");

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.isRegularFile(outside.resolve("linux/u.json")));
  }

  @Test
  void staleTemporaryFilesAreRemovedOnlyInsideTheOutputFolder() throws IOException {
    // Making a new output folder passes through existing folders above it: they are not its.
    Path above = Files.createDirectories(tmp.resolve("above"));
    Path staleAbove = stale(above, AtomicFiles.tempName("u.json", DEAD, 1));
    aib = above.resolve("new/aib");

    CliRun r = convert();

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.exists(staleAbove));
    assertTrue(Files.isRegularFile(aib.resolve("linux/u.json")));
  }
}
