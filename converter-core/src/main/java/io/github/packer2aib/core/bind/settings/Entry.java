package io.github.packer2aib.core.bind.settings;

import io.github.packer2aib.core.source.Range;
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

  /**
   * Whether the glob matches a template path (relative to the input root, made once by Settings).
   */
  boolean matches(Path relativePath) {
    return matcher.matches(relativePath);
  }

  /**
   * The file name every path this glob matches ends in, when the glob fixes it: its last segment,
   * when that holds no wildcard and the glob has no group, class or escape (which could span
   * segments or hide a separator). {@code **}{@code /t1.json}, {@code a/*}{@code /t1.json} and
   * {@code t1.json} fix {@code t1.json}; {@code a/*.json} fixes none. With a fixed name the glob's
   * pattern ends in a literal separator and that name, so a path it matches has that last segment.
   */
  String fixedFileName() {
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '{' || c == '[' || c == '\\') {
        return null;
      }
    }
    String name = glob.substring(glob.lastIndexOf('/') + 1);
    return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 ? null : name;
  }
}
