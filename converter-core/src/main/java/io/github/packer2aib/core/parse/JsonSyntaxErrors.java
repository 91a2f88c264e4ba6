package io.github.packer2aib.core.parse;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.parse.JsonLexer.Kind;
import io.github.packer2aib.core.parse.JsonLexer.Token;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the syntax error Jackson stopped at into one diagnostic in our words. Jackson's message
 * says what the parser expected (a key, a value, a comma, …); the text around the error offset says
 * what the user probably meant (a trailing comma, single quotes, an unquoted key, …).
 */
final class JsonSyntaxErrors {
  private final SourceFile file;
  private final String text;
  private final Deque<JsonReader.Frame> open;
  private final DocNode root;
  private final JsonLexer lexer;

  /**
   * @param open the containers still open when Jackson stopped, innermost first
   * @param root the complete root value when the error comes after it, else null
   */
  JsonSyntaxErrors(SourceFile file, Deque<JsonReader.Frame> open, DocNode root) {
    this.file = file;
    this.text = file.text();
    this.open = open;
    this.root = root;
    this.lexer = new JsonLexer(text);
  }

  private static final Map<String, String> LITERAL_HINTS =
      Map.of(
          "true", "true",
          "false", "false",
          "null", "null",
          "none", "null",
          "nil", "null",
          "undefined", "null",
          "yes", "true",
          "no", "false");

  /**
   * @param offset where Jackson located the error, or -1 when it did not
   * @param lastTokenEnd where the last token Jackson returned ends
   */
  Diagnostic translate(String message, int offset, int lastTokenEnd, Exception cause) {
    String m = message == null ? "" : message;
    if (m.contains("in a comment")) {
      return unclosedComment();
    }
    if (cause instanceof StreamConstraintsException) {
      return limits(m, offset >= 0 ? offset : nextOpener(lastTokenEnd));
    }
    if (offset < 0) {
      offset = text.length();
    }
    if (root != null) {
      return extraContent(offset);
    }
    if (m.contains("closing quote")) {
      return unclosedString(lexer.last());
    }
    if (m.contains("numeric value")
        || m.contains("Leading zeroes")
        || m.contains("root-level values")
        || m.startsWith("Non-standard token")) {
      return invalidNumber(m, offset);
    }
    if (m.contains("end-of-input")) {
      return unexpectedEnd();
    }
    if (m.startsWith("Unexpected close marker")) {
      return closeMarker(offset);
    }
    if (m.contains("was expecting comma to separate Object entries")) {
      return missingComma(offset, "object members", "member");
    }
    if (m.contains("was expecting comma to separate Array entries")) {
      return missingComma(offset, "array elements", "element");
    }
    if (m.contains("was expecting double-quote to start field name")) {
      return atKey(offset);
    }
    if (m.contains("was expecting a colon")) {
      return missingColon(offset);
    }
    if (m.contains("expected a valid value") || m.contains("expected a value")) {
      return atValue(offset);
    }
    if (m.contains("for a comment")) {
      int slash = offset > 0 && text.charAt(offset - 1) == '/' ? offset - 1 : offset;
      return Diagnostic.of(
          SyntaxCode.JSON_UNEXPECTED_CHARACTER,
          charRange(slash),
          "A single \"/\" cannot stand here: comments start with // or /*. Remove the slash or"
              + " complete the comment.");
    }
    if (m.startsWith("Unrecognized token")) {
      return unrecognizedToken(offset);
    }
    if (m.startsWith("Illegal unquoted character")) {
      return controlInString(locateCode(m, offset));
    }
    if (m.startsWith("Illegal character")) {
      return unexpected(
          locateCode(m, offset), "This character is not allowed between JSON tokens. Remove it.");
    }
    if (m.startsWith("Unrecognized character escape")) {
      return invalidEscape(offset);
    }
    if (m.contains("hex-digit for character escape")) {
      return invalidUnicodeEscape(offset);
    }
    return Diagnostic.of(
        SyntaxCode.JSON_SYNTAX,
        charRange(offset),
        "The JSON parser stopped here: " + withoutSource(m) + ".");
  }

