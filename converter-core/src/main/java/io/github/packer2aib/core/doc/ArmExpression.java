package io.github.packer2aib.core.doc;

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
}
