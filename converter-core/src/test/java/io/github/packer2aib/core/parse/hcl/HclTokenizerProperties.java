package io.github.packer2aib.core.parse.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.packer2aib.grammar.hcl.HclLexer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The hand-written {@link HclTokenizer} yields exactly the tokens of the generated ANTLR {@link
 * HclLexer}, the specification: every field of every token (type, channel, code point indexes,
 * line, column, text, index) and the end-of-file token, for each entry point of the parser, on
 * generated HCL-like text and on every HCL file of the test data and the shared corpus.
 */
class HclTokenizerProperties {

  /** Everything the parser, the tree builder and the error translator read from a token. */
  record Tok(
      int index,
      String type,
      int channel,
      int start,
      int stop,
      int line,
      int column,
      String text,
      String sourceText,
      String sourceName) {

    static Tok of(Token t) {
      String sourceText =
          t.getType() == Token.EOF
              ? "<EOF>"
              : t.getInputStream().getText(Interval.of(t.getStartIndex(), t.getStopIndex()));
      TokenSource source = t.getTokenSource();
      return new Tok(
          t.getTokenIndex(),
          t.getType() == Token.EOF ? "EOF" : HclLexer.VOCABULARY.getSymbolicName(t.getType()),
          t.getChannel(),
          t.getStartIndex(),
          t.getStopIndex(),
          t.getLine(),
          t.getCharPositionInLine(),
          t.getText(),
          sourceText,
          source.getSourceName() + "|" + t.getInputStream().getSourceName());
    }
  }

  // ---- generated inputs ----------------------------------------------------------------------

  @Property(tries = 3000)
  void sameTokensAsTheAntlrLexer(@ForAll("hclSoup") String text, @ForAll HclTokenizer.Start start) {
    assertSameTokens(text, start);
  }

  @Property(tries = 500)
  void sameTokensOnArbitraryText(@ForAll("anyText") String text, @ForAll HclTokenizer.Start start) {
    assertSameTokens(text, start);
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().all().ofMaxLength(60);
  }

  /** Fragments chosen for the places where longest match, rule order or lexer state matter. */
  private static final List<String> FRAGMENTS =
      List.of(
          // identifiers and keywords
          "a",
          "b_c",
          "x1",
          "_x",
          "-x",
          "x-",
          "for",
          "for-each",
          "format",
          "in",
          "in_x",
          "if",
          "iff",
          "else",
          "endif",
          "endfor",
          "endfo",
          "true",
          "false",
          "null",
          "nullx",
          "é",
          "ñame",
          "变量",
          "e\u0301",
          "x\u0300",
          "\u0301",
          "\u0661",
          "x\u0661",
          "\u00B7",
          "x\u00B7",
          "\u2118",
          "\u212E",
          "\u309B",
          "\uD801\uDC00",
          "x\uD801\uDC28",
          "\uD835\uDC00",
          "\uD83D\uDE00",
          "\u00AA",
          "\u02C1",
          "\u0345",
          "\u200C",
          "x\u200D",
          "\u0130",
          "\u1885",
          // numbers, whole and broken
          "0",
          "1",
          "12",
          "1.",
          "1.5",
          "1.5.3",
          "1e",
          "1e5",
          "1E+",
          "1e+",
          "1e-2",
          "1.5e3",
          "1.e5",
          "01",
          "1..2",
          "1...",
          "9e+x",
          ".5",
          // operators and delimiters
          "=",
          "==",
          "===",
          "=>",
          "!",
          "!=",
          "<",
          "<=",
          "<<",
          "<<=",
          ">",
          ">=",
          "&",
          "&&",
          "|",
          "||",
          "+",
          "-",
          "*",
          "/",
          "%",
          ":",
          "::",
          "?",
          ".",
          "..",
          "...",
          ",",
          "(",
          ")",
          "[",
          "]",
          "{",
          "}",
          "~",
          "~}",
          "{ for",
          "{for x in y: x => y}",
          "{\n for",
          "{ /* c */ for",
          "{ # c\n for",
          "{ // c\n for ",
          "{for-",
          "{ forx",
          "{ for\uFEFF",
          // strings and templates
          "\"",
          "\"a\"",
          "\"${",
          "${",
          "${~",
          "%{",
          "%{~",
          "$${",
          "%%{",
          "$",
          "%",
          "$$",
          "%%",
          "$${~",
          "{",
          "}",
          "~}",
          "\\n",
          "\\r",
          "\\t",
          "\\\"",
          "\\\\",
          "\\u00e9",
          "\\u12",
          "\\u12345",
          "\\U0001F600",
          "\\U0001F6",
          "\\x",
          "\\",
          "\\\uD83D\uDE00",
          "\\\r",
          "\\é",
          "\"${f(\"x}}",
          "\"${ \"a${b\n",
          // heredocs, with and without their end line
          "<<EOF\n",
          "<<-EOF\n",
          "<<EOF\r\n",
          "<<EOF",
          "<<EOF x\n",
          "<<-\n",
          "<<- EOF\n",
          "<<é\n",
          "<<EOT\n",
          "EOF",
          "EOT",
          "\nEOF\n",
          "\n  EOF  \n",
          "\n\tEOF",
          "\nEOFX\n",
          "\nEOF x\n",
          "\nEOF\r\n",
          "\nEOF\r",
          "<<EOF\nhello ${x}\nEOF\n",
          "<<-EOT\n  a %{ if x }b%{ endif }\n  EOT\n",
          "<<A\n<<B\nB\nA\n",
          "<<A\n${<<B\nb\nB\n}\nA\n",
          "<<A\n${<<B\n",
          "${<<B\n",
          "\nB\n}",
          "\nA\n",
          "x = <<EOF\n",
          "${<<EOF\nx\nEOF\n}",
          // comments
          "#c",
          "#c\r\n",
          "//c",
          "// c\n",
          "/* c */",
          "/*",
          "*/",
          "/* a\n b */",
          "/*/",
          "/**/",
          "/***/",
          "/* *",
          "/* **/",
          // line breaks, blanks, byte order marks and other characters
          "\r",
          "\n",
          "\r\n",
          "\n\r",
          " ",
          "  ",
          "\t",
          "\u000B",
          "\f",
          "\u0085",
          "\u2028",
          "\uFEFF",
          "\u0000",
          "@",
          ";",
          "'",
          "^",
          "`",
          "\uD800",
          "\uDC00",
          "\uDBFF\uDFFF",
          "\u007F",
          "\u00A0");

