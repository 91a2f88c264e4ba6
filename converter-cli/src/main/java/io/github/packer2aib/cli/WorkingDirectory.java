package io.github.packer2aib.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The folder this process runs in as Packer would name it. Java's {@code user.dir} is the physical
 * folder, with every symbolic link resolved; Go's {@code os.Getwd}, which Packer's {@code {{pwd}}},
 * {@code {{template_dir}}} (of a relative template path), {@code path.cwd} and {@code abspath} go
 * through, gives {@code $PWD} instead when it is absolute and names the same folder, as a shell
 * sets it after {@code cd link}: run from {@code link -> real}, Packer 1.6.6 prints {@code
 * .../link} (review 29, gotpl F4). Files are still read from the physical folder.
 */
final class WorkingDirectory {
  private WorkingDirectory() {}

  /** The physical working directory, {@code user.dir}. */
  static Path physical() {
    return Path.of("").toAbsolutePath();
  }

  /**
   * {@code $PWD} of {@code environment} when it is absolute and the same folder as {@link
   * #physical} (Go's os.Getwd on Unix; Windows has no such variable for it), else the physical one.
   */
  static Path shown(Map<String, String> environment) {
    Path physical = physical();
    String pwd = environment.get("PWD");
    if (pwd == null || !pwd.startsWith("/") || File.separatorChar != '/') {
      return physical;
    }
    try {
      Path logical = Path.of(pwd);
      return Files.isSameFile(logical, physical) ? logical : physical;
    } catch (IOException | InvalidPathException e) {
      return physical; // a stale $PWD (its folder removed) or a name no path can have
    }
  }
}
