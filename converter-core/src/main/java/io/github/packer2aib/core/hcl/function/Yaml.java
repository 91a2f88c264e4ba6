package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.hcl.value.BigFloat;
import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.NullValue;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.Strings;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.Values;
import io.github.packer2aib.core.parse.YamlParsers;
import io.github.packer2aib.core.parse.YamlTabs;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML as Packer's {@code yamlencode}/{@code yamldecode} write and read it.
 *
 * <p>Encoding follows the emitter Packer uses: block style, two-space indent, sequences under a key
 * at the key's indentation, every string double-quoted (keys too), long double-quoted strings
 * folded at spaces past column 80 with continuation lines indented, {@code ...} after a plain
 * scalar document. Decoding reads one document with the YAML 1.2 core schema ({@code true}, {@code
 * false}, {@code null}, {@code ~}, decimal/{@code 0o}/{@code 0x} integers, floats, {@code .inf});
 * mappings become objects, sequences tuples; anchors, aliases and merge keys work (alias expansion
 * is bounded).
 */
final class Yaml {
  private Yaml() {}

  static final int BEST_WIDTH = 80;

  // ------------------------------------------------------------------ encoding

  static String encode(Value v) throws FunctionException {
    StringBuilder sb = new StringBuilder();
    Emitter e = new Emitter(sb);
    Value u = v.unmarked();
    if (isScalar(u) || isEmptyCollection(u)) {
      e.scalarOrEmpty(u, -1, true);
      if (sb.charAt(sb.length() - 1) != '\n') {
        sb.append('\n');
      }
      if (isPlainScalar(u)) {
        sb.append("...\n");
      }
      return sb.toString();
    }
    e.block(u, 0);
    if (sb.charAt(sb.length() - 1) != '\n') {
      sb.append('\n');
    }
    return sb.toString();
  }

  private static boolean isScalar(Value u) {
    return u instanceof NullValue || u.type().isPrimitive();
  }

  private static boolean isPlainScalar(Value u) {
    return u instanceof NullValue || u.type() == Type.NUMBER || u.type() == Type.BOOL;
  }

  private static boolean isEmptyCollection(Value u) {
    return !isScalar(u) && entries(u).isEmpty() && u.elements().isEmpty();
  }

  private static boolean isMapping(Value u) {
    return u instanceof MapValue || u instanceof ObjectValue;
  }

  private static Map<String, Value> entries(Value u) {
    Map<String, Value> members = Values.members(u);
    return members == null ? Map.of() : members;
  }

  private static final class Emitter {
    final StringBuilder sb;
    int column;

    Emitter(StringBuilder sb) {
      this.sb = sb;
    }

    void write(String s) {
      sb.append(s);
      int nl = s.lastIndexOf('\n');
      if (nl >= 0) {
        column = s.codePointCount(nl + 1, s.length());
      } else {
        column += s.codePointCount(0, s.length());
      }
    }

    /** Starts a new line at {@code indent} (a literal block may already have ended the line). */
    void newline(int indent) {
      if (sb.length() == 0 || sb.charAt(sb.length() - 1) != '\n') {
        write("\n");
      }
      write(" ".repeat(Math.max(0, indent)));
    }

    /** Writes a block collection whose first line starts at the current position. */
    void block(Value u, int indent) throws FunctionException {
      if (isMapping(u)) {
        boolean first = true;
        for (Map.Entry<String, Value> e : entries(u).entrySet()) {
          if (!first) {
            newline(indent);
          }
          first = false;
          doubleQuoted(e.getKey(), indent, false);
          write(":");
          Value child = e.getValue().unmarked();
          if (isScalar(child) || isEmptyCollection(child)) {
            write(" ");
            scalarOrEmpty(child, indent, false);
          } else if (isMapping(child)) {
            newline(indent + 2);
            block(child, indent + 2);
          } else {
            newline(indent);
            block(child, indent);
          }
        }
        return;
      }
      boolean first = true;
      for (Value e : u.elements()) {
        if (!first) {
          newline(indent);
        }
        first = false;
        write("- ");
        Value child = e.unmarked();
        if (isScalar(child) || isEmptyCollection(child)) {
          scalarOrEmpty(child, indent, false);
        } else {
          block(child, indent + 2);
        }
      }
    }

