package io.github.packer2aib.core.hcl.function;

import java.util.Locale;

/**
 * The most elements one call makes out of a string: the pieces of {@code split}, the matches of
 * {@code regexall} and {@code regex_replace}, the fields of {@code csvdecode}, the values of {@code
 * jsondecode}. A string may hold 16 MiB, and each element costs the JVM some 60 bytes or more where
 * its text costs one or two: {@code split("", s)} of a long string, or {@code regexall(" ", s)},
 * ran it out of memory before the result could be measured. No image template comes near this;
 * Packer has no such limit.
 */
final class ElementLimit {
  private ElementLimit() {}

  static final int MAX = 1_000_000;

  /** The error of a call that would make more than {@link #MAX} {@code what} (a plural noun). */
  static FunctionException exceeded(String what) {
    return FunctionException.call(
        String.format(
            Locale.ROOT,
            "the result would have more than %,d %s, more than one call may make (no image"
                + " template needs that many); give it a shorter text",
            MAX,
            what));
  }
}
