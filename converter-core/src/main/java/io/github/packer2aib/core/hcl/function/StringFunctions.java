package io.github.packer2aib.core.hcl.function;

import static io.github.packer2aib.core.hcl.function.DefinedFunction.define;

import io.github.packer2aib.core.hcl.value.ObjectType;
import io.github.packer2aib.core.hcl.value.Strings;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.MatchResult;

/** String functions. Case mapping is per code point (Go's simple mapping: {@code ß} stays). */
final class StringFunctions {
  private StringFunctions() {}

  static List<HclFunction> all() {
    List<HclFunction> fs = new ArrayList<>();
    fs.add(
        define("upper")
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .impl(a -> Value.string(mapCase(a.get(0).asString(), true))));
    fs.add(
        define("lower")
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .impl(a -> Value.string(mapCase(a.get(0).asString(), false))));
    fs.add(
        define("title")
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .impl(a -> Value.string(title(a.get(0).asString()))));
    fs.add(
        define("chomp")
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .impl(a -> Value.string(trimRightChars(a.get(0).asString(), "\r\n"))));
    fs.add(
        define("trimspace")
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .impl(a -> Value.string(Args.trimSpace(a.get(0).asString()))));
    fs.add(
        define("trim")
            .param("str", Type.STRING)
            .param("cutset", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a -> {
                  String cut = a.get(1).asString();
                  return Value.string(trimRightChars(trimLeftChars(a.get(0).asString(), cut), cut));
                }));
    fs.add(
        define("trimprefix")
            .param("str", Type.STRING)
            .param("prefix", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a -> {
                  String s = a.get(0).asString();
                  String p = a.get(1).asString();
                  return Value.string(s.startsWith(p) ? s.substring(p.length()) : s);
                }));
    fs.add(
        define("trimsuffix")
            .param("str", Type.STRING)
            .param("suffix", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a -> {
                  String s = a.get(0).asString();
                  String p = a.get(1).asString();
                  return Value.string(s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s);
                }));
    fs.add(
        define("startswith")
            .param("str", Type.STRING)
            .param("prefix", Type.STRING)
            .returns(Type.BOOL)
            .impl(a -> Value.bool(a.get(0).asString().startsWith(a.get(1).asString()))));
    fs.add(
        define("endswith")
            .param("str", Type.STRING)
            .param("suffix", Type.STRING)
            .returns(Type.BOOL)
            .impl(a -> Value.bool(a.get(0).asString().endsWith(a.get(1).asString()))));
    fs.add(
        define("strcontains")
            .param("str", Type.STRING)
            .param("substr", Type.STRING)
            .returns(Type.BOOL)
            .impl(a -> Value.bool(a.get(0).asString().contains(a.get(1).asString()))));
    fs.add(
        define("strrev")
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a -> {
                  List<String> g = Args.graphemes(a.get(0).asString());
                  Collections.reverse(g);
                  return Value.string(String.join("", g));
                }));
    fs.add(
        define("substr")
            .param("str", Type.STRING)
            .param("offset", Type.NUMBER)
            .param("length", Type.NUMBER)
            .returns(Type.STRING)
            .impl(
                a ->
                    Value.string(
                        substr(
                            a.get(0).asString(),
                            Args.toIntInCall(a.get(1), ""),
                            Args.toIntInCall(a.get(2), "")))));
    fs.add(
        define("indent")
            .param("spaces", Type.NUMBER)
            .param("str", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a -> {
                  // Any number of spaces, as in Packer (they were capped at 10,000 without a
                  // word); the result is bounded as every string is, before it is made. A
                  // negative number makes Packer panic ("strings: negative Repeat count"), even
                  // without a newline: refused here with a plain message.
                  int n = Args.toIntInCall(a.get(0), "");
                  if (n < 0) {
                    throw FunctionException.arg(0, "the number of spaces must not be negative");
                  }
                  String str = a.get(1).asString();
                  long lines = str.chars().filter(c -> c == '\n').count();
                  long length = str.length() + lines * n;
                  if (lines > 0 && length > Formatter.MAX_LENGTH) {
                    throw Formatter.tooLong(length);
                  }
                  return Value.string(str.replace("\n", "\n" + " ".repeat(lines > 0 ? n : 0)));
                }));
    fs.add(
        define("split")
            .param("separator", Type.STRING)
            .param("str", Type.STRING)
            .returns(Type.list(Type.STRING))
            .impl(
                a ->
                    Value.list(
                        Type.STRING,
                        Args.strings(split(a.get(1).asString(), a.get(0).asString())))));
    fs.add(
        define("join")
            .param("separator", Type.STRING)
            .variadic("lists", Type.list(Type.STRING))
            .returns(Type.STRING)
            .impl(StringFunctions::join));
    fs.add(
        define("replace")
            .param("str", Type.STRING)
            .param("substr", Type.STRING)
            .param("replace", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a -> {
                  String s = a.get(0).asString();
                  String sub = a.get(1).asString();
                  String rep = a.get(2).asString();
                  return Value.string(replaceAll(s, sub, rep));
                }));
    fs.add(
        define("regex_replace")
            .param("str", Type.STRING)
            .param("substr", Type.STRING)
            .param("replace", Type.STRING)
            .returns(Type.STRING)
            .impl(
                a -> {
                  // Packer's own function: a bad pattern fails the call (-1), as in Packer.
                  GoRegex.Compiled re = GoRegex.compileGo(a.get(1).asString(), -1);
                  return Value.string(
                      GoRegex.replaceAll(re, a.get(0).asString(), a.get(2).asString(), 0));
                }));
    fs.add(
        define("regex")
            .param("pattern", Type.STRING)
            .param("string", Type.STRING)
            .returns(a -> regexType(a.get(0)))
            .impl(
                a -> {
                  GoRegex.Compiled re = compileForRegex(a.get(0).asString());
                  MatchResult m = GoRegex.find(re.pattern(), a.get(1).asString(), 1);
                  if (m == null) {
                    throw FunctionException.call(
                        "pattern did not match any part of the given string");
                  }
                  return matchValue(re, m);
                }));
    fs.add(
        define("regexall")
            .param("pattern", Type.STRING)
            .param("string", Type.STRING)
            .returns(a -> Type.list(regexType(a.get(0))))
            .impl(
                a -> {
                  GoRegex.Compiled re = compileForRegex(a.get(0).asString());
                  List<Value> out = new ArrayList<>();
                  for (MatchResult m : GoRegex.findAll(re.pattern(), a.get(1).asString(), 1)) {
                    out.add(matchValue(re, m));
                  }
                  return Value.list(resultType(re), out);
                }));
    fs.add(
        define("format")
            .param("format", Type.STRING)
            .variadic(Parameter.of("args", Type.DYNAMIC).nullable())
            .returns(Type.STRING)
            .impl(
                a ->
                    Value.string(
                        Formatter.format(a.get(0).asString(), a.subList(1, a.size()), 1))));
    fs.add(
        define("formatlist")
            .param("format", Type.STRING)
            .variadic(Parameter.of("args", Type.DYNAMIC).nullable())
            .returns(Type.list(Type.STRING))
            .impl(StringFunctions::formatlist));
    return fs;
  }

  static String mapCase(String s, boolean upper) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> sb.appendCodePoint(upper ? Character.toUpperCase(c) : Character.toLowerCase(c)));
    return sb.toString();
  }

  /** Go's {@code strings.Title}: the first letter of each word in title case. */
  static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      sb.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(c) : c);
      prev = c;
      i += Character.charCount(c);
    }
    return sb.toString();
  }

  private static boolean isSeparator(int r) {
    if (r <= 0x7F) {
      return !((r >= '0' && r <= '9')
          || (r >= 'a' && r <= 'z')
          || (r >= 'A' && r <= 'Z')
          || r == '_');
    }
    if (Character.isLetter(r) || Character.isDigit(r)) {
      return false;
    }
    return Args.isGoSpace(r);
  }

  static String trimLeftChars(String s, String cutset) {
    int i = 0;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      if (cutset.indexOf(c) < 0) {
        break;
      }
      i += Character.charCount(c);
    }
    return s.substring(i);
  }

  static String trimRightChars(String s, String cutset) {
    int end = s.length();
    while (end > 0) {
      int c = s.codePointBefore(end);
      if (cutset.indexOf(c) < 0) {
        break;
      }
      end -= Character.charCount(c);
    }
    return s.substring(0, end);
  }

  /** cty's {@code substr}, quirks included, counting grapheme clusters. */
  static String substr(String s, int offset, int length) {
    List<String> g = Args.graphemes(s);
    int n = g.size();
    if (offset < 0) {
      offset += n;
    } else if (length == 0) {
      return "";
    }
    int start = 0;
    long pos = 0;
    if (offset > 0) {
      int k = 0;
      while (k < n) {
        k++;
        pos++;
        if (pos == offset) {
          break;
        }
        if (k >= n) {
          return "";
        }
      }
      start = k;
    }
    if (length < 0) {
      return String.join("", g.subList(start, n));
    }
    int k = start;
    pos = 0;
    while (k < n) {
      k++;
      pos++;
      if (pos == length) {
        break;
      }
    }
    return String.join("", g.subList(start, k));
  }

  /**
   * Go's {@code strings.Split}: an empty separator splits into code points. At most {@link
   * ElementLimit#MAX} pieces.
   */
  static List<String> split(String s, String sep) throws FunctionException {
    List<String> out = new ArrayList<>();
    if (sep.isEmpty()) {
      if (s.codePointCount(0, s.length()) > ElementLimit.MAX) {
        throw ElementLimit.exceeded("pieces");
      }
      s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
      return out;
    }
    int from = 0;
    while (true) {
      if (out.size() >= ElementLimit.MAX) {
        throw ElementLimit.exceeded("pieces");
      }
      int at = s.indexOf(sep, from);
      if (at < 0) {
        out.add(s.substring(from));
        return out;
      }
      out.add(s.substring(from, at));
      from = at + sep.length();
    }
  }

  /** Go's {@code strings.ReplaceAll}; an empty {@code old} inserts between code points. */
  static String replaceAll(String s, String old, String rep) throws FunctionException {
    if (rep.length() > old.length()) {
      // Measured before it is made: each of many matches may be replaced by a long string.
      long matches = old.isEmpty() ? s.codePointCount(0, s.length()) + 1L : occurrences(s, old);
      long length = s.length() + matches * (rep.length() - old.length());
      if (length > Formatter.MAX_LENGTH) {
        throw Formatter.tooLong(length);
      }
    }
    if (old.isEmpty()) {
      StringBuilder sb = new StringBuilder(rep);
      s.codePoints().forEach(c -> sb.appendCodePoint(c).append(rep));
      return sb.toString();
    }
    return s.replace(old, rep);
  }

  /** How many times {@code old} (not empty) occurs in {@code s} without overlapping. */
  private static long occurrences(String s, String old) {
    long n = 0;
    for (int at = s.indexOf(old); at >= 0; at = s.indexOf(old, at + old.length())) {
      n++;
    }
    return n;
  }

  private static Value join(List<Value> a) throws FunctionException {
    String sep = a.get(0).asString();
    int lists = a.size() - 1;
    if (lists < 1) {
      throw FunctionException.call("at least one list is required");
    }
    StringBuilder sb = new StringBuilder();
    boolean first = true;
    for (int li = 1; li < a.size(); li++) {
      List<Value> elems = a.get(li).elements();
      for (int ei = 0; ei < elems.size(); ei++) {
        Value e = elems.get(ei);
        if (e.isNull()) {
          throw FunctionException.arg(
              li,
              lists > 1
                  ? "element " + ei + " of list " + li + " is null; cannot concatenate null values"
                  : "element " + ei + " is null; cannot concatenate null values");
        }
        // Checked as it grows: a long separator between many elements makes gigabytes.
        String text = e.asString();
        long length = (long) sb.length() + (first ? 0 : sep.length()) + text.length();
        if (length > Formatter.MAX_LENGTH) {
          throw Formatter.tooLong(length);
        }
        if (!first) {
          sb.append(sep);
        }
        first = false;
        sb.append(text);
      }
    }
    return Value.string(sb.toString());
  }

  // ------------------------------------------------------------------ regex

  private static GoRegex.Compiled compileForRegex(String pattern) throws FunctionException {
    GoRegex.Compiled re = GoRegex.compileGo(pattern, 0);
    if (re.hasNamedGroups() && re.hasUnnamedGroups()) {
      throw FunctionException.arg(
          0, "named and unnamed capture groups cannot be mixed in the same pattern");
    }
    return re;
  }

  private static Type regexType(Value pattern) throws FunctionException {
    if (!pattern.isKnown()) {
      return Type.DYNAMIC;
    }
    return resultType(compileForRegex(pattern.asString()));
  }

  private static Type resultType(GoRegex.Compiled re) {
    if (re.groupNames().isEmpty()) {
      return Type.STRING;
    }
    if (re.hasNamedGroups()) {
      Map<String, Type> attrs = new TreeMap<>(Strings.CODE_POINT_ORDER);
      for (String name : re.groupNames()) {
        attrs.put(name, Type.STRING);
      }
      return new ObjectType(attrs, new TreeSet<>());
    }
    return Type.list(Type.STRING);
  }

  /**
   * One match: the string, a list of groups, or an object of named groups; unmatched groups are
   * null.
   */
  private static Value matchValue(GoRegex.Compiled re, MatchResult m) {
    if (re.groupNames().isEmpty()) {
      return Value.string(m.group());
    }
    if (re.hasNamedGroups()) {
      Map<String, Value> attrs = new TreeMap<>(Strings.CODE_POINT_ORDER);
      for (int i = 0; i < re.groupNames().size(); i++) {
        attrs.put(re.groupNames().get(i), groupValue(m, i + 1));
      }
      return Value.object(attrs);
    }
    List<Value> groups = new ArrayList<>();
    for (int i = 1; i <= m.groupCount(); i++) {
      groups.add(groupValue(m, i));
    }
    return Value.list(Type.STRING, groups);
  }

  private static Value groupValue(MatchResult m, int i) {
    String g = m.group(i);
    return g == null ? Value.nullOf(Type.STRING) : Value.string(g);
  }

  // ------------------------------------------------------------------ formatlist

  private static Value formatlist(List<Value> a) throws FunctionException {
    String spec = a.get(0).asString();
    List<Value> args = a.subList(1, a.size());
    int length = -1;
    int lengthFrom = -1;
    // Each argument's elements, or null for one used whole: taken once, not per row, so that a
    // long list costs n rather than n² (a type and an element list per row and argument before).
    List<List<Value>> sequences = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      Value v = args.get(i);
      if (v.isNull()
          || !(v.type() instanceof io.github.packer2aib.core.hcl.value.ListType
              || v.type() instanceof io.github.packer2aib.core.hcl.value.SetType
              || v.type() instanceof io.github.packer2aib.core.hcl.value.TupleType)) {
        sequences.add(null);
        continue;
      }
      List<Value> elements = v.elements();
      sequences.add(elements);
      int len = elements.size();
      if (length < 0) {
        length = len;
        lengthFrom = i;
      } else if (len != length) {
        throw FunctionException.arg(
            i + 1,
            "argument "
                + (i + 1)
                + " has length "
                + len
                + ", which is inconsistent with argument "
                + (lengthFrom + 1)
                + " of length "
                + length);
      }
    }
    if (length < 0) {
      length = 1;
    }
    List<Value> out = new ArrayList<>();
    long total = 0;
    for (int k = 0; k < length; k++) {
      List<Value> row = new ArrayList<>(args.size());
      for (int i = 0; i < args.size(); i++) {
        List<Value> elements = sequences.get(i);
        row.add(elements != null ? elements.get(k) : args.get(i));
      }
      String line;
      try {
        line = Formatter.format(spec, row, 1);
      } catch (FunctionException e) {
        throw FunctionException.call("error on format iteration " + k + ": " + e.message());
      }
      // The list is bounded as a string is: a long format repeated for many elements makes
      // gigabytes however short each line is.
      total += line.length();
      if (total > Formatter.MAX_LENGTH) {
        throw Formatter.tooLongList(total);
      }
      out.add(Value.string(line));
    }
    return Value.list(Type.STRING, out);
  }
}
