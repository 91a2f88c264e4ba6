package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.diag.Redacted;
import io.github.packer2aib.core.packer.UsageSelection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the caller supplies for a Packer → AIB mapping: the inputs Packer templates never have, and
 * the choices the user made on the command line.
 *
 * @param identity resource id of the user-assigned identity for the template ({@code --identity})
 * @param subscription subscription id for resource ids the template names only by resource group
 *     and name, when the template has no {@code subscription_id} ({@code --subscription})
 * @param location the template location when Packer's {@code location} is absent ({@code
 *     --location})
 * @param scriptBaseUri where local scripts are uploaded ({@code --script-base-uri}); scripts become
 *     {@code scriptUri} = base + path relative to {@link #conversionRoot}
 * @param fileBaseUri where local files of {@code file} provisioners are uploaded ({@code
 *     --file-base-uri})
 * @param conversionRoot the absolute folder URIs are relative to (the folder given to {@code
 *     --recursive}); empty: the template's own folder
 * @param skipUnsupported turn unsupported provisioners from errors into warnings and drop them
 * @param galleryVersioning how gallery image versions are numbered
 * @param buildTimeout the template's {@code buildTimeoutInMinutes} ({@code --build-timeout}): 0 for
 *     Image Builder's default (240 minutes), else 6 to 960; empty: not set
 * @param apiVersion the AIB API version to emit
 * @param only usage filters ({@code --only}): glob patterns matched like Packer's {@code -only}
 * @param except usage filters ({@code --except})
 */
public record MapOptions(
    Optional<String> identity,
    Optional<String> subscription,
    Optional<String> location,
    Optional<String> scriptBaseUri,
    Optional<String> fileBaseUri,
    Optional<String> conversionRoot,
    boolean skipUnsupported,
    GalleryVersioning galleryVersioning,
    Optional<Integer> buildTimeout,
    ApiVersion apiVersion,
    List<String> only,
    List<String> except) {

  /** How gallery image versions are chosen ({@code --gallery-versioning}). */
  public enum GalleryVersioning {
    /** Keep Packer's explicit {@code image_version} (the default, Packer's meaning). */
    EXPLICIT,
    /** Drop {@code image_version}; AIB numbers versions itself (API 2022-07-01 and later). */
    LATEST
  }

  public MapOptions {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(scriptBaseUri, "scriptBaseUri");
    Objects.requireNonNull(fileBaseUri, "fileBaseUri");
    Objects.requireNonNull(conversionRoot, "conversionRoot");
    Objects.requireNonNull(galleryVersioning, "galleryVersioning");
    Objects.requireNonNull(buildTimeout, "buildTimeout");
    Objects.requireNonNull(apiVersion, "apiVersion");
    only = List.copyOf(only);
    except = List.copyOf(except);
  }

  /** The usages {@link #only} and {@link #except} keep, as the loader is told them too. */
  public UsageSelection selection() {
    return new UsageSelection(only, except);
  }

  /**
   * The minutes a {@code --build-timeout} text names, when Image Builder accepts them for
   * buildTimeoutInMinutes: 0 (its default, 240 minutes) or 6 to 960, in plain decimal digits.
   */
  public static Optional<Integer> buildTimeoutMinutes(String text) {
    if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    int minutes = Integer.parseInt(text);
    return minutes == 0 || (minutes >= 6 && minutes <= 960)
        ? Optional.of(minutes)
        : Optional.empty();
  }

  /**
   * The base URIs with their passwords and SAS signatures masked ({@link Redacted}): an embedder
   * that logs its options printed {@code https://user:password@host/…?sig=…}.
   */
  @Override
  public String toString() {
    return "MapOptions[identity="
        + identity
        + ", subscription="
        + subscription
        + ", location="
        + location
        + ", scriptBaseUri="
        + Redacted.url(scriptBaseUri)
        + ", fileBaseUri="
        + Redacted.url(fileBaseUri)
        + ", conversionRoot="
        + conversionRoot
        + ", skipUnsupported="
        + skipUnsupported
        + ", galleryVersioning="
        + galleryVersioning
        + ", buildTimeout="
        + buildTimeout
        + ", apiVersion="
        + apiVersion
        + ", only="
        + only
        + ", except="
        + except
        + "]";
  }

  /** No inputs, explicit gallery versions, the default API version. */
  public static MapOptions defaults() {
    return new MapOptions(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        GalleryVersioning.EXPLICIT,
        Optional.empty(),
        ApiVersion.DEFAULT,
        List.of(),
        List.of());
  }

  public MapOptions withIdentity(String v) {
    return edit(c -> c.identity = Optional.of(v));
  }

  public MapOptions withSubscription(String v) {
    return edit(c -> c.subscription = Optional.of(v));
  }

  public MapOptions withLocation(String v) {
    return edit(c -> c.location = Optional.of(v));
  }

  public MapOptions withScriptBaseUri(String v) {
    return edit(c -> c.scriptBaseUri = Optional.of(v));
  }

  public MapOptions withFileBaseUri(String v) {
    return edit(c -> c.fileBaseUri = Optional.of(v));
  }

  public MapOptions withConversionRoot(String v) {
    return edit(c -> c.conversionRoot = Optional.of(v));
  }

  public MapOptions withSkipUnsupported(boolean v) {
    return edit(c -> c.skipUnsupported = v);
  }

  public MapOptions withGalleryVersioning(GalleryVersioning v) {
    return edit(c -> c.galleryVersioning = v);
  }

  public MapOptions withBuildTimeout(int minutes) {
    return edit(c -> c.buildTimeout = Optional.of(minutes));
  }

  public MapOptions withApiVersion(ApiVersion v) {
    return edit(c -> c.apiVersion = v);
  }

  public MapOptions withOnly(List<String> v) {
    return edit(c -> c.only = v);
  }

  public MapOptions withExcept(List<String> v) {
    return edit(c -> c.except = v);
  }

  /** Changes one option of a copy: every {@code with…} above is one assignment. */
  private MapOptions edit(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return c.build();
  }

  /** The options as assignable fields, for {@link #edit}. */
  private static final class Copy {
    Optional<String> identity;
    Optional<String> subscription;
    Optional<String> location;
    Optional<String> scriptBaseUri;
    Optional<String> fileBaseUri;
    Optional<String> conversionRoot;
    boolean skipUnsupported;
    GalleryVersioning galleryVersioning;
    Optional<Integer> buildTimeout;
    ApiVersion apiVersion;
    List<String> only;
    List<String> except;

    Copy(MapOptions o) {
      identity = o.identity;
      subscription = o.subscription;
      location = o.location;
      scriptBaseUri = o.scriptBaseUri;
      fileBaseUri = o.fileBaseUri;
      conversionRoot = o.conversionRoot;
      skipUnsupported = o.skipUnsupported;
      galleryVersioning = o.galleryVersioning;
      buildTimeout = o.buildTimeout;
      apiVersion = o.apiVersion;
      only = o.only;
      except = o.except;
    }

    MapOptions build() {
      return new MapOptions(
          identity,
          subscription,
          location,
          scriptBaseUri,
          fileBaseUri,
          conversionRoot,
          skipUnsupported,
          galleryVersioning,
          buildTimeout,
          apiVersion,
          only,
          except);
    }
  }
}
