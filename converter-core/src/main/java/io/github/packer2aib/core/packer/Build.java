package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code build} block (legacy JSON: the template itself).
 *
 * @param name the build's {@code name}, empty when unnamed
 * @param description its {@code description}
 * @param sources the source usages, in order
 * @param provisioners in order
 * @param postProcessors chains of post-processors ({@code post-processors} blocks and legacy nested
 *     arrays are chains; a lone {@code post-processor} is a chain of one)
 * @param errorCleanupProvisioner the {@code error-cleanup-provisioner}
 * @param range the block
 * @param sensitiveTexts which of {@code name} and {@code description} came from a sensitive value
 *     (their texts): they still name the build, but are never shown
 */
public record Build(
    Optional<String> name,
    Optional<String> description,
    List<SourceUsage> sources,
    List<Provisioner> provisioners,
    List<List<PostProcessor>> postProcessors,
    Optional<Provisioner> errorCleanupProvisioner,
    Range range,
    Set<String> sensitiveTexts) {
  public Build {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    sources = List.copyOf(sources);
    provisioners = List.copyOf(provisioners);
    postProcessors = postProcessors.stream().map(List::copyOf).toList();
    Objects.requireNonNull(errorCleanupProvisioner, "errorCleanupProvisioner");
    sensitiveTexts = Set.copyOf(sensitiveTexts);
  }

  /** A build with nothing from a sensitive value in its own fields. */
  public Build(
      Optional<String> name,
      Optional<String> description,
      List<SourceUsage> sources,
      List<Provisioner> provisioners,
      List<List<PostProcessor>> postProcessors,
      Optional<Provisioner> errorCleanupProvisioner,
      Range range) {
    this(
        name,
        description,
        sources,
        provisioners,
        postProcessors,
        errorCleanupProvisioner,
        range,
        Set.of());
  }

  /** Whether {@code text}, one of this build's own fields, came from a sensitive value. */
  public boolean isSensitive(String text) {
    return !sensitiveTexts.isEmpty() && sensitiveTexts.contains(text);
  }
}
