package io.github.packer2aib.core.hcl.value;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Objects;

/**
 * A known string. HCL's strings are normalized to Unicode NFC ({@link Value#string}), as cty does,
 * so that strings that look the same compare equal; a legacy template's strings are kept as written
 * ({@link Value#verbatim}), as Go's templates keep them.
 */
public record StringValue(String value) implements Value {
  public StringValue {
    Objects.requireNonNull(value, "value");
  }

  /** {@code value} in NFC. */
  static String nfc(String value) {
    if (!belowCombiningMarks(value) && !Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
      return Normalizer.normalize(value, Normalizer.Form.NFC);
    }
    return value;
  }

  /**
   * Whether every character is below U+0300, where the combining marks start: such text is always
   * in NFC, and checking it is much cheaper than asking the normalizer (most strings).
   */
  private static boolean belowCombiningMarks(String s) {
    // As many UTF-8 bytes as UTF-16 chars: every char is ASCII (or an unpaired surrogate, which
    // encodes as one '?' and which NFC leaves alone). C1 (bulk runs) compiles charAt per char to
    // several times the cost of the encoder's tight loop over the bytes, copy included.
    if (s.getBytes(StandardCharsets.UTF_8).length == s.length()) {
      return true;
    }
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) >= '\u0300') {
        return false;
      }
    }
    return true;
  }

  @Override
  public Type type() {
    return Type.STRING;
  }

  @Override
  public String asString() {
    return value;
  }

  @Override
  public String toString() {
    return Values.render(this);
  }
}
