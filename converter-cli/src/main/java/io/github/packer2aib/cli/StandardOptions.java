package io.github.packer2aib.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code -h/--help} and {@code -V/--version} options of every command, as picocli's {@code
 * mixinStandardHelpOptions} declares them (same names, descriptions and description keys). That
 * attribute builds them from an annotated class by reflection, which a cold run cannot afford.
 */
final class StandardOptions {
  private StandardOptions() {}

  /** Adds both options to {@code spec}; picocli lists them after the command's own options. */
  static void addTo(CommandSpec spec) {
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .type(boolean.class)
            .initialValue(false)
            .descriptionKey("mixinStandardHelpOptions.help")
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .type(boolean.class)
            .initialValue(false)
            .descriptionKey("mixinStandardHelpOptions.version")
            .description("Print version information and exit.")
            .build());
  }
}