  /** More text after the root value: the file holds exactly one JSON value. */
  Diagnostic extraContent(int offset) {
    int rootEnd = root.range().endOffset();
    Token extra = lexer.next(rootEnd);
    Range subject = extra == null ? charRange(offset) : range(extra);
    return Diagnostic.of(
        SyntaxCode.JSON_EXTRA_CONTENT,
        subject,
        "The JSON value that starts at "
            + root.range()
            + " is complete, but more text follows. A JSON file holds exactly one value: remove"
            + " the extra text, or put all values in one array.");
  }

  private Diagnostic unclosedComment() {
    Token last = lexer.last();
    int start = last != null && last.kind() == Kind.UNCLOSED_COMMENT ? last.start() : text.length();
    return Diagnostic.of(
        SyntaxCode.JSON_UNCLOSED_COMMENT,
        file.range(start, Math.min(text.length(), start + 2)),
        "The comment that starts here with /* has no closing */ before the end of the input."
            + " Add */ where the comment should end.");
  }

  private Diagnostic unclosedString(Token string) {
    int start = string != null ? string.start() : text.length();
    int end = string != null ? string.end() : text.length();
    return Diagnostic.of(
        SyntaxCode.JSON_UNCLOSED_STRING,
        file.range(start, end),
        "The string that starts here has no closing quote before the end of the input. Add the"
            + " missing \".");
  }

  private Diagnostic unexpectedEnd() {
    Token last = lexer.last();
    JsonReader.Frame top = open.peek();
    int end = last == null ? text.length() : last.end();
    Range subject = file.range(end, end);
    if (top == null || last == null) {
      return Diagnostic.of(
          SyntaxCode.JSON_UNEXPECTED_END,
          subject,
          "The input ends where a value was expected. Complete the value or remove what is"
              + " left of it.");
    }
    if (last.is(text, ':')) {
      return Diagnostic.of(
          SyntaxCode.JSON_UNEXPECTED_END,
          subject,
          "The input ends after the colon at "
              + file.range(last.start(), last.end())
              + ", where a value was expected. Add the value and close "
              + containerName(top)
              + ".");
    }
    if (last.is(text, ',')) {
      return Diagnostic.of(
          SyntaxCode.JSON_UNEXPECTED_END,
          subject,
          "The input ends after the comma at "
              + file.range(last.start(), last.end())
              + ", where another "
              + (top.isObject ? "member" : "element")
              + " was expected. Remove the comma and close "
              + containerName(top)
              + ".");
    }
    if (top.isObject && last.kind() == Kind.STRING && afterKeyPosition(last)) {
      return Diagnostic.of(
          SyntaxCode.JSON_UNEXPECTED_END,
          subject,
          "The input ends after the key "
              + text.substring(last.start(), last.end())
              + ", where a colon and a value were expected. Complete the member and close "
              + containerName(top)
              + ".");
    }
    return unclosed(top, subject);
  }

  /** Whether a string token stands where a key stands: right after "{" or ",". */
  private boolean afterKeyPosition(Token string) {
    Token before = lexer.lastBefore(string.start());
    return before != null && (before.is(text, '{') || before.is(text, ','));
  }

  private Diagnostic unclosed(JsonReader.Frame frame, Range subject) {
    Range opener = file.range(frame.start, frame.start + 1);
    String detail =
        frame.isObject
            ? "The object opened at "
                + opener
                + " has no closing brace. Add \"}\" after its last member."
            : "The array opened at "
                + opener
                + " has no closing bracket. Add \"]\" after its last element.";
    return Diagnostic.of(
            frame.isObject ? SyntaxCode.JSON_UNCLOSED_OBJECT : SyntaxCode.JSON_UNCLOSED_ARRAY,
            subject,
            detail)
        .withRelated(new Related(opener, (frame.isObject ? "object" : "array") + " opened here"));
  }

