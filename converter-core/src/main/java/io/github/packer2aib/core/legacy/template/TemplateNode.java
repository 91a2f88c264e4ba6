package io.github.packer2aib.core.legacy.template;

/** A top-level piece of a template string: literal text, a comment or an action. */
public sealed interface TemplateNode permits TemplateNode.Text, TemplateNode.Comment, Action {

  Span span();

  /** Literal text, as written (trimming by neighbouring trim markers happens at evaluation). */
  record Text(String text, Span span) implements TemplateNode {}

  /** {@code {{/* … *\/}}}, which renders as nothing but may trim its neighbours. */
  record Comment(boolean trimLeft, boolean trimRight, Span span) implements TemplateNode {}
}
