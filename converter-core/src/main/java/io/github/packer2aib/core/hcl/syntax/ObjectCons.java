package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;

/**
 * {@code { key = value, ... }} (spec: "Collection Values"), items in source order.
 *
 * @param uniqueKeys whether two keys that evaluate to the same name are an error, as for an object
 *     written in HCL's JSON syntax (its {@code expression.Value}: "Duplicate object attribute"); an
 *     object constructor of the native syntax keeps the last of them
 */
public record ObjectCons(List<ObjectItem> items, Range range, boolean uniqueKeys)
    implements Expression {

  public ObjectCons {
    items = List.copyOf(items);
    Objects.requireNonNull(range, "range");
  }

  /** An object constructor of the native syntax. */
  public ObjectCons(List<ObjectItem> items, Range range) {
    this(items, range, false);
  }
}
