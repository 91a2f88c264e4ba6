package io.github.packer2aib.core.hcl.value;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An HCL type, as in HashiCorp's cty: three primitives, the dynamic pseudo-type ({@code any}),
 * three collection types with one element type each, and two structural types.
 *
 * <p>{@link #toString()} gives the type-constraint syntax ({@code list(string)}, {@code
 * object({name=string})}); {@link #friendlyName()} gives the wording cty uses in messages ({@code
 * list of string}, {@code object}).
 */
public sealed interface Type
    permits PrimitiveType, DynamicType, ListType, SetType, MapType, TupleType, ObjectType {

  Type STRING = PrimitiveType.STRING;
  Type NUMBER = PrimitiveType.NUMBER;
  Type BOOL = PrimitiveType.BOOL;
  Type DYNAMIC = DynamicType.DYNAMIC;

  static ListType list(Type element) {
    return new ListType(element);
  }

  static SetType set(Type element) {
    return new SetType(element);
  }

  static MapType map(Type element) {
    return new MapType(element);
  }

  static TupleType tuple(List<Type> elements) {
    return new TupleType(elements);
  }

  static ObjectType object(Map<String, Type> attributes) {
    return new ObjectType(attributes, Set.of());
  }

  /** The wording used in messages, e.g. {@code list of string}, {@code object}. */
  String friendlyName();

  /** As {@link #friendlyName()} but {@code any} is worded as a constraint ({@code any type}). */
  default String friendlyNameForConstraint() {
    return friendlyName();
  }

  default boolean isPrimitive() {
    return this instanceof PrimitiveType;
  }

  default boolean isCollection() {
    return this instanceof ListType || this instanceof SetType || this instanceof MapType;
  }

  default boolean isStructural() {
    return this instanceof TupleType || this instanceof ObjectType;
  }

  /** Whether {@code any} occurs anywhere in this type. */
  boolean hasDynamicTypes();

  /** This type without optional-attribute annotations at any depth (values never carry them). */
  Type withoutOptionalAttributesDeep();
}