  @Provide
  Arbitrary<String> hclSoup() {
    Arbitrary<String> fragment =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(12, Arbitraries.of(FRAGMENTS)),
            net.jqwik.api.Tuple.of(1, Arbitraries.chars().map(String::valueOf)),
            net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(3)),
            net.jqwik.api.Tuple.of(
                1, Arbitraries.integers().between(0x80, 0x10FFFF).map(Character::toString)));
    return fragment.list().ofMaxSize(40).map(pieces -> String.join("", pieces));
  }

  // ---- cases named in the design, run every time ----------------------------------------------

  @Example
  void trickyInputs() {
    List<String> inputs =
        List.of(
            "",
            "\uFEFF",
            "\uFEFFa = 1\n\uFEFF",
            "a = 1.\nb = 1e\nc = 1e+\nd = 1.5e+3x\ne = 1..2 ... .",
            "a = 1.2.3 1e5.0 1.e5 1.e 1E5e+5 1e5e x.0.1.2 1.. 1.5.a 0.-1 2e-",
            "x = <<EOF\n  hello ${name} %{ if a ~}b%{~ endif }\n  EOF\ny = <<-EOT\n\tz\n\tEOT\n",
            "x = <<EOF\nno end\n",
            "x = <<EOF\na\nEOF",
            "x = <<-EOF\n a\n EOF \t",
            "x = <<EOF\r\na\r\nEOF",
            "x = <<A\n${<<B\nb\nB\n}\nA\ny = <<A\n%{ if <<-B\n  B\n }\n  A\nA\n",
            "x = a<<b\ny = a << EOF\n",
            "f = format(in_x, for-each)\nv = { for k, v in m : k => v }\no = {\n a = 1\n}\n",
            "s = \"a\\nb\\q\\u00e9\\U0001F600\\u12 $${x} %%{y} ${~ x ~} %{ if c }d%{ endif }\"\n",
            "s = \"unterminated\nt = 1\n",
            "s = \"${f(\"x}}\nnext = 2\n",
            "a = 1 /* unterminated\n comment",
            "a = 1 // c\r\nb = 2\r\rc",
            "é = 1\nx\u0301 = 2\n\u0661 = 3\n\uD801\uDC00\uD801\uDC28 = \"\uD83D\uDE00\"\n",
            "a = (\n1\n)\nb = [\n1,\n2\n]\n}}}\n)))",
            "\"${ [ ( { \n");
    for (String input : inputs) {
      for (HclTokenizer.Start start : HclTokenizer.Start.values()) {
        assertSameTokens(input, start);
      }
    }
  }

  @Example
  void aLeadingByteOrderMarkIsAnInvalidTokenWhenTheFileHadOneRemovedAlready() {
    for (String text : List.of("\uFEFFa = 1\n", "\uFEFF\uFEFFa = 1\n", "a = 1\n\uFEFF")) {
      for (HclTokenizer.Start start : HclTokenizer.Start.values()) {
        HclLexer lexer = new HclLexer(CharStreams.fromString(text, "in.hcl"));
        lexer.removeErrorListeners();
        lexer.setSkipsByteOrderMark(false);
        switch (start) {
          case EXPRESSION:
            lexer.startExpression();
            break;
          case TEMPLATE:
            lexer.startTemplate();
            lexer.mode(HclLexer.TEMPLATE);
            break;
          default:
            lexer.startConfigFile();
        }
        List<Tok> expected = toks(new CommonTokenStream(lexer));
        List<Tok> actual =
            toks(new CommonTokenStream(new HclTokenizer(text, "in.hcl", start, false)));
        assertEquals(expected, actual, start + " " + escape(text));
      }
    }
    // Skipped or not, the first token of a configuration file is the mark: hidden or not.
    CommonTokenStream skipped =
        HclTokenizer.lex("\uFEFFa = 1\n", "in.hcl", HclTokenizer.Start.CONFIG_FILE);
    assertEquals(Token.HIDDEN_CHANNEL, skipped.get(0).getChannel());
    CommonTokenStream kept =
        toStream(
            new HclTokenizer("\uFEFFa = 1\n", "in.hcl", HclTokenizer.Start.CONFIG_FILE, false));
    assertEquals(Token.DEFAULT_CHANNEL, kept.get(0).getChannel());
    assertEquals(HclLexer.BYTE_ORDER_MARK, kept.get(0).getType());
  }

  private static CommonTokenStream toStream(HclTokenizer tokenizer) {
    CommonTokenStream stream = new CommonTokenStream(tokenizer);
    stream.fill();
    return stream;
  }

  @Example
  void tokensReadTheirTextAndPositionsFromTheInput() {
    List<Tok> tokens =
        tokenizerTokens("a = \"\uD83D\uDE00${b}\"\n", HclTokenizer.Start.CONFIG_FILE);
    assertEquals(
        List.of(
            new Tok(0, "IDENTIFIER", 0, 0, 0, 1, 0, "a", "a", "in.hcl|in.hcl"),
            new Tok(1, "EQ", 0, 2, 2, 1, 2, "=", "=", "in.hcl|in.hcl"),
            new Tok(2, "QUOTE", 0, 4, 4, 1, 4, "\"", "\"", "in.hcl|in.hcl"),
            new Tok(
                3, "TEMPLATE_TEXT", 0, 5, 5, 1, 5, "\uD83D\uDE00", "\uD83D\uDE00", "in.hcl|in.hcl"),
            new Tok(4, "INTERPOLATION_START", 0, 6, 7, 1, 6, "${", "${", "in.hcl|in.hcl"),
            new Tok(5, "IDENTIFIER", 0, 8, 8, 1, 8, "b", "b", "in.hcl|in.hcl"),
            new Tok(6, "RBRACE", 0, 9, 9, 1, 9, "}", "}", "in.hcl|in.hcl"),
            new Tok(7, "QUOTE_CLOSE", 0, 10, 10, 1, 10, "\"", "\"", "in.hcl|in.hcl"),
            new Tok(8, "NEWLINE", 0, 11, 11, 1, 11, "\n", "\n", "in.hcl|in.hcl"),
            new Tok(9, "EOF", 0, 12, 11, 2, 0, "<EOF>", "<EOF>", "in.hcl|in.hcl")),
        tokens);
  }

  // ---- real files ----------------------------------------------------------------------------

  @Example
  void sameTokensOnEveryTestdataFile() {
    HclTestFiles.testdata().forEach(HclTokenizerProperties::assertSameTokens);
  }

  @Example
  void sameTokensOnEverySharedCorpusFile() {
    HclTestFiles.sharedCorpus().forEach(HclTokenizerProperties::assertSameTokens);
  }

  /** Every file through every entry point: whatever the text, the two lexers must agree. */
  private static void assertSameTokens(Path file) {
    String text = HclTestFiles.read(file);
    for (HclTokenizer.Start start : HclTokenizer.Start.values()) {
      assertSameTokens(text, start, file.toString());
    }
  }

  // ---- the comparison ------------------------------------------------------------------------

  private static void assertSameTokens(String text, HclTokenizer.Start start) {
    assertSameTokens(text, start, "in.hcl");
  }

  private static void assertSameTokens(String text, HclTokenizer.Start start, String name) {
    List<Tok> expected = antlrTokens(text, start, name);
    List<Tok> actual = tokenizerTokens(text, start, name);
    int size = Math.min(expected.size(), actual.size());
    for (int i = 0; i < size; i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        fail(
            "first difference at token "
                + i
                + " ("
                + start
                + ", "
                + name
                + ")\n  ANTLR:     "
                + expected.get(i)
                + "\n  tokenizer: "
                + actual.get(i)
                + "\n  previous:  "
                + (i > 0 ? expected.get(i - 1) : "none")
                + "\n  input:     "
                + escape(text));
      }
    }
    if (expected.size() != actual.size()) {
      fail(
          "ANTLR made "
              + expected.size()
              + " tokens, the tokenizer "
              + actual.size()
              + " ("
              + start
              + ", "
              + name
              + "); first extra: "
              + (expected.size() > size ? expected.get(size) : actual.get(size))
              + "\n  input: "
              + escape(text));
    }
  }

  /** The generated lexer, set up as {@code HclParser} set it up before the tokenizer. */
  static List<Tok> antlrTokens(String text, HclTokenizer.Start start, String name) {
    HclLexer lexer = new HclLexer(CharStreams.fromString(text, name));
    lexer.removeErrorListeners();
    lexer.addErrorListener(
        new BaseErrorListener() {
          @Override
          public void syntaxError(
              Recognizer<?, ?> recognizer,
              Object offendingSymbol,
              int line,
              int charPositionInLine,
              String msg,
              RecognitionException e) {
            throw new IllegalStateException("HCL lexer rejected input: " + msg);
          }
        });
    switch (start) {
      case EXPRESSION:
        lexer.startExpression();
        break;
      case TEMPLATE:
        lexer.startTemplate();
        lexer.mode(HclLexer.TEMPLATE);
        break;
      default:
        lexer.startConfigFile();
    }
    return toks(new CommonTokenStream(lexer));
  }

  static List<Tok> tokenizerTokens(String text, HclTokenizer.Start start) {
    return tokenizerTokens(text, start, "in.hcl");
  }

  static List<Tok> tokenizerTokens(String text, HclTokenizer.Start start, String name) {
    CommonTokenStream stream = HclTokenizer.lex(text, name, start);
    List<Tok> filled = toks(stream);
    List<Tok> pulled = toks(new CommonTokenStream(new HclTokenizer(text, name, start)));
    assertEquals(pulled, filled, "the pre-filled stream differs from pulling from the source");
    assertEquals(
        defaultChannel(stream),
        scanned(text, start),
        "the scanned tokens differ from the default channel's token objects");
    return filled;
  }

  /** The default channel's tokens of a filled stream, as "type start stop". */
  private static List<String> defaultChannel(CommonTokenStream stream) {
    List<String> result = new ArrayList<>();
    for (Token t : stream.getTokens()) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        result.add(t.getType() + " " + t.getStartIndex() + " " + t.getStopIndex());
      }
    }
    return result;
  }

  /** {@link HclTokenizer#scan}'s tokens, up to and including the end-of-file token. */
  private static List<String> scanned(String text, HclTokenizer.Start start) {
    List<String> result = scanned(HclTokenizer.scan(text, start));
    if (text.chars().allMatch(c -> c < 0x80)) {
      // ASCII: reading the file's own bytes (SourceFile.asciiBytes) gives the same tokens.
      byte[] ascii = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      assertEquals(result, scanned(HclTokenizer.scan(text, ascii, start)), text);
    }
    return result;
  }

  private static List<String> scanned(Lexed lexed) {
    List<String> result = new ArrayList<>();
    for (int i = 0; ; i++) {
      result.add(lexed.types()[i] + " " + lexed.starts()[i] + " " + lexed.stops()[i]);
      if (lexed.types()[i] == Token.EOF) {
        return result;
      }
    }
  }

  private static List<Tok> toks(CommonTokenStream stream) {
    stream.fill();
    List<Tok> result = new ArrayList<>();
    for (Token t : stream.getTokens()) {
      result.add(Tok.of(t));
    }
    return result;
  }

  private static String escape(String text) {
    StringBuilder b = new StringBuilder("\"");
    text.chars()
        .forEach(
            c -> {
              if (c == '\n') {
                b.append("\\n");
              } else if (c == '\r') {
                b.append("\\r");
              } else if (c == '\t') {
                b.append("\\t");
              } else if (c == '"' || c == '\\') {
                b.append('\\').append((char) c);
              } else if (c < 0x20 || c > 0x7E) {
                b.append(String.format("\\u%04X", c));
              } else {
                b.append((char) c);
              }
            });
    return b.append('"').toString();
  }
}
