package io.github.packer2aib.core.packer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of the versions and version constraints Packer reads a template's own requirements
 * with: HashiCorp's go-version, as {@code version.NewVersion} parses a legacy template's {@code
 * min_packer_version} and {@code version.NewConstraint} an HCL2 {@code required_version}. Packer
 * refuses a template whose text they do not parse ("min_packer_version' error: Malformed version",
 * "Invalid version constraint"), so the loaders do too.
 */
public final class PackerVersions {
  private PackerVersions() {}

  /**
   * go-version's {@code VersionRegexpRaw}: numeric segments, a pre-release (after a dash, or
   * letters right after the numbers) and build metadata; group 1 holds the segments.
   */
  private static final String VERSION_RAW =
      "v?([0-9]+(?:\\.[0-9]+)*?)"
          + "(?:-(?:[0-9]+[0-9A-Za-z\\-~]*(?:\\.[0-9A-Za-z\\-~]+)*)"
          + "|(?:-?(?:[A-Za-z\\-~]+[0-9A-Za-z\\-~]*(?:\\.[0-9A-Za-z\\-~]+)*)))?"
          + "(?:\\+(?:[0-9A-Za-z\\-~]+(?:\\.[0-9A-Za-z\\-~]+)*))?";

  private static final Pattern VERSION = Pattern.compile(VERSION_RAW);

  /** Go's {@code \s}: no vertical tab, unlike Java's. */
  private static final String SPACE = "[\\t\\n\\f\\r ]*";

  /** One constraint: an optional operator and a version (go-version's {@code constraintRegexp}). */
  private static final Pattern CONSTRAINT =
      Pattern.compile(SPACE + "(?:=|!=|>|<|>=|<=|~>)?" + SPACE + "(" + VERSION_RAW + ")" + SPACE);

  /** Whether {@code text} is a version go-version parses ({@code 1.7.0}, {@code v1.8.0-beta}). */
  public static boolean isVersion(String text) {
    Matcher m = VERSION.matcher(text);
    return m.matches() && segmentsFit(m.group(1));
  }

  /**
   * Whether {@code text} is a constraint go-version parses: constraints separated by commas, each
   * an optional operator ({@code =}, {@code !=}, {@code >}, {@code <}, {@code >=}, {@code <=},
   * {@code ~>}) and a version ({@code ">= 1.7.0, < 2.0.0"}). An empty text is none.
   */
  public static boolean isConstraint(String text) {
    for (String single : text.split(",", -1)) {
      Matcher m = CONSTRAINT.matcher(single);
      if (!m.matches() || !isVersion(m.group(1))) {
        return false;
      }
    }
    return true;
  }

  /** Whether every numeric segment fits the 64-bit integer go-version parses it into. */
  private static boolean segmentsFit(String segments) {
    for (String s : segments.split("\\.", -1)) {
      try {
        Long.parseLong(s);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }
}
