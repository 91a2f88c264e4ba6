package io.github.packer2aib.core.mapping.packer;

import java.util.Locale;

/**
 * Azure region names as Packer's Azure plugin sends them: {@code "North Europe"} becomes {@code
 * "northeurope"} (normalizeAzureRegion: lower case, spaces removed), the form Image Builder's
 * documentation and the gallery replication of Packer use.
 */
final class Regions {
  private Regions() {}

  static String normalized(String name) {
    // Cheap for the usual name that is already normalized: no copy.
    for (int i = 0, n = name.length(); i < n; i++) {
      char c = name.charAt(i);
      if (c == ' ' || Character.isUpperCase(c)) {
        return name.replace(" ", "").toLowerCase(Locale.ROOT);
      }
    }
    return name;
  }

  /**
   * Whether a normalized name can be an Azure region's: every region's name is lower-case ASCII
   * letters and digits ({@code westeurope}, {@code eastus2}, {@code usgovvirginia}). Anything else
   * (a list written as text, {@code ["westeurope"]}; a portal label, {@code (Europe) West Europe})
   * is refused by Azure only when the template is deployed.
   */
  static boolean possible(String normalized) {
    if (normalized.isEmpty()) {
      return false;
    }
    for (int i = 0, n = normalized.length(); i < n; i++) {
      char c = normalized.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The end of a message refusing {@code written}: what region names look like, and a hint when it
   * is a list written as text, which an HCL2 variable without a type holds when {@code -var} gives
   * it a list (Packer reads such a value as a string). {@code inList}: the name is an element of a
   * list of regions, which the variable could give whole.
   */
  static String impossibleDetail(String written, boolean inList) {
    String t = written.strip();
    return " is not the name of an Azure region: region names are letters and digits (westeurope,"
        + " eastus2), in lower case once spaces are removed, and Azure refuses the template with"
        + " any other name when it is deployed."
        + (t.startsWith("[") && t.endsWith("]")
            ? " It looks like a list written as text, which is what a variable without a type"
                + " holds when --var (or Packer's -var) gives it a list: give the region alone"
                + (inList
                    ? ", or give the variable type = list(string) and use it as the whole list."
                    : ".")
            : " Give the region's name.");
  }
}
