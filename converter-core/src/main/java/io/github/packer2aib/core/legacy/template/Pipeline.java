package io.github.packer2aib.core.legacy.template;

import java.util.List;

/**
 * Commands joined by {@code |}; the value of each command is passed as the last argument of the
 * next ({@code a | f x} calls {@code f x a}).
 */
public record Pipeline(List<Command> commands, Span span) {
  public Pipeline {
    commands = List.copyOf(commands);
    if (commands.isEmpty()) {
      throw new IllegalArgumentException("a pipeline has at least one command");
    }
  }
}
