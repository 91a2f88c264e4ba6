package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Optional;

/**
 * The {@code packer {}} block (or legacy {@code min_packer_version}): not emitted, but the mapper uses
 * {@code required_plugins} to tell which plugin a provisioner comes from.
 */
public record PackerSettings(
    Optional<String> requiredVersion, List<RequiredPlugin> requiredPlugins, Range range) {
  public PackerSettings {
    requiredPlugins = List.copyOf(requiredPlugins);
  }

  /** One entry of {@code required_plugins}: {@code azure = { source = …, version = … }}. */
  public record RequiredPlugin(String name, String source, Optional<String> version, Range range) {}
}
