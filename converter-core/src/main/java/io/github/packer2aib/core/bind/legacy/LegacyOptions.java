package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.diag.Redacted;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.function.EnvironmentVariables;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What loading a legacy template needs from outside the template. The caller reads every file; the
 * core does no I/O.
 *
 * @param vars {@code --var name=value}, in command-line order, then a settings file's values (a
 *     later one wins)
 * @param varFiles {@code --var-file} files (JSON objects of string values), in command-line order
 * @param environment the environment {@code {{ env `NAME` }}} reads
 * @param templateDir the absolute folder of the template ({@code {{ template_dir }}})
 * @param workingDir the absolute working directory ({@code {{ pwd }}})
 * @param clock the run's frozen clock ({@code timestamp}, {@code isotime}, {@code uuid}, …)
 * @param packerVersion what {@code {{ packer_version }}} returns; empty makes it unknown
 * @param unsetVariablesAllowed whether a required variable without a value is unknown with a note
 *     ({@code LEGACY-N001}, for {@code inspect}) rather than an error ({@code LEGACY-E010})
 */
public record LegacyOptions(
    List<Var> vars,
    List<SourceFile> varFiles,
    Map<String, String> environment,
    String templateDir,
    String workingDir,
    Clock clock,
    Optional<String> packerVersion,
    boolean unsetVariablesAllowed) {

  public LegacyOptions {
    vars = List.copyOf(vars);
    varFiles = List.copyOf(varFiles);
    // Options made per template share the run's frozen environment rather than copying it.
    environment = EnvironmentVariables.frozen(environment);
    Objects.requireNonNull(templateDir, "templateDir");
    Objects.requireNonNull(workingDir, "workingDir");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(packerVersion, "packerVersion");
  }

  /** Options that require every variable to have a value. */
  public LegacyOptions(
      List<Var> vars,
      List<SourceFile> varFiles,
      Map<String, String> environment,
      String templateDir,
      String workingDir,
      Clock clock,
      Optional<String> packerVersion) {
    this(vars, varFiles, environment, templateDir, workingDir, clock, packerVersion, false);
  }

  /** Options with no variables, no environment, and the given folders and clock. */
  public static LegacyOptions of(String templateDir, String workingDir, Clock clock) {
    return new LegacyOptions(
        List.of(), List.of(), Map.of(), templateDir, workingDir, clock, Optional.empty());
  }

  public LegacyOptions withVars(List<Var> more) {
    return new LegacyOptions(
        more,
        varFiles,
        environment,
        templateDir,
        workingDir,
        clock,
        packerVersion,
        unsetVariablesAllowed);
  }

  public LegacyOptions withVarFiles(List<SourceFile> files) {
    return new LegacyOptions(
        vars,
        files,
        environment,
        templateDir,
        workingDir,
        clock,
        packerVersion,
        unsetVariablesAllowed);
  }

  public LegacyOptions withEnvironment(Map<String, String> env) {
    return new LegacyOptions(
        vars, varFiles, env, templateDir, workingDir, clock, packerVersion, unsetVariablesAllowed);
  }

  /**
   * One {@code --var name=value}, or one value of a settings file's {@code vars}, which a legacy
   * template reads the same way (and which wins over the command line's, coming after them).
   *
   * @param fromSettings whether a settings file gives it: its messages then name the settings file,
   *     not a {@code --var} the user never typed
   * @param at where the settings file names the variable, when known
   */
  public record Var(String name, String value, boolean fromSettings, Optional<Range> at) {
    public Var {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(at, "at");
    }

    /** A {@code --var name=value}. */
    public Var(String name, String value) {
      this(name, value, false, Optional.empty());
    }

    /** A value of a settings file's {@code vars}, whose name is written at {@code at}. */
    public static Var fromSettings(String name, String value, Optional<Range> at) {
      return new Var(name, value, true, at);
    }

    /** Leaves out the value: it may be a secret ({@link Redacted}). */
    @Override
    public String toString() {
      return Redacted.named("Var", name);
    }
  }

  /**
   * Leaves out the environment's values, naming its variables only ({@link Redacted}); the
   * variables print their names ({@link Var}).
   */
  @Override
  public String toString() {
    return "LegacyOptions[vars="
        + vars
        + ", varFiles="
        + varFiles.stream().map(SourceFile::name).toList()
        + ", environment="
        + Redacted.names(environment)
        + ", templateDir="
        + templateDir
        + ", workingDir="
        + workingDir
        + ", clock="
        + clock
        + ", packerVersion="
        + packerVersion
        + ", unsetVariablesAllowed="
        + unsetVariablesAllowed
        + "]";
  }
}
