package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Optional;

/**
 * Where the parts of a setting's value are written: the keys and values of an object, the elements
 * of a list. A message about one member of an object value ({@code image_version} inside a legacy
 * template's {@code shared_image_gallery_destination}, one tag of {@code azure_tags = { ... }})
 * then points at that member instead of the whole value. Only a value written out as an object or a
 * list has parts; any other (a variable, a function call, a scalar) has only its {@link #range}.
 * The binders look the parts up in their syntax when asked, which is seldom.
 */
public interface ValueLayout {
  /** Where the whole value is written (null when it is not written anywhere). */
  Range range();

  /** The member {@code key}, when the value is written as an object that has it. */
  default Optional<Member> member(String key) {
    return Optional.empty();
  }

  /** Element {@code index}, when the value is written as a list that long. */
  default Optional<ValueLayout> element(int index) {
    return Optional.empty();
  }

  /**
   * The members of an object written out here whose keys are computed ({@code "${var.k}"} in HCL's
   * JSON syntax, {@code (local.k) = …} in the native one), in source order: {@link #member} cannot
   * find them by the key they evaluate to. Where such an object is a block body of HCL's JSON
   * syntax, a key is the argument's name as written and never evaluated, so they name no argument.
   */
  default List<ComputedKey> computedKeys() {
    return List.of();
  }

  /** A value without parts of its own, written at {@code range}. */
  static ValueLayout of(Range range) {
    return new Whole(range);
  }

  /**
   * {@code parts}, or, when null (the value has no parts written out), the whole value at {@code
   * range}: how a setting, a field and the binders' layouts make a member's layout.
   */
  static ValueLayout orWhole(ValueLayout parts, Range range) {
    return parts != null ? parts : new Whole(range);
  }

  /**
   * One member of an object value.
   *
   * @param keyRange where its key is written
   * @param value where its value is written, with its own parts
   */
  record Member(Range keyRange, ValueLayout value) {}

  /**
   * A member key of an object value that is an expression rather than a name.
   *
   * @param written the key as written, in HCL's native syntax ({@code "${var.k}"}), for messages
   * @param keyRange where it is written
   */
  record ComputedKey(String written, Range keyRange) {}

  /** A value whose parts are not written out (or that has none). */
  record Whole(Range range) implements ValueLayout {}
}
