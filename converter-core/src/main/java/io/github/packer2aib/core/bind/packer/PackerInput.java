package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.parse.ParseResult;
import io.github.packer2aib.core.source.SourceFile;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked to read: one {@code .pkr.hcl} / {@code .pkr.json} file or a folder of them,
 * or a legacy JSON or YAML template.
 *
 * @param path the file or folder, relative to the working directory or absolute
 * @param displayName how the user named it, used in diagnostics (files of a folder are named {@code
 *     <displayName>/<file>})
 * @param document the JSON or YAML file at {@code path} when the caller has read and parsed it
 *     already (the bulk converter does, to tell what a file is), so it is not done twice
 */
public record PackerInput(Path path, String displayName, Optional<Document> document) {
  public PackerInput {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(document, "document");
  }

  public PackerInput(Path path, String displayName) {
    this(path, displayName, Optional.empty());
  }

  /** An input named as its path is written. */
  public static PackerInput of(Path path) {
    return new PackerInput(path, path.toString());
  }

  /**
   * A file's text (named by the input's display name, without a byte order mark) and its parse by
   * {@code DocReader}.
   */
  public record Document(SourceFile file, ParseResult parsed) {
    public Document {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(parsed, "parsed");
    }
  }
}
