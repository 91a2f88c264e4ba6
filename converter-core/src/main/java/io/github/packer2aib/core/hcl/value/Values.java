package io.github.packer2aib.core.hcl.value;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helpers over values: children, mark stripping, the set order, and a debug rendering. */
public final class Values {
  private Values() {}

  /** The entries of a map or the attributes of an object, by name; null for any other value. */
  public static Map<String, Value> members(Value v) {
    if (v instanceof ObjectValue o) {
      return o.attributes();
    }
    return v instanceof MapValue m ? m.entries() : null;
  }

  /** The direct children of a known collection or structure; empty for anything else. */
  public static List<Value> children(Value v) {
    // Lists, sets and tuples hold a list already; a map's or object's values are copied.
    if (v instanceof ListValue l) {
      return l.elements();
    }
    if (v instanceof TupleValue t) {
      return t.elements();
    }
    if (v instanceof SetValue s) {
      return s.elements();
    }
    if (v instanceof MapValue m) {
      return new ArrayList<>(m.entries().values());
    }
    if (v instanceof ObjectValue o) {
      return new ArrayList<>(o.attributes().values());
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

  /**
   * The value with every mark removed at every depth. By a loop over a stack of the collections
   * being rebuilt, not by recursion: a value may be as deep as a chain of 12,000 locals, each
   * wrapping the one before, and its sensitive texts are gathered through here.
   */
  public static Value stripMarks(Value v) {
    Value u = v.unmarked();
    if (!Inside.anyMark(u)) {
      // Nothing to remove below (a leaf has nothing below): a copy would only equal it (values
      // are immutable). Function arguments are stripped twice per call, and most collections hold
      // no mark; each knows whether it does.
      return u;
    }
    ArrayDeque<Rebuilt> pending = new ArrayDeque<>();
    pending.push(new Rebuilt(u));
    while (true) {
      Rebuilt r = pending.peek();
      if (r.next < r.children.size()) {
        Value child = r.children.get(r.next++).unmarked();
        if (Inside.anyMark(child)) {
          pending.push(new Rebuilt(child));
        } else {
          r.stripped.add(child);
        }
        continue;
      }
      pending.pop();
      Value done = r.value();
      if (pending.isEmpty()) {
        return done;
      }
      pending.peek().stripped.add(done);
    }
  }

  /** A collection of {@link #stripMarks} whose children are being stripped, in order. */
  private static final class Rebuilt {
    private final Value original;
    private final List<Value> children;
    private final List<String> keys;
    private final List<Value> stripped;
    private int next;

    Rebuilt(Value original) {
      this.original = original;
      if (original instanceof MapValue m) {
        keys = new ArrayList<>(m.entries().keySet());
        children = new ArrayList<>(m.entries().values());
      } else if (original instanceof ObjectValue o) {
        keys = new ArrayList<>(o.attributes().keySet());
        children = new ArrayList<>(o.attributes().values());
      } else {
        keys = null;
        children = children(original);
      }
      stripped = new ArrayList<>(children.size());
    }

    /** The collection made anew of the stripped children. */
    Value value() {
      if (original instanceof ListValue l) {
        return new ListValue(l.elementType(), stripped);
      }
      if (original instanceof SetValue s) {
        return new SetValue(s.elementType(), stripped);
      }
      if (original instanceof TupleValue) {
        return new TupleValue(stripped);
      }
      Map<String, Value> entries = new TreeMap<>(Strings.CODE_POINT_ORDER);
      for (int i = 0; i < keys.size(); i++) {
        entries.put(keys.get(i), stripped.get(i));
      }
      return original instanceof MapValue m
          ? new MapValue(m.elementType(), entries)
          : new ObjectValue(entries);
    }
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
