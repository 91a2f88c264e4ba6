package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code build} block (legacy JSON: the template itself).
 *
 * @param name the build's {@code name}, empty when unnamed
 * @param description its {@code description}
 * @param sources the source usages, in order
 * @param provisioners in order
 * @param postProcessors chains of post-processors ({@code post-processors} blocks and legacy
 *     nested arrays are chains; a lone {@code post-processor} is a chain of one)
 * @param errorCleanupProvisioner the {@code error-cleanup-provisioner}
 * @param range the block
 */
public record Build(
    Optional<String> name,
    Optional<String> description,
    List<SourceUsage> sources,
    List<Provisioner> provisioners,
    List<List<PostProcessor>> postProcessors,
    Optional<Provisioner> errorCleanupProvisioner,
    Range range) {
  public Build {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    sources = List.copyOf(sources);
    provisioners = List.copyOf(provisioners);
    postProcessors = postProcessors.stream().map(List::copyOf).toList();
    Objects.requireNonNull(errorCleanupProvisioner, "errorCleanupProvisioner");
  }
}
