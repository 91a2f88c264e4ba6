package io.github.packer2aib.core.parse;

/**
 * Turns the tabs that YAML 1.2 reads as separation within a line into spaces, one for one (every
 * position is kept), before SnakeYAML reads the text. SnakeYAML, a YAML 1.1 reader like PyYAML's
 * pure-Python one, takes a tab only inside a value and after an unquoted one; YAML 1.2 allows tabs
 * wherever it allows blanks within a line (s-separate-in-line, s-white being a space or a tab):
 * {@code team:<TAB>x}, {@code [a,<TAB>b]}, {@code "q"<TAB># c}, {@code &a<TAB>x}, {@code |<TAB># c}
 * (libyaml reads these too), {@code -<TAB>x} and a blank or comment line holding a tab (libyaml
 * refuses these).
 *
 * <p>A tab is turned only where it cannot be part of a value: after an indicator ({@code : - ? , [
 * ] { }}), a closing quote, an anchor, alias or tag, a document marker, a block scalar's header or
 * a directive's name, on a line that holds only blanks or a comment, and after the spaces that
 * indent an unquoted value's next line past its key or dash. Tabs in quoted and block scalars,
 * between the words of an unquoted value and in comments are left as they are, so no value changes.
 * Where YAML refuses a tab, it is left too and SnakeYAML's error is told by {@link
 * YamlSyntaxErrors}: in indentation, and between a dash, question mark or line-leading colon and a
 * list or mapping nested on the same line ({@code -<TAB>- a}, {@code -<TAB>k: v}), which YAML 1.2
 * indents with spaces only. When this scan cannot tell whether a tab belongs to a value (the line
 * after an unquoted value may continue it), the tab is left: a refusal, never a changed value.
 */
public final class YamlTabs {
  private YamlTabs() {}

  /** The text with its separating tabs as spaces; the text itself when it has no tab. */
  public static String separationAsSpaces(String text) {
    if (text.indexOf('\t') < 0) {
      return text;
    }
    Scan scan = new Scan(text);
    scan.run();
    return scan.changed ? new String(scan.out) : text;
  }

  /** What the last token of a line was, for what a tab after it may be. */
  private enum Last {
    /** Nothing on the line yet, or a token after which separation is read (an indicator...). */
    SEPARATOR,
    /** A block dash, question mark or line-leading colon: a tab after it may not nest a list. */
    BLOCK_INDICATOR,
    /** An unquoted value: SnakeYAML reads the blanks after it itself. */
    PLAIN
  }

  private static final class Scan {
    private final String text;
    private final char[] out;
    private final int length;
    private boolean changed;

    private int flow;

    /** Inside a quoted scalar that goes on over lines: its quote, else 0. */
    private char quote;

    /** Inside a block scalar's content. */
    private boolean inBlock;

    /** The block scalar's content indentation (at least), -1 until its first line shows it. */
    private int blockIndent;

    /** A first content line indented this much or less ends an empty block scalar. */
    private int blockBound;

    /**
     * The least indentation of a line that may continue the unquoted value that ended the last
     * line, or -1 when the last line did not end in one.
     */
    private int continuationFrom = -1;

    /**
     * Whether {@link #continuationFrom} is the value's own: its parent's indentation plus one,
     * known when a key or dash stands before the value on its line (the parent's column is the
     * key's or the dash's). A continuation line indented that much may then go on with tabs.
     */
    private boolean continuationExact;

    /** The start of the line a blank line's look ahead found, and what it told. */
    private int lookedAheadTo = -1;

    private boolean lookedAhead;

    /** Whether the document has shown a node (properties aside) since it started. */
    private boolean documentStarted;

    Scan(String text) {
      this.text = text;
      this.out = text.toCharArray();
      this.length = text.length();
    }

    void run() {
      int at = 0;
      while (at < length) {
        int end = lineEnd(at);
        line(at, end);
        at = nextLine(end);
      }
    }

    /** Where the line from {@code from} ends: its line break (\n, \r\n or \r) or the text's end. */
    private int lineEnd(int from) {
      int i = from;
      while (i < length && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
        i++;
      }
      return i;
    }

    /** Where the line after the one ending at {@code end} starts. */
    private int nextLine(int end) {
      if (end >= length) {
        return length;
      }
      boolean crlf = text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n';
      return end + (crlf ? 2 : 1);
    }

    private static boolean blank(char c) {
      return c == ' ' || c == '\t';
    }

    private boolean blankAt(int i, int end) {
      return i >= end || blank(text.charAt(i)) || text.charAt(i) == '\r';
    }

    private int spaces(int from, int end) {
      int i = from;
      while (i < end && text.charAt(i) == ' ') {
        i++;
      }
      return i - from;
    }

