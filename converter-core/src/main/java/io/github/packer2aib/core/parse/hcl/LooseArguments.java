package io.github.packer2aib.core.parse.hcl;

import static io.github.packer2aib.grammar.hcl.HclLexer.DIRECTIVE_START;
import static io.github.packer2aib.grammar.hcl.HclLexer.EQ;
import static io.github.packer2aib.grammar.hcl.HclLexer.IDENTIFIER;
import static io.github.packer2aib.grammar.hcl.HclLexer.INTERPOLATION_START;
import static io.github.packer2aib.grammar.hcl.HclLexer.LBRACE;
import static io.github.packer2aib.grammar.hcl.HclLexer.LBRACKET;
import static io.github.packer2aib.grammar.hcl.HclLexer.LPAREN;
import static io.github.packer2aib.grammar.hcl.HclLexer.NEWLINE;
import static io.github.packer2aib.grammar.hcl.HclLexer.QUOTE;
import static io.github.packer2aib.grammar.hcl.HclLexer.QUOTE_CLOSE;
import static io.github.packer2aib.grammar.hcl.HclLexer.RBRACE;
import static io.github.packer2aib.grammar.hcl.HclLexer.RBRACKET;
import static io.github.packer2aib.grammar.hcl.HclLexer.RPAREN;
import static io.github.packer2aib.grammar.hcl.HclLexer.STRIP_RBRACE;
import static io.github.packer2aib.grammar.hcl.HclLexer.TEMPLATE_TEXT;

