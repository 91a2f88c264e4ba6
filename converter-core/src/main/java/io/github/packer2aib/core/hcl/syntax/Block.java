package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;

/**
 * A block: a type, zero or more labels and a nested body, as in {@code source "azure-arm" "x" { ...
 * }}.
 *
 * @param typeRange the block type alone; in HCL's JSON syntax, where several blocks may share one
 *     type key, where this block begins: its innermost label key, or the opening brace of its
 *     element of an array
 * @param openBrace the opening brace
 * @param closeBrace the closing brace; for a block left unclosed by a syntax error, an empty range
 *     where the parser stopped
 * @param range from the type to the closing brace
 */
public record Block(
    String type,
    List<Label> labels,
    Body body,
    Range typeRange,
    Range openBrace,
    Range closeBrace,
    Range range)
    implements BodyItem {

  public Block {
    Objects.requireNonNull(type, "type");
    labels = List.copyOf(labels);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(typeRange, "typeRange");
    Objects.requireNonNull(openBrace, "openBrace");
    Objects.requireNonNull(closeBrace, "closeBrace");
    Objects.requireNonNull(range, "range");
  }

  /** The label values, in order. */
  public List<String> labelValues() {
    return labels.stream().map(Label::value).toList();
  }
}
