package io.github.packer2aib.core.bind.legacy;

import java.util.regex.Pattern;

/** Go's duration syntax ({@code time.ParseDuration}), as Packer decodes {@code pause_before}. */
final class GoDurations {
  private GoDurations() {}

  private static final Pattern DURATION =
      Pattern.compile("[-+]?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)");

  static boolean isValid(String text) {
    return DURATION.matcher(text).matches();
  }
}
