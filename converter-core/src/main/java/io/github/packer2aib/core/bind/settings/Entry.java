package io.github.packer2aib.core.bind.settings;

import io.github.packer2aib.core.source.Range;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * One entry of {@code templates}: the glob that selects templates and the layer it lays over them.
 *
 * @param glob the glob as written
 * @param matcher the compiled glob
 * @param pathRange where the glob stands, for diagnostics about the entry
 * @param pointer the JSON pointer of the entry's {@code path}
 * @param layer what the entry sets
 */
record Entry(
    String glob, PathMatcher matcher, Range pathRange, String pointer, TemplateSettings layer) {

  /** Whether the glob matches a template path relative to the input root, with '/' separators. */
  boolean matches(String relativePath) {
    Path path;
    try {
      path = Path.of(relativePath);
    } catch (InvalidPathException e) {
      // A name the platform cannot hold (a NUL character) cannot be a template's path either.
      return false;
    }
    return matcher.matches(path);
  }
}