  private Diagnostic closeMarker(int offset) {
    int at = findForward(offset, "]}");
    JsonReader.Frame top = open.peek();
    char found = at < text.length() ? text.charAt(at) : '?';
    Range subject = file.range(at, Math.min(text.length(), at + 1));
    if (top == null) {
      return Diagnostic.of(
          SyntaxCode.JSON_UNEXPECTED_CHARACTER,
          subject,
          "There is no open object or array for this \"" + found + "\" to close. Remove it.");
    }
    Range opener = file.range(top.start, top.start + 1);
    Token before = lexer.lastBefore(at);
    if (before != null && before.is(text, ',')) {
      return trailingComma(before, top.isObject);
    }
    return Diagnostic.of(
            SyntaxCode.JSON_MISMATCHED_BRACKET,
            subject,
            "Expected \""
                + (top.isObject ? '}' : ']')
                + "\" to close the "
                + (top.isObject ? "object" : "array")
                + " opened at "
                + opener
                + ", but found \""
                + found
                + "\". Check that every bracket is closed by its partner.")
        .withRelated(new Related(opener, (top.isObject ? "object" : "array") + " opened here"));
  }

  private Diagnostic missingComma(int offset, String between, String what) {
    Token next = lexer.at(offset);
    if (next != null && next.kind() == Kind.WORD && next.start() < offset) {
      // Jackson stopped inside one word such as 1.2.3 or 0x1F: the word is the problem.
      String word = text.substring(next.start(), next.end());
      boolean numeric = Character.isDigit(word.charAt(0)) || word.charAt(0) == '-';
      return Diagnostic.of(
          numeric ? SyntaxCode.JSON_INVALID_NUMBER : SyntaxCode.JSON_INVALID_VALUE,
          range(next),
          Words.quote(word)
              + (numeric
                  ? " is not a valid JSON number (JSON numbers are decimal, like 12, -3.5 or 1e6)."
                  : " is not a JSON value.")
              + " If it is text, put it in double quotes.");
    }
    Range subject = next == null ? charRange(offset) : range(next);
    return Diagnostic.of(
        SyntaxCode.JSON_MISSING_COMMA,
        subject,
        "Missing comma between "
            + between
            + ": add a comma after the previous "
            + what
            + ", before this one.");
  }

  private Diagnostic trailingComma(Token comma, boolean inObject) {
    return Diagnostic.of(
        SyntaxCode.JSON_TRAILING_COMMA,
        range(comma),
        "JSON does not allow a comma after the last "
            + (inObject ? "member of an object" : "element of an array")
            + ". Remove this comma.");
  }

  /** Jackson wanted a key ({@code "name"}) at {@code offset}. */
  private Diagnostic atKey(int offset) {
    int c = codePointAt(offset);
    Token before = lexer.lastBefore(offset);
    boolean afterComma = before != null && before.is(text, ',');
    if (c == '}' && afterComma) {
      return trailingComma(before, true);
    }
    if (c == '\'') {
      return singleQuotes(offset);
    }
    if (c == '#') {
      return hashComment(offset);
    }
    if (c == ',') {
      return Diagnostic.of(
          SyntaxCode.JSON_UNEXPECTED_CHARACTER,
          charRange(offset),
          "Expected a key in double quotes, but found a comma. Remove the extra comma.");
    }
    if (c >= 0 && (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '-')) {
      Token word = lexer.at(offset);
      String name = text.substring(word.start(), word.end());
      return Diagnostic.of(
          SyntaxCode.JSON_UNQUOTED_KEY,
          range(word),
          "Keys must be strings in double quotes: write \"" + name + "\" instead of " + name + ".");
    }
    return unexpected(offset, "Expected a key in double quotes here.");
  }

