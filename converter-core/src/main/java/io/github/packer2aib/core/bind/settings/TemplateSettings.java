package io.github.packer2aib.core.bind.settings;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.diag.Redacted;
import io.github.packer2aib.core.mapping.packer.MapOptions.GalleryVersioning;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of one template: what its command-line options would be if it were converted alone.
 * Also the shape of one layer of the settings file ({@code defaults} or one {@code templates}
 * entry), since layers and their merge have the same fields.
 *
 * @param vars variable values in the order they were first set, each exactly as {@code --var
 *     name=value} would take it
 * @param data data source values by {@code data.TYPE.NAME.ATTRIBUTE}, as {@code --data} takes them,
 *     merged as {@code vars} are
 * @param varFiles variable files, resolved against the settings file's folder, in order
 * @param only usage filters as {@code --only}, each item one pattern
 * @param except usage filters as {@code --except}
 * @param ignore warning and note codes as {@code --ignore} takes them, in upper case
 * @param skip why the template must not be converted, when a matching entry says so
 * @param varKeys where the settings file writes the name of each of {@code vars} (the layer that
 *     gave the value)
 * @param varPointers the JSON pointer of each name of {@code varKeys} in the settings file ({@code
 *     /templates/0/vars/image_version}), which a diagnostic about the variable carries as the
 *     file's own diagnostics do
 * @param defaultVars the names of {@code vars} that only {@code defaults} gives: values for every
 *     template, which a template that does not declare them simply does not use
 */
public record TemplateSettings(
    Map<String, String> vars,
    Map<String, String> data,
    List<String> varFiles,
    List<String> only,
    List<String> except,
    List<String> ignore,
    Optional<String> identity,
    Optional<String> subscription,
    Optional<String> location,
    Optional<String> scriptBaseUri,
    Optional<String> fileBaseUri,
    Optional<ApiVersion> apiVersion,
    Optional<Boolean> skipUnsupported,
    Optional<GalleryVersioning> galleryVersioning,
    Optional<Integer> buildTimeout,
    Optional<String> skip,
    Map<String, Range> varKeys,
    Map<String, String> varPointers,
    Set<String> defaultVars) {

  /** No settings at all: every option keeps its command-line default. */
  public static final TemplateSettings EMPTY =
      new TemplateSettings(
          Map.of(),
          Map.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Map.of(),
          Map.of(),
          Set.of());

  public TemplateSettings {
    // Map.copyOf would lose the order in which the file names the variables.
    vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    varFiles = List.copyOf(varFiles);
    only = List.copyOf(only);
    except = List.copyOf(except);
    ignore = List.copyOf(ignore);
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(scriptBaseUri, "scriptBaseUri");
    Objects.requireNonNull(fileBaseUri, "fileBaseUri");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(skipUnsupported, "skipUnsupported");
    Objects.requireNonNull(galleryVersioning, "galleryVersioning");
    Objects.requireNonNull(buildTimeout, "buildTimeout");
    Objects.requireNonNull(skip, "skip");
    varKeys = Collections.unmodifiableMap(new LinkedHashMap<>(varKeys));
    varPointers = Collections.unmodifiableMap(new LinkedHashMap<>(varPointers));
    defaultVars = Set.copyOf(defaultVars);
  }

  /**
   * This layer with {@code later} laid over it: scalars of {@code later} win where it sets them,
   * variables merge by name (a later value replaces the earlier one in its first place), and the
   * lists are appended. Public so that a caller can lay its own layer (such as the command line's
   * options) over or under a file's settings with the same rules.
   */
  public TemplateSettings then(TemplateSettings later) {
    Map<String, String> mergedVars = new LinkedHashMap<>(vars);
    mergedVars.putAll(later.vars);
    Map<String, String> mergedData = new LinkedHashMap<>(data);
    mergedData.putAll(later.data);
    Map<String, Range> mergedKeys = new LinkedHashMap<>(varKeys);
    mergedKeys.putAll(later.varKeys);
    Map<String, String> mergedPointers = new LinkedHashMap<>(varPointers);
    mergedPointers.putAll(later.varPointers);
    Set<String> mergedDefaults = new HashSet<>(defaultVars);
    mergedDefaults.removeAll(later.vars.keySet());
    mergedDefaults.addAll(later.defaultVars);
    return new TemplateSettings(
        mergedVars,
        mergedData,
        concat(varFiles, later.varFiles),
        concat(only, later.only),
        concat(except, later.except),
        concat(ignore, later.ignore),
        later.identity.or(() -> identity),
        later.subscription.or(() -> subscription),
        later.location.or(() -> location),
        later.scriptBaseUri.or(() -> scriptBaseUri),
        later.fileBaseUri.or(() -> fileBaseUri),
        later.apiVersion.or(() -> apiVersion),
        later.skipUnsupported.or(() -> skipUnsupported),
        later.galleryVersioning.or(() -> galleryVersioning),
        later.buildTimeout.or(() -> buildTimeout),
        later.skip.or(() -> skip),
        mergedKeys,
        mergedPointers,
        mergedDefaults);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * The same settings: every component but {@link #varKeys} and {@link #varPointers}, which say
   * where the file writes them (the JSON and YAML forms of one file are the same settings).
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof TemplateSettings t && withoutPlaces().equals(t.withoutPlaces());
  }

  @Override
  public int hashCode() {
    return withoutPlaces().hashCode();
  }

  private List<Object> withoutPlaces() {
    return List.of(
        vars,
        data,
        varFiles,
        only,
        except,
        ignore,
        identity,
        subscription,
        location,
        scriptBaseUri,
        fileBaseUri,
        apiVersion,
        skipUnsupported,
        galleryVersioning,
        buildTimeout,
        skip,
        defaultVars);
  }

  /**
   * Leaves out the variable and data values and masks the base URIs' passwords and signatures
   * ({@link Redacted}): they may be secrets (client_secret), and records end up in test failures
   * and logs.
   */
  @Override
  public String toString() {
    return "TemplateSettings[vars="
        + Redacted.names(vars)
        + ", data="
        + Redacted.names(data)
        + ", varFiles="
        + varFiles
        + ", only="
        + only
        + ", except="
        + except
        + ", ignore="
        + ignore
        + ", identity="
        + identity
        + ", subscription="
        + subscription
        + ", location="
        + location
        + ", scriptBaseUri="
        + Redacted.url(scriptBaseUri)
        + ", fileBaseUri="
        + Redacted.url(fileBaseUri)
        + ", apiVersion="
        + apiVersion
        + ", skipUnsupported="
        + skipUnsupported
        + ", galleryVersioning="
        + galleryVersioning
        + ", buildTimeout="
        + buildTimeout
        + ", skip="
        + skip
        + "]";
  }
}
