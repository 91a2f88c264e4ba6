package io.github.packer2aib.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Command-line arguments that look like {@code NAME=VALUE}: a variable set without {@code --var}
 * (Packer's own {@code -var NAME=VALUE} habit, or a mistyped option before it), whose value may be
 * a secret. Messages name such an argument as {@code NAME=***}: it is no file to read and no
 * option, and its value is the one thing an error about it need not show.
 */
final class Assignments {
  private Assignments() {}

  /** A variable's name as Packer accepts it, then {@code =}. */
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*=");

  /** Whether {@code argument} starts as {@code NAME=}. */
  static boolean looksLikeOne(String argument) {
    return ASSIGNMENT.matcher(argument).lookingAt();
  }

  /** {@code NAME=***} for an argument that {@link #looksLikeOne looks like one}. */
  static String masked(String argument) {
    return argument.substring(0, argument.indexOf('=') + 1) + "***";
  }

  /**
   * {@code argument} as messages about an input show it: {@link #masked} when it looks like an
   * assignment and names no file (a file may be called {@code a=b.json}), else as it is.
   */
  static String shownAsInput(String argument) {
    if (!looksLikeOne(argument)) {
      return argument;
    }
    try {
      return Files.exists(Path.of(argument)) ? argument : masked(argument);
    } catch (InvalidPathException e) {
      return masked(argument);
    }
  }

  /** The reason given for an input {@link #shownAsInput} masks: it names no file. */
  static String notAFile(String argument) {
    return "no such file or directory; " + toSet(List.of(argument));
  }

  /**
   * How to set the variables that {@code arguments} (assignments) meant to set: {@code to set the
   * variable, write --var pw=VALUE}, with the first {@link MessageLists#NAMES_LISTED} of several.
   */
  static String toSet(List<String> arguments) {
    List<String> options =
        arguments.stream().map(a -> "--var " + a.substring(0, a.indexOf('=')) + "=VALUE").toList();
    return (options.size() == 1 ? "to set the variable, write " : "to set the variables, write ")
        + MessageLists.capped(options, MessageLists.NAMES_LISTED);
  }
}