import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The arguments a configuration file appears to set, read from its tokens alone: for a file that
 * does not parse, whose syntax tree lacks what the error broke (an argument with a syntax error in
 * its value, a second argument of the same name), so that a caller can still tell which of its
 * lines hold what may not be shown. The tokens are read loosely: an argument is a name that starts
 * a line (or follows a block's opening brace) and is followed by {@code =}; a block is a name
 * followed by labels and {@code {}; brackets that do not match are closed by whatever closes next.
 * Where the structure is broken, a value reaches further (to the end of the file at worst), never
 * less far: the caller masks what it finds.
 */
public final class LooseArguments {
  /** The end-of-file token's type as {@link Lexed} stores it. */
  private static final byte END = (byte) Token.EOF;

  private LooseArguments() {}

  /**
   * An argument.
   *
   * @param name its name
   * @param value from the first token after {@code =} to the last one before what ends the
   *     argument: the newline at its own nesting, the brace that closes its block, or the end of
   *     the file
   * @param block a number for the innermost block around it (the same for all of that block's
   *     arguments), or -1 outside any block
   * @param blockType that block's type ({@code variable}), or {@code ""} outside any block
   * @param blockLabel that block's first label ({@code variable "pw"}: {@code pw}), or {@code ""}
   */
  public record Argument(
      String name, Range value, int block, String blockType, String blockLabel) {}

  /**
   * An open bracket, with the innermost block's brace at or below it (itself for a block's brace):
   * kept on each frame, so finding it is no walk down a stack that broken brackets can make long.
   *
   * @param block the number of that block, or -1 outside any
   * @param type that block's type, or null outside any
   * @param label that block's first label, or {@code ""}
   */
  private record Frame(int block, String type, String label) {}

  /** An argument whose value is being read, at a nesting of {@code depth} frames. */
  private record Open(String name, int valueStart, int depth, Frame block) {}

  /** The arguments of {@code file}, in the order their values end. */
  public static List<Argument> of(SourceFile file) {
    Lexed lexed = HclTokenizer.scan(file, HclTokenizer.Start.CONFIG_FILE);
    byte[] types = lexed.types();
    int[] starts = lexed.starts();
    int[] stops = lexed.stops();
    Locator locator = new Locator(file);
    List<Argument> out = new ArrayList<>();
    List<Frame> frames = new ArrayList<>();
    List<Open> open = new ArrayList<>();
    int blocks = 0;
    int headerBrace = -1; // the brace that opens the block whose header was just read
    String headerType = null;
    String headerLabel = "";
    int i = 0;
    for (; types[i] != END; i++) {
      int t = types[i];
      if (t == IDENTIFIER && startsStatement(types, starts, i, frames, headerBrace, locator)) {
        if (types[i + 1] == EQ) {
          open.add(
              new Open(locator.text(starts[i], stops[i]), i + 2, frames.size(), inner(frames)));
        } else {
          int brace = afterLabels(types, i + 1);
          if (brace >= 0) {
            headerBrace = brace;
            headerType = locator.text(starts[i], stops[i]);
            headerLabel = firstLabel(types, starts, stops, i + 1, locator);
          }
        }
      }
      switch (t) {
        case LBRACE ->
            frames.add(
                i == headerBrace ? new Frame(blocks++, headerType, headerLabel) : inner(frames));
        case LBRACKET, LPAREN, INTERPOLATION_START, DIRECTIVE_START -> frames.add(inner(frames));
        case RBRACE, STRIP_RBRACE, RBRACKET, RPAREN -> {
          if (!frames.isEmpty()) {
            frames.remove(frames.size() - 1);
          }
          // A closing bracket below an argument's nesting ends it (its block's closing brace).
          close(open, frames.size() + 1, i - 1, starts, stops, locator, out);
        }
        case NEWLINE -> close(open, frames.size(), i - 1, starts, stops, locator, out);
        default -> {}
      }
    }
    close(open, 0, i - 1, starts, stops, locator, out);
    return out;
  }

  /**
   * Whether token {@code i} may start an argument or a block: it follows a newline or the brace of
   * a block header, or nothing but blanks precede it on its line (inside brackets that a syntax
   * error left open, newlines are not tokens).
   */
  private static boolean startsStatement(
      byte[] types, int[] starts, int i, List<Frame> frames, int headerBrace, Locator locator) {
    if (i == 0 || types[i - 1] == NEWLINE || (i - 1 == headerBrace && !frames.isEmpty())) {
      return true;
    }
    String text = locator.file().text();
    int at = locator.offset(starts[i]);
    while (at > 0 && (text.charAt(at - 1) == ' ' || text.charAt(at - 1) == '\t')) {
      at--;
    }
    return at == 0 || text.charAt(at - 1) == '\n' || text.charAt(at - 1) == '\r';
  }

  /** The text of the label at token {@code i} (a name, or a string without escapes), or "". */
  private static String firstLabel(
      byte[] types, int[] starts, int[] stops, int i, Locator locator) {
    if (types[i] == IDENTIFIER) {
      return locator.text(starts[i], stops[i]);
    }
    if (types[i] == QUOTE && types[i + 1] == TEMPLATE_TEXT && types[i + 2] == QUOTE_CLOSE) {
      return locator.text(starts[i + 1], stops[i + 1]);
    }
    return "";
  }

  /** The index of the brace after a block's labels starting at {@code i}, or -1. */
  private static int afterLabels(byte[] types, int i) {
    int j = i;
    while (true) {
      if (types[j] == IDENTIFIER) {
        j++;
      } else if (types[j] == QUOTE) {
        j++;
        while (types[j] != QUOTE_CLOSE) {
          if (types[j] == NEWLINE || types[j] == END) {
            return -1;
          }
          j++;
        }
        j++;
      } else {
        return types[j] == LBRACE ? j : -1;
      }
    }
  }

  private static final Frame OUTSIDE = new Frame(-1, null, "");

  /** The innermost block around what follows the open brackets {@code frames}. */
  private static Frame inner(List<Frame> frames) {
    return frames.isEmpty() ? OUTSIDE : frames.get(frames.size() - 1);
  }

  /**
   * Ends the open arguments at a nesting of {@code depth} or more, their values at {@code last}.
   */
  private static void close(
      List<Open> open,
      int depth,
      int last,
      int[] starts,
      int[] stops,
      Locator locator,
      List<Argument> out) {
    // Open arguments nest: a later one is never at a lower nesting (reaching one ends the earlier),
    // so those to end are the last ones, and a file of many open brackets stays linear.
    for (int k = open.size() - 1; k >= 0; k--) {
      Open a = open.get(k);
      if (a.depth() < depth) {
        break;
      }
      open.remove(k);
      if (last >= a.valueStart()) {
        Range value = locator.span(starts[a.valueStart()], starts[last], stops[last]);
        Frame b = a.block();
        out.add(
            new Argument(a.name(), value, b.block(), b.type() == null ? "" : b.type(), b.label()));
      }
    }
  }
}
