package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.function.FileSystemView.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCacheTest {
  @TempDir Path tmp;

  @Test
  void aFileReadTwiceIsKeptAndEveryCallerGetsItsOwnCopy() throws Exception {
    FileCache cache = new FileCache(1024);
    AtomicInteger reads = new AtomicInteger();
    cache.read("/a", () -> bytes("abc", reads));
    byte[] second = cache.read("/a", () -> bytes("abc", reads));
    second[0] = 'X';
    byte[] third = cache.read("/a", () -> bytes("changed on disk", reads));

    assertEquals(2, reads.get(), "read from disk until it was seen twice, then kept");
    assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), third);
  }

  @Test
  void aFileReadOnceSpendsNoBudget() throws Exception {
    FileCache cache = new FileCache(3);
    AtomicInteger reads = new AtomicInteger();
    cache.read("/template", () -> bytes("123", reads));
    cache.read("/script", () -> bytes("abc", reads));
    cache.read("/script", () -> bytes("abc", reads));
    cache.read("/script", () -> bytes("abc", reads));

    assertEquals(3, reads.get(), "/template once; /script twice, then from the cache");
  }

  @Test
  void contentsBeyondTheBudgetAreReadFromDiskEachTime() throws Exception {
    FileCache cache = new FileCache(4);
    AtomicInteger reads = new AtomicInteger();
    cache.read("/big", () -> bytes("12345", reads));
    cache.read("/big", () -> bytes("12345", reads));
    cache.read("/big", () -> bytes("12345", reads));
    cache.read("/small", () -> bytes("123", reads));
    cache.read("/small", () -> bytes("123", reads));
    cache.read("/small", () -> bytes("123", reads));

    assertEquals(5, reads.get(), "/big every time (over the budget), /small twice");
  }

  @Test
  void kindsAndListingsAreRemembered() throws Exception {
    FileCache cache = new FileCache(0);
    AtomicInteger looks = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      assertEquals(
          Kind.FILE,
          cache.kind(
              "/f",
              () -> {
                looks.incrementAndGet();
                return Kind.FILE;
              }));
      assertEquals(
          List.of("x", "y"),
          cache.list(
              "/d",
              () -> {
                looks.incrementAndGet();
                return List.of("x", "y");
              }));
    }
    assertEquals(2, looks.get());
  }

  @Test
  void localFilesReadThroughTheCacheGiveWhatIsOnDisk() throws Exception {
    Path script = Files.writeString(tmp.resolve("setup.sh"), "echo hi\n");
    LocalFiles files = new LocalFiles(tmp, FileCache.forBulkRun());

    assertEquals(Kind.FILE, files.kind(script.toString()));
    assertEquals(Kind.DIRECTORY, files.kind(tmp.toString()));
    assertEquals(Kind.MISSING, files.kind(tmp.resolve("none").toString()));
    assertEquals(List.of("setup.sh"), files.list(tmp.toString()));
    assertArrayEquals(Files.readAllBytes(script), files.read(script.toString()));
  }

  @Test
  void discoveryLeavesWhatItSawOfTheTreeAsTheDiskWouldAnswer() throws Exception {
    Files.createDirectories(tmp.resolve("a/sub"));
    Files.writeString(tmp.resolve("a/template.pkr.hcl"), "# template\n");
    Files.writeString(tmp.resolve("a/sub/x.json"), "{}\n");
    Files.writeString(tmp.resolve("b.yaml"), "a: 1\n");
    Files.writeString(tmp.resolve(".hidden"), "");
    FileCache cache = FileCache.forBulkRun();

    new Discovery(List.of(), List.of(), Optional.of(tmp.resolve("out")), Optional.empty())
        .discover(Discovery.roots(List.of(tmp.toString())), cache, 2);

    LocalFiles disk = new LocalFiles(tmp);
    for (String folder : List.of("", "a", "a/sub")) {
      String path = tmp.resolve(folder).toString();
      List<String> cached = new ArrayList<>(cache.list(path, FileCacheTest::notOnDisk));
      List<String> onDisk = new ArrayList<>(disk.list(path));
      Collections.sort(cached);
      Collections.sort(onDisk);
      assertEquals(onDisk, cached, path);
      assertEquals(Kind.DIRECTORY, disk.kind(path));
    }
    for (String file : List.of("a/template.pkr.hcl", "a/sub/x.json", "b.yaml", "a", "a/sub")) {
      String path = tmp.resolve(file).toString();
      assertEquals(disk.kind(path), cache.kind(path, () -> fail("looked up on disk: " + path)));
    }
  }

  /**
   * A file over the limit is hashed in pieces, never read whole, and once per run however many
   * templates upload it; a file within it is read whole as before.
   */
  @Test
  void aLargeFileIsKnownByItsSizeAndChecksumAndHashedOncePerRun() throws Exception {
    Path big = tmp.resolve("installer.bin");
    int size = 3 * 256 * 1024 + 17; // several pieces and a partial one
    byte[] content = new byte[size];
    for (int i = 0; i < size; i += 4099) {
      content[i] = (byte) i;
    }
    Files.write(big, content);
    String expected =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    FileCache cache = FileCache.forBulkRun();
    LocalFiles files = new LocalFiles(tmp, cache);

    FileSystemView.Contents c = files.contents(big.toString(), size - 1);
    assertNull(c.bytes());
    assertEquals(size, c.size());
    assertEquals(expected, c.sha256());
    // The second template's lookup is the run's memo (the file changed on disk meanwhile, which
    // a run takes not to happen: the memo is what answers).
    byte[] changed = new byte[size + 5];
    Files.write(big, changed);
    assertSame(c, files.contents(big.toString(), size - 1));
    // Without a cache (a single conversion) it is hashed from disk each time.
    FileSystemView.Contents fresh = new LocalFiles(tmp).contents(big.toString(), size - 1);
    assertEquals(size + 5, fresh.size());
    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(changed)),
        fresh.sha256());
    // Within the limit it is read whole.
    assertArrayEquals(
        changed, new LocalFiles(tmp, cache).contents(big.toString(), size + 5).bytes());
    assertNull(InputReader.readUpTo(big, 2));
  }

  /**
   * A file kept whole but too large for the mapper's own checksum memo has its checksum remembered
   * by path for the run; a small one is left to the mapper.
   */
  @Test
  void aLargerKeptFileHasItsChecksumRememberedForTheRun() throws Exception {
    Path archive = tmp.resolve("agent.zip");
    byte[] first = new byte[100 * 1024];
    first[7] = 1;
    Files.write(archive, first);
    Files.write(tmp.resolve("small.sh"), new byte[] {'h', 'i'});
    LocalFiles files = new LocalFiles(tmp, FileCache.forBulkRun());
    int keep = 16 * 1024 * 1024;

    FileSystemView.Contents c = files.contents(archive.toString(), keep);
    assertArrayEquals(first, c.bytes());
    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(first)), c.sha256());
    byte[] second = first.clone();
    second[7] = 2; // changed on disk, which a run takes not to happen: the memo answers
    Files.write(archive, second);
    assertEquals(c.sha256(), files.contents(archive.toString(), keep).sha256());
    assertNull(files.contents(tmp.resolve("small.sh").toString(), keep).sha256());
  }

  private static List<String> notOnDisk() {
    return fail("listed on disk");
  }

  private static byte[] bytes(String text, AtomicInteger reads) {
    reads.incrementAndGet();
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
