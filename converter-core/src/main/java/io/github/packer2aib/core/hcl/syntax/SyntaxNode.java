package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;

/**
 * A node of the HCL native syntax tree. Every node knows the source range it was parsed from, so
 * later stages can point diagnostics at {@code file:line:col}. Nodes are immutable records; compare
 * them without ranges with {@link SyntaxEquality}.
 */
public sealed interface SyntaxNode
    permits Body, BodyItem, Label, Expression, Traverser, TemplatePart, ObjectItem {
  Range range();
}
