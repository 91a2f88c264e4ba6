package io.github.packer2aib.core.legacy.template;

import java.util.List;

/** One operand of a command. */
public sealed interface Operand
    permits Operand.Identifier,
        Operand.Field,
        Operand.Dot,
        Operand.Variable,
        Operand.StringLiteral,
        Operand.NumberLiteral,
        Operand.BoolLiteral,
        Operand.Nil,
        Operand.SubPipeline,
        Operand.Chain {

  Span span();

  /** A function name such as {@code user}; keywords are separate nodes or rejected. */
  record Identifier(String name, Span span) implements Operand {}

  /** {@code .Name} or a chain {@code .A.B}: data that exists only when Packer provisions. */
  record Field(List<String> names, Span span) implements Operand {
    public Field {
      names = List.copyOf(names);
    }
  }

  /** {@code .}, the data itself. */
  record Dot(Span span) implements Operand {}

  /** {@code $} or {@code $name}. */
  record Variable(String name, Span span) implements Operand {}

  /**
   * A string literal.
   *
   * @param value the decoded value
   * @param raw whether it was written in backquotes
   */
  record StringLiteral(String value, boolean raw, Span span) implements Operand {}

  /**
   * A number literal or character constant.
   *
   * @param text as written
   * @param integer its value when it is an integer that fits in 64 bits (Go's {@code IsInt})
   * @param floating its value as a float, when it has one
   * @param isFloatLiteral written with a fraction or exponent, so Go prints it as a float
   */
  record NumberLiteral(
      String text,
      java.util.OptionalLong integer,
      java.util.OptionalDouble floating,
      boolean isFloatLiteral,
      Span span)
      implements Operand {}

  /** {@code true} or {@code false}. */
  record BoolLiteral(boolean value, Span span) implements Operand {}

  /** {@code nil}. */
  record Nil(Span span) implements Operand {}

  /** {@code ( pipeline )}. */
  record SubPipeline(Pipeline pipeline, Span span) implements Operand {}

  /** A term followed by fields, such as {@code (…).Name} or {@code $x.Name}. */
  record Chain(Operand base, List<String> fields, Span span) implements Operand {
    public Chain {
      fields = List.copyOf(fields);
    }
  }
}
