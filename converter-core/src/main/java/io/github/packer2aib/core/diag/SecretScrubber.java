package io.github.packer2aib.core.diag;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets that can sit in plain sight in a source line before it is shown in a diagnostic:
 * the signature of an Azure SAS URL ({@code sig=…}) and Packer credential assignments such as
 * {@code client_secret = "…"}. Rendered diagnostics go to stderr and logs, where a secret must
 * never appear.
 */
public final class SecretScrubber {
  private static final Pattern SAS_SIGNATURE = Pattern.compile("(?i)([?&]sig=)[^&\"'\\s]+");
  private static final Pattern CREDENTIAL =
      Pattern.compile(
          "(?i)(\"?(?:client_secret|client_jwt|client_cert_password|[a-z_]*password|[a-z_]*token)\"?"
              + "\\s*[:=]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s,]+)");

  private SecretScrubber() {}

  public static String scrub(String line) {
    return mayHoldSecret(line) ? withPatterns(line) : line;
  }

  /** What {@link #scrub} does to a text that may hold a secret: both patterns replace. */
  static String withPatterns(String line) {
    String s = SAS_SIGNATURE.matcher(line).replaceAll("$1***");
    Matcher m = CREDENTIAL.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = m.group(2);
      // A reference such as var.x or "${var.x}" shows no secret; only literal values are masked.
      boolean literal = !value.contains("${") && !value.startsWith("var.") && !value.contains("{{");
      m.appendReplacement(
          out, Matcher.quoteReplacement(m.group(1) + (literal ? mask(value) : value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Whether either pattern could match: each needs one of the words {@code sig=}, {@code secret},
   * {@code jwt}, {@code password} or {@code token}, in any ASCII case (the patterns' {@code (?i)}
   * folds ASCII letters only). Most text has none, and the credential pattern's {@code [a-z_]*}
   * prefixes backtrack at every letter: scrubbing the strings of a bulk run's JSON report with the
   * patterns alone was 60% of a {@code convert -r --report} run's CPU.
   */
  static boolean mayHoldSecret(String s) {
    for (int i = 0; i < s.length(); i++) {
      // Only an ASCII letter becomes s, j, p or t by setting the lower-case bit.
      char c = (char) (s.charAt(i) | 0x20);
      if (c == 's'
              && (s.regionMatches(true, i, "sig=", 0, 4)
                  || s.regionMatches(true, i, "secret", 0, 6))
          || c == 'j' && s.regionMatches(true, i, "jwt", 0, 3)
          || c == 'p' && s.regionMatches(true, i, "password", 0, 8)
          || c == 't' && s.regionMatches(true, i, "token", 0, 5)) {
        return true;
      }
    }
    return false;
  }

  private static String mask(String value) {
    if (value.startsWith("\"") || value.startsWith("'")) {
      char q = value.charAt(0);
      return q + "***" + q;
    }
    return "***";
  }
}
