package io.github.packer2aib.core;

import io.github.packer2aib.core.aib.ApiVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * What the caller chose for one conversion.
 *
 * @param apiVersion the API version to emit; empty keeps each template's own version (or the
 *     default, {@link ApiVersion#DEFAULT}, where it has none we know)
 * @param identity the resource id of the user-assigned identity to set as the template identity
 * @param format JSON or YAML output
 */
public record ConvertOptions(
    Optional<ApiVersion> apiVersion, Optional<String> identity, OutputFormat format) {

  public ConvertOptions {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(format, "format");
  }

  public static ConvertOptions defaults() {
    return new ConvertOptions(Optional.empty(), Optional.empty(), OutputFormat.JSON);
  }

  public ConvertOptions withApiVersion(ApiVersion version) {
    return new ConvertOptions(Optional.of(version), identity, format);
  }

  public ConvertOptions withIdentity(String id) {
    return new ConvertOptions(apiVersion, Optional.of(id), format);
  }

  public ConvertOptions withFormat(OutputFormat f) {
    return new ConvertOptions(apiVersion, identity, f);
  }
}
