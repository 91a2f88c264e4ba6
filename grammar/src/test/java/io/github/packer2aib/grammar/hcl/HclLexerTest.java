package io.github.packer2aib.grammar.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** Token sequences of the HCL lexer: its modes, brace stack and newline handling. */
class HclLexerTest {

  /** Visible tokens as {@code TYPE} or {@code TYPE:text} for text-bearing tokens. */
  private static List<String> tokens(String text) {
    return tokens(text, false);
  }

  private static List<String> tokens(String text, boolean template) {
    HclLexer lexer = new HclLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.addErrorListener(
        new BaseErrorListener() {
          @Override
          public void syntaxError(
              Recognizer<?, ?> r, Object o, int line, int col, String msg, RecognitionException e) {
            throw new AssertionError("lexer error at " + line + ":" + col);
          }
        });
    if (template) {
      lexer.startTemplate();
      lexer.mode(HclLexer.TEMPLATE);
    }
    List<String> out = new ArrayList<>();
    for (Token t : lexer.getAllTokens()) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      String name = HclLexer.VOCABULARY.getSymbolicName(t.getType());
      boolean showText =
          t.getType() == HclLexer.IDENTIFIER
              || t.getType() == HclLexer.NUMBER
              || t.getType() == HclLexer.TEMPLATE_TEXT
              || t.getType() == HclLexer.TEMPLATE_NEWLINE
              || t.getType() == HclLexer.ESCAPE_SEQUENCE
              || t.getType() == HclLexer.INVALID_ESCAPE
              || t.getType() == HclLexer.HEREDOC_START
              || t.getType() == HclLexer.HEREDOC_END;
      out.add(showText ? name + ":" + t.getText().replace("\n", "\\n") : name);
    }
    return out;
  }

  @Test
  void newlinesEndAttributesButNotBracketedExpressions() {
    assertEquals(
        List.of(
            "IDENTIFIER:a",
            "EQ",
            "LPAREN",
            "NUMBER:1",
            "PLUS",
            "NUMBER:2",
            "RPAREN",
            "NEWLINE",
            "IDENTIFIER:b",
            "EQ",
            "LBRACKET",
            "NUMBER:1",
            "COMMA",
            "NUMBER:2",
            "RBRACKET",
            "NEWLINE"),
        tokens("a = (1 +\n2)\nb = [\n1,\n2\n]\n"));
  }

  @Test
  void objectItemsAreSeparatedByNewlinesButForExpressionsIgnoreThem() {
    assertEquals(
        List.of(
            "IDENTIFIER:a",
            "EQ",
            "LBRACE",
            "NEWLINE",
            "IDENTIFIER:b",
            "EQ",
            "NUMBER:1",
            "NEWLINE",
            "RBRACE",
            "NEWLINE"),
        tokens("a = {\nb = 1\n}\n"));
    assertEquals(
        List.of(
            "IDENTIFIER:a",
            "EQ",
            "LBRACE",
            "FOR",
            "IDENTIFIER:k",
            "IN",
            "IDENTIFIER:m",
            "COLON",
            "IDENTIFIER:k",
            "ARROW",
            "IDENTIFIER:k",
            "RBRACE",
            "NEWLINE"),
        tokens("a = {\n  # comment\n  for k in m :\n  k => k\n}\n"));
  }

  @Test
  void aBraceInABodyOpensABlockWhoseNewlinesCount() {
    assertEquals(
        List.of(
            "IDENTIFIER:b",
            "LBRACE",
            "NEWLINE",
            "IDENTIFIER:c",
            "EQ",
            "LBRACE",
            "RBRACE",
            "NEWLINE",
            "RBRACE",
            "NEWLINE",
            "IDENTIFIER:d",
            "LBRACE",
            "IDENTIFIER:e",
            "EQ",
            "NUMBER:1",
            "RBRACE",
            "NEWLINE"),
        tokens("b {\nc = {}\n}\nd { e = 1 }\n"));
  }

  @Test
  void heredocEndsOnlyAtALineHoldingJustItsMarker() {
    assertEquals(
        List.of(
            "IDENTIFIER:a",
            "EQ",
            "HEREDOC_START:<<EOT\\n",
            "TEMPLATE_TEXT:text EOT",
            "TEMPLATE_NEWLINE:\\n",
            "TEMPLATE_TEXT:EOTX",
            "TEMPLATE_NEWLINE:\\n",
            "HEREDOC_END:  EOT  ",
            "NEWLINE"),
        tokens("a = <<EOT\ntext EOT\nEOTX\n  EOT  \n"));
  }

  @Test
  void interpolationsReturnToTheirTemplateAfterTheMatchingBrace() {
    assertEquals(
        List.of(
            "IDENTIFIER:a",
            "EQ",
            "QUOTE",
            "TEMPLATE_TEXT:x",
            "INTERPOLATION_START",
            "LBRACE",
            "IDENTIFIER:k",
            "EQ",
            "NUMBER:1",
            "RBRACE",
            "DOT",
            "IDENTIFIER:k",
            "STRIP_RBRACE",
            "TEMPLATE_TEXT:}",
            "QUOTE_CLOSE",
            "NEWLINE"),
        tokens("a = \"x${ {k = 1}.k ~}}\"\n"));
  }

  @Test
  void stringsRecogniseEscapesAndEscapedSequences() {
    assertEquals(
        List.of(
            "QUOTE",
            "ESCAPE_SEQUENCE:\\n",
            "ESCAPE_SEQUENCE:\\u00e9",
            "INVALID_ESCAPE:\\q",
            "DOLLAR_ESCAPE",
            "TEMPLATE_TEXT:x} ",
            "PERCENT_ESCAPE",
            "TEMPLATE_TEXT: ",
            "TEMPLATE_TEXT:$",
            "TEMPLATE_TEXT:$",
            "QUOTE_CLOSE"),
        tokens("\"\\n\\u00e9\\q$${x} %%{ $$\""));
  }

  @Test
  void aLineBreakEndsAnUnterminatedStringAndItsInterpolation() {
    assertEquals(
        List.of(
            "IDENTIFIER:a",
            "EQ",
            "QUOTE",
            "INTERPOLATION_START",
            "IDENTIFIER:f",
            "LPAREN",
            "QUOTE",
            "TEMPLATE_TEXT:x",
            "NEWLINE",
            "IDENTIFIER:b",
            "EQ",
            "NUMBER:1",
            "NEWLINE"),
        tokens("a = \"${f(\"x\nb = 1\n"));
  }

  @Test
  void standaloneTemplateIsTextWithSequences() {
    assertEquals(
        List.of(
            "TEMPLATE_TEXT:a \"quoted\" \\n",
            "TEMPLATE_NEWLINE:\\n",
            "DIRECTIVE_START",
            "IF",
            "IDENTIFIER:x",
            "STRIP_RBRACE",
            "TEMPLATE_TEXT:y"),
        tokens("a \"quoted\" \\n\n%{ if x ~}y", true));
  }

  @Test
  void everyOtherCharacterIsAnInvalidCharacterToken() {
    assertEquals(
        List.of("IDENTIFIER:a", "INVALID_CHARACTER", "NUMBER:1", "UNTERMINATED_BLOCK_COMMENT"),
        tokens("a @ 1 /* never closed"));
  }
}
