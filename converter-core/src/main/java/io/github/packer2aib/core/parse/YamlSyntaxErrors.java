package io.github.packer2aib.core.parse;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.Locale;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns the error SnakeYAML stopped at into one diagnostic in our words. SnakeYAML describes the
 * error as a context ("while scanning a quoted scalar", with a mark where that started) and a
 * problem ("found unexpected end of stream", with a mark where it was found).
 */
final class YamlSyntaxErrors {
  private final SourceFile file;
  private final String text;
  private final CodePointOffsets offsets;

  YamlSyntaxErrors(SourceFile file, CodePointOffsets offsets) {
    this.file = file;
    this.text = file.text();
    this.offsets = offsets;
  }

  /** A flow collection (<code>[</code> or <code>{</code>) still open when the parser stopped. */
  record OpenFlow(int start, boolean sequence) {}

  /**
   * @param openFlow the innermost flow collection still open, or null; SnakeYAML does not name it
   *     when the input ends inside it
   */
  Diagnostic translate(MarkedYAMLException e, OpenFlow openFlow) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    int at = offset(e.getProblemMark(), e.getContextMark());
    int from = offset(e.getContextMark(), e.getProblemMark());
    Diagnostic arm = unquotedArmExpression(at);
    if (arm != null) {
      return arm;
    }
    if (problem.contains("cannot start any token")) {
      return cannotStart(at);
    }
    if (problem.contains("mapping values are not allowed here")) {
      return Diagnostic.of(
          SyntaxCode.YAML_UNEXPECTED_COLON,
          charRange(at),
          "A colon followed by a space starts a key-value pair, which is not allowed here. If"
              + " the colon belongs to the value, put the whole value in quotes; if this line"
              + " starts a new key, indent it like the keys around it.");
    }
    if (problem.contains("sequence entries are not allowed here")) {
      return Diagnostic.of(
          SyntaxCode.YAML_BAD_INDENTATION,
          charRange(at),
          "A sequence item (\"- \") cannot start here. Put each item on its own line, indented"
              + " under its key; if the dash belongs to the value, put the value in quotes.");
    }
    if (problem.contains("mapping keys are not allowed here")) {
      return Diagnostic.of(
          SyntaxCode.YAML_BAD_INDENTATION,
          charRange(at),
          "An explicit key (\"? \") cannot start here. Put it on its own line, indented like the"
              + " other keys; if the question mark belongs to the value, put the value in quotes.");
    }
    if (context.contains("quoted scalar")
        && (problem.contains("end of stream") || problem.contains("document separator"))) {
      return unclosedQuote(from, problem.contains("document separator"));
    }
    if (problem.contains("unknown escape character")) {
      return invalidEscape(at);
    }
    if (problem.startsWith("expected escape sequence")) {
      return shortHexEscape(at);
    }
    if (problem.startsWith("expected <block end>")
        || problem.startsWith("expected '<document start>'")) {
      Diagnostic after = textAfterValue(at);
      if (after != null) {
        return after;
      }
    }
    if (problem.startsWith("expected <block end>")) {
      return badIndentation(problem, at, from, context);
    }
    if (context.contains("while parsing a flow") && problem.startsWith("expected ','")) {
      return flowCollection(problem, at, from, context.contains("sequence"));
    }
    if (context.contains("simple key") && problem.contains("could not find expected ':'")) {
      return Diagnostic.of(
          SyntaxCode.YAML_MISSING_COLON,
          lineRange(from),
          "This line holds a value where a key was expected, but no colon follows it. Write"
              + " \"key: value\", or indent the line further to continue the value above.");
    }
    if (context.contains("anchor") || context.contains("alias")) {
      // - [ -f /etc/motd ] && echo ok: the && after a complete value is text, not an anchor.
      Diagnostic after = textAfterValue(from);
      if (after != null) {
        return after;
      }
      return Diagnostic.of(
          SyntaxCode.YAML_INVALID_ANCHOR,
          file.range(from, Math.max(from + 1, at)),
          "An anchor (&name) or alias (*name) needs a name of letters, digits, \"-\" or \"_\""
              + " right after the & or *. If the & or * belongs to the value, put the value in"
              + " quotes.");
    }
    if (context.contains("block scalar")) {
      return Diagnostic.of(
          SyntaxCode.YAML_INVALID_BLOCK_SCALAR,
          charRange(at),
          "After | or > only a chomping indicator (+ or -), an indentation digit 1-9 and a"
              + " comment may follow on the same line. Start the text on the next line, indented.");
    }
    if (problem.startsWith("expected '<document start>'")) {
      return Diagnostic.of(
          SyntaxCode.YAML_EXTRA_CONTENT,
          charRange(at),
          "The document is already complete here, so this content has no place in it. Fix its"
              + " indentation or brackets, or start a new document with \"---\".");
    }
    if (problem.startsWith("expected the node content")
        && problem.contains("<stream end>")
        && openFlow != null) {
      return flowCollection(problem, at, openFlow.start(), openFlow.sequence());
    }
    if (problem.startsWith("expected the node content")) {
      return Diagnostic.of(
          SyntaxCode.YAML_MISSING_NODE,
          charRange(at),
          "A value was expected here, but "
              + found(problem)
              + " came first. Add the value, or remove the extra comma or indicator.");
    }
    if (context.contains("directive")
        || problem.contains("YAML directive")
        || problem.contains("incompatible YAML document")) {
      return Diagnostic.of(
          SyntaxCode.YAML_INVALID_DIRECTIVE,
          lineRange(problem.contains("incompatible") ? from : at),
          problem.contains("incompatible")
              ? "Only YAML 1.x can be read, but this %YAML directive declares another version."
                  + " Change it to %YAML 1.2 or remove it."
              : "This directive is not written correctly. Directives are %YAML 1.2 and"
                  + " %TAG !prefix! uri; remove the line if unsure.");
    }
    if (context.contains("tag") || problem.contains("tag handle")) {
      return Diagnostic.of(
          SyntaxCode.YAML_INVALID_TAG_SYNTAX,
          file.range(from, Math.max(from + 1, at)),
          "This tag is not written correctly. A tag is ! or !! followed by a name (as in"
              + " !!str), or a URI in !<...>. If the ! belongs to the value, put the value in"
              + " quotes.");
    }
    return Diagnostic.of(
        SyntaxCode.YAML_SYNTAX,
        charRange(at),
        "The YAML parser stopped here"
            + (context.isEmpty() ? "" : " " + oneLine(context))
            + ": "
            + oneLine(problem)
            + ".");
  }

  Diagnostic translate(ReaderException e) {
    int at = offsets.offset(e.getPosition());
    return Diagnostic.of(
        SyntaxCode.YAML_INVALID_CHARACTER,
        charRange(at),
        "YAML does not allow "
            + Words.character(e.getCodePoint())
            + " in a file. Remove it; inside a double-quoted string it can be written as the"
            + " escape "
            + escape(e.getCodePoint())
            + ".");
  }

  /**
   * SnakeYAML reads the eight digits of a {@code \U} escape as an int, and one of 80000000 or more
   * ({@code \UD800DC00}) ends its parse with a NumberFormatException instead of an error with a
   * place: the first such escape of the text, or an error at the file's start.
   */
  Diagnostic translateNumberFormat() {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\\\U[89A-Fa-f][0-9A-Fa-f]{7}").matcher(text);
    if (m.find()) {
      Diagnostic d = codePointOutOfRange(m.start() + 2);
      if (d != null) {
        return d;
      }
    }
    return Diagnostic.of(
        SyntaxCode.YAML_INVALID_ESCAPE,
        file.start(),
        "A \\U escape of a double-quoted string in this file is no Unicode character. Write the"
            + " character you meant, or single quotes to keep the text as it is.");
  }

  Diagnostic translate(YAMLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains("exceeds the limit")) {
      return Diagnostic.of(
          SyntaxCode.YAML_TOO_LARGE,
          file.start(),
          "A YAML document in this file is larger than "
              + YamlReader.CODE_POINT_LIMIT
              + " characters, more than any template needs. Split the file.");
    }
    return Diagnostic.of(
        SyntaxCode.YAML_SYNTAX,
        file.range(text.length(), text.length()),
        "The YAML parser stopped: " + oneLine(message) + ".");
  }

  private static String escape(int cp) {
    if (cp < 0x100) {
      return String.format(Locale.ROOT, "\\x%02X", cp);
    }
    return cp < 0x10000
        ? String.format(Locale.ROOT, "\\u%04X", cp)
        : String.format(Locale.ROOT, "\\U%08X", cp);
  }

  private Diagnostic cannotStart(int at) {
    int c = at < text.length() ? text.codePointAt(at) : -1;
    if (c == '\t') {
      return tab(at);
    }
    String shown = c < 0 ? "this character" : Words.character(c);
    String value = restOfLine(at);
    return Diagnostic.of(
        SyntaxCode.YAML_RESERVED_CHARACTER,
        charRange(at),
        shown
            + " cannot start a plain value in YAML. Put the value in quotes: '"
            + value.replace("'", "''")
            + "'.");
  }

  /**
   * A tab where the parser looks for the next token. Tabs that YAML 1.2 reads as separation within
   * a line are spaces by now ({@link YamlTabs}); those left are the ones YAML refuses: in
   * indentation, and between a dash, question mark or line-leading colon and a list or mapping
   * nested on the same line, whose indentation YAML makes of spaces. What to say depends on what
   * the tab follows.
   */
  private Diagnostic tab(int at) {
    int lineStart = at == 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
    int before = lastNonBlank(at);
    if (before < lineStart) {
      return Diagnostic.of(
          SyntaxCode.YAML_TAB_INDENT,
          charRange(at),
          "YAML indentation must be made of spaces, but this line uses a tab. Replace the tab"
              + " with spaces.");
    }
    return switch (text.charAt(before)) {
      case ':' ->
          Diagnostic.of(
              SyntaxCode.YAML_TAB_AFTER_COLON, charRange(at), nested("this explicit key's colon"));
      case '-' -> Diagnostic.of(SyntaxCode.YAML_TAB_OUTSIDE_VALUE, charRange(at), nested("a dash"));
      case '?' ->
          Diagnostic.of(
              SyntaxCode.YAML_TAB_OUTSIDE_VALUE, charRange(at), nested("a question mark"));
      default ->
          // A tab YamlTabs left after another part of a line, not telling separation from text.
          Diagnostic.of(
              SyntaxCode.YAML_TAB_OUTSIDE_VALUE,
              charRange(at),
              "A tab stands here between the parts of a line, where this reader could not tell it"
                  + " from a value's text or indentation. Replace the tab with a space.");
    };
  }

  private static String nested(String indicator) {
    return "A tab follows "
        + indicator
        + ", and a list or mapping starts after it on this line: YAML indents a collection nested"
        + " there with spaces only (a tab may separate "
        + indicator.replace("this explicit key's", "the")
        + " from a value). Replace the tab with a space.";
  }

  private Diagnostic unclosedQuote(int open, boolean beforeSeparator) {
    char quote = open < text.length() ? text.charAt(open) : '"';
    return Diagnostic.of(
        SyntaxCode.YAML_UNCLOSED_QUOTE,
        charRange(open),
        "The string that starts here with "
            + quote
            + " has no closing "
            + quote
            + (beforeSeparator ? " before the next document (---)" : " before the end of the file")
            + ". Add the closing quote where the string should end.");
  }

  private Diagnostic invalidEscape(int at) {
    Diagnostic beyond = codePointOutOfRange(at);
    if (beyond != null) {
      return beyond;
    }
    int start = at > 0 && text.charAt(at - 1) == '\\' ? at - 1 : at;
    int end = at < text.length() ? at + Character.charCount(text.codePointAt(at)) : at;
    String escape = text.substring(start, end);
    return Diagnostic.of(
        SyntaxCode.YAML_INVALID_ESCAPE,
        file.range(start, end),
        escape
            + " is not an escape sequence of a double-quoted YAML string. Use single quotes to"
            + " keep backslashes as they are ('C:\\Windows'), or write a backslash as \\\\.");
  }

  /**
   * A {@code \U} escape of eight hexadecimal digits beyond U+10FFFF ({@code \U0011FFFF}), which the
   * parser reports as an unknown escape at one of its digits ("0 is not an escape sequence"): the
   * whole escape and what is wrong with it, or null when {@code at} is in no such escape.
   */
  private Diagnostic codePointOutOfRange(int at) {
    int start = text.lastIndexOf("\\U", Math.min(at, text.length() - 1));
    if (start < 0 || at - start > 10 || start + 10 > text.length()) {
      return null;
    }
    String digits = text.substring(start + 2, start + 10);
    if (!digits.matches("[0-9A-Fa-f]{8}")) {
      return null;
    }
    long cp = Long.parseLong(digits, 16);
    if (cp <= Character.MAX_CODE_POINT && (cp < 0xD800 || cp > 0xDFFF)) {
      return null;
    }
    return Diagnostic.of(
        SyntaxCode.YAML_INVALID_ESCAPE,
        file.range(start, start + 10),
        text.substring(start, start + 10)
            + (cp > Character.MAX_CODE_POINT
                ? " is beyond the last Unicode character, \\U0010FFFF."
                : " is a UTF-16 surrogate, which is no character of its own.")
            + " Write the character you meant, or single quotes to keep the text as it is.");
  }

  private Diagnostic shortHexEscape(int at) {
    int start = text.lastIndexOf('\\', Math.max(0, Math.min(at, text.length() - 1)));
    if (start < 0 || at - start > 10) {
      start = at;
    }
    int end = Math.max(start + 1, Math.min(at, text.length()));
    String escape = text.substring(start, Math.min(start + 2, end));
    return Diagnostic.of(
        SyntaxCode.YAML_INVALID_ESCAPE,
        file.range(start, end),
        escape
            + " must be followed by hexadecimal digits: 2 for \\x, 4 for \\u, 8 for \\U (as in"
            + " \\x41 or \\u00e9). To keep a backslash as it is, use single quotes or write it"
            + " as \\\\.");
  }

  /** SnakeYAML's text without line breaks and control characters, for the fallback message. */
  private static String oneLine(String s) {
    return s.replace("\n", "\\n").replaceAll("\\p{Cntrl}", " ").strip();
  }

  private Diagnostic badIndentation(String problem, int at, int blockStart, String context) {
    Range block = charRange(blockStart);
    String found = found(problem);
    String what = context.contains("mapping") ? "mapping" : "sequence";
    String detail;
    if (found.contains("<block mapping start>")) {
      detail =
          "This line is indented differently from the other keys of the "
              + what
              + " that starts at "
              + block
              + ". Indent it with the same number of spaces as its siblings.";
    } else if (found.equals("'-'") && what.equals("mapping")) {
      detail =
          "A sequence item (\"- \") cannot stand here, at the level of the keys of the mapping"
              + " that starts at "
              + block
              + ". Indent the items under their key, or add the missing key.";
    } else if (found.equals("'?'") && what.equals("sequence")) {
      detail =
          "A key stands where the sequence that starts at "
              + block
              + " expects another \"- \" item. Start the line with \"- \", or indent it under"
              + " an item.";
    } else {
      detail =
          "This line does not fit the indentation of the "
              + what
              + " that starts at "
              + block
              + ". Check that items at the same level are indented by the same number of"
              + " spaces.";
    }
    return Diagnostic.of(SyntaxCode.YAML_BAD_INDENTATION, charRange(at), detail)
        .withRelated(new Related(block, what + " starts here"));
  }

  /**
   * A quoted string or a flow collection that ends before the end of its line, followed by more
   * text: {@code - "C:/setup.exe" /S} or {@code - [Environment]::SetEnvironmentVariable(...)}.
   * SnakeYAML reports the text after it as a misplaced token, which reads as an indentation
   * problem; the author meant the whole line as one string. Null when {@code at} is not such text.
   */
  private Diagnostic textAfterValue(int at) {
    int start = valueBefore(at);
    if (start < 0) {
      return null;
    }
    int end = lineEnd(at);
    if (text.substring(at, end).strip().matches("[\\]},]+")) {
      return null; // a stray closing bracket, not text
    }
    String whole = text.substring(start, end).strip();
    char close = text.charAt(lastNonBlank(at));
    String closing =
        close == '"' || close == '\'' ? "closing quote " + close : "closing \"" + close + "\"";
    return Diagnostic.of(
            SyntaxCode.YAML_TEXT_AFTER_VALUE,
            file.range(at, Math.max(at + 1, lineEndWithoutBlanks(at, end))),
            "The value that starts at "
                + charRange(start)
                + " ends at its "
                + closing
                + ", so the text after it has no place in YAML. To write it all as one string, put"
                + " it in quotes"
                + (whole.length() <= MAX_SUGGESTED
                    ? ": '" + whole.replace("'", "''") + "'."
                    : " (single quotes, with each ' inside doubled), or write it as a block scalar"
                        + " (|)."))
        .withRelated(new Related(charRange(start), "value starts here"));
  }

  /**
   * An ARM expression with several arguments written unquoted ({@code name: [concat('a', 'b')]}),
   * which YAML reads as a list whose items lack a comma: the error for it, at the expression, when
   * the line of {@code at} starts its value (after any "- " and "key: ") or its key with one that
   * ends the line before {@code at}'s error or with it; null otherwise.
   */
  private Diagnostic unquotedArmExpression(int at) {
    if (at > text.length()) {
      return null;
    }
    int lineStart = at == 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
    int end = lineEnd(lineStart);
    int p = skipBlanks(lineStart, end);
    while (p + 1 < end && text.charAt(p) == '-' && isBlank(text.charAt(p + 1))) {
      p = skipBlanks(p + 1, end);
    }
    int start = -1;
    if (UnquotedArmExpression.startsAt(text, p)) {
      start = p;
    } else {
      int colon = text.indexOf(": ", p);
      if (colon >= 0 && colon < end) {
        int v = skipBlanks(colon + 1, end);
        start = UnquotedArmExpression.startsAt(text, v) ? v : -1;
      }
    }
    int close = text.lastIndexOf(']', end - 1);
    if (start < 0 || start > at || close < start) {
      return null;
    }
    String rest = text.substring(close + 1, end).strip();
    boolean key = rest.startsWith(":");
    if (!key && !rest.isEmpty() && !rest.startsWith("#")) {
      return null; // more text after it: not the expression alone (YAML-E019's case)
    }
    return UnquotedArmExpression.diagnostic(file, start, close + 1, key);
  }

  /** Longest line quoted back as a fix; a longer one gets the advice without its text. */
  private static final int MAX_SUGGESTED = 100;

  /**
   * Where the value that ends just before {@code at} on the same line starts: after the line's "- "
   * item marks and any "key: ", at the quote or bracket that the value opens with; -1 when {@code
   * at} starts its line or follows no closing quote or bracket.
   */
  private int valueBefore(int at) {
    if (at <= 0 || at >= text.length()) {
      return -1;
    }
    int lineStart = text.lastIndexOf('\n', at - 1) + 1;
    int last = lastNonBlank(at);
    if (last < lineStart || "\"']}".indexOf(text.charAt(last)) < 0) {
      return -1;
    }
    int p = skipBlanks(lineStart, at);
    while (p + 1 < at && text.charAt(p) == '-' && isBlank(text.charAt(p + 1))) {
      p = skipBlanks(p + 1, at);
    }
    if (p < at && isOpener(text.charAt(p))) {
      return p;
    }
    int colon = text.indexOf(": ", p);
    if (colon < 0 || colon >= at) {
      return -1;
    }
    int v = skipBlanks(colon + 1, at);
    return v < at && isOpener(text.charAt(v)) ? v : -1;
  }

  private static boolean isOpener(char c) {
    return c == '"' || c == '\'' || c == '[' || c == '{';
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private int skipBlanks(int from, int limit) {
    int p = from;
    while (p < limit && isBlank(text.charAt(p))) {
      p++;
    }
    return p;
  }

  /** The last character before {@code at} that is not a space or tab. */
  private int lastNonBlank(int at) {
    int k = at - 1;
    while (k >= 0 && isBlank(text.charAt(k))) {
      k--;
    }
    return k;
  }

  /** Where the line of {@code from} ends: its line break, or the end of the text. */
  private int lineEnd(int from) {
    int end = from;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return end;
  }

  private int lineEndWithoutBlanks(int from, int end) {
    int e = end;
    while (e > from && isBlank(text.charAt(e - 1))) {
      e--;
    }
    return e;
  }

  private Diagnostic flowCollection(String problem, int at, int open, boolean sequence) {
    Range opener = charRange(open);
    String kind = sequence ? "sequence" : "mapping";
    char close = sequence ? ']' : '}';
    if (problem.contains("<stream end>") || problem.contains("<document")) {
      return Diagnostic.of(
              SyntaxCode.YAML_UNCLOSED_FLOW,
              file.range(at, at),
              "The flow "
                  + kind
                  + " opened at "
                  + opener
                  + " has no closing \""
                  + close
                  + "\". Add it after the last "
                  + (sequence ? "item" : "entry")
                  + ".")
          .withRelated(new Related(opener, kind + " opened here"));
    }
    return Diagnostic.of(
            SyntaxCode.YAML_MISSING_FLOW_COMMA,
            charRange(at),
            "The "
                + (sequence ? "items" : "entries")
                + " of the flow "
                + kind
                + " opened at "
                + opener
                + " must be separated by commas. Add a comma before this, or close the "
                + kind
                + " with \""
                + close
                + "\".")
        .withRelated(new Related(opener, kind + " opened here"));
  }

  /** The token SnakeYAML names after "but found"/"but got", e.g. {@code '-'}. */
  private static String found(String problem) {
    int i = problem.indexOf("but found ");
    int j = problem.indexOf("but got ");
    if (i >= 0) {
      return problem.substring(i + "but found ".length()).strip();
    }
    return j >= 0 ? problem.substring(j + "but got ".length()).strip() : "something else";
  }

  private String restOfLine(int at) {
    int end = lineEnd(at);
    String rest = text.substring(Math.min(at, text.length()), end).strip();
    return Excerpts.cut(rest, 40);
  }

  private int offset(Mark mark, Mark fallback) {
    Mark m = mark != null ? mark : fallback;
    return m == null ? text.length() : offsets.offset(m.getIndex());
  }

  /** One code point at {@code offset}, or an empty range at the end of the text. */
  private Range charRange(int offset) {
    int start = Math.max(0, Math.min(offset, text.length()));
    int end = start < text.length() ? start + Character.charCount(text.codePointAt(start)) : start;
    return file.range(start, end);
  }

  /** From {@code offset} to the end of its line, without trailing spaces. */
  private Range lineRange(int offset) {
    int start = Math.max(0, Math.min(offset, text.length()));
    int end = lineEnd(start);
    while (end > start + 1 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return file.range(start, end);
  }
}
