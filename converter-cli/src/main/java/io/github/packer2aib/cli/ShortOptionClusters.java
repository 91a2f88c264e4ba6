package io.github.packer2aib.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Arguments that start with one '-' and hold more than an option letter, which picocli reads as
 * clustered short options ({@code -rq} is {@code -r -q}; {@code -oout} is {@code -o out}), checked
 * before picocli sees them. A file named {@code -hosts.yaml} was read as {@code -h -o sts.yaml}:
 * the help was printed and nothing checked, exit 0, so {@code validate --strict $(git ls-files
 * '*.yaml')} passed in CI; {@code -Vx} printed the version; {@code -x.yaml} said "Missing required
 * parameter: 'INPUT'", although an input was given. Clusters of real options keep working; {@code
 * -h} and {@code -V} are not clustered with other options (such a cluster is far more likely a file
 * name than a request for help; {@code -Vh}, the two alone, still prints the help), and an argument
 * whose letters are no options is a usage error; both say how to name a file that starts with '-'.
 */
final class ShortOptionClusters {
  private ShortOptionClusters() {}

  /**
   * A usage error: the command whose help the message points to, the message, and the argument when
   * it is an unknown option that picocli may suggest a near name for ({@code -strict}: did you mean
   * {@code --strict}), else null.
   */
  record Problem(CommandLine command, String message, String unknown) {}

  /**
   * The first argument of {@code args} that clusters {@code -h} or {@code -V} with other options,
   * or that starts with '-' and a letter no option of its command has; null when there is none.
   * Values of options, and everything after {@code --}, are no options and are passed over.
   */
  static Problem find(CommandLine top, String[] args) {
    CommandSpec spec = top.getCommandSpec();
    boolean inSubcommand = false;
    boolean value = false;
    for (String arg : args) {
      if (value) {
        value = false; // the value of the option before it, whatever it looks like
        continue;
      }
      if (arg.equals("--")) {
        return null;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        CommandLine sub = inSubcommand ? null : top.getSubcommands().get(arg);
        if (sub != null) {
          spec = sub.getCommandSpec();
          inSubcommand = true;
        }
        continue;
      }
      if (arg.startsWith("--")) {
        int eq = arg.indexOf('=');
        OptionSpec option = spec.findOption(eq < 0 ? arg : arg.substring(0, eq));
        value = option != null && eq < 0 && takesValue(option);
        continue; // an unknown long option is picocli's to name, with its suggestions
      }
      Problem problem = cluster(spec, arg);
      if (problem != null) {
        return problem;
      }
      value = valueFollows(spec, arg);
    }
    return null;
  }

  /** What is wrong with {@code arg} (one '-', then letters) as options of {@code spec}, or null. */
  private static Problem cluster(CommandSpec spec, String arg) {
    OptionSpec helpOrVersion = null;
    boolean others = false; // options but -h and -V
    for (int i = 1; i < arg.length(); i++) {
      OptionSpec option = spec.findOption(arg.charAt(i));
      if (option == null) {
        String kind = existing(arg);
        if (kind != null) {
          return new Problem(
              spec.commandLine(),
              "'"
                  + arg
                  + "' is read as options, but no option is spelt so, and it names a "
                  + kind
                  + " here: write ./"
                  + arg
                  + ", or put -- before the file names",
              null);
        }
        // A name with a dot or a slash is more likely a path than a mistyped option.
        boolean path = arg.indexOf('.') >= 0 || arg.indexOf('/') >= 0 || arg.indexOf('\\') >= 0;
        return new Problem(
            spec.commandLine(),
            "Unknown option: '" + shown(arg) + "'" + (path ? "; " + fileAdvice(arg) : ""),
            shown(arg));
      }
      if (option.usageHelp() || option.versionHelp()) {
        helpOrVersion = helpOrVersion == null ? option : helpOrVersion;
      } else {
        others = true;
      }
      if (takesValue(option)) {
        break; // the rest of the argument is its value (-oout)
      }
    }
    if (helpOrVersion != null && others) {
      String letter = helpOrVersion.shortestName();
      return new Problem(
          spec.commandLine(),
          "'"
              + shown(arg)
              + "' is read as "
              + letter
              + " ("
              + helpOrVersion.longestName()
              + ") with other options, which would print "
              + (helpOrVersion.usageHelp() ? "the help" : "the version")
              + " and do nothing else: write "
              + letter
              + " alone; "
              + fileAdvice(arg),
          null);
    }
    return null;
  }

  /** Whether the cluster ends with an option whose value is the next argument ({@code -ro out}). */
  private static boolean valueFollows(CommandSpec spec, String arg) {
    for (int i = 1; i < arg.length(); i++) {
      OptionSpec option = spec.findOption(arg.charAt(i));
      if (option == null) {
        return false;
      }
      if (takesValue(option)) {
        return i == arg.length() - 1; // else the rest of the argument is its value (-oout)
      }
    }
    return false;
  }

  private static boolean takesValue(OptionSpec option) {
    return option.arity().max() > 0;
  }

  private static String fileAdvice(String arg) {
    return "for a file or folder whose name starts with '-', write ./"
        + shown(arg)
        + ", or put -- before the file names";
  }

  /**
   * The argument as a message may show it: up to a '=', whose value might be a secret typed into a
   * mistyped option (as picocli's unknown options are named).
   */
  private static String shown(String arg) {
    int eq = arg.indexOf('=');
    return eq > 0 ? arg.substring(0, eq) : arg;
  }

  /** "file" or "folder" when {@code arg} names one (and holds no '='), else null. */
  private static String existing(String arg) {
    if (arg.indexOf('=') >= 0) {
      return null;
    }
    try {
      Path path = Path.of(arg);
      return Files.isDirectory(path) ? "folder" : Files.exists(path) ? "file" : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
