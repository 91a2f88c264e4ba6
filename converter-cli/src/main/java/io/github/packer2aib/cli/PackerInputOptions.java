package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.Binding.bind;

import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.hcl.function.Clock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** Options for reading Packer templates: variable values ({@code --var}, {@code --var-file}). */
final class PackerInputOptions {

  List<String> vars = new ArrayList<>();
  List<String> varFiles = new ArrayList<>();
  List<String> data = new ArrayList<>();

  /** Adds {@code --var} and {@code --var-file}, bound to this object, to {@code spec}. */
  void addTo(CommandSpec spec) {
    spec.addOption(
        bind(
                OptionSpec.builder("--var")
                    .paramLabel("NAME=VALUE")
                    .type(List.class)
                    .auxiliaryTypes(String.class)
                    .converters(new VarConverter())
                    .description(
                        "Sets a Packer variable (repeatable; a later one wins). Takes precedence"
                            + " over var files and PKR_VAR_<name> environment variables."),
                () -> vars,
                v -> vars = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--data")
                    .paramLabel("data.T.N.A=VALUE")
                    .type(List.class)
                    .auxiliaryTypes(String.class)
                    .converters(new DataConverter())
                    .description(
                        "Gives attribute A of data source data.T.N (its TYPE and NAME), which only"
                            + " Packer's plugin could compute (repeatable; a later one wins), as in"
                            + " --data data.hcp-packer-image.base.id=ID."),
                () -> data,
                v -> data = v)
            .build());
    // Kept as typed; the element type Path only tells the completion script to offer file names.
    spec.addOption(
        bind(
                OptionSpec.builder("--var-file")
                    .paramLabel("FILE")
                    .type(List.class)
                    .auxiliaryTypes(Path.class)
                    .converters(new InputOptions.Verbatim())
                    .description(
                        "Reads Packer variable values from a .pkrvars.hcl or .json file"
                            + " (repeatable, in order), after a folder's *.auto.pkrvars.* files."),
                () -> varFiles,
                v -> varFiles = v)
            .build());
  }

  /** A {@code --var} argument must be NAME=VALUE with a name. */
  static final class VarConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.indexOf('=') <= 0) {
        // Never echo the value: it may be a secret given with the wrong syntax.
        throw new TypeConversionException("expected NAME=VALUE, as in --var location=westeurope");
      }
      return value;
    }
  }

  /** A {@code --data} argument must be data.TYPE.NAME.ATTRIBUTE=VALUE. */
  static final class DataConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      int eq = value.indexOf('=');
      if (eq < 0 || !PackerOptions.isDataKey(value.substring(0, eq))) {
        // Never echo the value: a Key Vault secret may be given this way.
        throw new TypeConversionException(
            "expected data.TYPE.NAME.ATTRIBUTE=VALUE, as in --data"
                + " data.hcp-packer-image.ubuntu.id=VALUE");
      }
      return value;
    }
  }

  /** The {@code --data} values by {@code data.TYPE.NAME.ATTRIBUTE}, a later one winning. */
  static Map<String, String> dataValues(List<String> arguments) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String a : arguments) {
      int eq = a.indexOf('=');
      values.put(a.substring(0, eq), a.substring(eq + 1));
    }
    return values;
  }

  /** The options for the core's Packer front ends, with the run's one clock. */
  PackerOptions toOptions(CommandSpec spec, Map<String, String> env, Path cwd) {
    List<Path> files = new ArrayList<>();
    for (String n : varFiles) {
      files.add(Path.of(n));
    }
    return new PackerOptions(
        vars, files, env, cwd, clock(spec, env.get("SOURCE_DATE_EPOCH")), dataValues(data));
  }

  /**
   * The run's one clock: {@code SOURCE_DATE_EPOCH} when set (reproducible builds), else now. An
   * invalid value is a usage error rather than a silent fallback.
   */
  private static Clock clock(CommandSpec spec, String sourceDateEpoch) {
    if (sourceDateEpoch == null || sourceDateEpoch.isBlank()) {
      return Clock.frozenAt(Instant.now());
    }
    return Clock.fromSourceDateEpoch(sourceDateEpoch)
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970"));
  }
}
