package io.github.packer2aib.core.source;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Texts and offsets for the properties of source files and ranges. */
final class SourceArbitraries {
  private SourceArbitraries() {}

  /**
   * Short texts of several lines: CR, LF and CRLF, a two-byte, a three-byte and a surrogate pair.
   */
  static Arbitrary<String> texts() {
    return Arbitraries.strings()
        .withChars('a', 'b', ' ', '\n', '\r', 'é', '\u20ac')
        .withChars("\uD83D\uDE00")
        .ofMaxLength(60);
  }

  /** Offsets into such texts, many beyond their end. */
  static Arbitrary<List<Integer>> offsets(int maxSize) {
    return Arbitraries.integers().between(0, 1000).list().ofMaxSize(maxSize);
  }
}