  /** Jackson wanted a value at {@code offset}. */
  private Diagnostic atValue(int offset) {
    int c = codePointAt(offset);
    Token before = lexer.lastBefore(offset);
    JsonReader.Frame top = open.peek();
    if ((c == ']' || c == '}') && before != null && before.is(text, ',')) {
      return trailingComma(before, top != null && top.isObject);
    }
    if (c == '\'') {
      return singleQuotes(offset);
    }
    if (c == '#') {
      return hashComment(offset);
    }
    if ((c == ',' || c == '}' || c == ']') && before != null) {
      if (before.is(text, ':')) {
        Token key = lexer.lastBefore(before.start());
        String keyText = key == null ? "" : " " + text.substring(key.start(), key.end());
        return Diagnostic.of(
            SyntaxCode.JSON_MISSING_VALUE,
            charRange(offset),
            "The key"
                + keyText
                + " has no value after its colon. Write a value such as \"\", 0, null, {} or"
                + " [].");
      }
      if (c == ',') {
        return Diagnostic.of(
            SyntaxCode.JSON_MISSING_VALUE,
            charRange(offset),
            "An array element is missing before this comma. Remove the extra comma or add the"
                + " element.");
      }
    }
    return unexpected(
        offset,
        "Expected a value here: a string in double quotes, a number, an object, an array, true,"
            + " false or null.");
  }

  private Diagnostic singleQuotes(int offset) {
    int lineEnd = offset + 1;
    while (lineEnd < text.length()
        && text.charAt(lineEnd) != '\n'
        && text.charAt(lineEnd) != '\r') {
      lineEnd++;
    }
    int close = text.indexOf('\'', offset + 1);
    int end = close >= 0 && close < lineEnd ? close + 1 : offset + 1;
    return Diagnostic.of(
        SyntaxCode.JSON_SINGLE_QUOTES,
        file.range(offset, end),
        "Single quotes are not JSON: use double quotes around keys and strings (\"name\", not"
            + " 'name').");
  }

  private Diagnostic hashComment(int offset) {
    int end = offset;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return Diagnostic.of(
        SyntaxCode.JSON_HASH_COMMENT,
        file.range(offset, end),
        "JSON comments start with // (to the end of the line) or are enclosed in /* */. Replace"
            + " # with //.");
  }

  private Diagnostic missingColon(int offset) {
    Token key = lexer.lastBefore(offset);
    String keyText =
        key != null && key.kind() == Kind.STRING
            ? " " + text.substring(key.start(), key.end())
            : "";
    Token next = lexer.at(offset);
    return Diagnostic.of(
        SyntaxCode.JSON_MISSING_COLON,
        next == null ? charRange(offset) : range(next),
        "Expected a colon between the key"
            + keyText
            + " and its value. Write the member as \"key\": value.");
  }

  private Diagnostic unrecognizedToken(int offset) {
    Token word = lexer.lastBefore(offset);
    if (word == null || word.kind() != Kind.WORD) {
      word = lexer.at(Math.max(0, offset - 1));
    }
    Range subject = word == null ? charRange(offset) : range(word);
    String value = word == null ? "" : text.substring(word.start(), word.end());
    String hint = LITERAL_HINTS.get(value.toLowerCase(Locale.ROOT));
    String advice =
        hint != null && !hint.equals(value)
            ? " Did you mean " + hint + "? JSON literals are lower case."
            : " If it is text, put it in double quotes: " + Words.quote(value) + ".";
    return Diagnostic.of(
        SyntaxCode.JSON_INVALID_VALUE,
        subject,
        value
            + " is not a JSON value. Values are strings in double quotes, numbers, objects,"
            + " arrays, true, false and null."
            + advice);
  }

