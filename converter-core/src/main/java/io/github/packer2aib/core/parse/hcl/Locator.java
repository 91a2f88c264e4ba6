package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * The one place where ANTLR positions become source ranges. ANTLR indexes the input in code points;
 * {@link SourceFile} works in UTF-16 offsets, so a text with characters outside the Basic
 * Multilingual Plane needs a translation table (built only then).
 */
final class Locator {
  private final SourceFile file;
  private final int[] codePointToUtf16;

  Locator(SourceFile file) {
    this.file = file;
    String text = file.text();
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints == text.length()) {
      codePointToUtf16 = null;
    } else {
      codePointToUtf16 = new int[codePoints + 1];
      int offset = 0;
      for (int i = 0; i < codePoints; i++) {
        codePointToUtf16[i] = offset;
        offset += Character.charCount(text.codePointAt(offset));
      }
      codePointToUtf16[codePoints] = offset;
    }
  }

  SourceFile file() {
    return file;
  }

  /** The UTF-16 offset of an ANTLR character index. */
  int offset(int codePointIndex) {
    if (codePointIndex < 0) {
      return 0;
    }
    if (codePointToUtf16 == null) {
      return Math.min(codePointIndex, file.text().length());
    }
    return codePointToUtf16[Math.min(codePointIndex, codePointToUtf16.length - 1)];
  }

  /**
   * The source text of a token, as {@link Token#getText()} gives it (which goes through the char
   * stream and a new interval each time).
   */
  String text(Token token) {
    if (token.getType() == Token.EOF) {
      return token.getText();
    }
    return text(token.getStartIndex(), token.getStopIndex());
  }

  /**
   * The source text of a token from its code point indexes ({@code stop} inclusive); not for the
   * end-of-file token.
   */
  String text(int start, int stop) {
    int from = offset(start);
    return file.text().substring(from, Math.max(from, offset(stop + 1)));
  }

  /** The range of a token from its code point indexes ({@code stop} inclusive). */
  Range token(int start, int stop) {
    return span(start, start, stop);
  }

  /**
   * From a token starting at {@code firstStart} to the end of a token spanning {@code lastStart} to
   * {@code lastStop}, as {@link #span(Token, Token)}.
   */
  Range span(int firstStart, int lastStart, int lastStop) {
    int start = offset(firstStart);
    int end = lastStop < lastStart ? start : offset(lastStop + 1);
    return range(start, end);
  }

  /** The range of one token; the end-of-file token gets an empty range at the end. */
  Range token(Token token) {
    return span(token, token);
  }

  /** From the start of {@code first} to the end of {@code last}. */
  Range span(Token first, Token last) {
    return span(first.getStartIndex(), last.getStartIndex(), last.getStopIndex());
  }

  /** The range a rule matched; empty at its start when it matched nothing. */
  Range of(ParserRuleContext ctx) {
    Token stop = ctx.getStop();
    if (stop == null || stop.getTokenIndex() < ctx.getStart().getTokenIndex()) {
      return startOf(ctx.getStart());
    }
    return span(ctx.getStart(), stop);
  }

  /** An empty range where a token starts. */
  Range startOf(Token token) {
    int start = offset(token.getStartIndex());
    return range(start, start);
  }

  /** An empty range where a token ends. */
  Range endOf(Token token) {
    int end =
        token.getStopIndex() < token.getStartIndex()
            ? offset(token.getStartIndex())
            : offset(token.getStopIndex() + 1);
    return range(end, end);
  }

  /** A range of UTF-16 offsets. */
  Range range(int start, int end) {
    return file.range(start, end);
  }
}
