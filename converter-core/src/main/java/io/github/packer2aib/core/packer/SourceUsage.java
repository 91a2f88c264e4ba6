package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/**
 * One use of a source in a build: {@code sources = ["azure-arm.ubuntu"]}, or a build-level {@code
 * source "azure-arm.ubuntu" { name = "ubuntu-2204"; … }} block that renames the usage and adds
 * fields (re-setting a field of the source is an error, as in Packer).
 *
 * @param source the source used
 * @param name the usage's name: the build-level {@code name}, else the source's name; this is what
 *     {@code only}/{@code except} match
 * @param config the source's body merged with the build-level fields
 * @param range where the usage is written
 */
public record SourceUsage(Source source, String name, Config config, Range range) {
  public SourceUsage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(config, "config");
  }

  /** {@code type.name} of the usage, the form {@code only}/{@code except} take. */
  public String reference() {
    return source.type() + "." + name;
  }
}
