package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.diag.SecretScrubber;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules the values of the mapping options follow, wherever they are given (the command line, a
 * settings file, the mapper itself): one place for each rule, while each caller words its own
 * message for where the value was written.
 */
public final class OptionValues {
  private OptionValues() {}

  /** The shape of a user-assigned identity's resource id, for messages. */
  public static final String IDENTITY_EXAMPLE =
      "/subscriptions/<subscription-id>/resourceGroups/<group>/providers/"
          + "Microsoft.ManagedIdentity/userAssignedIdentities/<name>";

  // ARM ids are case-insensitive, so the segment names are matched case-insensitively.
  private static final Pattern IDENTITY =
      Pattern.compile(
          "/subscriptions/[^/\\s]+/resourceGroups/[^/\\s]+/providers/"
              + "Microsoft\\.ManagedIdentity/userAssignedIdentities/[^/\\s]+",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern HTTP_URL = Pattern.compile("(?i)^https?://[^/?#\\s]+.*");

  /** What is wrong with a base URI. */
  public enum BaseUriProblem {
    /** Not an http(s) URL with a host, or it has a fragment. */
    NOT_HTTP_URL,
    /** Its query holds a SAS signature ({@code sig=}), a secret. */
    SAS_SIGNATURE,
    /** It names a user, and maybe a password, before its host ({@code user:password@host}). */
    USER_INFO;

    /** Why the URL cannot be a base URI, after "The URL given with --x" (not NOT_HTTP_URL). */
    public String why() {
      return this == USER_INFO
          ? " holds a user name or password (user:password@ before the host), which would be"
              + " copied into every script and file URI of the template. Give the URL without"
              + " them: Image Builder downloads with the template's identity, which needs the"
              + " Storage Blob Data Reader role on the container."
          : " holds a SAS signature (sig=), which would be copied into every script and file"
              + " URI of the template. Give the URL without its query: Image Builder downloads"
              + " with the template's identity, which needs the Storage Blob Data Reader role on"
              + " the container.";
    }
  }

  /**
   * Whether a query holds a SAS signature, also with its parameter's name percent-encoded ({@code
   * %73ig=}, {@code sig%253D}: the storage service decodes names, so the credential is the same):
   * the query as written and decoded up to three times.
   */
  private static boolean signedQuery(String query) {
    String q = query;
    for (int i = 0; i < 4; i++) {
      if (SecretScrubber.hasSasSignature(q)) {
        return true;
      }
      if (q.indexOf('%') < 0) {
        return false;
      }
      try {
        q = java.net.URLDecoder.decode(q.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return false; // a stray % that is no escape: nothing more to decode
      }
    }
    return false;
  }

  /**
   * The region a {@code --location} value names, as the Azure plugin normalizes a template's
   * location (lower case, no spaces: {@code "West Europe"} is {@code westeurope}), or empty when no
   * Azure region can have that name ({@code ["westeurope"]}, {@code (Europe) West Europe}): the
   * option's value is written into templates as it is, and Azure would refuse it only at
   * deployment.
   */
  public static Optional<String> region(String value) {
    String normalized = Regions.normalized(value.strip());
    return Regions.possible(normalized) ? Optional.of(normalized) : Optional.empty();
  }

  /** Whether {@code value} is the resource id of a user-assigned managed identity. */
  public static boolean isUserAssignedIdentity(String value) {
    return IDENTITY.matcher(value).matches();
  }

  /** What keeps {@code value} (trimmed) from being a base URI, or empty when it can be one. */
  public static Optional<BaseUriProblem> baseUriProblem(String value) {
    String t = value.trim();
    if (!HTTP_URL.matcher(t).matches() || t.contains("#")) {
      return Optional.of(BaseUriProblem.NOT_HTTP_URL);
    }
    int q = t.indexOf('?');
    if (q >= 0 && signedQuery(t.substring(q))) {
      return Optional.of(BaseUriProblem.SAS_SIGNATURE);
    }
    int hostStart = t.indexOf("://") + 3;
    int hostEnd = hostStart;
    while (hostEnd < t.length() && "/?".indexOf(t.charAt(hostEnd)) < 0) {
      hostEnd++;
    }
    if (t.substring(hostStart, hostEnd).contains("@")) {
      return Optional.of(BaseUriProblem.USER_INFO);
    }
    return Optional.empty();
  }
}
