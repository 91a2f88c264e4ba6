package io.github.packer2aib.core.aib;

/**
 * Azure Resource Manager's limits on the tags of one resource (learn.microsoft.com,
 * azure-resource-manager/management/tag-resources, "Limitations"): at most {@link #MAX_TAGS}, names
 * of at most {@link #MAX_NAME} characters without {@code < > % & \ ? /}, values of at most {@link
 * #MAX_VALUE}. Lengths count UTF-16 units, as ARM's strings do. One place for the Packer mapper's
 * check of azure_tags and the service rules' check of an image template's tags.
 */
public final class TagLimits {
  public static final int MAX_TAGS = 50;
  public static final int MAX_NAME = 512;
  public static final int MAX_VALUE = 256;

  /** The characters a tag name must not hold. */
  public static final String FORBIDDEN_IN_NAME = "<>%&\\?/";

  private TagLimits() {}

  public static boolean nameTooLong(String name) {
    return name.length() > MAX_NAME;
  }

  public static boolean valueTooLong(String value) {
    return value != null && value.length() > MAX_VALUE;
  }

  /** The forbidden characters {@code name} holds, each quoted, comma-separated; "" for none. */
  public static String forbiddenIn(String name) {
    StringBuilder found = new StringBuilder();
    for (int i = 0; i < FORBIDDEN_IN_NAME.length(); i++) {
      char c = FORBIDDEN_IN_NAME.charAt(i);
      if (name.indexOf(c) >= 0) {
        found.append(found.length() == 0 ? "" : ", ").append('"').append(c).append('"');
      }
    }
    return found.toString();
  }
}
