package io.github.packer2aib.core.hcl.value;

import java.text.Normalizer;
import java.util.Objects;

/**
 * A known string. Normalized to Unicode NFC on construction, as cty does, so that strings that
 * look the same compare equal.
 */
public record StringValue(String value) implements Value {
  public StringValue {
    Objects.requireNonNull(value, "value");
    if (!belowCombiningMarks(value) && !Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
      value = Normalizer.normalize(value, Normalizer.Form.NFC);
    }
  }

  /**
   * Whether every character is below U+0300, where the combining marks start: such text is
   * always in NFC, and checking it is much cheaper than asking the normalizer (most strings).
   */
  private static boolean belowCombiningMarks(String s) {
    for (int i = 0; i < s.length(); i++) {
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
