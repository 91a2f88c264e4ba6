package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.function.ForwardingFileSystemView;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A conversion reads each local file once and lists each folder once however many provisioners and
 * usages name them, and gives what it gave without remembering (the golden cases pin that).
 */
class LocalFilesMemoTest {

  /**
   * Counts what a conversion asks of the file system (whole reads: {@link #contents} goes through
   * {@link #read}, as the in-memory views' default does).
   */
  private static final class Counting extends ForwardingFileSystemView {
    final Map<String, Integer> reads = new TreeMap<>();
    final Map<String, Integer> lists = new TreeMap<>();

    Counting(FileSystemView inner) {
      super(inner);
    }

    @Override
    public byte[] read(String absolutePath) throws IOException {
      reads.merge(absolutePath, 1, Integer::sum);
      return inner.read(absolutePath);
    }

    @Override
    public Contents contents(String absolutePath, int keepUpTo) throws IOException {
      byte[] bytes = read(absolutePath);
      return Contents.whole(bytes);
    }

    @Override
    public List<String> list(String absoluteDirectory) throws IOException {
      lists.merge(absoluteDirectory, 1, Integer::sum);
      return inner.list(absoluteDirectory);
    }
  }

  @Test
  void eachFileIsReadOnceAndEachFolderListedOncePerConversion() {
    int readCases = 0;
    for (MappingCases.Case c : MappingCases.all()) {
      Counting files = new Counting(c.files());
      PackerMapper.map(c.fixture().result().template(), c.options(), files);
      for (Map.Entry<String, Integer> e : files.reads.entrySet()) {
        assertEquals(1, e.getValue(), c.name() + " reads " + e.getKey() + " more than once");
      }
      for (Map.Entry<String, Integer> e : files.lists.entrySet()) {
        assertEquals(1, e.getValue(), c.name() + " lists " + e.getKey() + " more than once");
      }
      readCases += files.reads.isEmpty() ? 0 : 1;
    }
    assertTrue(readCases > 10, "the cases read files: " + readCases);
  }

  @Test
  void sameScriptInTwoProvisionersIsReadOnce() {
    PackerFixture f =
        MappingCases.one(
            MappingCases.linux(),
            b -> {
              b.provisioner("shell", p -> p.set("script", "scripts/setup.sh"));
              b.provisioner("shell", p -> p.set("script", "scripts/setup.sh"));
            });
    Counting files =
        new Counting(MemoryFiles.empty().text("scripts/setup.sh", "#!/bin/sh\necho hi\n"));
    MapResult m = PackerMapper.map(f.result().template(), MappingCases.opts(), files);
    assertEquals(2, m.templates().get(0).template().properties().customize().size());
    assertEquals(Map.of(PackerFixture.FOLDER + "/scripts/setup.sh", 1), files.reads);
  }
}
