package io.github.packer2aib.core.hcl.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helpers over values: children, mark stripping, the set order, and a debug rendering. */
public final class Values {
  private Values() {}

  /** The direct children of a known collection or structure; empty for anything else. */
  public static List<Value> children(Value v) {
    Collection<Value> view = childrenView(v);
    // Lists, sets and tuples hold a list already; a map's or object's values are copied.
    return view instanceof List<Value> list ? list : new ArrayList<>(view);
  }

  /**
   * Whether {@code v} (unmarked) is a primitive, null or unknown value, which has no children:
   * walks test this first because C1 allocates an iterator even over an empty list.
   */
  static boolean isLeaf(Value v) {
    return v instanceof StringValue
        || v instanceof NumberValue
        || v instanceof BoolValue
        || v instanceof NullValue
        || v instanceof UnknownValue;
  }

  /** The children of a list, set or tuple (unmarked), to walk by index; else null. */
  static List<Value> childList(Value v) {
    if (v instanceof ListValue l) {
      return l.elements();
    }
    if (v instanceof TupleValue t) {
      return t.elements();
    }
    if (v instanceof SetValue s) {
      return s.elements();
    }
    return null;
  }

  /**
   * The direct children, as {@link #children} gives them, but as a read-only view of the value's
   * own collections (no copy), for walks that only read.
   */
  static Collection<Value> childrenView(Value v) {
    List<Value> list = childList(v);
    if (list != null) {
      return list;
    }
    if (v instanceof MapValue m) {
      return m.entries().values();
    }
    if (v instanceof ObjectValue o) {
      return o.attributes().values();
    }
    return List.of();
  }

  /**
   * {@link Value#unmarked} by a type test: marked values are never nested (MarkedValue's
   * constructor refuses one), and C1 code, which bulk runs use, makes the interface call a dispatch
   * through a stub for every value read.
   */
  public static Value unmarked(Value v) {
    return v instanceof MarkedValue m ? m.value() : v;
  }

  /** The value with every mark removed at every depth. */
  public static Value stripMarks(Value v) {
    Value u = v.unmarked();
    if (isLeaf(u) || !marksInside(u)) {
      // Nothing to remove below: a copy would only equal it (values are immutable). Function
      // arguments are stripped twice per call, and most collections hold no mark.
      return u;
    }
    if (u instanceof ListValue) {
      ListValue l = (ListValue) u;
      return new ListValue(l.elementType(), strip(l.elements()));
    }
    if (u instanceof SetValue) {
      SetValue s = (SetValue) u;
      return new SetValue(s.elementType(), strip(s.elements()));
    }
    if (u instanceof TupleValue) {
      return new TupleValue(strip(((TupleValue) u).elements()));
    }
    if (u instanceof MapValue) {
      MapValue m = (MapValue) u;
      return new MapValue(m.elementType(), strip(m.entries()));
    }
    if (u instanceof ObjectValue) {
      return new ObjectValue(strip(((ObjectValue) u).attributes()));
    }
    return u;
  }

  /** Whether any child of {@code v} (unmarked), at any depth, is marked. */
  private static boolean marksInside(Value v) {
    return Inside.anyMark(v);
  }

  private static List<Value> strip(List<Value> vs) {
    List<Value> out = new ArrayList<>(vs.size());
    for (Value v : vs) {
      out.add(stripMarks(v));
    }
    return out;
  }

  private static Map<String, Value> strip(Map<String, Value> vs) {
    Map<String, Value> out = new TreeMap<>(Strings.CODE_POINT_ORDER);
    vs.forEach((k, v) -> out.put(k, stripMarks(v)));
    return out;
  }

  static void checkElementTypes(String kind, Type elementType, Collection<Value> elements) {
    for (Value e : elements) {
      if (!e.type().equals(elementType)) {
        throw new IllegalArgumentException(
            kind + " of " + elementType + " cannot hold an element of type " + e.type());
      }
    }
  }

  /**
   * The order of set elements: numbers ascending; strings by code point; {@code false} before
   * {@code true}; anything else by rendering, then by type; unknowns after the known values, and
   * nulls last (as cty orders them).
   */
  public static final Comparator<Value> SET_ORDER = Values::compareForSet;

