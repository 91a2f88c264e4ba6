package io.github.packer2aib.cli;

import java.util.List;
import java.util.Locale;

/**
 * Names listed in a one-line message: the first few, and how many more. A template of 1,600 sources
 * made a usage error of one 13,000-character line; each message that names what it counts goes
 * through here, so that they all cap and count alike.
 */
final class MessageLists {
  private MessageLists() {}

  /** How many names a usage error lists before it says how many more there are. */
  static final int NAMES_LISTED = 10;

  /**
   * The first {@code limit} of {@code names}, comma-separated, then {@code ", and 1,590 more"} when
   * there are more.
   */
  static String capped(List<String> names, int limit) {
    if (names.size() <= limit) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, limit))
        + ", and "
        + count(names.size() - limit)
        + " more";
  }

  /** {@code n} with thousands separators, as every count in a message is written: 1,600. */
  static String count(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
