package io.github.packer2aib.core.source;

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