    private int skipBlanks(int from, int end) {
      int i = from;
      while (i < end && blank(text.charAt(i))) {
        i++;
      }
      return i;
    }

    private void spaceOut(int from, int to) {
      for (int i = from; i < to; i++) {
        if (out[i] == '\t') {
          out[i] = ' ';
          changed = true;
        }
      }
    }

    private boolean documentMarker(int start, int end) {
      return end - start >= 3
          && (text.startsWith("---", start) || text.startsWith("...", start))
          && blankAt(start + 3, end);
    }

    private void line(int start, int end) {
      if (quote != 0) {
        int i = quoted(start, end, quote);
        if (i < 0) {
          return;
        }
        quote = 0;
        tokens(i, end, start, Last.SEPARATOR, -1, false);
        return;
      }
      if (inBlock) {
        if (documentMarker(start, end)) {
          inBlock = false;
        } else {
          int indent = spaces(start, end);
          boolean onlySpaces = start + indent >= end || text.charAt(start + indent) == '\r';
          if (onlySpaces) {
            return;
          }
          if (blockIndent < 0) {
            if (indent <= blockBound) {
              inBlock = false; // an empty block scalar; this line is the next node
            } else {
              blockIndent = indent;
              return;
            }
          } else if (indent >= blockIndent) {
            return;
          } else {
            inBlock = false;
          }
          if (text.charAt(start + indent) == '\t') {
            // A tab on the line that ends a block scalar: YAML 1.2 takes neither an empty line
            // nor a comment that holds one there (l-strip-empty, l-trail-comments). Left to be
            // refused.
            return;
          }
        }
      }
      int first = skipBlanks(start, end);
      int indent = spaces(start, end);
      boolean leadingTab = first > start + indent;
      boolean empty = first >= end || text.charAt(first) == '\r';
      boolean comment = !empty && text.charAt(first) == '#';
      if (empty || comment) {
        // A line of blanks, or blanks and a comment, is separation (l-comment), unless it stands
        // inside an unquoted value that goes on after it, where a tab may not indent.
        if (comment
            || continuationFrom < 0
            || (continuationExact && indent >= continuationFrom)
            || !continuesAfter(end)) {
          spaceOut(start, first);
        }
        if (comment) {
          continuationFrom = -1;
        }
        return;
      }
      int carried = continuationFrom;
      boolean exact = continuationExact;
      boolean continuing =
          carried >= 0 && (flow > 0 || indent >= carried) && !documentMarker(start, end);
      continuationFrom = -1;
      if (flow == 0 && !continuing && text.charAt(start) == '%') {
        spaceOut(start, end); // a directive's parts; nothing in it is a value
        return;
      }
      if (leadingTab && flow == 0 && continuing && exact) {
        // The next words of an unquoted value, indented with spaces past its parent: the blanks
        // after that indentation separate (s-flow-line-prefix), tabs included.
        spaceOut(start, first);
      }
      if (leadingTab && flow > 0 && !continuing) {
        // In a flow collection indentation means nothing, and a tab before the line's first token
        // separates it. In block context the tab is indentation, which YAML makes of spaces, and
        // on a line that goes on with an unquoted value it may stand where that value's lines are
        // indented: both are left for SnakeYAML to refuse (YAML-E002).
        spaceOut(start, first);
      }
      if (continuing) {
        tokens(plain(first, end), end, start, Last.PLAIN, carried, exact);
      } else {
        tokens(first, end, start, Last.SEPARATOR, -1, false);
      }
    }

    /**
     * Whether the next line with more than blanks may continue the unquoted value that ended the
     * line before a blank one: a tab on the blank line would then stand where the value's lines are
     * indented with spaces.
     */
    private boolean continuesAfter(int end) {
      if (end < lookedAheadTo) {
        return lookedAhead; // the same next line as for the blank line before: one look per run
      }
      lookedAhead = nextLineContinues(end);
      return lookedAhead;
    }

    private boolean nextLineContinues(int end) {
      int at = nextLine(end);
      while (at < length) {
        int e = lineEnd(at);
        int first = skipBlanks(at, e);
        if (first < e && text.charAt(first) != '\r') {
          lookedAheadTo = at;
          return text.charAt(first) != '#'
              && (flow > 0 || spaces(at, e) >= continuationFrom)
              && !documentMarker(at, e);
        }
        at = nextLine(e);
      }
      lookedAheadTo = length + 1;
      return false;
    }

