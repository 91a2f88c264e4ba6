package io.github.packer2aib.core.mapping.packer;

/**
 * The kinds of Azure names the converter joins into resource ids ({@link ArmIds}) or a VHD's
 * address, each with the rule a name of that kind must keep. A name that breaks it is refused
 * ({@link ResourceNames}): joined into an id, a {@code /} makes the id name another resource, and
 * any other name Azure refuses fails the build only when Azure meets the id, for a target after the
 * build has run.
 *
 * <p>Only rules that are certain are applied: the Azure plugin's own checks (Packer refuses the
 * template), and Azure's where its API or its own error message states them. Where Azure's sources
 * disagree (a virtual network's documented 2 to 64 characters against the network provider's "up to
 * 80"), the laxer one is taken; letters and digits are Unicode's wherever Azure's rule says
 * "letters" or "word characters" (resource groups, images, networks), and ASCII where the rule is a
 * pattern of the Azure plugin's (Go's {@code \w} is ASCII).
 */
enum ResourceName {
  /**
   * A resource group the Azure plugin checks ({@code assertResourceGroupName}: temp, build and
   * managed image groups): {@code ^[^_\W][\w-._\(\)]{0,89}$}, not ending with {@code -} or {@code
   * .}.
   */
  PLUGIN_RESOURCE_GROUP(
      "resource group",
      "the Azure plugin takes only resource group names of at most 90 letters, digits and _ - . ( )"
          + " that start with a letter or digit and do not end with a hyphen or period",
      true) {
    @Override
    boolean fits(String n) {
      if (n.isEmpty() || n.length() > 90 || !ascii(n.charAt(0))) {
        return false;
      }
      for (int i = 1; i < n.length(); i++) {
        char c = n.charAt(i);
        if (!ascii(c) && c != '_' && c != '-' && c != '.' && c != '(' && c != ')') {
          return false;
        }
      }
      return !endsWithAny(n, "-.");
    }
  },

  /**
   * Any other resource group: Azure's rule ("Underscores, hyphens, periods, parentheses, and
   * letters or digits as defined by the Unicode Standard"; 1 to 90; "Can't end with period"),
   * {@code ^[-\w._()]{1,90}$} not ending with {@code .}.
   */
  RESOURCE_GROUP(
      "resource group",
      "Azure's resource group names are 1 to 90 letters, digits and _ - . ( ) that do not end with"
          + " a period",
      false) {
    @Override
    boolean fits(String n) {
      if (n.isEmpty() || n.codePointCount(0, n.length()) > 90) {
        return false;
      }
      for (int i = 0; i < n.length(); ) {
        int c = n.codePointAt(i);
        i += Character.charCount(c);
        if (!word(c) && c != '-' && c != '.' && c != '(' && c != ')') {
          return false;
        }
      }
      return !n.endsWith(".");
    }
  },

  /**
   * A gallery: "The allowed characters are alphabets and numbers with dots and periods allowed in
   * the middle. The maximum length is 80 characters" (the Compute API's galleryName), underscores
   * and periods in Azure's naming rules.
   */
  GALLERY(
      "gallery",
      "Azure's gallery names are 1 to 80 letters, digits, _ and . that start and end with a letter"
          + " or digit",
      false) {
    @Override
    boolean fits(String n) {
      return middle(n, 80, "_.");
    }
  },

  /**
   * A gallery image definition: "alphabets and numbers with dots, dashes, and periods allowed in
   * the middle. The maximum length is 80 characters" (the Compute API's galleryImageName).
   */
  GALLERY_IMAGE(
      "gallery image definition",
      "Azure's gallery image definition names are 1 to 80 letters, digits, _ - and . that start and"
          + " end with a letter or digit",
      false) {
    @Override
    boolean fits(String n) {
      return middle(n, 80, "_-.");
    }
  },

  /**
   * A managed image that exists (a source): Azure's pattern {@code ^[^_\W][\w-._]{0,79}(?<![-.])$}
   * (quoted in the Azure plugin; .NET's {@code \w} is Unicode's).
   */
  IMAGE(
      "image",
      "Azure's image names are 1 to 80 letters, digits, _ - and . that start with a letter or digit"
          + " and do not end with a hyphen or period",
      false) {
    @Override
    boolean fits(String n) {
      return wordsHyphensDots(n)
          && Character.isLetterOrDigit(n.codePointAt(0))
          && !endsWithAny(n, "-.");
    }
  },

