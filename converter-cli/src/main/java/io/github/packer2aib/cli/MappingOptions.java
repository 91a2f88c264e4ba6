package io.github.packer2aib.cli;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** What converting a Packer template needs that Packer templates never say. */
final class MappingOptions {

  @Option(
      names = "--only",
      paramLabel = "USAGE",
      split = ",",
      description =
          "Convert only these source usages (type.name or name, globs allowed; repeatable or"
              + " comma-separated), as Packer's -only.")
  List<String> only = new ArrayList<>();

  @Option(
      names = "--except",
      paramLabel = "USAGE",
      split = ",",
      description = "Skip these source usages (as --only).")
  List<String> except = new ArrayList<>();

  @Option(
      names = "--subscription",
      paramLabel = "ID",
      description =
          "Subscription id for resource ids the template names only by group and name, when it"
              + " has no subscription_id.")
  String subscription;

  @Option(
      names = "--location",
      paramLabel = "REGION",
      description = "The template's location when the Packer template has none.")
  String location;

  @Option(
      names = "--script-base-uri",
      paramLabel = "URI",
      description =
          "Where local scripts are uploaded: each becomes scriptUri = URI + its path relative to"
              + " the template's folder, with its SHA-256. Without it, scripts are inlined.")
  String scriptBaseUri;

  @Option(
      names = "--file-base-uri",
      paramLabel = "URI",
      description =
          "Where files of file provisioners are uploaded (as --script-base-uri). Without it, small"
              + " text files are embedded and others are errors.")
  String fileBaseUri;

  @Option(
      names = "--skip-unsupported",
      description =
          "Drop provisioners that have no AIB equivalent (ansible, shell-local, …) with a warning"
              + " instead of failing.")
  boolean skipUnsupported;

  @Option(
      names = "--gallery-versioning",
      paramLabel = "MODE",
      converter = VersioningConverter.class,
      description =
          "explicit (default): keep the template's image_version; latest: let AIB number gallery"
              + " image versions (API 2022-07-01 and later).")
  MapOptions.GalleryVersioning galleryVersioning = MapOptions.GalleryVersioning.EXPLICIT;

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
