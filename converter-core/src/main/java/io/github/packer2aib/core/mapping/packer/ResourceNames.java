package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.source.Range;

/**
 * Checks each name before it is joined into a resource id ({@link ArmIds}) or a VHD's address:
 * {@code gallery_name = "gal/images/evil"} made a galleryImageId naming another resource, and a
 * resource group with a space an id Azure refuses, each converted without a word. A name that
 * breaks its {@link ResourceName rule} is an error ({@code PKRMAP-E106}), as {@code
 * managed_image_name} is: Packer refuses the names its plugin checks, and Azure refuses the others
 * only when it meets the id, for a target after the build has run.
 */
final class ResourceNames {
  private ResourceNames() {}

  /**
   * Whether the value {@code name} of {@code key} in {@code f} may be joined into an id as a name
   * of {@code kind}; else reported.
   *
   * @param consequence what else follows, as a sentence ("Image Builder would fail …"), or empty
   */
  static boolean check(
      Unit u, Fields f, String key, String name, ResourceName kind, String consequence) {
    if (fits(name, kind)) {
      return true;
    }
    report(u, f.valueRange(key), f.name(key), f.shown(key, cut(name)), name, kind, consequence);
    return false;
  }

  /**
   * Whether {@code name}, a part of the resource id {@code field} (its {@code part}: "the gallery
   * name"), keeps the rule of {@code kind}; else reported at {@code at}.
   */
  static boolean checkPart(
      Unit u, Range at, String part, String field, String name, ResourceName kind) {
    if (fits(name, kind)) {
      return true;
    }
    report(u, at, part + " in " + field, Words.quote(cut(name)), name, kind, "");
    return false;
  }

  /**
   * Whether a name passes: it keeps the rule, or it is an ARM expression, which ARM evaluates when
   * it deploys the template and which is left as it is written.
   */
  private static boolean fits(String name, ResourceName kind) {
    return kind.fits(name) || ArmExpression.isExpression(name);
  }

  private static void report(
      Unit u,
      Range at,
      String label,
      String shown,
      String name,
      ResourceName kind,
      String consequence) {
    String breaker = pathBreaker(name);
    u.report.add(
        PackerMapCode.INVALID_VALUE,
        at,
        label
            + " is "
            + shown
            + ", but "
            + kind.rule
            + (kind.plugin
                ? ": Packer refuses the template."
                : ", so no " + kind.kind + " has that name.")
            + (breaker == null
                ? ""
                : " Joined into the resource id, its "
                    + breaker
                    + " would make the id name another resource.")
            + (consequence.isEmpty() ? "" : " " + consequence)
            + " Fix the value in the template.");
  }

  /** The character of {@code name} that changes the path of an id it is joined into, if any. */
  private static String pathBreaker(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\' || c == '?' || c == '#') {
        return String.valueOf(c);
      }
    }
    return null;
  }

  private static String cut(String name) {
    return Excerpts.cut(name, 80);
  }
}