    void scalarOrEmpty(Value u, int parentIndent, boolean root) throws FunctionException {
      if (u instanceof NullValue) {
        write("null");
      } else if (u.type() == Type.BOOL) {
        write(u.asBoolean() ? "true" : "false");
      } else if (u.type() == Type.NUMBER) {
        BigFloat n = u.asNumber();
        if (n.isInfinite()) {
          write(n.signum() > 0 ? "+.Inf" : "-.Inf");
        } else {
          write(n.toString());
        }
      } else if (u instanceof StringValue) {
        int indent = parentIndent < 0 ? 2 : parentIndent + 2;
        if (literalAllowed(u.asString())) {
          literal(u.asString(), indent);
        } else {
          doubleQuoted(u.asString(), indent, true);
        }
      } else if (isMapping(u)) {
        write("{}");
      } else {
        write("[]");
      }
    }

    /**
     * Multi-line strings are written as literal blocks ({@code |}) when every character can appear
     * in one: printable, no tab or carriage return, no space at the end of a line.
     */
    static boolean literalAllowed(String s) {
      if (s.indexOf('\n') < 0) {
        return false;
      }
      int[] cps = s.codePoints().toArray();
      for (int i = 0; i < cps.length; i++) {
        int c = cps[i];
        if (c == '\n') {
          continue;
        }
        if (!isPrintable(c) || isBreak(c) || c == 0xFEFF) {
          return false;
        }
        if (c == ' ' && (i == cps.length - 1 || cps[i + 1] == '\n')) {
          return false;
        }
      }
      return true;
    }

