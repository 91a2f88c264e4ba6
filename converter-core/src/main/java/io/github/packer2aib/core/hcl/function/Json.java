package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.hcl.value.BigFloat;
import io.github.packer2aib.core.hcl.value.ListValue;
import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.NullValue;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.SetValue;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.Strings;
import io.github.packer2aib.core.hcl.value.TupleValue;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON as cty writes and reads it. Writing: compact, object keys sorted, Go's escaping ({@code <},
 * {@code >}, {@code &}, U+2028 and U+2029 as {@code \\uXXXX}; control characters other than {@code
 * \n \r \t} as {@code \\u00XX}); numbers as {@link BigFloat#toString()}. Reading: objects become
 * objects, arrays tuples, numbers 512-bit numbers, {@code null} a null of type {@code any}; errors
 * carry Go's wording ({@code invalid character 'x' looking for beginning of value}).
 */
public final class Json {
  private Json() {}

  /** Nesting deeper than this is refused (Go refuses at 10000; we keep the stack small). */
  static final int MAX_DEPTH = 500;

  /** Encodes a wholly known, unmarked value. */
  public static String encode(Value v) throws FunctionException {
    StringBuilder sb = new StringBuilder();
    encode(v, sb);
    return sb.toString();
  }

  private static void encode(Value v, StringBuilder sb) throws FunctionException {
    Value u = v.unmarked();
    if (u instanceof NullValue) {
      sb.append("null");
    } else if (u instanceof StringValue) {
      string(u.asString(), sb);
    } else if (u.type() == Type.NUMBER) {
      BigFloat n = u.asNumber();
      if (n.isInfinite()) {
        throw FunctionException.call("cannot serialize infinity as JSON");
      }
      sb.append(n);
    } else if (u.type() == Type.BOOL) {
      sb.append(u.asBoolean());
    } else if (u instanceof ListValue || u instanceof SetValue || u instanceof TupleValue) {
      sb.append('[');
      boolean first = true;
      for (Value e : u.elements()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        encode(e, sb);
      }
      sb.append(']');
    } else if (u instanceof MapValue || u instanceof ObjectValue) {
      Map<String, Value> m =
          u instanceof MapValue ? ((MapValue) u).entries() : ((ObjectValue) u).attributes();
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Value> e : m.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(e.getKey(), sb);
        sb.append(':');
        encode(e.getValue(), sb);
      }
      sb.append('}');
    } else {
      throw FunctionException.call("value is not known, so it cannot be serialized as JSON");
    }
  }

  static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '<':
        case '>':
        case '&':
        case '\u2028':
        case '\u2029':
          sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          break;
        default:
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }

  // ------------------------------------------------------------------ decoding

  /** Decodes JSON text; throws with Go's message on bad input. */
  public static Value decode(String text, int argIndex) throws FunctionException {
    Parser p = new Parser(text, argIndex);
    p.skipSpace();
    if (p.pos >= text.length()) {
      throw p.fail("EOF");
    }
    Value v = p.value(0, "looking for beginning of value");
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.fail("extraneous data after JSON object");
    }
    return v;
  }

  private static final class Parser {
    final String s;
    final int argIndex;
    int pos;
    int values; // read so far, at most ElementLimit.MAX

    Parser(String s, int argIndex) {
      this.s = s;
      this.argIndex = argIndex;
    }

    FunctionException fail(String message) {
      return new FunctionException(argIndex, message);
    }

    FunctionException invalid(String context) {
      if (pos >= s.length()) {
        return fail("unexpected EOF");
      }
      return fail("invalid character " + quoteChar(s.codePointAt(pos)) + " " + context);
    }

    void skipSpace() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else {
          break;
        }
      }
    }

    Value value(int depth, String context) throws FunctionException {
      if (depth > MAX_DEPTH) {
        throw fail("exceeded max depth");
      }
      if (++values > ElementLimit.MAX) {
        throw ElementLimit.exceeded("values");
      }
      if (pos >= s.length()) {
        throw fail("EOF");
      }
      char c = s.charAt(pos);
      switch (c) {
        case '{':
          return object(depth);
        case '[':
          return array(depth);
        case '"':
          return Value.string(string());
        case 't':
          literal("true");
          return Value.TRUE;
        case 'f':
          literal("false");
          return Value.FALSE;
        case 'n':
          literal("null");
          return Value.nullOf(Type.DYNAMIC);
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw invalid(context);
      }
    }

    void literal(String word) throws FunctionException {
      for (int i = 0; i < word.length(); i++) {
        if (pos >= s.length()) {
          throw fail("unexpected EOF");
        }
        if (s.charAt(pos) != word.charAt(i)) {
          throw invalid("in literal " + word + " (expecting " + quoteChar(word.charAt(i)) + ")");
        }
        pos++;
      }
    }

    Value object(int depth) throws FunctionException {
      pos++;
      Map<String, Value> attrs = new TreeMap<>(Strings.CODE_POINT_ORDER);
      skipSpace();
      if (pos >= s.length()) {
        throw fail("EOF");
      }
      if (s.charAt(pos) == '}') {
        pos++;
        return new ObjectValue(attrs);
      }
      while (true) {
        skipSpace();
        if (pos >= s.length()) {
          throw fail("EOF");
        }
        if (s.charAt(pos) != '"') {
          throw invalid("looking for beginning of object key string");
        }
        String key = string();
        skipSpace();
        if (pos >= s.length()) {
          throw fail("EOF");
        }
        if (s.charAt(pos) != ':') {
          throw invalid("after object key");
        }
        pos++;
        skipSpace();
        Value v = value(depth + 1, "looking for beginning of value");
        attrs.put(key, v); // a repeated key: the last one wins, as in Packer
        skipSpace();
        if (pos >= s.length()) {
          throw fail("EOF");
        }
        char c = s.charAt(pos);
        if (c == ',') {
          pos++;
          continue;
        }
        if (c == '}') {
          pos++;
          return new ObjectValue(attrs);
        }
        throw invalid("after object key:value pair");
      }
    }

    Value array(int depth) throws FunctionException {
      pos++;
      List<Value> elems = new ArrayList<>();
      skipSpace();
      if (pos >= s.length()) {
        throw fail("EOF");
      }
      if (s.charAt(pos) == ']') {
        pos++;
        return new TupleValue(elems);
      }
      while (true) {
        skipSpace();
        elems.add(value(depth + 1, "looking for beginning of value"));
        skipSpace();
        if (pos >= s.length()) {
          throw fail("EOF");
        }
        char c = s.charAt(pos);
        if (c == ',') {
          pos++;
          continue;
        }
        if (c == ']') {
          pos++;
          return new TupleValue(elems);
        }
        throw invalid("after array element");
      }
    }

    Value number() throws FunctionException {
      int start = pos;
      if (s.charAt(pos) == '-') {
        pos++;
        if (pos >= s.length()) {
          throw fail("unexpected EOF");
        }
        if (!isDigit(s.charAt(pos))) {
          throw invalid("in numeric literal");
        }
      }
      if (s.charAt(pos) == '0') {
        pos++;
      } else {
        while (pos < s.length() && isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      if (pos < s.length() && s.charAt(pos) == '.') {
        pos++;
        if (pos >= s.length()) {
          throw fail("unexpected EOF");
        }
        if (!isDigit(s.charAt(pos))) {
          throw invalid("after decimal point in numeric literal");
        }
        while (pos < s.length() && isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        pos++;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
          pos++;
        }
        if (pos >= s.length()) {
          throw fail("unexpected EOF");
        }
        if (!isDigit(s.charAt(pos))) {
          throw invalid("in exponent of numeric literal");
        }
        while (pos < s.length() && isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      String lit = s.substring(start, pos);
      return Value.number(
          BigFloat.parse(lit)
              .orElseThrow(() -> fail("number " + lit + " is out of the supported range")));
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    String string() throws FunctionException {
      pos++;
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw fail("unexpected EOF");
        }
        char c = s.charAt(pos);
        if (c == '"') {
          pos++;
          return sb.toString();
        }
        if (c < 0x20) {
          throw invalid("in string literal");
        }
        if (c != '\\') {
          sb.append(c);
          pos++;
          continue;
        }
        pos++;
        if (pos >= s.length()) {
          throw fail("unexpected EOF");
        }
        char e = s.charAt(pos);
        switch (e) {
          case '"':
          case '\\':
          case '/':
            sb.append(e);
            break;
          case 'b':
            sb.append('\b');
            break;
          case 'f':
            sb.append('\f');
            break;
          case 'n':
            sb.append('\n');
            break;
          case 'r':
            sb.append('\r');
            break;
          case 't':
            sb.append('\t');
            break;
          case 'u':
            {
              int cp = hex4();
              if (Character.isHighSurrogate((char) cp)) {
                if (pos + 6 < s.length() + 0 && s.startsWith("\\u", pos + 1)) {
                  int save = pos;
                  pos += 2;
                  int low = hex4();
                  if (Character.isLowSurrogate((char) low)) {
                    sb.appendCodePoint(Character.toCodePoint((char) cp, (char) low));
                    break;
                  }
                  pos = save;
                }
                sb.append('\uFFFD');
              } else if (Character.isLowSurrogate((char) cp)) {
                sb.append('\uFFFD');
              } else {
                sb.append((char) cp);
              }
              break;
            }
          default:
            throw invalid("in string escape code");
        }
        pos++;
      }
    }

    /** Reads the four hex digits after {@code \\u}; leaves pos on the last digit. */
    private int hex4() throws FunctionException {
      int v = 0;
      for (int i = 0; i < 4; i++) {
        pos++;
        if (pos >= s.length()) {
          throw fail("unexpected EOF");
        }
        int d = Character.digit(s.charAt(pos), 16);
        if (d < 0 || s.charAt(pos) > 'f') {
          throw invalid("in \\u hexadecimal character escape");
        }
        v = v * 16 + d;
      }
      return v;
    }
  }

  /** Go's quoting of a character in JSON syntax errors: {@code 'x'}, {@code '\n'}, {@code '\''}. */
  static String quoteChar(int c) {
    if (c == '\'') {
      return "'\\''";
    }
    if (c == '"') {
      return "'\"'";
    }
    String q = GoQuote.quote(new String(Character.toChars(c)), false);
    return "'" + q.substring(1, q.length() - 1) + "'";
  }
}
