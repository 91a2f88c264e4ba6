package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.hcl.function.Clock;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a Packer run gets besides the template: the values given for its variables and the
 * environment it runs in.
 *
 * @param vars {@code --var NAME=VALUE} arguments in command-line order (a later one wins)
 * @param varFiles {@code --var-file} paths in command-line order, relative to the working directory
 *     or absolute
 * @param environment the process environment; {@code PKR_VAR_<name>} entries set variables and
 *     {@code env()} in variable defaults reads it
 * @param workingDirectory the absolute directory Packer runs in ({@code path.cwd})
 * @param clock the run's frozen clock for {@code timestamp()} and friends
 */
public record PackerOptions(
    List<String> vars,
    List<Path> varFiles,
    Map<String, String> environment,
    Path workingDirectory,
    Clock clock) {

  /**
   * The Packer version templates see ({@code packer.version}, {@code {{ packer_version }}}): a
   * recent release whose template language we follow.
   */
  public static final String PACKER_VERSION = "1.11.2";

  public PackerOptions {
    vars = List.copyOf(vars);
    varFiles = List.copyOf(varFiles);
    environment = frozen(environment);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    if (!workingDirectory.isAbsolute()) {
      throw new IllegalArgumentException("working directory must be absolute: " + workingDirectory);
    }
    Objects.requireNonNull(clock, "clock");
  }

  /** The environment this class froze last (see {@link #frozen}). */
  private static volatile Map<String, String> lastFrozen;

  /**
   * The environment as an unmodifiable sorted map, so every pass over it (PKR_VAR_*) is in a stable
   * order. A bulk run makes options per template from the command line's, whose environment is
   * already one this class froze: that one is kept as it is (nobody else holds the map behind it)
   * instead of being copied into a new tree per template.
   */
  private static Map<String, String> frozen(Map<String, String> environment) {
    if (environment == lastFrozen) {
      return environment;
    }
    Map<String, String> f = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
    lastFrozen = f;
    return f;
  }

  /**
   * Whether {@code environment} is one this class froze (the environment of some options),
   * unmodifiable: a reader that needs an immutable copy may keep it as it is. Only the latest is
   * known, which is the one a bulk run shares.
   */
  public static boolean isFrozen(Map<String, String> environment) {
    return environment == lastFrozen;
  }

  /** No variables, an empty environment. */
  public static PackerOptions defaults(Path workingDirectory, Clock clock) {
    return new PackerOptions(List.of(), List.of(), Map.of(), workingDirectory, clock);
  }
}
