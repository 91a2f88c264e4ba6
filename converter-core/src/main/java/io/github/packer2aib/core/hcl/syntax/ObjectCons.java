package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;

/** {@code { key = value, ... }} (spec: "Collection Values"), items in source order. */
public record ObjectCons(List<ObjectItem> items, Range range) implements Expression {

  public ObjectCons {
    items = List.copyOf(items);
    Objects.requireNonNull(range, "range");
  }
}
