package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A post-processor; AIB has no equivalent, so the mapper drops each with a note.
 *
 * @param sensitiveTexts which of {@code name} and the entries of {@code only} and {@code except}
 *     came from a sensitive value (their texts): they still name and filter as written, but are
 *     never shown
 */
public record PostProcessor(
    String type,
    Optional<String> name,
    Config config,
    List<String> only,
    List<String> except,
    Range range,
    Set<String> sensitiveTexts) {
  public PostProcessor {
    Objects.requireNonNull(type, "type");
    only = List.copyOf(only);
    except = List.copyOf(except);
    sensitiveTexts = Set.copyOf(sensitiveTexts);
  }

  /** A post-processor with nothing from a sensitive value in its name or filters. */
  public PostProcessor(
      String type,
      Optional<String> name,
      Config config,
      List<String> only,
      List<String> except,
      Range range) {
    this(type, name, config, only, except, range, Set.of());
  }

  /** Whether {@code text}, the name or an only or except entry, came from a sensitive value. */
  public boolean isSensitive(String text) {
    return !sensitiveTexts.isEmpty() && sensitiveTexts.contains(text);
  }
}
