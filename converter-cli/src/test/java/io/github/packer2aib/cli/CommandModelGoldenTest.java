package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The parsing model of every command, pinned as text (golden file {@code model.txt}, rewritten with
 * {@code -Dgolden.update=true}): what the help text does not show of an option, such as its type,
 * arity, split pattern, scope and initial value, which decide how a command line is parsed. The
 * runs of convert, validate and inspect build only their own command, which must be the same
 * command as in the whole tree.
 */
class CommandModelGoldenTest {

  @Test
  void theWholeTreeMatchesTheGoldenModel() throws IOException {
    CliGoldenTest.checkGolden("model.txt", describe(tree(new String[0])));
  }

  @Test
  void aWorkCommandAloneIsTheSameCommandAsInTheWholeTree() {
    CommandLine whole = tree(new String[0]);
    for (String name : List.of("convert", "validate", "inspect")) {
      CommandLine alone = tree(new String[] {name, "x.json"});

      assertEquals(
          describe(whole.getSubcommands().get(name).getCommandSpec()),
          describe(alone.getSubcommands().get(name).getCommandSpec()),
          name);
      assertEquals(describe(whole.getCommandSpec()), describe(alone.getCommandSpec()), name);
    }
  }

  private static CommandLine tree(String[] args) {
    return Main.commandLine(args, InputStream.nullInputStream(), Engine::core, Map.of());
  }

  private static String describe(CommandLine cmd) {
    StringBuilder b = new StringBuilder();
    b.append(describe(cmd.getCommandSpec()));
    for (CommandLine sub : cmd.getSubcommands().values()) {
      b.append(describe(sub));
    }
    return b.toString();
  }

  private static String describe(CommandSpec spec) {
    StringBuilder b = new StringBuilder();
    b.append("command ")
        .append(spec.qualifiedName())
        .append(" aliases=")
        .append(Arrays.toString(spec.aliases()))
        .append(" helpCommand=")
        .append(spec.helpCommand())
        .append(" exitCodeOnSuccess=")
        .append(spec.exitCodeOnSuccess())
        .append(" exitCodeOnUsageHelp=")
        .append(spec.exitCodeOnUsageHelp())
        .append(" exitCodeOnVersionHelp=")
        .append(spec.exitCodeOnVersionHelp())
        .append(" exitCodeOnInvalidInput=")
        .append(spec.exitCodeOnInvalidInput())
        .append(" exitCodeOnExecutionException=")
        .append(spec.exitCodeOnExecutionException())
        .append(" subcommandsRepeatable=")
        .append(spec.subcommandsRepeatable())
        .append(" interpolateVariables=")
        .append(spec.interpolateVariables())
        .append(" negatableOptionTransformer=")
        .append(spec.negatableOptionTransformer().getClass().getSimpleName())
        .append(" version=")
        .append(Arrays.toString(spec.version()).replace(VersionProvider.version(), "<version>"))
        .append('\n');
    for (OptionSpec o : spec.options()) {
      b.append("  option ")
          .append(Arrays.toString(o.names()))
          .append(" negatable=")
          .append(o.negatable())
          .append(" usageHelp=")
          .append(o.usageHelp())
          .append(" versionHelp=")
          .append(o.versionHelp())
          .append(" help=")
          .append(o.help())
          .append(" order=")
          .append(o.order())
          .append(" fallbackValue=")
          .append(o.fallbackValue());
      arg(b, o);
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      b.append("  positional index=").append(p.index());
      arg(b, p);
    }
    return b.toString();
  }

  private static void arg(StringBuilder b, ArgSpec a) {
    // A flag's label and an empty description key are never shown or used: left out.
    if (a.arity().max() > 0) {
      b.append(" label=").append(a.paramLabel());
    }
    b.append(" arity=")
        .append(a.arity())
        .append(" type=")
        .append(a.type().getName())
        .append(" auxiliaryTypes=")
        .append(Arrays.toString(a.auxiliaryTypes()))
        .append(" split=")
        .append(a.splitRegex())
        .append(" required=")
        .append(a.required())
        .append(" hidden=")
        .append(a.hidden())
        .append(" interactive=")
        .append(a.interactive())
        .append(" inherited=")
        .append(a.inherited())
        .append(" scope=")
        .append(a.scopeType())
        .append(" defaultValue=")
        .append(a.defaultValue())
        .append(" initialValue=")
        .append(a.initialValue())
        .append(" hasInitialValue=")
        .append(a.hasInitialValue())
        .append(" mapFallbackValue=")
        .append(a.mapFallbackValue())
        .append(" converters=")
        .append(a.converters().length)
        .append(" candidates=")
        .append(a.completionCandidates())
        .append(" showDefault=")
        .append(a.showDefaultValue())
        .append(" descriptionKey=")
        .append(a.descriptionKey() == null ? "" : a.descriptionKey())
        .append(" description=")
        .append(Arrays.toString(a.description()).length())
        .append('\n');
  }
}
