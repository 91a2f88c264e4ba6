package io.github.packer2aib.grammar.placeholder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.junit.jupiter.api.Test;

class PlaceholderGrammarTest {

  private static List<String> errorsOf(String text) {
    List<String> errors = new ArrayList<>();
    BaseErrorListener collect =
        new BaseErrorListener() {
          @Override
          public void syntaxError(
              Recognizer<?, ?> r, Object o, int line, int col, String msg, RecognitionException e) {
            errors.add(line + ":" + col);
          }
        };
    PlaceholderLexer lexer = new PlaceholderLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.addErrorListener(collect);
    PlaceholderParser parser = new PlaceholderParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(collect);
    parser.reference();
    return errors;
  }

  @Test
  void dottedReferenceParses() {
    assertEquals(List.of(), errorsOf("var.image_sku"));
  }

  @Test
  void danglingDotIsReportedAtItsColumn() {
    assertEquals(List.of("1:4"), errorsOf("var."));
  }
}
