package io.github.packer2aib.core.source;

import java.util.Locale;
import java.util.Set;

/**
 * The characters a name may hold where it becomes a file name or an Azure resource name: {@code A-Z
 * a-z 0-9 _ . -} (Azure's image template names are {@code ^[A-Za-z0-9-_.]{1,64}$}; the same set is
 * safe in a file name on every system). One rule for the core's template names and the CLI's output
 * file names.
 */
public final class NameCharacters {
  private NameCharacters() {}

  /** Whether {@code c} may stand in a name. */
  public static boolean isSafe(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '.'
        || c == '-';
  }

  /**
   * Whether {@code name} may be an output file's name before its extension: {@link #allSafe}, and
   * not starting with '.', which would make a hidden file ({@code .a.json}) or name a folder
   * ({@code .} and {@code ..}). The core's output names keep to it; the CLI checks them against it.
   */
  public static boolean isSafeStem(String name) {
    return allSafe(name) && name.charAt(0) != '.';
  }

  /** The device names Windows reserves (CON, PRN, AUX, NUL, COM0-9, LPT0-9), in lower case. */
  private static final Set<String> WINDOWS_DEVICES =
      Set.of(
          "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6",
          "com7", "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
          "lpt8", "lpt9");

  /**
   * Whether Windows takes {@code name} for a device: one of CON, PRN, AUX, NUL, COM0-COM9 and
   * LPT0-LPT9 in any case, alone or before any extension ({@code nul.json} and {@code con.a.yaml}
   * are the device too, and so is {@code con .json}: Windows drops the spaces). Such a file can
   * neither be written nor opened there, nor on some network shares.
   */
  public static boolean isWindowsDevice(String name) {
    int dot = name.indexOf('.');
    int end = dot < 0 ? name.length() : dot;
    while (end > 0 && name.charAt(end - 1) == ' ') {
      end--;
    }
    // Every device name has three or four letters: most names are ruled out without a copy.
    return (end == 3 || end == 4)
        && WINDOWS_DEVICES.contains(name.substring(0, end).toLowerCase(Locale.ROOT));
  }

  /**
   * Whether {@code name} is not empty and holds only such characters (a loop, not a pattern: this
   * runs for every output of a bulk run).
   */
  public static boolean allSafe(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isSafe(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
