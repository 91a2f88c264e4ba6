package io.github.packer2aib.cli;

import io.github.packer2aib.core.OutputFormat;
import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.mapping.packer.OptionValues;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters and completion candidates for option values. Values are lower case on the command line
 * and matched case-insensitively; a bad value is a usage error (exit 2) whose message lists what is
 * accepted.
 */
final class OptionTypes {
  private OptionTypes() {}

  /**
   * {@code --api-version}, which convert and validate both take (each with its own description).
   */
  static OptionSpec.Builder apiVersionOption() {
    return OptionSpec.builder("--api-version")
        .paramLabel("VER")
        .type(ApiVersion.class)
        .converters(new ApiVersionConverter())
        .completionCandidates(ApiVersion.ids());
  }

  /**
   * {@code --identity} of {@code convert} and {@code validate}: the user-assigned managed identity
   * set as each template's identity (checked as {@link IdentityConverter} says).
   */
  static OptionSpec.Builder identityOption() {
    return OptionSpec.builder("--identity")
        .paramLabel("RESOURCE_ID")
        .type(String.class)
        .converters(new IdentityConverter());
  }

  static final class ApiVersionConverter implements ITypeConverter<ApiVersion> {
    @Override
    public ApiVersion convert(String value) {
      return ApiVersion.parseLeniently(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "unknown API version '"
                          + value
                          + "'; supported versions: "
                          + String.join(", ", ApiVersion.ids())));
    }
  }

  static final class FormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      for (OutputFormat f : OutputFormat.values()) {
        if (f.extension().equalsIgnoreCase(value.trim())) {
          return f;
        }
      }
      throw new TypeConversionException(
          "unknown format '" + value + "'; expected one of: " + String.join(", ", formats()));
    }
  }

  /**
   * A path option ({@code -o}, {@code --report}, {@code --settings}). Picocli's own converter
   * quoted Java's exception ("cannot convert '��/out' to interface java.nio.file.Path
   * (java.nio.file.InvalidPathException: Malformed input ...)"); this one says why, as {@link
   * PathSpelling} does.
   */
  static final class PathConverter implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      try {
        return Path.of(value);
      } catch (InvalidPathException e) {
        throw new TypeConversionException(PathSpelling.whyInvalid(value));
      }
    }
  }

  /** The values of {@code --format}, as completion candidates and in its error message. */
  static List<String> formats() {
    List<String> names = new ArrayList<>();
    for (OutputFormat f : OutputFormat.values()) {
      names.add(f.extension());
    }
    return names;
  }

  /** The values of {@code --diagnostics-format}, as completion candidates. */
  static final List<String> DIAGNOSTICS_FORMATS = List.of("text", "json", "sarif");

  static final class DiagnosticsFormatConverter implements ITypeConverter<DiagnosticsFormat> {
    @Override
    public DiagnosticsFormat convert(String value) {
      for (DiagnosticsFormat f : DiagnosticsFormat.values()) {
        if (f.name().equalsIgnoreCase(value.trim())) {
          return f;
        }
      }
      throw new TypeConversionException(
          "unknown diagnostics format '"
              + value
              + "'; expected one of: "
              + String.join(", ", DIAGNOSTICS_FORMATS));
    }
  }

  /**
   * The resource id of a user-assigned managed identity. ARM ids are case-insensitive, so the
   * segment names are matched case-insensitively; the value itself is not echoed in the error.
   */
  static final class IdentityConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!OptionValues.isUserAssignedIdentity(value)) {
        throw new TypeConversionException(
            "expected the resource id of a user-assigned managed identity, like "
                + OptionValues.IDENTITY_EXAMPLE);
      }
      return value;
    }
  }

  /**
   * A base URI for uploads: an http(s) URL with a host, without a fragment, a SAS signature or a
   * user name and password (each would be copied into every URI of every template: a usage error,
   * not one error per template). The value is not echoed: it may hold the credential.
   */
  static final class BaseUriConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      Optional<OptionValues.BaseUriProblem> problem = OptionValues.baseUriProblem(value);
      if (problem.isEmpty()) {
        return value;
      }
      if (problem.get() == OptionValues.BaseUriProblem.NOT_HTTP_URL) {
        throw new TypeConversionException(
            "expected an http or https URL with a host and without a fragment (#), like"
                + " https://<account>.blob.core.windows.net/<container>/");
      }
      throw new TypeConversionException("the URL" + problem.get().why());
    }
  }

  /**
   * A value that must say something ({@code --subscription}, {@code --location}): an empty or blank
   * one wrote {@code "location": ""} and {@code /subscriptions/ /resourceGroups/…} into templates
   * Azure refuses, where leaving the option out reports what is missing.
   */
  static final class NonBlankConverter implements ITypeConverter<String> {
    private final String expected;

    NonBlankConverter(String expected) {
      this.expected = expected;
    }

    @Override
    public String convert(String value) {
      if (value.isBlank()) {
        throw new TypeConversionException("expected " + expected + ", not an empty value");
      }
      return value.strip();
    }
  }

  /**
   * {@code --location}: a region's name, normalized as the Azure plugin normalizes a template's
   * location ({@code "West Europe"} is {@code westeurope}); a value no region can have is a usage
   * error rather than a template Azure refuses at deployment.
   */
  static final class RegionConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String given = new NonBlankConverter("a region such as westeurope").convert(value);
      return OptionValues.region(given)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "expected a region such as westeurope (letters and digits; spaces and upper"
                          + " case are taken out), not '"
                          + given
                          + "'"));
    }
  }

  /** {@code -q/--quiet}, as convert, validate and inspect declare it. */
  static OptionSpec.Builder quiet() {
    return OptionSpec.builder("-q", "--quiet")
        .type(boolean.class)
        .description(
            "Print only errors on stderr (and warnings with --strict): no notes, no summary.");
  }

  /** {@code --diagnostics-format KIND}, with the command's description of it. */
  static OptionSpec.Builder diagnosticsFormat(String description) {
    return OptionSpec.builder("--diagnostics-format")
        .paramLabel("KIND")
        .type(DiagnosticsFormat.class)
        .converters(new DiagnosticsFormatConverter())
        .completionCandidates(DIAGNOSTICS_FORMATS)
        .description(description);
  }

  /**
   * {@code --ignore CODE}, as convert and validate declare it: their {@code --report} still records
   * the codes.
   */
  static OptionSpec.Builder ignore() {
    return ignore("; --report still records them");
  }

  /** {@code --ignore CODE} of inspect, which has no {@code --report} to mention. */
  static OptionSpec.Builder ignoreWithoutReport() {
    return ignore("");
  }

  private static OptionSpec.Builder ignore(String report) {
    return OptionSpec.builder("--ignore")
        .paramLabel("CODE")
        .splitRegex(",")
        .type(List.class)
        .auxiliaryTypes(String.class)
        .converters(new IgnoredCodes.Converter())
        .completionCandidates(IgnoredCodes.ignorable())
        .description(
            "Accept warnings or notes of these codes (repeatable or comma-separated, as in"
                + " --ignore PKRMAP-W301,PKRMAP-N102): they are not printed and do not fail"
                + " --strict"
                + report
                + ". Errors cannot be ignored.");
  }
}
