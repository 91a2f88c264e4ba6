package io.github.packer2aib.core.parse;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.SourceFile;
import java.util.regex.Pattern;

/**
 * An ARM template expression written without quotes in YAML ({@code name: [concat('a', 'b')]}, a
 * key {@code [variables('id')]: {}}), as authors who copy an ARM template into YAML write it. YAML
 * reads a value that starts with {@code [} as a list: one with a single argument is a list of one
 * string, and then a key that must be a plain value or a list where text goes; one with a comma
 * between quoted arguments is a syntax error ("missing comma"). Either way the fix is the same:
 * quote the whole expression.
 */
final class UnquotedArmExpression {
  private UnquotedArmExpression() {}

  /**
   * A bracket, a function name (ARM's own, or a user function's {@code namespace.name}) and its
   * opening parenthesis: what every ARM expression starts with, and no list a template holds
   * (PowerShell's {@code [Environment]::…} has its bracket closed before any parenthesis; a shell
   * test {@code [ -f x ]} has no name).
   */
  private static final Pattern START =
      Pattern.compile("\\[\\s*[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)?\\s*\\(");

  /** An ARM string literal: in single quotes, a quote inside doubled. */
  private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");

  /** Longest expression quoted back as the fix; a longer one gets the advice without its text. */
  private static final int MAX_SUGGESTED = 100;

  /** Whether an ARM expression starts at {@code offset}: the {@code [} of {@code [fn(}. */
  static boolean startsAt(String text, int offset) {
    return offset >= 0
        && offset < text.length()
        && text.charAt(offset) == '['
        && START.matcher(text).region(offset, text.length()).lookingAt();
  }

  /**
   * The error for the expression {@code text[start, end)}.
   *
   * @param key whether it stands as a mapping key
   */
  static Diagnostic diagnostic(SourceFile file, int start, int end, boolean key) {
    String expression = file.text().substring(start, end);
    // Quoted back with its string literals as '…': the text of a file that does not parse is
    // shown with its values masked, and a literal argument may be a secure parameter's default
    // ([concat('Pw7', 'Qx')]), whose pieces below the masking's shortest value were echoed here.
    String quoted = quoted(LITERAL.matcher(expression).replaceAll("'…'"));
    return Diagnostic.of(
        SyntaxCode.YAML_UNQUOTED_ARM_EXPRESSION,
        file.range(start, end),
        "This "
            + (key ? "key" : "value")
            + " is an ARM template expression, but YAML reads it as a list, as it starts with"
            + " \"[\". Put the whole expression in quotes"
            + (quoted.length() <= MAX_SUGGESTED
                ? ": " + quoted + (key ? ": …" : "") + "."
                : ", as in \"[parameters('name')]\"."));
  }

  /** In double quotes, as ARM expressions hold single quotes; in single ones when that fails. */
  private static String quoted(String expression) {
    if (expression.indexOf('"') < 0 && expression.indexOf('\\') < 0) {
      return "\"" + expression + "\"";
    }
    return "'" + expression.replace("'", "''") + "'";
  }
}
