package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.Redacted;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.function.EnvironmentVariables;
import io.github.packer2aib.core.source.Range;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a Packer run gets besides the template: the values given for its variables and the
 * environment it runs in.
 *
 * @param vars {@code --var NAME=VALUE} arguments in command-line order (a later one wins)
 * @param varFiles {@code --var-file} paths in command-line order, relative to the working directory
 *     or absolute
 * @param environment the process environment; {@code PKR_VAR_<name>} entries set variables and
 *     {@code env()} in variable defaults reads it (kept {@link EnvironmentVariables#frozen frozen})
 * @param workingDirectory the absolute directory Packer runs in ({@code path.cwd})
 * @param clock the run's frozen clock for {@code timestamp()} and friends
 * @param data values of data source attributes that only Packer's plugins could compute, given
 *     instead ({@code --data data.TYPE.NAME.ATTRIBUTE=VALUE}), by {@code data.TYPE.NAME.ATTRIBUTE}
 * @param settingVars the values a settings file gives ({@code convert -r --settings}), after {@code
 *     vars} (a later one wins): as {@code --var} values, but a variable the template does not
 *     declare is not an error there (a settings file serves many templates)
 * @param unsetVariablesAllowed whether a variable without a value is unknown with a note ({@code
 *     PKR-N033}, {@code LEGACY-N001}) rather than an error: {@code inspect} shows what a template
 *     needs before its values are known, as {@code packer inspect} does; a conversion needs them
 */
public record PackerOptions(
    List<String> vars,
    List<Path> varFiles,
    Map<String, String> environment,
    Path workingDirectory,
    Clock clock,
    Map<String, String> data,
    List<SettingVar> settingVars,
    boolean unsetVariablesAllowed) {

  /**
   * A variable's value from a settings file.
   *
   * @param at where the settings file writes its name, when known
   * @param pointer the JSON pointer of its name in the settings file, when known
   * @param everyTemplate given by the file's defaults to every template (not by an entry that names
   *     this one): a template that does not declare it is told nothing worse than a note
   */
  public record SettingVar(
      String name,
      String value,
      Optional<Range> at,
      Optional<String> pointer,
      boolean everyTemplate) {
    public SettingVar {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(pointer, "pointer");
    }

    /** Leaves out the value: it may be a secret ({@link Redacted}). */
    @Override
    public String toString() {
      return Redacted.named("SettingVar", name);
    }
  }

  /** Options that require every variable to have a value, as a conversion does. */
  public PackerOptions(
      List<String> vars,
      List<Path> varFiles,
      Map<String, String> environment,
      Path workingDirectory,
      Clock clock,
      Map<String, String> data,
      List<SettingVar> settingVars) {
    this(vars, varFiles, environment, workingDirectory, clock, data, settingVars, false);
  }

  /** These options, but a variable without a value is unknown, with a note (for inspect). */
  public PackerOptions withUnsetVariablesAllowed() {
    return new PackerOptions(
        vars, varFiles, environment, workingDirectory, clock, data, settingVars, true);
  }

  /** Options without settings file values. */
  public PackerOptions(
      List<String> vars,
      List<Path> varFiles,
      Map<String, String> environment,
      Path workingDirectory,
      Clock clock,
      Map<String, String> data) {
    this(vars, varFiles, environment, workingDirectory, clock, data, List.of());
  }

  /** Options without data source values. */
  public PackerOptions(
      List<String> vars,
      List<Path> varFiles,
      Map<String, String> environment,
      Path workingDirectory,
      Clock clock) {
    this(vars, varFiles, environment, workingDirectory, clock, Map.of());
  }

  /**
   * The Packer version templates see ({@code packer.version}, {@code {{ packer_version }}}): a
   * recent release whose template language we follow.
   */
  public static final String PACKER_VERSION = "1.11.2";

  public PackerOptions {
    vars = List.copyOf(vars);
    varFiles = List.copyOf(varFiles);
    environment = EnvironmentVariables.frozen(environment);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    if (!workingDirectory.isAbsolute()) {
      throw new IllegalArgumentException("working directory must be absolute: " + workingDirectory);
    }
    Objects.requireNonNull(clock, "clock");
    // Sorted, so that what is reported about them comes in one order.
    data = data.isEmpty() ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(data));
    settingVars = List.copyOf(settingVars);
  }

  /**
   * Whether {@code key} names a data source attribute as {@link #data} keys must:
   * data.TYPE.NAME.ATTRIBUTE, none of the three empty.
   */
  public static boolean isDataKey(String key) {
    String[] parts = key.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("data")) {
      return false;
    }
    return !parts[1].isEmpty() && !parts[2].isEmpty() && !parts[3].isEmpty();
  }

  /**
   * Leaves out the values of the variables, the environment and the data sources, naming them only
   * ({@link Redacted}): they hold secrets ({@code --var client_secret=…}, the CI job's {@code
   * ARM_CLIENT_SECRET}), and an embedder that logs its options printed them.
   */
  @Override
  public String toString() {
    return "PackerOptions[vars="
        + Redacted.assignmentNames(vars)
        + ", varFiles="
        + varFiles
        + ", environment="
        + Redacted.names(environment)
        + ", workingDirectory="
        + workingDirectory
        + ", clock="
        + clock
        + ", data="
        + Redacted.names(data)
        + ", settingVars="
        + settingVars
        + ", unsetVariablesAllowed="
        + unsetVariablesAllowed
        + "]";
  }

  /** No variables, an empty environment. */
  public static PackerOptions defaults(Path workingDirectory, Clock clock) {
    return new PackerOptions(List.of(), List.of(), Map.of(), workingDirectory, clock);
  }
}
