package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A post-processor; AIB has no equivalent, so the mapper drops each with a note. */
public record PostProcessor(
    String type,
    Optional<String> name,
    Config config,
    List<String> only,
    List<String> except,
    Range range) {
  public PostProcessor {
    Objects.requireNonNull(type, "type");
    only = List.copyOf(only);
    except = List.copyOf(except);
  }
}
