package io.github.packer2aib.core.hcl.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The type of a {@code variable { type = ... }}: a {@link Type} (which may contain {@code any} and
 * optional object attributes) plus the defaults of {@code optional(T, default)} attributes at any
 * depth. {@link #apply} converts a value to the type and then fills in defaults, as Packer and
 * Terraform do.
 *
 * <p>Built by the HCL parser from syntax; the static factories and {@link ObjectBuilder} are that
 * builder API:
 *
 * <pre>{@code
 * TypeConstraint.object()
 *     .attribute("name", TypeConstraint.STRING)
 *     .optional("size", TypeConstraint.NUMBER, Value.number(30))
 *     .build();
 * }</pre>
 */
public final class TypeConstraint {
  public static final TypeConstraint STRING = new TypeConstraint(Type.STRING);
  public static final TypeConstraint NUMBER = new TypeConstraint(Type.NUMBER);
  public static final TypeConstraint BOOL = new TypeConstraint(Type.BOOL);
  public static final TypeConstraint ANY = new TypeConstraint(Type.DYNAMIC);

  private final Type type;
  private final SortedMap<String, Value> defaults;
  private final SortedMap<String, TypeConstraint> attributes;
  private final TypeConstraint element;
  private final List<TypeConstraint> tupleElements;

  /**
   * Whether there are defaults at any depth, found once: {@link #apply} asks for every value it
   * converts (each variable default), and walking the empty maps allocated their iterators.
   */
  private final boolean hasDefaults;

  private TypeConstraint(Type type) {
    this(type, new TreeMap<>(), new TreeMap<>(), null, List.of());
  }

  private TypeConstraint(
      Type type,
      SortedMap<String, Value> defaults,
      SortedMap<String, TypeConstraint> attributes,
      TypeConstraint element,
      List<TypeConstraint> tupleElements) {
    this.type = type;
    this.defaults = Collections.unmodifiableSortedMap(defaults);
    this.attributes = Collections.unmodifiableSortedMap(attributes);
    this.element = element;
    this.tupleElements = List.copyOf(tupleElements);
    this.hasDefaults = findDefaults();
  }

  /** A constraint without defaults (any type, including objects with optional attributes). */
  public static TypeConstraint of(Type type) {
    return new TypeConstraint(type);
  }

  public static TypeConstraint list(TypeConstraint element) {
    return new TypeConstraint(
        Type.list(element.type), new TreeMap<>(), new TreeMap<>(), element, List.of());
  }

  public static TypeConstraint set(TypeConstraint element) {
    return new TypeConstraint(
        Type.set(element.type), new TreeMap<>(), new TreeMap<>(), element, List.of());
  }

  public static TypeConstraint map(TypeConstraint element) {
    return new TypeConstraint(
        Type.map(element.type), new TreeMap<>(), new TreeMap<>(), element, List.of());
  }

  public static TypeConstraint tuple(List<TypeConstraint> elements) {
    List<Type> types = new ArrayList<>();
    for (TypeConstraint e : elements) {
      types.add(e.type);
    }
    return new TypeConstraint(Type.tuple(types), new TreeMap<>(), new TreeMap<>(), null, elements);
  }

  public static ObjectBuilder object() {
    return new ObjectBuilder();
  }

  /** Builds {@code object({...})} attribute by attribute. */
  public static final class ObjectBuilder {
    private final TreeMap<String, TypeConstraint> attributes =
        new TreeMap<>(Strings.CODE_POINT_ORDER);
    private final TreeSet<String> optional = new TreeSet<>(Strings.CODE_POINT_ORDER);
    private final TreeMap<String, Value> defaults = new TreeMap<>(Strings.CODE_POINT_ORDER);

    private ObjectBuilder() {}

    public ObjectBuilder attribute(String name, TypeConstraint type) {
      attributes.put(name, Objects.requireNonNull(type));
      optional.remove(name);
      defaults.remove(name);
      return this;
    }

    /** {@code name = optional(T)}: absent means null. */
    public ObjectBuilder optional(String name, TypeConstraint type) {
      attribute(name, type);
      optional.add(name);
      return this;
    }

    /**
     * {@code name = optional(T, default)}: absent or null means {@code defaultValue}, converted to
     * {@code T}. Check the default first with {@link TypeConstraint#checkDefault}: an unconvertible
     * default is a bug here.
     */
    public ObjectBuilder optional(String name, TypeConstraint type, Value defaultValue) {
      optional(name, type);
      Convert.Result r = type.apply(defaultValue);
      if (!r.isOk()) {
        throw new IllegalArgumentException(
            "default for " + name + " does not convert: " + ((Convert.Failed) r).error());
      }
      defaults.put(name, r.value());
      return this;
    }

    public TypeConstraint build() {
      TreeMap<String, Type> types = new TreeMap<>(Strings.CODE_POINT_ORDER);
      attributes.forEach((k, v) -> types.put(k, v.type));
      return new TypeConstraint(
          new ObjectType(types, optional), defaults, attributes, null, List.of());
    }
  }

  /** Why {@code defaultValue} cannot be the default of an attribute of this type, if it cannot. */
  public Optional<ConversionError> checkDefault(Value defaultValue) {
    Convert.Result r = apply(defaultValue);
    return r.isOk() ? Optional.empty() : Optional.of(((Convert.Failed) r).error());
  }

  public Type type() {
    return type;
  }

  /** Defaults of this object's optional attributes (empty for other types). */
  public SortedMap<String, Value> defaults() {
    return defaults;
  }

  /** Converts {@code value} to this type (HCL's unsafe conversion), then fills in defaults. */
  public Convert.Result apply(Value value) {
    Convert.Result r = Convert.to(value, type);
    if (!r.isOk() || !hasDefaults()) {
      return r;
    }
    return new Convert.Converted(fillDefaults(r.value()));
  }

  private boolean hasDefaults() {
    return hasDefaults;
  }

  private boolean findDefaults() {
    if (!defaults.isEmpty()) {
      return true;
    }
    for (TypeConstraint a : attributes.values()) {
      if (a.hasDefaults()) {
        return true;
      }
    }
    for (TypeConstraint t : tupleElements) {
      if (t.hasDefaults()) {
        return true;
      }
    }
    return element != null && element.hasDefaults();
  }

  private Value fillDefaults(Value v) {
    Value.Unmarked um = v.unmark();
    Value u = um.value();
    if (u.isNull() || !u.isKnown()) {
      return v;
    }
    if (u instanceof ObjectValue && type instanceof ObjectType) {
      Map<String, Value> out = new TreeMap<>(Strings.CODE_POINT_ORDER);
      for (Map.Entry<String, Value> e : ((ObjectValue) u).attributes().entrySet()) {
        Value attr = e.getValue();
        Value dflt = defaults.get(e.getKey());
        if (attr.isNull() && dflt != null) {
          attr = dflt.withMarks(attr.marks());
        }
        TypeConstraint nested = attributes.get(e.getKey());
        out.put(e.getKey(), nested == null ? attr : nested.fillDefaults(attr));
      }
      return um.remark(new ObjectValue(out));
    }
    if (element != null) {
      if (u instanceof ListValue) {
        List<Value> out = new ArrayList<>();
        for (Value e : u.elements()) {
          out.add(element.fillDefaults(e));
        }
        return um.remark(out.isEmpty() ? u : new ListValue(out.get(0).type(), out));
      }
      if (u instanceof SetValue) {
        List<Value> out = new ArrayList<>();
        for (Value e : u.elements()) {
          out.add(element.fillDefaults(e));
        }
        return um.remark(out.isEmpty() ? u : new SetValue(out.get(0).type(), out));
      }
      if (u instanceof MapValue) {
        Map<String, Value> out = new TreeMap<>(Strings.CODE_POINT_ORDER);
        ((MapValue) u).entries().forEach((k, e) -> out.put(k, element.fillDefaults(e)));
        return um.remark(
            out.isEmpty() ? u : new MapValue(out.values().iterator().next().type(), out));
      }
    }
    if (u instanceof TupleValue && !tupleElements.isEmpty()) {
      List<Value> out = new ArrayList<>();
      List<Value> in = u.elements();
      for (int i = 0; i < in.size(); i++) {
        out.add(
            i < tupleElements.size() ? tupleElements.get(i).fillDefaults(in.get(i)) : in.get(i));
      }
      return um.remark(new TupleValue(out));
    }
    return v;
  }

  @Override
  public String toString() {
    return type.toString();
  }
}