    /** Reads the tokens of a line from {@code at}; {@code last} is what came before on the line. */
    private void tokens(
        int at, int end, int lineStart, Last last, int carried, boolean carriedExact) {
      int i = at;
      int lineIndent = spaces(lineStart, end);
      boolean firstToken = i == lineStart + lineIndent && carried < 0;
      boolean plainFirst = false;
      boolean plainOwn = false;
      int plainFrom = carried;
      // Where the node being read starts (its properties included), and the column of the parent
      // of a value after a key's colon or a dash on this line: -1 unknown, -2 the document.
      int nodeStart = -1;
      boolean afterProperty = false;
      int parentColumn = -1;
      int plainParent = -1;
      while (i < end) {
        char c = text.charAt(i);
        if (blank(c) || c == '\r') {
          int next = skipBlanks(i, end);
          if (last == Last.SEPARATOR) {
            spaceOut(i, next);
          } else if (last == Last.BLOCK_INDICATOR
              && text.substring(i, next).indexOf('\t') >= 0
              && !nestsCollection(next, end)) {
            spaceOut(i, next);
          }
          i = Math.max(next, i + 1);
          continue;
        }
        if (c == '#' && (i == lineStart || blank(text.charAt(i - 1)))) {
          return; // a comment; the value before it, if any, cannot go on
        }
        boolean isFirst = firstToken;
        firstToken = false;
        int previousNode = nodeStart;
        if (!afterProperty && flow == 0) {
          nodeStart = i; // a block node; what is inside a flow collection is part of it
        }
        afterProperty = false;
        boolean documentsOwn = !documentStarted; // no node of the document before this one
        boolean marker = i == lineStart && documentMarker(i, end);
        documentStarted = !marker && (documentStarted || (c != '&' && c != '!'));
        if (c == '"' || c == '\'') {
          int close = quoted(i + 1, end, c);
          if (close < 0) {
            quote = c;
            return;
          }
          i = close;
          last = Last.SEPARATOR;
          continue;
        }
        char n = i + 1 < end ? text.charAt(i + 1) : ' ';
        boolean blankNext = i + 1 >= end || blank(n) || n == '\r';
        if (flow > 0 && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')) {
          flow += c == '[' || c == '{' ? 1 : c == ']' || c == '}' ? -1 : 0;
          i++;
          last = Last.SEPARATOR;
          continue;
        }
        if (c == '[' || c == '{') {
          flow++;
          i++;
          last = Last.SEPARATOR;
          continue;
        }
        if (marker) {
          parentColumn = -2;
          i += 3;
          last = Last.SEPARATOR;
          continue;
        }
        if ((c == '?' || c == ':' || (c == '-' && flow == 0)) && blankNext) {
          // A colon after a key separates like a comma; a dash, a question mark, and a colon
          // that starts its line (an explicit key's value) may start a nested collection.
          boolean block = flow == 0 && (c != ':' || isFirst || last == Last.BLOCK_INDICATOR);
          if (block) {
            parentColumn = i - lineStart;
          } else if (flow == 0) {
            parentColumn = previousNode >= 0 ? previousNode - lineStart : -1; // the key's
          }
          last = block ? Last.BLOCK_INDICATOR : Last.SEPARATOR;
          i++;
          continue;
        }
        if (c == '&' || c == '*' || c == '!') {
          i = property(i, end);
          afterProperty = true;
          last = Last.SEPARATOR;
          continue;
        }
        if (flow == 0 && (c == '|' || c == '>')) {
          boolean nodeFirst = nodeStart == lineStart + lineIndent && carried < 0;
          int parent = documentsOwn || parentColumn == -2 ? -1 : nodeFirst ? 0 : parentColumn;
          blockHeader(i, end, parent);
          return;
        }
        // first on its line, its properties included; a document's own value if nothing before
        plainFirst = nodeStart == lineStart + lineIndent && carried < 0;
        plainOwn = documentsOwn;
        plainFrom = -1;
        plainParent = parentColumn;
        // a character no other token takes (":}" in a flow mapping) is a value's, at the least
        i = Math.max(plain(i, end), i + 1);
        last = Last.PLAIN;
      }
      if (last == Last.PLAIN) {
        // The value may go on on the next lines that are indented past its node's parent: the
        // key or dash before it on its line, the document (-1) for the document's own value; a
        // value that starts its line in a collection has a parent indented at least 0.
        continuationExact = false;
        if (plainFrom >= 0) {
          continuationFrom = plainFrom;
          continuationExact = carriedExact;
        } else if (plainParent != -1) {
          // a document's own value (-2) goes on from column 0
          continuationFrom = plainParent == -2 ? 0 : plainParent + 1;
          continuationExact = true;
        } else if (plainFirst && plainOwn) {
          continuationFrom = 0; // a document's own value: from column 0 on
          continuationExact = true;
        } else if (plainFirst) {
          continuationFrom = lineIndent == 0 ? 0 : 1; // at column 0: not valid YAML, any line
        } else {
          continuationFrom = lineIndent + 1;
        }
      }
    }

