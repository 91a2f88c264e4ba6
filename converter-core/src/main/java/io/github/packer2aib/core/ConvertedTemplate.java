package io.github.packer2aib.core;

import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.source.Utf8;
import java.util.Objects;
import java.util.Optional;

/**
 * One resulting AIB template.
 *
 * @param name a file-name-safe base name for the output (without extension), unique within one
 *     input
 * @param template the model
 * @param text the serialised template in the chosen format, ending in a newline
 * @param numberedFrom the template's own name when {@code name} is that name numbered ({@code
 *     web-2}) because another template of the same input has it, ignoring case (two documents of a
 *     YAML stream named {@code web} and {@code WEB}): the caller says which file such a template
 *     went to, as it does for a file it renames itself. Empty for a template named after its own
 *     name, or after its input (a name that is an ARM expression), and for a Packer template, whose
 *     name the mapper changes in the template itself (PKRMAP-N007)
 */
public record ConvertedTemplate(
    String name, ImageTemplate template, String text, Optional<String> numberedFrom) {
  public ConvertedTemplate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(numberedFrom, "numberedFrom");
  }

  /** A template named after its own name or its input's (see {@link #numberedFrom}). */
  public ConvertedTemplate(String name, ImageTemplate template, String text) {
    this(name, template, text, Optional.empty());
  }

  /**
   * The text as UTF-8, what an output file holds: equal to {@code text().getBytes(UTF_8)}, made
   * faster for the usual ASCII text (see {@link Utf8}). A new array on each call.
   */
  public byte[] utf8() {
    return Utf8.encode(text);
  }
}