  /**
   * A virtual network: the network provider's rule ("The name can be up to 80 characters long. It
   * must begin with a word character, and it must end with a word character or with '_'. The name
   * may contain word characters or '.', '-', '_'.").
   */
  VIRTUAL_NETWORK("virtual network", Rules.NETWORK, false) {
    @Override
    boolean fits(String n) {
      return network(n);
    }
  },

  /** A subnet: as {@link #VIRTUAL_NETWORK}. */
  SUBNET("subnet", Rules.NETWORK, false) {
    @Override
    boolean fits(String n) {
      return network(n);
    }
  },

  /** A storage account: 3 to 24 lower-case letters and digits. */
  STORAGE_ACCOUNT(
      "storage account",
      "Azure's storage account names are 3 to 24 lower-case letters and digits",
      false) {
    @Override
    boolean fits(String n) {
      if (n.length() < 3 || n.length() > 24) {
        return false;
      }
      for (int i = 0; i < n.length(); i++) {
        char c = n.charAt(i);
        if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
          return false;
        }
      }
      return true;
    }
  },

  /**
   * A blob container for a VHD, as the Azure plugin checks capture_container_name: {@code
   * ^[a-z0-9][a-z0-9\-]{2,62}$}, not ending with {@code -}, without {@code --} (Azure's rule for
   * blob containers).
   */
  CAPTURE_CONTAINER(
      "blob container",
      "the Azure plugin takes only container names of 3 to 63 lower-case letters, digits and - that"
          + " start with a letter or digit, do not end with - and hold no --, as Azure's blob"
          + " containers require",
      true) {
    @Override
    boolean fits(String n) {
      if (n.length() < 3 || n.length() > 63 || n.charAt(0) == '-') {
        return false;
      }
      for (int i = 0; i < n.length(); i++) {
        char c = n.charAt(i);
        if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') {
          return false;
        }
      }
      return !n.endsWith("-") && !n.contains("--");
    }
  };

  /** Rules shared by constants (a constant's arguments cannot name a static field below it). */
  private static final class Rules {
    static final String NETWORK =
        "Azure's network names are 1 to 80 letters, digits, _ - and . that start with a letter,"
            + " digit or _ and end with a letter, digit or _";
  }

  /** The kind of resource, in words ("resource group"). */
  final String kind;

  /** The rule, in words, to end "but …". */
  final String rule;

  /** Whether the Azure plugin checks it itself, so that Packer refuses the template. */
  final boolean plugin;

  ResourceName(String kind, String rule, boolean plugin) {
    this.kind = kind;
    this.rule = rule;
    this.plugin = plugin;
  }

  /** Whether {@code name} keeps the rule. */
  abstract boolean fits(String name);

  private static boolean ascii(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** A word character as .NET's {@code \w} takes it: a letter, a digit or {@code _}. */
  private static boolean word(int c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static boolean endsWithAny(String n, String chars) {
    return !n.isEmpty() && chars.indexOf(n.charAt(n.length() - 1)) >= 0;
  }

  /**
   * 1 to {@code max} letters, digits and {@code others}, starting and ending with a letter or
   * digit.
   */
  private static boolean middle(String n, int max, String others) {
    if (n.isEmpty() || n.codePointCount(0, n.length()) > max) {
      return false;
    }
    for (int i = 0; i < n.length(); ) {
      int c = n.codePointAt(i);
      i += Character.charCount(c);
      if (!Character.isLetterOrDigit(c) && (c > 0xFFFF || others.indexOf((char) c) < 0)) {
        return false;
      }
    }
    return Character.isLetterOrDigit(n.codePointAt(0))
        && Character.isLetterOrDigit(n.codePointBefore(n.length()));
  }

  private static boolean network(String n) {
    return wordsHyphensDots(n) && word(n.codePointAt(0)) && word(n.codePointBefore(n.length()));
  }

  /** 1 to 80 word characters ({@link #word}), hyphens and dots: images and networks alike. */
  private static boolean wordsHyphensDots(String n) {
    if (n.isEmpty() || n.codePointCount(0, n.length()) > 80) {
      return false;
    }
    for (int i = 0; i < n.length(); ) {
      int c = n.codePointAt(i);
      i += Character.charCount(c);
      if (!word(c) && c != '-' && c != '.') {
        return false;
      }
    }
    return true;
  }
}