  private static int compareForSet(Value a, Value b) {
    Value ua = a.unmarked();
    Value ub = b.unmarked();
    int ka = rankForSet(ua);
    int kb = rankForSet(ub);
    if (ka != kb) {
      return Integer.compare(ka, kb);
    }
    if (ua instanceof NumberValue && ub instanceof NumberValue) {
      return ua.asNumber().compareTo(ub.asNumber());
    }
    if (ua instanceof StringValue && ub instanceof StringValue) {
      return Strings.compareCodePoints(ua.asString(), ub.asString());
    }
    if (ua instanceof BoolValue && ub instanceof BoolValue) {
      return Boolean.compare(ua.asBoolean(), ub.asBoolean());
    }
    int c = Strings.compareCodePoints(renderRevealing(ua), renderRevealing(ub));
    if (c != 0) {
      return c;
    }
    return Strings.compareCodePoints(ua.type().toString(), ub.type().toString());
  }

  /** cty's setRules.Less: known values, then unknowns, then nulls. */
  private static int rankForSet(Value v) {
    if (v instanceof NullValue) {
      return 2;
    }
    if (v instanceof UnknownValue) {
      return 1;
    }
    return 0;
  }

  /**
   * A readable HCL-like rendering for messages and tests: {@code "a"}, {@code 1.5}, {@code ["a",
   * 1]} (tuple), {@code tolist(["a"])}, {@code toset([1])}, {@code tomap({"k" = 1})}, {@code {k =
   * 1}} (object), {@code null}, {@code unknown(string)}. Sensitive values render as {@code
   * (sensitive value)}, whatever they hold.
   */
  public static String render(Value v) {
    StringBuilder sb = new StringBuilder();
    render(v, sb, false);
    return sb.toString();
  }

  /** As {@link #render} but showing sensitive contents; only for ordering, never for output. */
  static String renderRevealing(Value v) {
    StringBuilder sb = new StringBuilder();
    render(v, sb, true);
    return sb.toString();
  }

  private static void render(Value v, StringBuilder sb, boolean reveal) {
    if (v instanceof MarkedValue) {
      if (v.isSensitive() && !reveal) {
        sb.append("(sensitive value)");
        return;
      }
      render(v.unmarked(), sb, reveal);
      return;
    }
    if (v instanceof StringValue) {
      sb.append(Strings.quote(v.asString()));
    } else if (v instanceof NumberValue) {
      sb.append(v.asNumber());
    } else if (v instanceof BoolValue) {
      sb.append(v.asBoolean());
    } else if (v instanceof NullValue) {
      sb.append("null");
    } else if (v instanceof UnknownValue) {
      sb.append("unknown(").append(v.type()).append(')');
    } else if (v instanceof TupleValue) {
      renderSequence(((TupleValue) v).elements(), sb, reveal);
    } else if (v instanceof ListValue) {
      sb.append("tolist(");
      renderSequence(((ListValue) v).elements(), sb, reveal);
      sb.append(')');
    } else if (v instanceof SetValue) {
      sb.append("toset(");
      renderSequence(((SetValue) v).elements(), sb, reveal);
      sb.append(')');
    } else if (v instanceof MapValue) {
      sb.append("tomap(");
      renderMapping(((MapValue) v).entries(), sb, reveal, true);
      sb.append(')');
    } else if (v instanceof ObjectValue) {
      renderMapping(((ObjectValue) v).attributes(), sb, reveal, false);
    }
  }

  private static void renderSequence(List<Value> vs, StringBuilder sb, boolean reveal) {
    sb.append('[');
    for (int i = 0; i < vs.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      render(vs.get(i), sb, reveal);
    }
    sb.append(']');
  }

  private static void renderMapping(
      Map<String, Value> m, StringBuilder sb, boolean reveal, boolean quoteKeys) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, Value> e : m.entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      String k = e.getKey();
      sb.append(quoteKeys || !isIdentifier(k) ? Strings.quote(k) : k).append(" = ");
      render(e.getValue(), sb, reveal);
    }
    sb.append('}');
  }

  static boolean isIdentifier(String s) {
    if (s.isEmpty() || !Character.isLetter(s.codePointAt(0)) && s.charAt(0) != '_') {
      return false;
    }
    return s.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
  }
}
