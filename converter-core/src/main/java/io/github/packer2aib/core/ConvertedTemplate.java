package io.github.packer2aib.core;

import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.source.Utf8;
import java.util.Objects;

/**
 * One resulting AIB template.
 *
 * @param name a file-name-safe base name for the output (without extension), unique within one
 *     input
 * @param template the model
 * @param text the serialised template in the chosen format, ending in a newline
 */
public record ConvertedTemplate(String name, ImageTemplate template, String text) {
  public ConvertedTemplate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(text, "text");
  }

  /**
   * The text as UTF-8, what an output file holds: equal to {@code text().getBytes(UTF_8)}, made
   * faster for the usual ASCII text (see {@link Utf8}). A new array on each call.
   */
  public byte[] utf8() {
    return Utf8.encode(text);
  }
}
