package io.github.packer2aib.core.diag;

import java.util.List;
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

  /** One of these words is in every text either pattern matches. */
  private static final List<String> WORDS = List.of("sig=", "secret", "jwt", "password", "token");

  /**
   * Whether either pattern could match: each needs one of {@link #WORDS}, in any ASCII case (the
   * patterns' {@code (?i)} folds ASCII only, as {@link AsciiWords} does). Most text has none, and
   * the credential pattern's {@code [a-z_]*} prefixes backtrack at every letter: scrubbing the
   * strings of a bulk run's JSON report with the patterns alone was 60% of a {@code convert -r
   * --report} run's CPU.
   */
  static boolean mayHoldSecret(String s) {
    byte[] b = AsciiWords.bytes(s);
    for (int i = 0, n = WORDS.size(); i < n; i++) {
      if (AsciiWords.indexOf(b, WORDS.get(i)) >= 0) {
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
