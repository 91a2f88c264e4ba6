package io.github.packer2aib.core.hcl.syntax;

/** An item of a body: an attribute or a block. */
public sealed interface BodyItem extends SyntaxNode permits Attribute, Block {}
