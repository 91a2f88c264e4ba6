package io.github.packer2aib.core.hcl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.testing.MemoryFileView;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The core judges a file of the machine running the converter ({@link HostFile#of}) from what the
 * view says of it: where its links lead and its permission bits. It was the view's own judgement,
 * whose default looked at the path's text alone, so a view written by a program that embeds the
 * library let a link to {@code /proc/self/environ} and private files through.
 */
class HostFileTest {
  /** Files in memory with links and modes, as a view over real files answers them. */
  private static final class Disk extends MemoryFileView {
    private final Map<String, String> links = new HashMap<>();
    private final Map<String, Integer> modes = new HashMap<>();
    private List<String> own = null;

    Disk() {
      super("/work");
    }

    Disk link(String path, String target) {
      links.put(path, target);
      return this;
    }

    Disk file(String path, int mode) {
      put(path, "x");
      modes.put(path, mode);
      return this;
    }

    Disk owning(List<String> folders) {
      own = folders;
      return this;
    }

    @Override
    public String homeDirectory() {
      return "/home/u";
    }

    @Override
    public String realPath(String absolutePath) throws IOException {
      for (Map.Entry<String, String> l : links.entrySet()) {
        if (absolutePath.equals(l.getKey()) || absolutePath.startsWith(l.getKey() + "/")) {
          return l.getValue() + absolutePath.substring(l.getKey().length());
        }
      }
      if (kind(absolutePath) == Kind.MISSING && !absolutePath.startsWith("/proc")) {
        throw new NoSuchFileException(absolutePath);
      }
      return absolutePath;
    }

    /** How often a file's mode was asked for. */
    int modesAsked;

    @Override
    public OptionalInt filePermissions(String absolutePath) {
      modesAsked++;
      Integer mode = modes.get(absolutePath);
      return mode == null ? OptionalInt.empty() : OptionalInt.of(mode);
    }

    @Override
    public List<String> ownFolders() {
      return own == null ? super.ownFolders() : own;
    }
  }

  private static String judged(FileSystemView files, String path, String... templateFolders) {
    Optional<HostFile> host = HostFile.of(files, path, List.of(templateFolders));
    return host.map(h -> h.kind() + " " + h.detail() + " " + h.realPath()).orElse("none");
  }

  @Test
  void aSystemFileIsKnownByItsPathOrWhereItsLinksLead() {
    Disk disk = new Disk().link("/work/env.txt", "/proc/self/environ").link("/work/d", "/dev");

    assertEquals("SYSTEM /proc null", judged(disk, "/proc/self/environ"));
    assertEquals("SYSTEM /proc /proc/self/environ", judged(disk, "/work/env.txt"));
    assertEquals("SYSTEM /dev /dev/stdin", judged(disk, "/work/d/stdin"));
    assertEquals("none", judged(disk, "/work/missing.txt"));
  }

  @Test
  void filesInDevShmAreUsersFilesJudgedAsAnyOther() {
    // /dev/shm is a tmpfs where people and CI jobs keep scratch copies of repositories: a template
    // there was refused whole as a file of the operating system (this session's linkvars fix).
    Disk disk =
        new Disk()
            .file("/dev/shm/repo/t/main.pkr.hcl", 0644)
            .file("/dev/shm/other/key.txt", 0600)
            .link("/work/shm", "/dev/shm");

    assertEquals("none", judged(disk, "/dev/shm/repo/t/main.pkr.hcl"));
    assertEquals("none", judged(disk, "/work/shm/repo/t/main.pkr.hcl"));
    assertEquals("PRIVATE 0600 null", judged(disk, "/dev/shm/other/key.txt"));
    // The folder itself, and the rest of /dev, stay the system's.
    assertEquals("SYSTEM /dev null", judged(disk, "/dev/shm"));
    assertEquals("SYSTEM /dev null", judged(disk, "/dev/stdin"));
  }

  @Test
  void aFileOthersMayNotReadIsPrivateOutsideTheFoldersThatAreTheTemplatesOwn() {
    Disk disk =
        new Disk()
            .file("/etc/shadow", 0640)
            .file("/home/u/.azure/tokens.json", 0600)
            .file("/work/own.key", 0600)
            .file("/repo/tpl/own.key", 0600)
            .file("/repo/shared.key", 0600)
            .file("/opt/readable.txt", 0644)
            .link("/work/key-link", "/home/u/.azure/tokens.json");

    assertEquals("PRIVATE 0640 null", judged(disk, "/etc/shadow"));
    assertEquals("PRIVATE 0600 null", judged(disk, "/home/u/.azure/tokens.json"));
    assertEquals(
        "PRIVATE 0600 /home/u/.azure/tokens.json", judged(disk, "/work/key-link"), "a link");
    assertEquals("none", judged(disk, "/work/own.key"), "the view's base is its own");
    assertEquals("none", judged(disk, "/opt/readable.txt"), "others may read it");
    assertEquals("PRIVATE 0600 null", judged(disk, "/repo/tpl/own.key"));
    assertEquals("none", judged(disk, "/repo/tpl/own.key", "/repo/tpl"), "the template's folder");
    assertEquals("PRIVATE 0600 null", judged(disk, "/repo/shared.key", "/repo/tpl"));
    assertEquals(
        "none",
        judged(disk.owning(List.of("/repo")), "/repo/shared.key", "/repo/tpl"),
        "a folder the view converts");
  }

  /**
   * A template's own files (each file of each template of a bulk run is judged before it is read):
   * one without a link on its path, in the template's folder, is known to be its own without asking
   * for its mode; a link there is judged by where it leads.
   */
  @Test
  void aFileOfTheTemplatesFolderIsItsOwnWithoutAskingForItsMode() {
    Disk disk =
        new Disk()
            .file("/repo/t/main.pkr.hcl", 0600)
            .file("/home/u/.azure/tokens.json", 0600)
            .link("/repo/t/a.auto.pkrvars.hcl", "/home/u/.azure/tokens.json");

    assertEquals("none", judged(disk, "/repo/t/main.pkr.hcl", "/repo/t"));
    assertEquals(0, disk.modesAsked);
    assertEquals(
        "PRIVATE 0600 /home/u/.azure/tokens.json",
        judged(disk, "/repo/t/a.auto.pkrvars.hcl", "/repo/t"));
    // The home folder owns nothing, also where no link is on the path.
    assertEquals("PRIVATE 0600 null", judged(disk, "/home/u/.azure/tokens.json", "/home/u"));
  }

  /**
   * A file the user names (a var file) is judged as a file of the operating system only: their
   * private file is their choice.
   */
  @Test
  void aFileTheUserNamesIsRefusedOnlyAsAFileOfTheOperatingSystem() {
    Disk disk =
        new Disk()
            .file("/home/u/secrets.pkrvars.hcl", 0600)
            .link("/work/v.pkrvars.hcl", "/proc/self/environ");

    assertEquals(Optional.empty(), HostFile.system(disk, "/home/u/secrets.pkrvars.hcl"));
    assertEquals(
        "SYSTEM /proc /proc/self/environ",
        HostFile.system(disk, "/work/v.pkrvars.hcl")
            .map(h -> h.kind() + " " + h.detail() + " " + h.realPath())
            .orElse("none"));
    assertEquals(Optional.empty(), HostFile.system(disk, "/work/missing.pkrvars.hcl"));
  }

  @Test
  void theRootAndTheHomeFolderOwnNothing() {
    // A run from / (a container's default) or from the home folder would own every file of the
    // machine, or its user's token caches.
    Disk disk =
        new Disk()
            .file("/etc/shadow", 0600)
            .file("/home/u/.docker/config.json", 0600)
            .link("/work/home-link", "/home/u")
            .owning(List.of("/", "/home/u/", "/work/home-link", "C:/"));

    assertEquals("PRIVATE 0600 null", judged(disk, "/etc/shadow", "/"));
    assertEquals("PRIVATE 0600 null", judged(disk, "/home/u/.docker/config.json", "/home/u"));
    assertTrue(judged(disk, "/work/home-link/.docker/config.json").startsWith("PRIVATE 0600"));
  }

  @Test
  void aViewWithoutModesHasNoPrivateFiles() {
    // Where files have no POSIX modes (Windows), the scan of the environment's credentials is the
    // guard; a system path is still refused by its text.
    MemoryFileView memory = new MemoryFileView("/work");
    memory.put("/etc/shadow", "root:x");

    assertEquals("none", judged(memory, "/etc/shadow"));
    assertEquals("SYSTEM /sys null", judged(memory, "/sys/kernel"));
  }
}
