package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.hcl.function.Durations;

/** Go's duration syntax ({@code time.ParseDuration}), as Packer decodes {@code pause_before}. */
final class GoDurations {
  private GoDurations() {}

  static boolean isValid(String text) {
    return Durations.parseNanos(text).isPresent();
  }
}