    /** libyaml's literal block writer: header with hints, then lines at {@code indent}. */
    void literal(String s, int indent) {
      StringBuilder header = new StringBuilder("|");
      if (s.startsWith(" ") || s.startsWith("\n")) {
        header.append('2');
      }
      if (!s.endsWith("\n")) {
        header.append('-');
      } else if (s.length() == 1 || s.charAt(s.length() - 2) == '\n') {
        header.append('+');
      }
      write(header.toString());
      write("\n");
      boolean lineStart = true;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\n') {
          write("\n");
          lineStart = true;
          continue;
        }
        if (lineStart) {
          write(" ".repeat(indent));
          lineStart = false;
        }
        sb.append(c);
        column++;
      }
    }

    /** libyaml's double-quoted scalar writer (escapes, and folding at spaces past the width). */
    void doubleQuoted(String s, int indent, boolean allowBreaks) {
      write("\"");
      boolean spaces = false;
      int[] cps = s.codePoints().toArray();
      for (int i = 0; i < cps.length; i++) {
        int c = cps[i];
        if (!isPrintable(c) || isBreak(c) || c == '"' || c == '\\' || c == 0xFEFF) {
          write(escape(c));
          spaces = false;
        } else if (c == ' ') {
          if (allowBreaks && !spaces && column > BEST_WIDTH && i != 0 && i != cps.length - 1) {
            newline(indent);
            if (i + 1 < cps.length && cps[i + 1] == ' ') {
              write("\\");
            }
          } else {
            write(" ");
          }
          spaces = true;
        } else {
          write(new String(Character.toChars(c)));
          spaces = false;
        }
      }
      write("\"");
    }

    static boolean isBreak(int c) {
      return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /**
     * go-yaml's {@code is_printable} (Packer's YAML writer), not libyaml's: neither NEL (U+0085)
     * nor anything beyond U+FFFF counts, so an emoji is written as {@code \U0001F600}.
     */
    static boolean isPrintable(int c) {
      return c == 0x0A
          || (c >= 0x20 && c <= 0x7E)
          || (c >= 0xA0 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    private static String escape(int c) {
      switch (c) {
        case 0:
          return "\\0";
        case 7:
          return "\\a";
        case 8:
          return "\\b";
        case 9:
          return "\\t";
        case 0x0A:
          return "\\n";
        case 0x0B:
          return "\\v";
        case 0x0C:
          return "\\f";
        case 0x0D:
          return "\\r";
        case 0x1B:
          return "\\e";
        case '"':
          return "\\\"";
        case '\\':
          return "\\\\";
        case 0x85:
          return "\\N";
        case 0xA0:
          return "\\_";
        case 0x2028:
          return "\\L";
        case 0x2029:
          return "\\P";
        default:
          if (c <= 0xFF) {
            return String.format(Locale.ROOT, "\\x%02X", c);
          }
          if (c <= 0xFFFF) {
            return String.format(Locale.ROOT, "\\u%04X", c);
          }
          return String.format(Locale.ROOT, "\\U%08X", c);
      }
    }
  }

  // ------------------------------------------------------------------ decoding

  /** Plain scalars are resolved here (Packer's YAML 1.1 rules), not by SnakeYAML. */
  private static final class NoImplicitResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {}

    @Override
    public Tag resolve(org.yaml.snakeyaml.nodes.NodeId kind, String value, boolean implicit) {
      if (kind == org.yaml.snakeyaml.nodes.NodeId.scalar && implicit) {
        return IMPLICIT;
      }
      return super.resolve(kind, value, implicit);
    }
  }

  /** The tag of an untagged scalar, so that it is told apart from an explicit {@code !!str}. */
  private static final Tag IMPLICIT = new Tag("tag:packer2aib,2026:implicit");

  private static final Pattern INT = Pattern.compile("[-+]?[0-9][0-9_]*");
  private static final Pattern BINARY = Pattern.compile("[-+]?0b[01_]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern DATE = Pattern.compile("([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})"
              + "(\\.[0-9]*)?[ \t]*(Z|[-+][0-9]{1,2}(?::?[0-9]{2})?)?");

  static Value decode(String text) throws FunctionException {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(50);
    options.setAllowDuplicateKeys(true);
    options.setNestingDepthLimit(100);
    options.setCodePointLimit(10 * 1024 * 1024);
    try {
      Composer composer =
          new Composer(
              YamlParsers.parser(new StringReader(YamlTabs.separationAsSpaces(text)), options),
              new NoImplicitResolver(),
              options);
      if (!composer.checkNode()) {
        throw FunctionException.call("on line 1, column 1: missing start of document");
      }
      Node root = composer.getNode();
      if (composer.checkNode()) {
        throw FunctionException.call("on line 1, column 1: unexpected extra content after value");
      }
      return convert(root, new IdentityHashMap<>(), 0);
    } catch (FunctionException e) {
      throw e;
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where =
          m == null
              ? ""
              : "on line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ": ";
      String problem = String.valueOf(e.getProblem());
      int got = problem.indexOf(", but got");
      if (problem.startsWith("expected ") && got > 0) {
        problem = "did not find " + problem.substring(0, got);
      }
      throw FunctionException.call(where + problem);
    } catch (RuntimeException | StackOverflowError e) {
      throw FunctionException.call(
          "the YAML document cannot be read: " + firstLine(String.valueOf(e.getMessage())));
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static Value convert(Node n, IdentityHashMap<Node, Boolean> active, int depth)
      throws FunctionException {
    if (depth > 200 || active.containsKey(n)) {
      throw FunctionException.call("the YAML document is nested too deeply or refers to itself");
    }
    if (n instanceof ScalarNode) {
      return scalar((ScalarNode) n);
    }
    active.put(n, Boolean.TRUE);
    try {
      if (n instanceof SequenceNode) {
        List<Value> out = new ArrayList<>();
        for (Node c : ((SequenceNode) n).getValue()) {
          out.add(convert(c, active, depth + 1));
        }
        return Value.tuple(out);
      }
      Map<String, Value> attrs = new TreeMap<>(Strings.CODE_POINT_ORDER);
      mapping((MappingNode) n, attrs, active, depth);
      return Value.object(attrs);
    } finally {
      active.remove(n);
    }
  }

  private static boolean isMergeKey(Node k) {
    return k instanceof ScalarNode
        && ((ScalarNode) k).isPlain()
        && "<<".equals(((ScalarNode) k).getValue());
  }

  private static void mapping(
      MappingNode m, Map<String, Value> attrs, IdentityHashMap<Node, Boolean> active, int depth)
      throws FunctionException {
    // Merged mappings first, so that the mapping's own keys win.
    for (NodeTuple t : m.getValue()) {
      if (!isMergeKey(t.getKeyNode())) {
        continue;
      }
      Node v = t.getValueNode();
      List<Node> sources = new ArrayList<>();
      if (v instanceof SequenceNode) {
        sources.addAll(((SequenceNode) v).getValue());
      } else {
        sources.add(v);
      }
      for (Node src : sources) {
        if (!(src instanceof MappingNode)) {
          throw FunctionException.call("map merge requires map or sequence of maps as the value");
        }
        Map<String, Value> merged = new TreeMap<>(Strings.CODE_POINT_ORDER);
        mapping((MappingNode) src, merged, active, depth + 1);
        merged.forEach(attrs::putIfAbsent);
      }
    }
    for (NodeTuple t : m.getValue()) {
      Node k = t.getKeyNode();
      if (isMergeKey(k)) {
        continue;
      }
      if (!(k instanceof ScalarNode)) {
        throw FunctionException.call("only strings are allowed as mapping keys");
      }
      Value key = scalar((ScalarNode) k);
      String name =
          key.isNull()
              ? "null"
              : io.github.packer2aib.core.hcl.value.Convert.to(key, Type.STRING).value().asString();
      attrs.put(name, convert(t.getValueNode(), active, depth + 1));
    }
  }

  private static Value scalar(ScalarNode n) throws FunctionException {
    String s = n.getValue();
    Tag tag = n.getTag();
    if (!n.isPlain()) {
      return Value.string(s);
    }
    Value v = resolvePlain(s);
    if (IMPLICIT.equals(tag)) {
      return v;
    }
    if (Tag.STR.equals(tag) || Tag.BINARY.equals(tag)) {
      return Value.string(s);
    }
    if (Tag.NULL.equals(tag)) {
      return Value.nullOf(Type.DYNAMIC);
    }
    Type want = null;
    if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
      want = Type.NUMBER;
    } else if (Tag.BOOL.equals(tag)) {
      want = Type.BOOL;
    }
    if (want != null && (v.isNull() || v.type() != want)) {
      throw FunctionException.call("cannot parse " + Strings.quote(s) + " as " + tag.getValue());
    }
    return v;
  }

  private static Value resolvePlain(String s) throws FunctionException {
    switch (s) {
      case "":
      case "~":
      case "null":
      case "Null":
      case "NULL":
        return Value.nullOf(Type.DYNAMIC);
      case "y":
      case "Y":
      case "yes":
      case "Yes":
      case "YES":
      case "on":
      case "On":
      case "ON":
      case "true":
      case "True":
      case "TRUE":
        return Value.TRUE;
      case "n":
      case "N":
      case "no":
      case "No":
      case "NO":
      case "off":
      case "Off":
      case "OFF":
      case "false":
      case "False":
      case "FALSE":
        return Value.FALSE;
      case ".inf":
      case ".Inf":
      case ".INF":
      case "+.inf":
      case "+.Inf":
      case "+.INF":
        return Value.number(BigFloat.POSITIVE_INFINITY);
      case "-.inf":
      case "-.Inf":
      case "-.INF":
        return Value.number(BigFloat.NEGATIVE_INFINITY);
      case ".nan":
      case ".NaN":
      case ".NAN":
        throw FunctionException.call("floating point NaN is not supported");
      default:
        break;
    }
    if (INT.matcher(s).matches() || FLOAT.matcher(s).matches()) {
      return BigFloat.parse(s.replace("_", "")).<Value>map(Value::number).orElse(Value.string(s));
    }
    if (BINARY.matcher(s).matches()) {
      boolean negative = s.startsWith("-");
      String digits = s.substring(s.indexOf('b') + 1).replace("_", "");
      if (digits.isEmpty()) {
        return Value.string(s);
      }
      BigInteger v = new BigInteger(digits, 2);
      return Value.number(BigFloat.of(negative ? v.negate() : v));
    }
    java.util.regex.Matcher d = DATE.matcher(s);
    java.util.regex.Matcher t = TIMESTAMP.matcher(s);
    if (d.matches() || t.matches()) {
      java.util.regex.Matcher m = d.matches() ? d : t;
      try {
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        java.time.OffsetDateTime odt;
        if (m == d) {
          odt = java.time.OffsetDateTime.of(year, month, day, 0, 0, 0, 0, java.time.ZoneOffset.UTC);
        } else {
          java.time.ZoneOffset off = java.time.ZoneOffset.UTC;
          String z = m.group(8);
          if (z != null && !z.equals("Z")) {
            String digits = z.substring(1).replace(":", "");
            int hh = Integer.parseInt(digits.substring(0, Math.min(2, digits.length())));
            int mm = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
            int secs = (hh * 3600 + mm * 60) * (z.startsWith("-") ? -1 : 1);
            off = java.time.ZoneOffset.ofTotalSeconds(secs);
          }
          odt =
              java.time.OffsetDateTime.of(
                  year,
                  month,
                  day,
                  Integer.parseInt(m.group(4)),
                  Integer.parseInt(m.group(5)),
                  Integer.parseInt(m.group(6)),
                  0,
                  off);
        }
        return Value.string(GoTime.formatRfc3339(GoTime.Stamp.of(odt)));
      } catch (java.time.DateTimeException | NumberFormatException e) {
        return Value.string(s);
      }
    }
    return Value.string(s);
  }
}
