package io.github.packer2aib.cli;

import io.github.packer2aib.core.source.SourceFile;

/** One command-line input after reading: its text, or why it could not be read. */
sealed interface Input {
  /** The name shown to the user: the path as written, or the --stdin-name for {@code -}. */
  String displayName();

  record Loaded(SourceFile source) implements Input {
    @Override
    public String displayName() {
      return source.name();
    }
  }

  record Unreadable(String displayName, String reason) implements Input {}

  /** A Packer template (file or folder) that the core reads itself, with its other files. */
  record Packer(String displayName) implements Input {}
}
