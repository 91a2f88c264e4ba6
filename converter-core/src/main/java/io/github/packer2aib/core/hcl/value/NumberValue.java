package io.github.packer2aib.core.hcl.value;

import java.util.Objects;

/**
 * A known number: arbitrary precision, see {@link BigFloat}. Equal when numerically equal.
 *
 * @param value the number
 * @param text the text a YAML plain scalar wrote it as ({@code 20.10}, {@code 0x1F}), or null. A
 *     legacy template in YAML reads {@code image_sku: 20.10} as a number, but Packer never reads
 *     YAML and a person means the string "20.10": where a string is expected, this text is the
 *     string ({@link #asText}), as an AIB template in YAML keeps it. Not part of equality.
 */
public record NumberValue(BigFloat value, String text) implements Value {
  public NumberValue {
    Objects.requireNonNull(value, "value");
  }

  public NumberValue(BigFloat value) {
    this(value, null);
  }

  @Override
  public Type type() {
    return Type.NUMBER;
  }

  @Override
  public BigFloat asNumber() {
    return value;
  }

  /**
   * The number as a string: the text it was written as when it has one, else the number formatted
   * as a conversion to string formats it.
   */
  public String asText() {
    return text != null ? text : value.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumberValue n && value.equals(n.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return Values.render(this);
  }
}
