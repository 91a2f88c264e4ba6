package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.source.PercentEncoding;
import java.util.Optional;

/**
 * A base URI given with {@code --script-base-uri} or {@code --file-base-uri}, to which the path of
 * a file below the conversion root is appended.
 */
record BaseUri(String option, String prefix, String query) {

  /** Parses a base URI; empty with the reason in {@code problem} when it cannot be used. */
  static Optional<BaseUri> parse(String option, String text, StringBuilder problem) {
    String t = text.trim();
    Optional<OptionValues.BaseUriProblem> wrong = OptionValues.baseUriProblem(t);
    if (wrong.equals(Optional.of(OptionValues.BaseUriProblem.NOT_HTTP_URL))) {
      problem.append(
          "The value given with "
              + option
              + " must be an http or https URL such as"
              + " https://account.blob.core.windows.net/container/prefix/, without a fragment.");
      return Optional.empty();
    }
    if (wrong.isPresent()) {
      problem.append("The URL given with " + option + wrong.get().why());
      return Optional.empty();
    }
    int q = t.indexOf('?');
    String path = q < 0 ? t : t.substring(0, q);
    String query = q < 0 ? "" : t.substring(q);
    if (!path.endsWith("/")) {
      path = path + "/";
    }
    return Optional.of(new BaseUri(option, path, query));
  }

  /** The same address given with another option. */
  BaseUri named(String otherOption) {
    return new BaseUri(otherOption, prefix, query);
  }

  /** The URI of a file at {@code relativePath} (with {@code /} separators) below the root. */
  String resolve(String relativePath) {
    if (!plain(relativePath)) {
      return encoded(relativePath);
    }
    // concat makes each string at its length at once; + starts a builder at 16 characters that
    // grows (and copies) twice for a URI, and every script and file of every template comes here.
    return query.isEmpty()
        ? prefix.concat(relativePath)
        : prefix.concat(relativePath).concat(query);
  }

  /** {@link #resolve}, each segment encoded. */
  String encoded(String relativePath) {
    StringBuilder b = new StringBuilder(prefix);
    String[] segments = relativePath.split("/");
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        b.append('/');
      }
      b.append(encode(segments[i]));
    }
    return b.append(query).toString();
  }

  /**
   * Whether a path stays as it is: only characters {@link #encode} keeps and separators, and no
   * separator at the end (where splitting drops the empty segments). Most paths are, and encoding
   * them byte by byte was a visible part of mapping.
   */
  private static boolean plain(String path) {
    int n = path.length();
    if (n > 0 && path.charAt(n - 1) == '/') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = path.charAt(i);
      if (c != '/' && !kept(c)) {
        return false;
      }
    }
    return true;
  }

  /** RFC 3986 unreserved characters and sub-delimiters, which {@link #encode} keeps. */
  private static boolean kept(int c) {
    return PercentEncoding.isUnreserved(c) || (c < 0x80 && "!$&'()*+,;=:@".indexOf(c) >= 0);
  }

  /** Percent-encodes everything but RFC 3986 unreserved characters and sub-delimiters. */
  static String encode(String segment) {
    return PercentEncoding.encode(segment, BaseUri::kept, false);
  }
}
