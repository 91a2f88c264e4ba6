package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.ValueLayout;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Optional;

/**
 * One argument as the mapper reads it, from an HCL block or a legacy JSON object.
 *
 * @param name the name shown in messages, qualified for nested fields ({@code
 *     shared_image_gallery_destination.gallery_name})
 * @param value the evaluated value
 * @param nameRange where the name is written (for a member of an object value whose parts are not
 *     written out, such as a variable's value, the whole value)
 * @param valueRange where the value is written
 * @param unknownFrom the references without a value that make the value unknown, as written (see
 *     {@link io.github.packer2aib.core.packer.Setting#unknownFrom()}); empty when not traced
 * @param layout where the parts of an object or list value are written; null when they are not
 *     written out ({@link #layout()} is then the whole {@code valueRange})
 * @param reads the variable the value is written as reading alone (see {@link
 *     io.github.packer2aib.core.packer.Setting#reads()}), or null
 */
record Field(
    String name,
    Value value,
    Range nameRange,
    Range valueRange,
    List<String> unknownFrom,
    ValueLayout layout,
    String reads) {

  /** A field whose unknown parts, if any, are not traced. */
  Field(String name, Value value, Range nameRange, Range valueRange) {
    this(name, value, nameRange, valueRange, List.of(), null, null);
  }

  /** Where the value and its parts are written. */
  @Override
  public ValueLayout layout() {
    return ValueLayout.orWhole(layout, valueRange);
  }

  /**
   * Whether the value is written where its name is, as something other than an object or a list: in
   * HCL's JSON syntax, a string ({@code "${local.sig}"}). False for a member of an object value
   * whose parts are not written out (a variable's object), which says nothing of how it is written.
   */
  boolean writtenWhole() {
    return layout instanceof ValueLayout.Whole;
  }

  /**
   * Where the key {@code member} is written, when the value is written out as an object that has it
   * ({@code azure_tags = { owner = "sre" }}, a legacy JSON object); else empty.
   */
  Optional<Range> memberKeyRange(String member) {
    return layout().member(member).map(ValueLayout.Member::keyRange);
  }

  /**
   * Where the value of the member {@code member} is written, when the value is written out as an
   * object that has it; else empty.
   */
  Optional<Range> memberValueRange(String member) {
    return layout().member(member).map(m -> m.value().range());
  }

  /**
   * Where element {@code index} of the list value is written, when the value is written out as a
   * list that long; else empty (the list's parts are not written out where it is used, as with
   * {@code inline = var.commands}). The counterpart, for a value that is told what length it should
   * have, is {@link TemplateFields#element}.
   */
  Optional<Range> elementRange(int index) {
    return layout().element(index).map(ValueLayout::range);
  }
}