  private Diagnostic invalidNumber(String m, int offset) {
    int start = Math.min(offset, text.length());
    while (start > 0 && isNumberChar(text.charAt(start - 1))) {
      start--;
    }
    int end = Math.min(offset, text.length());
    while (end < text.length() && isNumberChar(text.charAt(end))) {
      end++;
    }
    if (end == start) {
      end = Math.min(text.length(), start + 1);
    }
    String literal = text.substring(start, end);
    String why;
    if (m.startsWith("Non-standard token")) {
      why =
          literal
              // The fixed words do not repeat the token: where the file's values are masked
              // (a file that does not parse), the token is, in the whole message.
              + " is not a JSON number: JSON has no not-a-number or infinite values. Write null"
              + " or a string instead.";
    } else if (m.contains("Leading zeroes")) {
      why =
          "JSON numbers cannot start with 0 followed by more digits. Remove the leading zeros,"
              + " or put the value in double quotes if the zeros matter.";
    } else if (m.contains("Decimal point not followed by a digit")) {
      why = "A decimal point must be followed by digits: write 1.0, not 1.";
    } else if (m.contains("Exponent indicator not followed by a digit")) {
      why = "An exponent must have digits: write 1e5, not 1e.";
    } else if (m.contains("plus sign")) {
      why = "JSON numbers cannot start with a plus sign. Remove the \"+\".";
    } else if (m.contains("follow minus sign")) {
      why = "A minus sign must be followed by digits.";
    } else {
      why =
          Words.quote(literal)
              + " is not a valid JSON number. If it is text, put it in double quotes.";
    }
    return Diagnostic.of(SyntaxCode.JSON_INVALID_NUMBER, file.range(start, end), why);
  }

