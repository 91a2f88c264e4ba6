package io.github.packer2aib.core.bind.packer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the user asked to read: one {@code .pkr.hcl} / {@code .pkr.json} file or a folder of them.
 *
 * @param path the file or folder, relative to the working directory or absolute
 * @param displayName how the user named it, used in diagnostics (files of a folder are named {@code
 *     <displayName>/<file>})
 */
public record PackerInput(Path path, String displayName) {
  public PackerInput {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(displayName, "displayName");
  }

  /** An input named as its path is written. */
  public static PackerInput of(Path path) {
    return new PackerInput(path, path.toString());
  }
}
