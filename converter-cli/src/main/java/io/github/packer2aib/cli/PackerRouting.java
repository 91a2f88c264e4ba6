package io.github.packer2aib.cli;

import io.github.packer2aib.core.bind.PackerTemplates;
import io.github.packer2aib.core.source.SourceFile;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Which inputs are Packer templates: a folder or a {@code .pkr.hcl}/{@code .pkr.json}/{@code .hcl}
 * file (by name), or a JSON or YAML file whose top level has {@code builders} (by content). The
 * rest are AIB templates.
 */
final class PackerRouting {
  private PackerRouting() {}

  /** A Packer template recognisable before reading it (a folder or an HCL2 file name). */
  static boolean isHcl2(String argument, LocalFiles files) {
    if (argument.equals(InputReader.STDIN)) {
      return false;
    }
    try {
      return PackerTemplates.isHcl2(Path.of(argument), files);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** A legacy Packer template read from a file (not from standard input). */
  static boolean isLegacy(String argument, SourceFile text) {
    return !argument.equals(InputReader.STDIN) && PackerTemplates.isLegacy(text);
  }
}
