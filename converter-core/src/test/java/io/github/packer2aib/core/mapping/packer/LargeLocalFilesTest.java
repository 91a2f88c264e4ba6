package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.function.ForwardingFileSystemView;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A file over {@link LocalFiles#KEEP_LIMIT} (an installer a provisioner uploads, say) is known to
 * the mapper by its size and SHA-256 alone: it is never asked for whole, is uploaded with its
 * checksum, and is too large to write into a template or inline as a script.
 */
class LargeLocalFilesTest {
  private static final long SIZE = LocalFiles.KEEP_LIMIT + 1L;
  private static final String SHA = "ab".repeat(32);

  /** A view that knows one large file by its summary: asking for it whole fails the test. */
  private static final class SummaryOnly extends ForwardingFileSystemView {
    private final String large;
    private final long size;

    SummaryOnly(MemoryFiles inner, String relative, long size) {
      super(inner.bytes(relative, new byte[0])); // so that it exists
      this.large = PackerFixture.FOLDER + "/" + relative;
      this.size = size;
    }

    @Override
    public byte[] read(String absolutePath) throws IOException {
      if (absolutePath.equals(large)) {
        throw new AssertionError("the large file was read whole");
      }
      return inner.read(absolutePath);
    }

    @Override
    public Contents contents(String absolutePath, int keepUpTo) throws IOException {
      if (absolutePath.equals(large)) {
        assertTrue(size > keepUpTo, "kept up to " + keepUpTo);
        return Contents.summary(size, SHA);
      }
      return inner.contents(absolutePath, keepUpTo);
    }
  }

  private static MapResult map(PackerFixture f, MapOptions options) {
    return map(f, options, SIZE);
  }

  private static MapResult map(PackerFixture f, MapOptions options, long size) {
    return PackerMapper.map(
        f.result().template(),
        options,
        new SummaryOnly(
            MemoryFiles.empty().text("files/small.txt", "hi\n"), "files/big.bin", size));
  }

  private static PackerFixture upload(String source) {
    return MappingCases.one(
        MappingCases.linux(),
        b ->
            b.provisioner("file", p -> p.set("source", source).set("destination", "/tmp/big.bin")));
  }

  private static Diagnostic only(MapResult m, String code) {
    List<Diagnostic> found = m.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    assertEquals(1, found.size(), code + " in " + m.diagnostics());
    return found.get(0);
  }

  @Test
  void aLargeFileIsUploadedWithTheChecksumOfItsSummary() {
    MapResult m =
        map(upload("files/big.bin"), MappingCases.opts().withFileBaseUri(MappingCases.SCRIPTS));
    Customizer.File file =
        (Customizer.File) m.templates().get(0).template().properties().customize().get(0);
    assertEquals(MappingCases.SCRIPTS + "files/big.bin", file.sourceUri());
    assertEquals(SHA, file.sha256Checksum());
    // 16 MiB is under the 20 MB Image Builder recommends File steps for.
    assertTrue(
        m.diagnostics().stream()
            .noneMatch(d -> d.code().equals(PackerMapCode.FILE_OVER_RECOMMENDED_SIZE.id())),
        m.diagnostics()::toString);
  }

  /**
   * A file of 20 MB or more became a File step without a word, although Image Builder's
   * documentation recommends the File customizer for files under 20 MB only (mapping review,
   * session 29): the step is still written, with a warning that says how to download it instead.
   */
  @Test
  void aFileOf20MbOrMoreIsUploadedWithAWarningThatSaysHowToDownloadItInAStep() {
    long size = 25L * 1024 * 1024;
    MapResult m =
        map(
            upload("files/big.bin"),
            MappingCases.opts().withFileBaseUri(MappingCases.SCRIPTS),
            size);
    Customizer.File file =
        (Customizer.File) m.templates().get(0).template().properties().customize().get(0);
    assertEquals(SHA, file.sha256Checksum());
    Diagnostic d = only(m, PackerMapCode.FILE_OVER_RECOMMENDED_SIZE.id());
    assertTrue(d.detail().contains(" is 26,214,400 bytes (26.2 MB)"), d.detail());
    assertTrue(d.detail().contains("under 20 MB"), d.detail());
    assertTrue(d.detail().contains("in a Shell step"), d.detail());
    assertTrue(d.detail().contains("check its SHA-256 (" + SHA + ")"), d.detail());
    assertTrue(d.detail().contains("sha256sum"), d.detail());
    // From 20,000,000 bytes on; one byte less is within the recommendation.
    PackerFixture f = upload("files/big.bin");
    MapOptions o = MappingCases.opts().withFileBaseUri(MappingCases.SCRIPTS);
    only(map(f, o, 20_000_000L), PackerMapCode.FILE_OVER_RECOMMENDED_SIZE.id());
    assertTrue(
        map(f, o, 19_999_999L).diagnostics().stream()
            .noneMatch(x -> x.code().equals(PackerMapCode.FILE_OVER_RECOMMENDED_SIZE.id())));
  }

  @Test
  void aLargeFileIsTooLargeToWriteIntoTheTemplate() {
    MapResult m = map(upload("files/big.bin"), MappingCases.opts());
    Diagnostic d = only(m, PackerMapCode.FILE_TOO_LARGE.id());
    assertTrue(d.detail().contains(" is " + SIZE + " bytes;"), d.detail());
  }

  @Test
  void aLargeScriptIsTooLargeToInline() {
    PackerFixture f =
        MappingCases.one(
            MappingCases.linux(),
            b -> b.provisioner("shell", p -> p.set("script", "files/big.bin")));
    MapResult m = map(f, MappingCases.opts());
    Diagnostic d = only(m, PackerMapCode.SCRIPT_TOO_LARGE.id());
    assertTrue(d.detail().contains(" is " + SIZE + " bytes, too large"), d.detail());
  }

  /** In-memory views read a file whole and summarise it when it is over the limit. */
  @Test
  void theDefaultContentsKeepsSmallFilesAndSummarisesLargeOnes() throws Exception {
    byte[] big = new byte[(int) SIZE];
    big[12345] = 7;
    MemoryFiles files = MemoryFiles.empty().bytes("big.bin", big).text("small.txt", "hi\n");
    FileSystemView.Contents large =
        files.contents(PackerFixture.FOLDER + "/big.bin", LocalFiles.KEEP_LIMIT);
    assertNull(large.bytes());
    assertEquals(SIZE, large.size());
    assertEquals(sha256(big), large.sha256());
    FileSystemView.Contents small =
        files.contents(PackerFixture.FOLDER + "/small.txt", LocalFiles.KEEP_LIMIT);
    assertArrayEquals("hi\n".getBytes(), small.bytes());
    assertEquals(3, small.size());
    assertNull(small.sha256());
  }

  private static String sha256(byte[] b) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
