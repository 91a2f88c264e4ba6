package io.github.packer2aib.cli;

import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.diag.SecretScrubber;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code packer2aib} entry point. {@link #main} is the only place that exits the JVM; {@link
 * #run} does everything else with the streams it is given, so tests run the real command line.
 */
public final class Main {
  static final String DEBUG_ENV = "PACKER2AIB_DEBUG";
  private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

  private Main() {}

  public static void main(String[] args) {
    skipUnusedConverters();
    // The file descriptor itself, not System.out: that PrintStream would swallow write errors
    // before StandardOutput could see them.
    System.exit(
        runProcess(
            TypedArguments.asTyped(args),
            new StandardInput(System.in),
            new FileOutputStream(FileDescriptor.out),
            System.err,
            System.getenv(),
            Engine::core));
  }

  /**
   * A whole process's run on its standard streams, with the exit code {@link #main} ends with: as
   * {@link #run}, and when standard output could not be written (a full disk, {@code /dev/full}),
   * {@code error: cannot write standard output: <reason>} on stderr and exit 1. That line comes
   * last, after any summary or JSON document, since only the final flush can tell.
   */
  static int runProcess(
      String[] args,
      InputStream in,
      OutputStream stdout,
      OutputStream stderr,
      Map<String, String> env,
      Supplier<Engine> engine) {
    StandardOutput checked = new StandardOutput(stdout);
    // Templates are UTF-8 files, so stdout is UTF-8 whatever the platform's default charset.
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(new OutputStreamWriter(checked, StandardCharsets.UTF_8)));
    PrintWriter err =
        new PrintWriter(new BufferedWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8)));
    int code = run(args, in, out, err, env, engine);
    out.flush();
    Optional<String> failure = checked.failure();
    if (failure.isPresent()) {
      err.print("error: cannot write standard output: " + failure.get() + "\n");
      code = code == ExitCodes.OK ? ExitCodes.INPUT_ERROR : code;
    }
    err.flush();
    return code;
  }

  /**
   * Tells picocli not to register its converters for {@code java.time} and {@code java.sql} types,
   * unless the user configured that property. It looks each of those types up by reflection (and
   * initialises it) for every command line, which costs a cold run several milliseconds, and no
   * option of ours has such a type. A JVM-wide setting, so only the process entry point makes it.
   */
  private static void skipUnusedConverters() {
    if (System.getProperty(CONVERTER_EXCLUDES) == null) {
      System.setProperty(CONVERTER_EXCLUDES, "java\\.time\\..*,java\\.sql\\..*");
    }
  }

  /** Runs the command line and returns the exit code (see {@link ExitCodes}). */
  public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    return run(args, in, out, err, System.getenv(), Engine::core);
  }

  /**
   * As {@link #run(String[], InputStream, PrintWriter, PrintWriter)}, for tests: env and engine.
   */
  static int run(
      String[] args,
      InputStream in,
      PrintWriter out,
      PrintWriter err,
      Map<String, String> env,
      Supplier<Engine> engine) {
    boolean debugEnv = isDebug(env.get(DEBUG_ENV));
    try {
      args = ArgumentFiles.expand(args);
    } catch (ArgumentFiles.Problem e) {
      err.println("error: " + e.getMessage());
      err.println("Try 'packer2aib --help' for more information.");
      err.flush();
      return ExitCodes.USAGE;
    }
    CommandLine cmd = commandLine(args, in, engine, env);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setParameterExceptionHandler(new UsageErrorHandler());
    cmd.setExecutionExceptionHandler(new InternalErrorHandler(debugEnv));
    cmd.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
    ShortOptionClusters.Problem cluster = ShortOptionClusters.find(cmd, args);
    if (cluster != null) {
      err.print(ControlCharacters.escape("error: " + cluster.message()) + "\n");
      if (cluster.unknown() != null) {
        NearNames.print(cluster.unknown(), NearNames.optionNames(cluster.command()), "", err);
      }
      err.print(
          "Try '"
              + cluster.command().getCommandSpec().qualifiedName()
              + " --help' for more information.\n");
      err.flush();
      return ExitCodes.USAGE;
    }
    try {
      return cmd.execute(args);
    } catch (RuntimeException | StackOverflowError e) {
      // picocli's handlers cover the commands; this covers a failure in picocli's own paths.
      return internalError(e, err, debugEnv);
    } catch (OutOfMemoryError e) {
      // picocli's handlers take Exceptions only: without this, the JVM printed its stack trace.
      return outOfMemory(err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * The command tree for these arguments, with only the subcommands the run needs (see {@link
   * #subcommandsFor}): each one built costs start-up time, and the help command even reads
   * annotations by reflection.
   */
  static CommandLine commandLine(
      String[] args, InputStream in, Supplier<Engine> engine, Map<String, String> env) {
    Packer2AibCommand top = new Packer2AibCommand(in, engine, env);
    CommandLine cmd = new CommandLine(top.spec());
    for (String name : subcommandsFor(args)) {
      cmd.addSubcommand(name, Packer2AibCommand.SUBCOMMANDS.get(name).apply(top));
    }
    // Every command's --help ends with the codes it exits with: the top command and the work
    // commands with those of a run over inputs, the others (codes, completion, help) with theirs.
    setExitCodes(cmd, ExitCodes.helpList());
    for (CommandLine sub : cmd.getSubcommands().values()) {
      String name = sub.getCommandName();
      setExitCodes(
          sub,
          Packer2AibCommand.WORK_COMMANDS.contains(name)
              ? ExitCodes.helpList()
              : ExitCodes.helpListWithoutInputs());
    }
    // Comma-separated values are split at every comma, quotes or not: picocli's default keeps a
    // quoted part together and prints "[picocli WARN] Unbalanced quotes" for a value holding one
    // quote (--only '"x'), on stderr, where --diagnostics-format json promises one JSON document.
    // No value of ours needs a quoted comma (codes, globs of names).
    splitAtEveryComma(cmd);
    helpBrokenAtSpaces(cmd);
    // Argument files were read by ArgumentFiles (run): an argument starting with @ is itself.
    cmd.setExpandAtFiles(false);
    return cmd;
  }

  private static void setExitCodes(CommandLine c, Map<String, String> codes) {
    c.getCommandSpec()
        .usageMessage()
        .exitCodeListHeading(ExitCodes.HELP_HEADING)
        .exitCodeList(codes);
  }

  /** Each command's --help breaks its lines at spaces only (see {@link HelpText}). */
  private static void helpBrokenAtSpaces(CommandLine c) {
    HelpText.install(c);
    for (CommandLine sub : c.getSubcommands().values()) {
      helpBrokenAtSpaces(sub);
    }
  }

  private static void splitAtEveryComma(CommandLine c) {
    c.getCommandSpec().parser().splitQuotedStrings(true);
    for (CommandLine sub : c.getSubcommands().values()) {
      splitAtEveryComma(sub);
    }
  }

  /**
   * The subcommands a run with these arguments needs, in the order --help lists them. A run of a
   * work command (convert, validate, inspect) needs only that one. A run that only asks for the
   * version needs none: picocli prints it before it looks for a subcommand. The other runs may show
   * the other subcommands (the top-level help, {@code help}, {@code completion}, suggestions for a
   * mistyped command name), so they get them all.
   */
  static List<String> subcommandsFor(String[] args) {
    String name = commandName(args);
    if (Packer2AibCommand.WORK_COMMANDS.contains(name)) {
      return List.of(name);
    }
    if (asksOnlyForTheVersion(args)) {
      return List.of();
    }
    return List.copyOf(Packer2AibCommand.SUBCOMMANDS.keySet());
  }

  /**
   * Whether the arguments are {@code -V} or {@code --version}, with nothing but {@code --debug}.
   */
  private static boolean asksOnlyForTheVersion(String[] args) {
    boolean version = false;
    for (String arg : args) {
      if (arg.equals("-V") || arg.equals("--version")) {
        version = true;
      } else if (!arg.equals("--debug")) {
        return false;
      }
    }
    return version;
  }

  /**
   * The first argument that is not an option of the top command (none of which takes a value), or
   * "": the subcommand picocli will run, if it names one.
   */
  static String commandName(String[] args) {
    for (String arg : args) {
      if (arg.equals("--") || !arg.startsWith("-") || arg.equals("-")) {
        return arg;
      }
    }
    return "";
  }

  private static boolean isDebug(String value) {
    return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
  }

  static int internalError(Throwable e, PrintWriter err, boolean debug) {
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    err.print(
        "internal error: "
            + ControlCharacters.escape(SecretScrubber.scrub(message))
            + " — please report this with the input that caused it\n");
    if (debug) {
      e.printStackTrace(err);
    } else {
      err.print("(set " + DEBUG_ENV + "=1 or pass --debug to see the stack trace)\n");
    }
    err.flush();
    return ExitCodes.INTERNAL;
  }

  /**
   * The Java heap ran out: one line that says how to give the JVM more (an input that needs more
   * than 1 GiB, or a bug), exit 70. Whatever held the memory is unreachable by now.
   */
  static int outOfMemory(PrintWriter err) {
    long heapMib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    // Advice that is more than the JVM had: twice its heap, in whole GiB, at least 4.
    long moreGib = Math.max(4, (2 * heapMib + 1023) / 1024);
    err.print(
        "internal error: out of memory: the Java heap ("
            + heapMib
            + " MiB) is too small for this input; give the JVM more with JAVA_OPTS=-Xmx"
            + moreGib
            + "g, and report it with the input if it is an ordinary template\n");
    err.flush();
    return ExitCodes.INTERNAL;
  }

  /** An exception from a command is our bug: one line, a stack trace only on request. */
  private static final class InternalErrorHandler implements IExecutionExceptionHandler {
    private final boolean debugEnv;

    InternalErrorHandler(boolean debugEnv) {
      this.debugEnv = debugEnv;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
      return internalError(e, cmd.getErr(), debugEnv || debugRequested(parseResult));
    }

    private static boolean debugRequested(ParseResult parseResult) {
      for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
        if (p.hasMatchedOption("--debug")) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * A usage error: the message, suggestions for a mistyped name, and a pointer to --help (not the
   * whole help, which would bury the message). Unknown options are named without their {@code
   * =value}, which might be a secret typed into the wrong option, and an unmatched {@code
   * NAME=VALUE} as {@code NAME=***} (a variable set without {@code --var}).
   */
  private static final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException reported, String[] args) {
      ParameterException e = unknownFirst(reported);
      CommandLine cmd = e.getCommandLine();
      PrintWriter err = cmd.getErr();
      err.print(ControlCharacters.escape("error: " + message(e)) + "\n");
      suggest(e, err);
      err.print(
          "Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.\n");
      err.flush();
      return ExitCodes.USAGE;
    }

    /**
     * The error to report: an unknown argument before a missing one. picocli checks the required
     * parameters before it looks at what it could not match, so {@code validate --strcit} said
     * "Missing required parameter: 'INPUT'": the file the user had not typed yet, never the typo.
     * As git and Packer do, the unknown option is named (with its suggestions) whatever else is
     * missing; once it is fixed, a missing INPUT is still reported.
     */
    private static ParameterException unknownFirst(ParameterException e) {
      if (e instanceof MissingParameterException) {
        List<String> unmatched = e.getCommandLine().getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
          return new UnmatchedArgumentException(e.getCommandLine(), unmatched);
        }
      }
      return e;
    }

    /**
     * The near names for what was mistyped ({@link NearNames}): an unknown option among the
     * command's options; a word where a command was expected among the commands; the topic of
     * {@code help} among the commands it can describe.
     */
    private static void suggest(ParameterException e, PrintWriter err) {
      CommandLine cmd = e.getCommandLine();
      String command = cmd.getCommandSpec().qualifiedName();
      List<String> commands = List.copyOf(cmd.getSubcommands().keySet());
      if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
        for (String arg : u.getUnmatched()) {
          if (arg.startsWith("-") && arg.length() > 1) {
            NearNames.print(arg, NearNames.optionNames(cmd), "", err);
            return;
          }
        }
        if (!commands.isEmpty()) {
          NearNames.print(u.getUnmatched().get(0), commands, command + " ", err);
        }
      } else if (isUnknownHelpTopic(e)) {
        NearNames.print(e.getValue(), commands, command + " help ", err);
      }
    }

    /** picocli's help command's error for {@code help convet}, raised on the top command. */
    private static boolean isUnknownHelpTopic(ParameterException e) {
      return e.getClass() == ParameterException.class
          && e.getArgSpec() == null
          && e.getValue() != null
          && ("Unknown subcommand '" + e.getValue() + "'.").equals(e.getMessage());
    }

    private static String message(ParameterException e) {
      if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
        List<String> options = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String arg : u.getUnmatched()) {
          if (arg.startsWith("-") && arg.length() > 1) {
            int eq = arg.indexOf('=');
            options.add("'" + (eq > 0 ? arg.substring(0, eq) : arg) + "'");
          } else {
            // NAME=VALUE is a variable set without --var: its value may be a secret.
            others.add("'" + (Assignments.looksLikeOne(arg) ? Assignments.masked(arg) : arg) + "'");
          }
        }
        List<String> parts = new ArrayList<>();
        if (!options.isEmpty()) {
          parts.add(
              (options.size() == 1 ? "Unknown option: " : "Unknown options: ")
                  + String.join(", ", options));
        }
        if (!others.isEmpty()) {
          parts.add(
              (others.size() == 1 ? "Unmatched argument: " : "Unmatched arguments: ")
                  + String.join(", ", others));
        }
        return SecretScrubber.scrub(String.join("; ", parts));
      }
      return SecretScrubber.scrub(String.valueOf(e.getMessage()));
    }
  }
}
