package io.github.packer2aib.core.mapping.retarget;

import io.github.packer2aib.core.doc.ArmExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A subnet id as the ARM expression {@code [resourceId(group, 'Microsoft.Network/virtualNetworks/
 * subnets', vnet, subnet)]}, for a 2019-05-01-preview name form ({@code resourceGroupName}, {@code
 * name}, {@code subnetName}) with ARM expressions among its parts. ARM evaluates a string only when
 * the whole of it is one expression, so such parts cannot be pasted into a literal id; {@code
 * resourceId()} without a subscription resolves in the subscription the template is deployed to,
 * which is where the service looks for the name form's network too.
 *
 * <p>Each part is an expression ({@code "[parameters('vnet')]"}) or a literal ({@code "net-rg"}, or
 * {@code "[[x]"} for the literal {@code "[x]"}), as in the template.
 */
record SubnetResourceId(String group, String vnet, String subnet) {

  private static final String TYPE = "'Microsoft.Network/virtualNetworks/subnets'";

  /** Whether a name form with these parts needs the expression: one of them is an expression. */
  static boolean needed(String group, String vnet, String subnet) {
    return ArmExpression.isExpression(group)
        || ArmExpression.isExpression(vnet)
        || ArmExpression.isExpression(subnet);
  }

  /** The {@code [resourceId(...)]} expression. */
  String expression() {
    return "[resourceId("
        + argument(group)
        + ", "
        + TYPE
        + ", "
        + argument(vnet)
        + ", "
        + argument(subnet)
        + ")]";
  }

  /**
   * The parts of a subnet id written as {@link #expression()} writes it (whatever the spacing and
   * the function name's case), or empty for any other text: a subscription argument, another
   * resource type or any other expression cannot be split into the name form.
   */
  static Optional<SubnetResourceId> parse(String text) {
    if (!ArmExpression.isExpression(text)) {
      return Optional.empty();
    }
    String inner = text.substring(1, text.length() - 1).trim();
    String function = "resourceid(";
    if (!inner.toLowerCase(Locale.ROOT).startsWith(function) || !inner.endsWith(")")) {
      return Optional.empty();
    }
    Optional<List<String>> args = arguments(inner.substring(function.length(), inner.length() - 1));
    if (args.isEmpty()
        || args.get().size() != 4
        || !args.get().get(1).equalsIgnoreCase(TYPE)
        || args.get().stream().anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    List<String> a = args.get();
    return Optional.of(new SubnetResourceId(part(a.get(0)), part(a.get(2)), part(a.get(3))));
  }

  /** A part as a function argument: an expression's body, or a literal in single quotes. */
  private static String argument(String part) {
    if (ArmExpression.isExpression(part)) {
      return part.substring(1, part.length() - 1).trim();
    }
    // "[[x]" is the escaped literal "[x]"; a quote in a string literal is written twice.
    String literal = part.startsWith("[[") ? part.substring(1) : part;
    return "'" + literal.replace("'", "''") + "'";
  }

  /** An argument as a part of the name form: the inverse of {@link #argument}. */
  private static String part(String argument) {
    boolean literal =
        argument.length() >= 2
            && argument.startsWith("'")
            && argument.endsWith("'")
            && !argument.substring(1, argument.length() - 1).replace("''", "").contains("'");
    if (!literal) {
      return "[" + argument + "]";
    }
    String value = argument.substring(1, argument.length() - 1).replace("''", "'");
    return value.startsWith("[") ? "[" + value : value;
  }

  /**
   * The top-level, comma-separated arguments of a call, trimmed; empty when quotes or brackets do
   * not balance.
   */
  private static Optional<List<String>> arguments(String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted; // a doubled quote inside a literal toggles twice
      } else if (!quoted && (c == '(' || c == '[')) {
        depth++;
      } else if (!quoted && (c == ')' || c == ']')) {
        if (--depth < 0) {
          return Optional.empty();
        }
      } else if (!quoted && depth == 0 && c == ',') {
        out.add(text.substring(start, i).trim());
        start = i + 1;
      }
    }
    if (quoted || depth != 0) {
      return Optional.empty();
    }
    out.add(text.substring(start).trim());
    return Optional.of(out);
  }
}
