package io.github.packer2aib.core.validate;

import java.util.regex.Pattern;

/**
 * Values such as {@code "<runOutputName>"} or {@code "<apiVersion>"} that sample image templates
 * (Microsoft's among them) leave for a script to fill in before deployment. A check that refuses
 * one says so: "change it to match the pattern" would send the reader the wrong way.
 */
public final class Placeholders {
  /** A name in angle brackets, as the samples write them, and nothing else. */
  private static final Pattern WHOLE = Pattern.compile("<[A-Za-z][A-Za-z0-9 _.-]{0,63}>");

  private Placeholders() {}

  /** Whether {@code value} is a placeholder and nothing more. */
  public static boolean is(String value) {
    return value.length() <= 66 && WHOLE.matcher(value).matches();
  }

  /**
   * The sentence that ends a diagnostic about {@code value} (with a leading space) when it is a
   * placeholder, else the empty string.
   */
  public static String hint(String value) {
    return is(value)
        ? " \""
            + value
            + "\" looks like a placeholder that a script fills in before deployment: put the real"
            + " value in its place."
        : "";
  }
}
