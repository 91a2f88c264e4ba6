package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The evaluated body of a source, provisioner or post-processor: its arguments and nested blocks in
 * source order. Packer decodes a body with its plugin's schema, which we do not have; so nested
 * blocks stay blocks here ({@code shared_image_gallery_destination { … }}), and in syntaxes without
 * blocks (legacy JSON) the same data is an object value: the mapper accepts both.
 *
 * @param settings arguments, unique by name
 * @param blocks nested blocks (after {@code dynamic} expansion), in order
 * @param range the body as written
 */
public record Config(List<Setting> settings, List<NestedBlock> blocks, Range range) {

  public Config {
    settings = List.copyOf(settings);
    blocks = List.copyOf(blocks);
  }

  public static Config empty(Range range) {
    return new Config(List.of(), List.of(), range);
  }

  public Optional<Setting> setting(String name) {
    // A loop, not a stream: the mapper asks this for every field of every provisioner.
    for (int i = 0, n = settings.size(); i < n; i++) {
      Setting s = settings.get(i);
      if (s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  public List<NestedBlock> blocks(String type) {
    return blocks.stream().filter(b -> b.type().equals(type)).collect(Collectors.toList());
  }

  /** The names of every argument and block type, for "unknown field" checks. */
  public List<String> names() {
    List<String> all = settings.stream().map(Setting::name).collect(Collectors.toList());
    blocks.stream().map(NestedBlock::type).filter(t -> !all.contains(t)).forEach(all::add);
    return all;
  }

  /** A nested block: type, labels and its own evaluated body. */
  public record NestedBlock(String type, List<String> labels, Config body, Range range) {
    public NestedBlock {
      labels = List.copyOf(labels);
    }
  }
}
