package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.source.Range;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A provisioner as written (before {@code only}/{@code except} filtering and {@code override}
 * merging, which depend on the usage and are the mapper's job).
 *
 * @param type e.g. {@code shell}, {@code powershell}, {@code file}, {@code windows-restart}
 * @param name the optional {@code name}
 * @param config the evaluated body without the common fields below
 * @param only usage references it applies to (empty: all)
 * @param except usage references it does not apply to
 * @param override per usage name, fields that replace the body's
 * @param pauseBefore {@code pause_before} as written (a Go duration such as {@code 10s})
 * @param maxRetries {@code max_retries}
 * @param timeout {@code timeout} as written
 * @param range the block or object
 * @param sensitiveTexts which of {@code name}, the entries of {@code only} and {@code except} and
 *     the keys of {@code override} came from a sensitive value (their texts): they still name,
 *     filter and match as written, but are never shown
 * @param bySource the body evaluated for each source usage it applies to, by {@link
 *     SourceUsage#reference()}, when it refers to {@code source.*} and applies to more than one:
 *     Packer evaluates a provisioner for each build, so {@code source.name} differs between them,
 *     while {@code config} has it unknown. Empty otherwise (nearly always)
 * @param overrideKeys where each key of {@code override} is written, by key, when the override is
 *     an object constructor of HCL2: a message about one key (one that matches no source) points at
 *     it rather than at the whole provisioner. Empty for legacy templates, whose loader refuses a
 *     key that names no builder itself
 * @param continueOnError {@code continue_on_error} of an HCL2 provisioner block, a setting of newer
 *     Packer releases (hashicorp/packer PR #13674) that lets the build go on when the step fails;
 *     always empty for legacy templates, where Packer has no such setting (there it is an unknown
 *     field of the body)
 */
public record Provisioner(
    String type,
    Optional<String> name,
    Config config,
    List<String> only,
    List<String> except,
    Map<String, Config> override,
    Optional<Setting> pauseBefore,
    Optional<Setting> maxRetries,
    Optional<Setting> timeout,
    Range range,
    Set<String> sensitiveTexts,
    Map<String, Config> bySource,
    Map<String, Range> overrideKeys,
    Optional<Setting> continueOnError) {

  public Provisioner {
    Objects.requireNonNull(continueOnError, "continueOnError");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(config, "config");
    only = List.copyOf(only);
    except = List.copyOf(except);
    override = Map.copyOf(override);
    sensitiveTexts = Set.copyOf(sensitiveTexts);
    // In the usages' order (Map.copyOf's order changes from one JVM to the next).
    bySource =
        bySource.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(bySource));
    overrideKeys = overrideKeys.isEmpty() ? Map.of() : Map.copyOf(overrideKeys);
  }

  /** A provisioner without {@code continue_on_error} (every legacy one). */
  public Provisioner(
      String type,
      Optional<String> name,
      Config config,
      List<String> only,
      List<String> except,
      Map<String, Config> override,
      Optional<Setting> pauseBefore,
      Optional<Setting> maxRetries,
      Optional<Setting> timeout,
      Range range,
      Set<String> sensitiveTexts,
      Map<String, Config> bySource,
      Map<String, Range> overrideKeys) {
    this(
        type,
        name,
        config,
        only,
        except,
        override,
        pauseBefore,
        maxRetries,
        timeout,
        range,
        sensitiveTexts,
        bySource,
        overrideKeys,
        Optional.empty());
  }

  /** A provisioner whose override keys are not located (see the component). */
  public Provisioner(
      String type,
      Optional<String> name,
      Config config,
      List<String> only,
      List<String> except,
      Map<String, Config> override,
      Optional<Setting> pauseBefore,
      Optional<Setting> maxRetries,
      Optional<Setting> timeout,
      Range range,
      Set<String> sensitiveTexts,
      Map<String, Config> bySource) {
    this(
        type,
        name,
        config,
        only,
        except,
        override,
        pauseBefore,
        maxRetries,
        timeout,
        range,
        sensitiveTexts,
        bySource,
        Map.of());
  }

  /** Where the override key {@code key} is written, else the whole provisioner. */
  public Range overrideKeyRange(String key) {
    Range at = overrideKeys.get(key);
    return at != null ? at : range;
  }

  /**
   * A provisioner with nothing from a sensitive value in its name, filters or override keys, and
   * one body for every source usage.
   */
  public Provisioner(
      String type,
      Optional<String> name,
      Config config,
      List<String> only,
      List<String> except,
      Map<String, Config> override,
      Optional<Setting> pauseBefore,
      Optional<Setting> maxRetries,
      Optional<Setting> timeout,
      Range range) {
    this(
        type,
        name,
        config,
        only,
        except,
        override,
        pauseBefore,
        maxRetries,
        timeout,
        range,
        Set.of(),
        Map.of(),
        Map.of());
  }

  /** The body as evaluated for {@code usage}: its own when it has one ({@link #bySource}). */
  public Config config(SourceUsage usage) {
    if (bySource.isEmpty()) {
      return config;
    }
    return bySource.getOrDefault(usage.reference(), config);
  }

  /**
   * Whether {@code text}, the name, an only or except entry or an override key of this provisioner,
   * came from a sensitive value.
   */
  public boolean isSensitive(String text) {
    return !sensitiveTexts.isEmpty() && sensitiveTexts.contains(text);
  }
}