    /**
     * Whether what follows a block dash, question mark or colon and blanks is a list or mapping
     * nested on the same line, which YAML 1.2 indents with spaces only (a tab there is refused).
     */
    private boolean nestsCollection(int at, int end) {
      if (at >= end || text.charAt(at) == '#' || text.charAt(at) == '\r') {
        return false;
      }
      char c = text.charAt(at);
      if ((c == '-' || c == '?' || c == ':') && blankAt(at + 1, end)) {
        return true;
      }
      // an implicit key: a colon and a blank later on the line, outside quotes and brackets
      int i = at;
      int depth = 0;
      while (i < end) {
        char d = text.charAt(i);
        if (d == '"' || d == '\'') {
          int close = quoted(i + 1, end, d);
          if (close < 0) {
            return true; // cannot tell: leave the tab
          }
          i = close;
          continue;
        }
        if (d == '#' && i > at && blank(text.charAt(i - 1))) {
          return false;
        }
        if (d == '[' || d == '{') {
          depth++;
        } else if ((d == ']' || d == '}') && depth > 0) {
          depth--;
        } else if (d == ':' && depth == 0 && blankAt(i + 1, end)) {
          return true;
        }
        i++;
      }
      return false;
    }

    /**
     * An anchor, alias or tag from {@code at}: where it ends. SnakeYAML ends an anchor's or alias's
     * name at a colon too, which YAML 1.2 does not (the rest is then an unquoted value, whose tabs
     * are its text); this scan ends it there and at the other characters SnakeYAML may refuse in a
     * name, so that what follows is never taken for separation where SnakeYAML reads a value.
     */
    private int property(int at, int end) {
      boolean name = text.charAt(at) != '!';
      int i = at + 1;
      while (i < end) {
        char c = text.charAt(i);
        if (blank(c)
            || (flow > 0 && (c == ',' || c == ']' || c == '}'))
            || (name && ":,[]{}/.*&".indexOf(c) >= 0)) {
          break;
        }
        i++;
      }
      return i;
    }

    /** A block scalar's header: its tabs are read; its content lines are kept as they are. */
    private void blockHeader(int at, int end, int parent) {
      int i = at + 1;
      int digit = -1;
      while (i < end
          && (text.charAt(i) == '+'
              || text.charAt(i) == '-'
              || (text.charAt(i) >= '0' && text.charAt(i) <= '9'))) {
        if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
          digit = text.charAt(i) - '0';
        }
        i++;
      }
      int next = skipBlanks(i, end);
      if (next < end && text.charAt(next) != '#' && text.charAt(next) != '\r') {
        return; // not a header SnakeYAML reads; it says what is wrong
      }
      spaceOut(i, next);
      // The parent's indentation, at least: the key's, dash's or question mark's column before
      // the scalar on its line, 0 when the scalar starts its line, -1 for the document's own
      // scalar and when this scan cannot tell.
      int bound = parent;
      inBlock = true;
      blockBound = bound;
      blockIndent = digit > 0 ? Math.max(0, bound + digit) : -1;
    }

    /** An unquoted value from {@code at}, tabs between its words included: where it ends. */
    private int plain(int at, int end) {
      int i = at;
      int lastNonBlank = at;
      while (i < end) {
        char c = text.charAt(i);
        if (c == '\r') {
          break;
        }
        if (blank(c)) {
          i++;
          continue;
        }
        if (c == '#' && i > at && blank(text.charAt(i - 1))) {
          break;
        }
        if (c == ':') {
          char n = i + 1 < end ? text.charAt(i + 1) : ' ';
          if (blank(n) || n == '\r' || (flow > 0 && (n == ',' || n == ']' || n == '}'))) {
            break;
          }
        }
        if (flow > 0 && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')) {
          break;
        }
        i++;
        lastNonBlank = i;
      }
      return lastNonBlank;
    }

    /**
     * A quoted scalar's text from {@code at} (after its opening quote) to the end of the line:
     * where it closes, after the quote, or -1 when it goes on to the next line.
     */
    private int quoted(int at, int end, char q) {
      int i = at;
      while (i < end) {
        char c = text.charAt(i);
        if (q == '"' && c == '\\') {
          i += 2;
          continue;
        }
        if (c == q) {
          if (q == '\'' && i + 1 < end && text.charAt(i + 1) == '\'') {
            i += 2;
            continue;
          }
          return i + 1;
        }
        i++;
      }
      return -1;
    }
  }
}
