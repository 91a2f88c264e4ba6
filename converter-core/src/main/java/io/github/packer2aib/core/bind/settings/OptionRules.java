package io.github.packer2aib.core.bind.settings;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks the command line makes of option values, for the same values written in a settings
 * file. The identity rule repeats the CLI's {@code OptionTypes.IdentityConverter} and the base URI
 * rule the mapper's {@code BaseUri.parse} (neither is reachable from here), so that a bad value is
 * reported at its place in the settings file rather than later without a location.
 */
final class OptionRules {
  private OptionRules() {}

  static final String IDENTITY_EXAMPLE =
      "/subscriptions/<subscription-id>/resourceGroups/<group>/providers/"
          + "Microsoft.ManagedIdentity/userAssignedIdentities/<name>";

  // ARM ids are case-insensitive, so the segment names are matched case-insensitively.
  private static final Pattern IDENTITY =
      Pattern.compile(
          "/subscriptions/[^/\\s]+/resourceGroups/[^/\\s]+/providers/"
              + "Microsoft\\.ManagedIdentity/userAssignedIdentities/[^/\\s]+",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern HTTP_URL = Pattern.compile("(?i)^https?://[^/?#\\s]+.*");
  private static final Pattern SAS_SIGNATURE = Pattern.compile(".*[?&]sig=.*");

  static boolean isIdentity(String value) {
    return IDENTITY.matcher(value).matches();
  }

  /** Why {@code value} cannot be a base URI for {@code key}, or empty when it can. */
  static Optional<String> baseUriProblem(String key, String value) {
    String t = value.trim();
    if (!HTTP_URL.matcher(t).matches() || t.contains("#")) {
      return Optional.of(
          "The value of \""
              + key
              + "\" must be an http or https URL such as"
              + " https://account.blob.core.windows.net/container/prefix/, without a fragment.");
    }
    int q = t.indexOf('?');
    if (q >= 0 && SAS_SIGNATURE.matcher(t.substring(q).toLowerCase(Locale.ROOT)).matches()) {
      return Optional.of(
          "The URL of \""
              + key
              + "\" holds a SAS signature (sig=), which would be copied into every script and file"
              + " URI of the template. Give the URL without its query: Image Builder downloads"
              + " with the template's identity, which needs the Storage Blob Data Reader role on"
              + " the container. Remove the signature from this file, as it is a secret.");
    }
    return Optional.empty();
  }
}
