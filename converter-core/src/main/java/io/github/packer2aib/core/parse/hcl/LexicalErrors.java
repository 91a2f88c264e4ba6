package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.grammar.hcl.HclLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * Reports the tokens that are errors in themselves (an invalid character, an unterminated comment:
 * {@link SyntaxErrorTranslator#universal}) wherever they are in the file, once each. The parser
 * reports such a token only when it stops at it; error recovery skips the rest of a broken item,
 * and an invalid character there was reported only in a later run, after the first error was fixed.
 * HCL reports them all from its scanner, whatever its parser does.
 *
 * <p>A single quote or backquote that closes a pair opened on its line is not reported, nor is an
 * invalid character between them: the pair was meant as a string (HCL likewise reports only every
 * other quote), and writing it with double quotes fixes all of it. After a quote that no second one
 * closes on its line, every invalid character is reported.
 */
final class LexicalErrors {
  private LexicalErrors() {}

  /** Adds to {@code sink} every such token of {@code tokens} that it holds no diagnostic for. */
  static void report(
      CommonTokenStream tokens, SyntaxErrorTranslator translator, SyntaxErrorSink sink) {
    tokens.fill();
    int line = -1;
    int quote = 0; // the quote character of a pair open on this line, or 0
    // The invalid tokens after an open quote: left out if the pair closes on the line, else
    // reported after all (a lone quote hid every invalid character after it on its line).
    List<Token> afterQuote = new ArrayList<>();
    for (Token t : tokens.getTokens()) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      if (t.getLine() != line) {
        reportAll(afterQuote, translator, sink);
        line = t.getLine();
        quote = 0;
      }
      if (t.getType() != HclLexer.INVALID_CHARACTER
          && t.getType() != HclLexer.BYTE_ORDER_MARK
          && t.getType() != HclLexer.UNTERMINATED_BLOCK_COMMENT) {
        continue;
      }
      String text = t.getText();
      boolean quoteMark = "'".equals(text) || "`".equals(text);
      if (quote != 0) {
        if (quoteMark && quote == text.charAt(0)) {
          quote = 0; // the pair closes: it was meant as a string
          afterQuote.clear();
        } else {
          afterQuote.add(t);
        }
        continue;
      }
      if (quoteMark) {
        quote = text.charAt(0);
      }
      if (!sink.told(t)) {
        sink.add(translator.universal(t), t);
      }
    }
    reportAll(afterQuote, translator, sink);
  }

  private static void reportAll(
      List<Token> pending, SyntaxErrorTranslator translator, SyntaxErrorSink sink) {
    for (Token t : pending) {
      if (!sink.told(t)) {
        sink.add(translator.universal(t), t);
      }
    }
    pending.clear();
  }
}
