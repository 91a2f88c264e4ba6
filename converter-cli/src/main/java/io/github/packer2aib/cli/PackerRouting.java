package io.github.packer2aib.cli;

import io.github.packer2aib.core.bind.PackerTemplates;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.parse.ParseResult;
import io.github.packer2aib.core.source.SourceFile;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which inputs are Packer templates: a folder or a {@code .pkr.hcl}/{@code .pkr.json}/{@code .hcl}
 * file (by name), or a JSON or YAML file whose top level has {@code builders} or HCL's JSON blocks
 * (by content). The rest are AIB templates.
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

  /**
   * A Packer template recognised by content, read from a file (not from standard input): a legacy
   * template (top-level {@code builders}) or HCL's JSON syntax in a {@code .json} file. It is
   * returned with its parse, so the converter neither reads nor parses it again.
   */
  static Optional<PackerInput.Document> packerByContent(String argument, SourceFile text) {
    if (argument.equals(InputReader.STDIN)) {
      return Optional.empty();
    }
    ParseResult parsed = DocReader.read(text);
    return PackerTemplates.isPacker(text, parsed)
        ? Optional.of(new PackerInput.Document(text, parsed))
        : Optional.empty();
  }
}