  private static boolean isNumberChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '+' || c == '-';
  }

  private Diagnostic controlInString(int offset) {
    int c = codePointAt(offset);
    if (c == '\n' || c == '\r') {
      Token string = lexer.lastBefore(offset);
      int start = string != null && string.kind() == Kind.UNCLOSED_STRING ? string.start() : offset;
      return Diagnostic.of(
          SyntaxCode.JSON_UNCLOSED_STRING,
          file.range(start, offset),
          "The string that starts here is not closed on its line. Add the missing \"; a line"
              + " break inside a string must be written as \\n.");
    }
    String escape = c == '\t' ? "\\t" : String.format(Locale.ROOT, "\\u%04x", Math.max(0, c));
    return Diagnostic.of(
        SyntaxCode.JSON_CONTROL_CHARACTER,
        charRange(offset),
        "A string cannot contain " + Words.character(c) + " as it is: write it as " + escape + ".");
  }

  private Diagnostic invalidEscape(int offset) {
    int backslash = offset > 0 && text.charAt(offset - 1) == '\\' ? offset - 1 : offset;
    int end = Math.min(text.length(), offset + Character.charCount(codePointAt(offset)));
    String escape = text.substring(backslash, end);
    return Diagnostic.of(
        SyntaxCode.JSON_INVALID_ESCAPE,
        file.range(backslash, end),
        escape
            + " is not an escape sequence of JSON. The escapes are \\\" \\\\ \\/ \\b \\f \\n"
            + " \\r"
            + " \\t and \\uXXXX; write a backslash as \\\\ (for example \"C:\\\\Windows\").");
  }

  private Diagnostic invalidUnicodeEscape(int offset) {
    int backslash = text.lastIndexOf("\\u", Math.min(offset, text.length()));
    int start = backslash >= 0 && offset - backslash <= 6 ? backslash : offset;
    int end = Math.min(text.length(), Math.max(start + 1, offset + 1));
    return Diagnostic.of(
        SyntaxCode.JSON_INVALID_ESCAPE,
        file.range(start, end),
        "A \\u escape needs exactly four hexadecimal digits, as in \\u00e9.");
  }

  private Diagnostic limits(String m, int offset) {
    if (m.contains("Number value length")) {
      return numberTooLong(offset);
    }
    if (m.contains("nesting depth")) {
      return Diagnostic.of(
          SyntaxCode.JSON_TOO_DEEP,
          charRange(offset),
          "Objects and arrays are nested more than 1000 levels deep here, more than any template"
              + " needs. Check whether the file was generated correctly.");
    }
    return Diagnostic.of(
        SyntaxCode.JSON_TOO_LARGE,
        charRange(offset),
        "A value here is longer than the JSON parser accepts: " + withoutSource(m) + ".");
  }

  /**
   * A number longer than {@link JsonReader#MAX_NUMBER_LENGTH}: Jackson says so where it stopped,
   * after the number (at the end of a short file), so the number is found as the last run of number
   * characters that long before that place (a string may hold such a run too, but Jackson read any
   * before the number without stopping).
   */
  private Diagnostic numberTooLong(int offset) {
    int end = Math.max(0, Math.min(offset < 0 ? text.length() : offset, text.length()));
    int runEnd = -1;
    int start = -1;
    for (int i = end - 1; i >= -1; i--) {
      boolean numberChar = i >= 0 && isNumberChar(text.charAt(i));
      if (numberChar && runEnd < 0) {
        runEnd = i + 1;
      } else if (!numberChar && runEnd >= 0) {
        if (runEnd - (i + 1) > JsonReader.MAX_NUMBER_LENGTH) {
          start = i + 1;
          break;
        }
        runEnd = -1;
      }
    }
    Range at = start >= 0 ? file.range(start, runEnd) : charRange(end);
    return Diagnostic.of(
        SyntaxCode.JSON_TOO_LARGE,
        at,
        String.format(
            Locale.ROOT,
            "This number is %s characters long, more than the %,d this tool reads; no template"
                + " needs such a number. If it is meant as text, put it in quotes.",
            start >= 0
                ? String.format(Locale.ROOT, "%,d", runEnd - start)
                : "more than " + String.format(Locale.ROOT, "%,d", JsonReader.MAX_NUMBER_LENGTH),
            JsonReader.MAX_NUMBER_LENGTH));
  }

  private Diagnostic unexpected(int offset, String expectation) {
    int c = codePointAt(offset);
    if (c < 0) {
      return unexpectedEnd();
    }
    return Diagnostic.of(
        SyntaxCode.JSON_UNEXPECTED_CHARACTER,
        charRange(offset),
        "Found " + Words.character(c) + ". " + expectation);
  }

  private String containerName(JsonReader.Frame frame) {
    Range opener = file.range(frame.start, frame.start + 1);
    return (frame.isObject ? "the object opened at " : "the array opened at ") + opener;
  }

  /** The first "{" or "[" from {@code from}: the opener that went one level too deep. */
  private int nextOpener(int from) {
    for (Token t = lexer.next(from); t != null; t = lexer.next(t.end())) {
      if (t.is(text, '{') || t.is(text, '[')) {
        return t.start();
      }
    }
    return text.length();
  }

  /**
   * Where the character that a Jackson message names by its code ("code 1") stands: Jackson locates
   * some such errors at the character and some just after it.
   */
  private int locateCode(String message, int offset) {
    Matcher m = CODE.matcher(message);
    if (!m.find()) {
      return offset;
    }
    int code = Integer.parseInt(m.group(1));
    if (codePointAt(offset) == code) {
      return offset;
    }
    return offset > 0 && text.charAt(offset - 1) == code ? offset - 1 : offset;
  }

  private static final Pattern CODE = Pattern.compile("code (\\d+)\\)");

  private int findForward(int offset, String chars) {
    for (int i = Math.min(offset, text.length()); i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return Math.min(offset, text.length());
  }

  private int codePointAt(int offset) {
    return offset >= 0 && offset < text.length() ? text.codePointAt(offset) : -1;
  }

  /** One code point at {@code offset}, or an empty range at the end of the text. */
  private Range charRange(int offset) {
    int start = Math.max(0, Math.min(offset, text.length()));
    int c = codePointAt(start);
    return file.range(start, c < 0 ? start : start + Character.charCount(c));
  }

  private Range range(Token token) {
    return file.range(token.start(), token.end());
  }

  /** Jackson's message without its "[Source: …]" location suffix, which we give ourselves. */
  private static String withoutSource(String message) {
    // Jackson names its own setting ("(10485760, from
    // `StreamReadConstraints.getMaxStringLength()`)"),
    // which means nothing to the reader of a template: the number alone stays.
    message = message.replaceAll(", from `[^`]*`\\)", ")");
    int cut = message.indexOf(" (for ");
    String m = cut >= 0 ? message.substring(0, cut) : message;
    int source = m.indexOf("[Source:");
    m = source >= 0 ? m.substring(0, source) : m;
    return m.strip();
  }
}
