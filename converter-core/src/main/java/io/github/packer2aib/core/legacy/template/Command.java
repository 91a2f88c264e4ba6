package io.github.packer2aib.core.legacy.template;

import java.util.List;

/** Operands separated by spaces: a function name and its arguments, or a single value. */
public record Command(List<Operand> operands, Span span) {
  public Command {
    operands = List.copyOf(operands);
    if (operands.isEmpty()) {
      throw new IllegalArgumentException("a command has at least one operand");
    }
  }
}
