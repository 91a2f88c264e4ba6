package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.source.Range;

/**
 * One customizer made from a provisioner, with where it came from: {@code origin} for the step as a
 * whole and {@code members} for its members (pointer suffixes such as {@code /inline}).
 *
 * @param members the members' ranges, the last given first; null for none
 */
record Step(Customizer customizer, Range origin, Member members) {

  /**
   * A member's range in front of those given before it. Steps gain their members one {@link #with}
   * at a time and the ranges are read only if a later stage reports a problem in the step (see
   * {@link Trace#putSteps}), so each {@code with} adds one link instead of copying a map.
   *
   * @param lines null for one member; for a list's items written from the lines of one text (a
   *     script the step writes), which items they are, all at {@code range} (the text's place in
   *     the template)
   */
  record Member(String pointer, Range range, Lines lines, Member next) {}

  /**
   * Items {@code first} to {@code first + count - 1} of a list, each a line of one text: item
   * {@code first + n - 1} is its line {@code n}, named {@code before + n + after} ({@code
   * setup.sh:3}, {@code line 2 of the content}), as the text's range alone cannot say which line a
   * message is about. One link for all of them: a step that writes a script of hundreds of lines
   * gains no link per line.
   */
  record Lines(int first, int count, String before, String after) {
    /** The name of the line at item {@code index}. */
    String name(int index) {
      return before + (index - first + 1) + after;
    }
  }

  static Step of(Customizer customizer, Range origin) {
    return new Step(customizer, origin, null);
  }

  /** The step with {@code range} for {@code member}, in place of one given before. */
  Step with(String member, Range range) {
    if (range == null) {
      return this;
    }
    return new Step(customizer, origin, new Member(member, range, null, members));
  }

  /**
   * The step with the items of {@code list} from {@code first} on located at {@code range}, one for
   * each of the {@code count} lines of a text, named {@code before + n + after} ({@link Lines}).
   */
  Step withLines(String list, int first, int count, Range range, String before, String after) {
    if (range == null || count <= 0) {
      return this;
    }
    return new Step(
        customizer,
        origin,
        new Member(list, range, new Lines(first, count, before, after), members));
  }

  Step withCustomizer(Customizer c) {
    return new Step(c, origin, members);
  }
}
