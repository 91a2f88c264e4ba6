package io.github.packer2aib.grammar.gotemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/** Token sequences of the Go template lexer: text, delimiters, trim markers, comments, literals. */
class GoTemplateLexerTest {

  private static List<String> tokens(String text) {
    GoTemplateLexer lexer = new GoTemplateLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.addErrorListener(
        new BaseErrorListener() {
          @Override
          public void syntaxError(
              Recognizer<?, ?> r, Object o, int line, int col, String msg, RecognitionException e) {
            throw new AssertionError("lexer error at " + line + ":" + col);
          }
        });
    List<String> out = new ArrayList<>();
    for (Token t : lexer.getAllTokens()) {
      out.add(GoTemplateLexer.VOCABULARY.getSymbolicName(t.getType()) + ":" + t.getText());
    }
    return out;
  }

  @Test
  void textNeverHoldsADelimiter() {
    assertEquals(
        List.of("TEXT:a{b", "LEFT_DELIM:{{", "RAW_STRING:`x`", "RIGHT_DELIM:}}", "TEXT:}"),
        tokens("a{b{{`x`}}}"));
    assertEquals(List.of("TEXT:x", "TEXT:{"), tokens("x{"));
    assertEquals(List.of("LEFT_DELIM:{{", "OTHER:{"), tokens("{{{"));
  }

  @Test
  void trimMarkersTakeTheirWhitespace() {
    assertEquals(
        List.of(
            "TEXT:a ",
            "LEFT_TRIM:{{- ",
            "IDENTIFIER:user",
            "SPACE: ",
            "RAW_STRING:`v`",
            "RIGHT_TRIM:  -}}",
            "TEXT: b"),
        tokens("a {{- user `v`  -}} b"));
    assertEquals(List.of("LEFT_DELIM:{{", "NUMBER:-3", "RIGHT_DELIM:}}"), tokens("{{-3}}"));
  }

  @Test
  void commentsAreSingleTokensEndingAtTheFirstClose() {
    assertEquals(List.of("COMMENT:{{- /* a */ -}}"), tokens("{{- /* a */ -}}"));
    assertEquals(List.of("BAD_COMMENT:{{/* a */", "TEXT: x */}}"), tokens("{{/* a */ x */}}"));
    assertEquals(List.of("UNCLOSED_COMMENT:{{/* a * b"), tokens("{{/* a * b"));
  }

  @Test
  void actionTokens() {
    assertEquals(
        List.of(
            "LEFT_DELIM:{{",
            "FIELD:.A",
            "FIELD:.B",
            "SPACE: ",
            "DOT:.",
            "SPACE: ",
            "VARIABLE:$x",
            "SPACE: ",
            "PIPE:|",
            "LPAREN:(",
            "STRING:\"q\\\"\"",
            "RPAREN:)",
            "SPACE: ",
            "CHAR:'a'",
            "SPACE: ",
            "NUMBER:0x1F",
            "SPACE: ",
            "NUMBER:.5",
            "SPACE: ",
            "BAD_NUMBER:1x",
            "RIGHT_DELIM:}}"),
        tokens("{{.A.B . $x |(\"q\\\"\") 'a' 0x1F .5 1x}}"));
    assertEquals(
        List.of("LEFT_DELIM:{{", "SPACE: ", "UNCLOSED_STRING:\"abc }}"), tokens("{{ \"abc }}"));
    assertEquals(List.of("LEFT_DELIM:{{", "UNCLOSED_RAW_STRING:`a\nb }}"), tokens("{{`a\nb }}"));
    assertEquals(List.of("LEFT_DELIM:{{", "OTHER:;", "RIGHT_DELIM:}}"), tokens("{{;}}"));
  }
}
