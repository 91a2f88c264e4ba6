package io.github.packer2aib.core.hcl.syntax;

/**
 * A part of a template: literal text, an interpolation, or an {@code if} or {@code for} directive.
 */
public sealed interface TemplatePart extends SyntaxNode
    permits TemplateLiteral, TemplateInterpolation, TemplateIf, TemplateFor {}
