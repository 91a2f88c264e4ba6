package io.github.packer2aib.core.parse;

/**
 * A forgiving scan of JSON text into rough tokens, used only to explain a syntax error that Jackson
 * reported: what came before the error, which string or comment is unclosed, how wide the offending
 * token is. It never fails; anything it does not know is a {@link Kind#WORD}.
 */
final class JsonLexer {

  enum Kind {
    /** One of {@code { } [ ] : ,}. */
    PUNCT,
    STRING,
    /** A string that reaches a line break or the end of the text before its closing quote. */
    UNCLOSED_STRING,
    /** A {@code /*} comment without its closing {@code *\/}. */
    UNCLOSED_COMMENT,
    /** Any other run of characters: numbers, literals, bare words, stray characters. */
    WORD
  }

  /** A token from {@code start} (inclusive) to {@code end} (exclusive), UTF-16 offsets. */
  record Token(Kind kind, int start, int end) {
    char first(String text) {
      return text.charAt(start);
    }

    boolean is(String text, char c) {
      return kind == Kind.PUNCT && text.charAt(start) == c;
    }
  }

  private final String text;

  JsonLexer(String text) {
    this.text = text;
  }

  /** The token that starts at or after {@code from}, skipping whitespace and comments; or null. */
  Token next(int from) {
    int i = skipTrivia(from);
    if (i >= text.length()) {
      return null;
    }
    if (text.startsWith("/*", i)) {
      // skipTrivia stops at a block comment only when it is unclosed.
      return new Token(Kind.UNCLOSED_COMMENT, i, text.length());
    }
    char c = text.charAt(i);
    if ("{}[]:,".indexOf(c) >= 0) {
      return new Token(Kind.PUNCT, i, i + 1);
    }
    if (c == '"') {
      return string(i);
    }
    int j = i;
    while (j < text.length() && !endsWord(j)) {
      j += Character.charCount(text.codePointAt(j));
    }
    return new Token(Kind.WORD, i, Math.max(j, i + 1));
  }

  /** The last token that starts before {@code offset}, or null when there is none. */
  Token lastBefore(int offset) {
    Token last = null;
    Token t = next(0);
    while (t != null && t.start() < offset) {
      last = t;
      t = t.end() > t.start() ? next(t.end()) : null;
    }
    return last;
  }

  /** The token that contains {@code offset}, else the first one after it, else null. */
  Token at(int offset) {
    Token t = next(0);
    while (t != null) {
      if (t.end() > offset) {
        return t;
      }
      t = next(t.end());
    }
    return null;
  }

  /** The last token of the text, or null for a text of only whitespace and comments. */
  Token last() {
    return lastBefore(text.length() + 1);
  }

  private Token string(int open) {
    int i = open + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        return new Token(Kind.STRING, open, i + 1);
      }
      if (c == '\n' || c == '\r') {
        return new Token(Kind.UNCLOSED_STRING, open, i);
      }
      i += c == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\n' ? 2 : 1;
    }
    return new Token(Kind.UNCLOSED_STRING, open, text.length());
  }

  private boolean endsWord(int i) {
    char c = text.charAt(i);
    return isSpace(c)
        || "{}[]:,\"".indexOf(c) >= 0
        || text.startsWith("//", i)
        || text.startsWith("/*", i);
  }

  /** JSON's four whitespace characters; anything else between tokens is an error. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private int skipTrivia(int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (isSpace(c) || c == '\uFEFF') {
        i++;
      } else if (text.startsWith("//", i)) {
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          i++;
        }
      } else if (text.startsWith("/*", i)) {
        int close = text.indexOf("*/", i + 2);
        if (close < 0) {
          return i;
        }
        i = close + 2;
      } else {
        return i;
      }
    }
    return i;
  }
}
