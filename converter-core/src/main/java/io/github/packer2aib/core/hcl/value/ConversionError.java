package io.github.packer2aib.core.hcl.value;

/**
 * Why a value could not be converted, and where inside it: {@link #toString()} gives {@code
 * .tags["env"]: string required}, or just the message at the root.
 */
public record ConversionError(ValuePath path, String message) {
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
