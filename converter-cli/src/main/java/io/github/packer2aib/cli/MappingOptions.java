package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.Binding.bind;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/** What converting a Packer template needs that Packer templates never say. */
final class MappingOptions {

  List<String> only = new ArrayList<>();
  List<String> except = new ArrayList<>();
  String subscription;
  String location;
  String scriptBaseUri;
  String fileBaseUri;
  boolean skipUnsupported;
  MapOptions.GalleryVersioning galleryVersioning = MapOptions.GalleryVersioning.EXPLICIT;
  Integer buildTimeout;

  /** Adds the mapping options, bound to this object, to {@code spec}. */
  void addTo(CommandSpec spec) {
    spec.addOption(
        bind(
                OptionSpec.builder("--only")
                    .paramLabel("USAGE")
                    .splitRegex(",")
                    .type(List.class)
                    .auxiliaryTypes(String.class)
                    .description(
                        "Convert only these source usages (type.name or name, globs allowed;"
                            + " repeatable or comma-separated), as Packer's -only."),
                () -> only,
                v -> only = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--except")
                    .paramLabel("USAGE")
                    .splitRegex(",")
                    .type(List.class)
                    .auxiliaryTypes(String.class)
                    .description("Skip these source usages (as --only)."),
                () -> except,
                v -> except = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--subscription")
                    .paramLabel("ID")
                    .type(String.class)
                    .converters(new OptionTypes.NonBlankConverter("a subscription id"))
                    .description(
                        "Subscription id for resource ids the template names only by group and"
                            + " name, when it has no subscription_id."),
                () -> subscription,
                v -> subscription = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--location")
                    .paramLabel("REGION")
                    .type(String.class)
                    .converters(new OptionTypes.RegionConverter())
                    .description("The template's location when the Packer template has none."),
                () -> location,
                v -> location = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--script-base-uri")
                    .paramLabel("URI")
                    .type(String.class)
                    .converters(new OptionTypes.BaseUriConverter())
                    .description(
                        "Where local scripts are uploaded: each becomes scriptUri = URI + its path"
                            + " relative to the template's folder, with its SHA-256. Without it,"
                            + " scripts are inlined."),
                () -> scriptBaseUri,
                v -> scriptBaseUri = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--file-base-uri")
                    .paramLabel("URI")
                    .type(String.class)
                    .converters(new OptionTypes.BaseUriConverter())
                    .description(
                        "Where files of file provisioners are uploaded (as --script-base-uri)."
                            + " Without it, small text files are embedded and others are errors."),
                () -> fileBaseUri,
                v -> fileBaseUri = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--skip-unsupported")
                    .type(boolean.class)
                    .description(
                        "Drop provisioners that have no AIB equivalent (ansible, shell-local, …)"
                            + " with a warning instead of failing."),
                () -> skipUnsupported,
                v -> skipUnsupported = v)
            .build());
    spec.addOption(
        bind(
                // A label of its own: the completion script keeps the values of each label in
                // one variable, and --progress's MODE took over this option's values.
                OptionSpec.builder("--gallery-versioning")
                    .paramLabel("VERSIONING")
                    .type(MapOptions.GalleryVersioning.class)
                    .converters(new VersioningConverter())
                    .completionCandidates(List.of("explicit", "latest"))
                    .description(
                        "explicit (default): keep the template's image_version; latest: let AIB"
                            + " number gallery image versions (API 2022-07-01 and later)."),
                () -> galleryVersioning,
                v -> galleryVersioning = v)
            .build());
    spec.addOption(
        bind(
                OptionSpec.builder("--build-timeout")
                    .paramLabel("MINUTES")
                    .type(Integer.class)
                    .converters(new BuildTimeoutConverter())
                    .description(
                        "The template's buildTimeoutInMinutes: 6 to 960, or 0 for Image"
                            + " Builder's default (240). Packer templates have no such limit;"
                            + " without it the template sets none."),
                () -> buildTimeout,
                v -> buildTimeout = v)
            .build());
  }

  /** Minutes as Image Builder takes them for buildTimeoutInMinutes: 0 (its default) or 6 to 960. */
  static final class BuildTimeoutConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      Optional<Integer> minutes = MapOptions.buildTimeoutMinutes(value);
      if (minutes.isEmpty()) {
        throw new TypeConversionException(
            "expected 0 (Image Builder's default, 240 minutes) or a whole number of minutes from 6"
                + " to 960, not '"
                + value
                + "'");
      }
      return minutes.get();
    }
  }

  static final class VersioningConverter implements ITypeConverter<MapOptions.GalleryVersioning> {
    @Override
    public MapOptions.GalleryVersioning convert(String value) {
      try {
        return MapOptions.GalleryVersioning.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected explicit or latest, not '" + value + "'");
      }
    }
  }

  MapOptions toOptions(Optional<String> identity, Optional<ApiVersion> apiVersion) {
    MapOptions o =
        MapOptions.defaults()
            .withSkipUnsupported(skipUnsupported)
            .withGalleryVersioning(galleryVersioning)
            .withApiVersion(apiVersion.orElse(ApiVersion.DEFAULT))
            .withOnly(only)
            .withExcept(except);
    if (identity.isPresent()) {
      o = o.withIdentity(identity.get());
    }
    if (subscription != null) {
      o = o.withSubscription(subscription);
    }
    if (buildTimeout != null) {
      o = o.withBuildTimeout(buildTimeout);
    }
    if (location != null) {
      o = o.withLocation(location);
    }
    if (scriptBaseUri != null) {
      o = o.withScriptBaseUri(scriptBaseUri);
    }
    if (fileBaseUri != null) {
      o = o.withFileBaseUri(fileBaseUri);
    }
    return o;
  }
}
