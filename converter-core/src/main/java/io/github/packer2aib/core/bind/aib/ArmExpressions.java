package io.github.packer2aib.core.bind.aib;

/**
 * ARM template expressions: a JSON string that starts with {@code [} and ends with {@code ]} is
 * evaluated by ARM at deployment ({@code "[parameters('vmSize')]"}); a string starting with {@code
 * [[} is the literal text with one bracket removed, not an expression.
 */
public final class ArmExpressions {
  private ArmExpressions() {}

  public static boolean isExpression(String text) {
    return text != null
        && text.length() >= 2
        && text.charAt(0) == '['
        && text.charAt(text.length() - 1) == ']'
        && !text.startsWith("[[");
  }
}
