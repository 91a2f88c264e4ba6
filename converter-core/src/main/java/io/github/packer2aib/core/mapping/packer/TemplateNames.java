package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.source.AccentFolding;
import io.github.packer2aib.core.source.NameCharacters;

/** Names that must fit Azure's {@code ^[A-Za-z0-9-_.]{1,64}$} (templates, run outputs). */
final class TemplateNames {
  private TemplateNames() {}

  /**
   * {@code wanted} with accented Latin letters as their plain letters and every other character
   * replaced by '-', cut to 64; never empty.
   */
  static String clean(String wanted, String fallback) {
    StringBuilder b = new StringBuilder();
    AccentFolding.fold(wanted)
        .codePoints()
        .forEach(c -> b.append(NameCharacters.isSafe(c) ? (char) c : '-'));
    String s = b.toString();
    if (s.length() > 64) {
      s = s.substring(0, 64);
    }
    if (s.isEmpty() || s.equals(".") || s.equals("..")) {
      return fallback;
    }
    return s;
  }

  /**
   * {@link #clean} for a name that also names an output file, which must not be hidden: without its
   * leading dots ({@code .x} → {@code x}; {@code ...} gives the fallback), as {@link
   * NameCharacters#isSafeStem} has it.
   */
  static String stem(String wanted, String fallback) {
    String s = clean(wanted, fallback);
    int dots = 0;
    while (dots < s.length() && s.charAt(dots) == '.') {
      dots++;
    }
    return dots == s.length() ? fallback : s.substring(dots);
  }
}
