package io.github.packer2aib.core.hcl.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * An immutable HCL value, as in HashiCorp's cty. Equality is by value and type, including marks
 * (two values that differ only in being sensitive are not {@code equals}); HCL's {@code ==} is
 * {@link Operations#equal}.
 *
 * <p>Marks: a {@link MarkedValue} wraps any other value with a non-empty set of marks; code that
 * looks inside a value must first {@link #unmark()} it, so marks cannot be dropped by accident. A
 * collection may hold marked elements: {@link #deepMarks()} reports them.
 */
public sealed interface Value
    permits StringValue,
        NumberValue,
        BoolValue,
        CollectionValue,
        NullValue,
        UnknownValue,
        MarkedValue {

  Value TRUE = BoolValue.TRUE;
  Value FALSE = BoolValue.FALSE;

  /** The value's type; for a marked value, the type of what it wraps. */
  Type type();

  // ------------------------------------------------------------------ factories

  /** An HCL string: in NFC, as cty makes every string. */
  static StringValue string(String s) {
    return new StringValue(StringValue.nfc(Objects.requireNonNull(s, "value")));
  }

  /**
   * A string exactly as given: a legacy template's text, which Go's templates do not normalize ("e"
   * and a combining accent stay two characters, as in the script they came from).
   */
  static StringValue verbatim(String s) {
    return new StringValue(s);
  }

  static NumberValue number(long n) {
    return new NumberValue(BigFloat.of(n));
  }

  static NumberValue number(BigFloat n) {
    return new NumberValue(n);
  }

  /** A number literal, rounded as HCL rounds literals (512 bits). */
  static NumberValue number(String literal) {
    return new NumberValue(
        BigFloat.parse(literal)
            .orElseThrow(() -> new IllegalArgumentException("not a number: " + literal)));
  }

  static NumberValue number(BigDecimal d) {
    return new NumberValue(BigFloat.ofDecimal(d, BigFloat.LITERAL_PRECISION));
  }

  static BoolValue bool(boolean b) {
    return b ? BoolValue.TRUE : BoolValue.FALSE;
  }

  static NullValue nullOf(Type t) {
    return new NullValue(t);
  }

  static UnknownValue unknown(Type t) {
    return new UnknownValue(t);
  }

  static TupleValue tuple(List<? extends Value> elements) {
    return new TupleValue(List.<Value>copyOf(elements));
  }

  static TupleValue tuple(Value... elements) {
    return new TupleValue(List.of(elements));
  }

  static ObjectValue object(Map<String, ? extends Value> attributes) {
    // One sorted copy, which the record keeps (a TreeMap copy first was sorted a second time).
    return new ObjectValue(MapValue.sorted(attributes));
  }

  /**
   * An object of one attribute: the same as {@link #object(Object...)} gives, without the varargs
   * array and the map it first fills and then sorts into another.
   */
  static ObjectValue object(String name, Value value) {
    SortedMap<String, Value> m = MapValue.sorted(Map.of());
    m.put(name, value);
    return new ObjectValue(m); // its own sorted copy: taken over without copying
  }

  /** An object of two attributes, as {@link #object(String, Value)} makes one of one. */
  static ObjectValue object(String name1, Value value1, String name2, Value value2) {
    SortedMap<String, Value> m = MapValue.sorted(Map.of());
    m.put(name1, value1);
    m.put(name2, value2);
    return new ObjectValue(m);
  }

  /** An object from alternating names and values, for tests and hand-built values. */
  static ObjectValue object(Object... namesAndValues) {
    Map<String, Value> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put((String) namesAndValues[i], (Value) namesAndValues[i + 1]);
    }
    return new ObjectValue(m);
  }

  static ListValue list(Type element, List<? extends Value> elements) {
    return new ListValue(element, List.<Value>copyOf(elements));
  }

  /** A non-empty list; the element type is the elements' common type (they must agree). */
  static ListValue list(Value... elements) {
    if (elements.length == 0) {
      throw new IllegalArgumentException("an empty list needs an element type");
    }
    return new ListValue(elements[0].type(), List.of(elements));
  }

  static SetValue set(Type element, List<? extends Value> elements) {
    return new SetValue(element, List.<Value>copyOf(elements));
  }

  static MapValue map(Type element, Map<String, ? extends Value> elements) {
    return new MapValue(element, MapValue.sorted(elements));
  }

  // ------------------------------------------------------------------ state

  /** Whether this is null (a marked null counts). */
  default boolean isNull() {
    return unmarked() instanceof NullValue;
  }

  /** Whether this value itself is known (a known list may still contain unknown elements). */
  default boolean isKnown() {
    return !(unmarked() instanceof UnknownValue);
  }

  /**
   * Whether nothing anywhere inside this value is unknown: every collection knows this of itself
   * ({@link Inside}), so the answer needs no walk.
   */
  default boolean isWhollyKnown() {
    return (Inside.ofChild(this) & Inside.UNKNOWN) == 0;
  }

  // ------------------------------------------------------------------ marks

  /** The marks on this value itself (not on its elements). */
  default Set<Mark> marks() {
    return Set.of();
  }

  default boolean isMarked() {
    return !marks().isEmpty();
  }

  default boolean isSensitive() {
    return marks().contains(Mark.SENSITIVE);
  }

  /** The marks on this value and on everything inside it. */
  default Set<Mark> deepMarks() {
    EnumSet<Mark> all = EnumSet.noneOf(Mark.class);
    addDeepMarksTo(all);
    return all;
  }

  /**
   * Adds {@link #deepMarks()} to {@code into}, without making a set for them first. Every
   * collection knows the marks inside it ({@link Inside}): the mapper asks this of every field it
   * reads, and a walk recursed as deep as the value (a chain of 12,000 locals overflowed the
   * stack).
   */
  default void addDeepMarksTo(Set<Mark> into) {
    int bits = Inside.ofChild(this);
    for (Mark m : Mark.values()) {
      if ((bits & Inside.bit(m)) != 0) {
        into.add(m);
      }
    }
  }

  /** Whether this value or anything inside it is sensitive. */
  default boolean containsSensitive() {
    return (Inside.ofChild(this) & Inside.bit(Mark.SENSITIVE)) != 0;
  }

  /** The value without its own marks (elements keep theirs). */
  default Value unmarked() {
    return this;
  }

  /** Splits off this value's own marks. */
  default Unmarked unmark() {
    return new Unmarked(unmarked(), marks());
  }

  /** The value with no marks at any depth, and the marks that were removed. */
  default Unmarked unmarkDeep() {
    Set<Mark> all = deepMarks();
    // Without a mark anywhere, stripping would only copy the value (values are immutable).
    return new Unmarked(all.isEmpty() ? this : Values.stripMarks(this), all);
  }

  /** This value with {@code mark} added. */
  default Value mark(Mark mark) {
    return withMarks(Set.of(mark));
  }

  /** This value with {@code more} added to its own marks. */
  default Value withMarks(Set<Mark> more) {
    if (more.isEmpty()) {
      return this;
    }
    if (!(this instanceof MarkedValue)) {
      // No marks of its own: the marked value copies (or shares) the set itself.
      return new MarkedValue(this, more);
    }
    EnumSet<Mark> all = EnumSet.noneOf(Mark.class);
    all.addAll(marks());
    all.addAll(more);
    return new MarkedValue(unmarked(), all);
  }

  /** A value split from its marks. */
  record Unmarked(Value value, Set<Mark> marks) {
    public Unmarked {
      marks = marks.isEmpty() ? Set.of() : Set.copyOf(marks);
    }

    /** Puts the marks back on {@code result}. */
    public Value remark(Value result) {
      return result.withMarks(marks);
    }
  }

  // ------------------------------------------------------------------ access

  /** The string of a known, non-null, unmarked string value. */
  default String asString() {
    throw new IllegalStateException("not a string value: " + this);
  }

  /** The number of a known, non-null, unmarked number value. */
  default BigFloat asNumber() {
    throw new IllegalStateException("not a number value: " + this);
  }

  default boolean asBoolean() {
    throw new IllegalStateException("not a bool value: " + this);
  }

  /**
   * The elements of a known sequence-like value (list, set, tuple: in order; map and object: the
   * element values in key order).
   */
  default List<Value> elements() {
    return new ArrayList<>(Values.children(this));
  }
}
