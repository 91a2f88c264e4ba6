package io.github.packer2aib.cli;

import io.github.packer2aib.core.bind.PackerTemplates;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.parse.ParseResult;
import io.github.packer2aib.core.source.SourceFile;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
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

  /** Whether any of the arguments is an HCL2 template by its name (see {@link #isHcl2}). */
  static boolean anyHcl2(List<String> arguments, LocalFiles files) {
    for (String argument : arguments) {
      if (isHcl2(argument, files)) {
        return true;
      }
    }
    return false;
  }

  /**
   * An input read as JSON or YAML, once: a Packer template by content (a legacy template with
   * top-level {@code builders}, or HCL's JSON syntax in a {@code .json} file; never from standard
   * input), else an AIB template. Either way the parse goes on to the converter, which neither
   * reads nor parses the input again.
   */
  record ByContent(SourceFile source, ParseResult parsed, boolean packer) {
    /** The parsed Packer template, for {@link PackerInput}; empty for an AIB input. */
    Optional<PackerInput.Document> packerDocument() {
      return packer ? Optional.of(new PackerInput.Document(source, parsed)) : Optional.empty();
    }
  }

  static ByContent byContent(String argument, SourceFile text) {
    ParseResult parsed = DocReader.read(text);
    boolean packer = PackerTemplates.isPacker(text, parsed);
    if (argument.equals(InputReader.STDIN)) {
      // Standard input is read as an image template; but a Packer template that does not parse
      // may hold a secret on the line its syntax error quotes, so its values are masked there as
      // the Packer reader would mask them (a file of that name is quoted from the masked copy).
      return new ByContent(packer && parsed.hasErrors() ? text.asValues() : text, parsed, false);
    }
    return new ByContent(text, parsed, packer);
  }
}
