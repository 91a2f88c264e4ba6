package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.source.Range;
import java.util.List;

/**
 * One argument as the mapper reads it, from an HCL block or a legacy JSON object.
 *
 * @param name the name shown in messages, qualified for nested fields ({@code
 *     shared_image_gallery_destination.gallery_name})
 * @param value the evaluated value
 * @param nameRange where the name is written (for a field inside a legacy JSON object value, the
 *     whole value)
 * @param valueRange where the value is written
 * @param unknownFrom the references without a value that make the value unknown, as written (see
 *     {@link io.github.packer2aib.core.packer.Setting#unknownFrom()}); empty when not traced
 */
record Field(
    String name, Value value, Range nameRange, Range valueRange, List<String> unknownFrom) {

  /** A field whose unknown parts, if any, are not traced. */
  Field(String name, Value value, Range nameRange, Range valueRange) {
    this(name, value, nameRange, valueRange, List.of());
  }
}
