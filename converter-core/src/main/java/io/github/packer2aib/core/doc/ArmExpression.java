package io.github.packer2aib.core.doc;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ARM template expressions ({@code "[parameters('location')]"}): ARM evaluates them when it deploys
 * the template, so their value (and even its type) is unknown here and they satisfy any schema. A
 * string starting with {@code [[} is an escaped literal that starts with {@code [}.
 */
public final class ArmExpression {
  private ArmExpression() {}

  public static boolean isExpression(String text) {
    return text != null
        && text.length() >= 2
        && text.startsWith("[")
        && text.endsWith("]")
        && !text.startsWith("[[");
  }

  /** True for a string scalar holding an ARM expression. */
  public static boolean isExpression(DocNode node) {
    return node instanceof DocScalar s && s.isString() && isExpression(s.text());
  }

  /**
   * The name in {@code [parameters('name')]}, when that is the whole expression. ARM reads function
   * names ignoring case, so {@code [Parameters('name')]} is the same call.
   */
  public static Optional<String> parameterName(String text) {
    return argument(PARAMETER, text);
  }

  /** The name in {@code [variables('name')]} (any case), when that is the whole expression. */
  public static Optional<String> variableName(String text) {
    return argument(VARIABLE, text);
  }

  private static Optional<String> argument(Pattern call, String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = call.matcher(text);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static final Pattern PARAMETER =
      Pattern.compile("\\[\\s*parameters\\(\\s*'([^']+)'\\s*\\)\\s*\\]", Pattern.CASE_INSENSITIVE);

  private static final Pattern VARIABLE =
      Pattern.compile("\\[\\s*variables\\(\\s*'([^']+)'\\s*\\)\\s*\\]", Pattern.CASE_INSENSITIVE);
}
