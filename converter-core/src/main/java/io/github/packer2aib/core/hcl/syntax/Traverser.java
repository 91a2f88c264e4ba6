package io.github.packer2aib.core.hcl.syntax;

/**
 * A static step of a traversal: attribute access, index by a literal key, or the legacy {@code .0}
 * index (spec: "Attribute Access Operator", "Index Operator").
 */
public sealed interface Traverser extends SyntaxNode permits GetAttr, Index, LegacyIndex {}
