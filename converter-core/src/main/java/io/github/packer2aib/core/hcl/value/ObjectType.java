package io.github.packer2aib.core.hcl.value;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code object({name = T, ...})}: named attributes, each with its own type. Attribute order is
 * irrelevant; iteration is in lexical (code point) order, as cty's.
 *
 * <p>{@code optional} names the attributes declared {@code optional(T)} in a type constraint:
 * converting an object or map that lacks one of them gives null for it instead of an error. Only
 * constraints carry optional attributes; the type of a value never does.
 */
public record ObjectType(SortedMap<String, Type> attributes, SortedSet<String> optional)
    implements Type {
  public static final ObjectType EMPTY = new ObjectType(Map.of(), Set.of());

  public ObjectType(Map<String, Type> attributes, Set<String> optional) {
    this(sortedCopy(attributes), sortedCopy(optional));
  }

  public ObjectType {
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(optional, "optional");
    attributes = Collections.unmodifiableSortedMap(sortedCopy(attributes));
    optional = Collections.unmodifiableSortedSet(sortedCopy(optional));
    for (String name : optional) {
      if (!attributes.containsKey(name)) {
        throw new IllegalArgumentException("optional attribute " + name + " is not an attribute");
      }
    }
  }

  private static SortedMap<String, Type> sortedCopy(Map<String, Type> m) {
    TreeMap<String, Type> copy = new TreeMap<>(Strings.CODE_POINT_ORDER);
    copy.putAll(m);
    return copy;
  }

  private static SortedSet<String> sortedCopy(Set<String> s) {
    TreeSet<String> copy = new TreeSet<>(Strings.CODE_POINT_ORDER);
    copy.addAll(s);
    return copy;
  }

  public boolean isOptional(String name) {
    return optional.contains(name);
  }

  @Override
  public String friendlyName() {
    return "object";
  }

  @Override
  public boolean hasDynamicTypes() {
    return attributes.values().stream().anyMatch(Type::hasDynamicTypes);
  }

  @Override
  public Type withoutOptionalAttributesDeep() {
    TreeMap<String, Type> plain = new TreeMap<>(Strings.CODE_POINT_ORDER);
    attributes.forEach((k, v) -> plain.put(k, v.withoutOptionalAttributesDeep()));
    return new ObjectType(plain, Set.of());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("object({");
    boolean first = true;
    for (Map.Entry<String, Type> e : attributes.entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(e.getKey()).append('=');
      if (optional.contains(e.getKey())) {
        sb.append("optional(").append(e.getValue()).append(')');
      } else {
        sb.append(e.getValue());
      }
    }
    return sb.append("})").toString();
  }

  // Written out rather than generated: a record's equals and hashCode link method handles on
  // first use, several milliseconds each in a cold run, and every conversion uses these.
  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectType t
        && attributes.equals(t.attributes)
        && optional.equals(t.optional);
  }

  @Override
  public int hashCode() {
    return 31 * attributes.hashCode() + optional.hashCode();
  }
}
