package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.grammar.hcl.HclLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Tokens in words, for messages: "a closing bracket", "the end of the line". No ANTLR token name
 * ever reaches a user.
 */
final class TokenDescriptions {

  /**
   * Tokens that can only begin an expression; their presence means "an expression" was expected.
   */
  private static final Set<Integer> EXPRESSION_START_TOKENS =
      Set.of(
          HclLexer.NUMBER, HclLexer.QUOTE, HclLexer.HEREDOC_START, HclLexer.LPAREN, HclLexer.NOT);

  private TokenDescriptions() {}

  /** What was found, e.g. {@code the name "foo"}, {@code a closing bracket "]"}. */
  static String found(Token token) {
    int type = token.getType();
    String text = token.getText();
    if (HclTokenizer.isName(type)) {
      return "the name \"" + text + "\"";
    }
    switch (type) {
      case Token.EOF:
        return "the end of the file";
      case HclLexer.NEWLINE:
        return "the end of the line";
      case HclLexer.NUMBER:
        return "the number " + text;
      case HclLexer.TEMPLATE_TEXT:
      case HclLexer.TEMPLATE_NEWLINE:
        return "literal text";
      case HclLexer.INVALID_CHARACTER:
      case HclLexer.BYTE_ORDER_MARK:
        return "the character " + quoteCharacter(text);
      default:
        return expected(type);
    }
  }

  /** What a token type is, as something one expects: "a comma", "an equals sign \"=\"". */
  static String expected(int type) {
    if (HclTokenizer.isName(type)) {
      return "a name";
    }
    switch (type) {
      case Token.EOF:
        return "the end of the file";
      case HclLexer.NEWLINE:
        return "a newline";
      case HclLexer.NUMBER:
        return "a number";
      case HclLexer.QUOTE:
        return "a quoted string";
      case HclLexer.QUOTE_CLOSE:
        return "a closing quote";
      case HclLexer.HEREDOC_START:
        return "a heredoc";
      case HclLexer.HEREDOC_END:
        return "the heredoc's closing marker";
      case HclLexer.LBRACE:
        return "an opening brace \"{\"";
      case HclLexer.RBRACE:
        return "a closing brace \"}\"";
      case HclLexer.STRIP_RBRACE:
        return "a closing brace \"~}\"";
      case HclLexer.LBRACKET:
        return "an opening bracket \"[\"";
      case HclLexer.RBRACKET:
        return "a closing bracket \"]\"";
      case HclLexer.LPAREN:
        return "an opening parenthesis \"(\"";
      case HclLexer.RPAREN:
        return "a closing parenthesis \")\"";
      case HclLexer.COMMA:
        return "a comma";
      case HclLexer.DOT:
        return "a dot";
      case HclLexer.EQ:
        return "an equals sign \"=\"";
      case HclLexer.COLON:
        return "a colon";
      case HclLexer.DOUBLE_COLON:
        return "\"::\"";
      case HclLexer.QUESTION:
        return "a question mark";
      case HclLexer.ARROW:
        return "an arrow \"=>\"";
      case HclLexer.ELLIPSIS:
        return "an ellipsis \"...\"";
      case HclLexer.STAR:
        return "an asterisk \"*\"";
      case HclLexer.TEMPLATE_TEXT:
      case HclLexer.TEMPLATE_NEWLINE:
        return "literal text";
      case HclLexer.ESCAPE_SEQUENCE:
      case HclLexer.INVALID_ESCAPE:
        return "an escape sequence";
      case HclLexer.DOLLAR_ESCAPE:
        return "the escape \"$${\"";
      case HclLexer.PERCENT_ESCAPE:
        return "the escape \"%%{\"";
      case HclLexer.INTERPOLATION_START:
        return "an interpolation \"${\"";
      case HclLexer.DIRECTIVE_START:
        return "a template directive \"%{\"";
      case HclLexer.UNTERMINATED_BLOCK_COMMENT:
        return "an unterminated comment";
      case HclLexer.INVALID_CHARACTER:
      case HclLexer.BYTE_ORDER_MARK:
        return "an invalid character";
      default:
        String literal = HclLexer.VOCABULARY.getLiteralName(type);
        return literal != null ? "the operator " + literal.replace('\'', '"') : "a token";
    }
  }

  /**
   * An expected-token set in words: expression starters collapse into "an expression", names into
   * "a name"; at most five alternatives, joined with "or".
   */
  static String expectedSet(IntervalSet set) {
    List<String> words = new ArrayList<>();
    boolean expression = false;
    for (int type : set.toList()) {
      if (EXPRESSION_START_TOKENS.contains(type)) {
        expression = true;
      }
    }
    if (expression) {
      words.add("an expression");
    }
    for (int type : set.toList()) {
      if (expression && (EXPRESSION_START_TOKENS.contains(type) || isExpressionPiece(type))) {
        continue;
      }
      String word = expected(type);
      if (!words.contains(word)) {
        words.add(word);
      }
    }
    if (words.isEmpty()) {
      return "something else";
    }
    if (words.size() > 5) {
      words = new ArrayList<>(words.subList(0, 5));
      words.add("other tokens");
    }
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " or "
        + words.get(words.size() - 1);
  }

  private static boolean isExpressionPiece(int type) {
    return HclTokenizer.isName(type)
        || type == HclLexer.MINUS
        || type == HclLexer.LBRACKET
        || type == HclLexer.LBRACE;
  }

  /** {@code "@"}, or {@code U+0007} for a character that does not print. */
  static String quoteCharacter(String text) {
    if (text.isEmpty()) {
      return "\"\"";
    }
    int cp = text.codePointAt(0);
    String code = String.format(Locale.ROOT, "U+%04X", cp);
    if (Character.isISOControl(cp)
        || Character.isWhitespace(cp)
        || Character.getType(cp) == Character.FORMAT
        || Character.isSpaceChar(cp)) {
      return code;
    }
    return "\"" + text + "\" (" + code + ")";
  }
}
