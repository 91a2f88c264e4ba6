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
    if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
      value = Normalizer.normalize(value, Normalizer.Form.NFC);
    }
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
