package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.hcl.value.ListValue;
import io.github.packer2aib.core.hcl.value.TupleValue;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.Values;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The part of a field's value a message is about: one command of an {@code inline} list, one tag of
 * {@code azure_tags}. A note about "the value of inline" at the list's opening bracket left the
 * user of a template with 30 commands to find the one that was meant; it now points at that element
 * and says which it is. A value whose parts are not written out where it is used ({@code inline =
 * var.commands}), or that holds the matter as a whole (a list made by one function call), is the
 * whole value.
 *
 * @param at where the part (or the whole value) is written
 * @param subject the words that name it, at the start of a sentence: "Element 2 of 3 of inline",
 *     "The value of azure_tags.build", or "The value of inline" for the whole value
 */
record FieldPart(Range at, String subject) {

  /** A part of a field's value ({@code part}), with that part's own value. */
  record Holding(FieldPart part, Value value) {}

  /**
   * Every element of a list, or member of an object or map, of {@code f}'s value for which {@code
   * holds} is true, each with its own value, when each is written out; else the whole value, when
   * it holds. A message about each secret of an environment_vars list at its own entry, naming what
   * that one comes from, where one at the first entry named them all.
   */
  static List<Holding> each(Field f, Predicate<Value> holds) {
    Value bare = Values.unmarked(f.value());
    List<Value> elements =
        bare instanceof TupleValue t
            ? t.elements()
            : bare instanceof ListValue l ? l.elements() : null;
    List<Holding> out = new ArrayList<>();
    if (elements != null) {
      for (int i = 0; i < elements.size() && out != null; i++) {
        if (holds.test(elements.get(i))) {
          Optional<Range> at = f.elementRange(i);
          out =
              at.isEmpty()
                  ? null
                  : add(
                      out,
                      new FieldPart(
                          at.get(),
                          "element "
                              + (i + 1)
                              + (elements.size() > 1 ? " of " + elements.size() : "")
                              + " of "
                              + f.name()),
                      elements.get(i));
        }
      }
    } else {
      Map<String, Value> members = Values.members(bare);
      if (members != null) {
        for (Map.Entry<String, Value> m : members.entrySet()) {
          if (out != null && holds.test(m.getValue())) {
            Optional<Range> written = f.memberValueRange(m.getKey());
            // A sensitive map's keys are part of its secret: the member is not named.
            out =
                written.isEmpty()
                    ? null
                    : add(
                        out, new FieldPart(written.get(), "a member of " + f.name()), m.getValue());
          }
        }
      }
    }
    if (out == null || out.isEmpty()) {
      // Not written out part by part, or held by the value as a whole (var.list, sensitive).
      return holds.test(f.value()) ? List.of(new Holding(whole(f), f.value())) : List.of();
    }
    return out;
  }

  private static List<Holding> add(List<Holding> out, FieldPart part, Value value) {
    out.add(new Holding(part, value));
    return out;
  }

  /** The whole value of {@code f}. */
  static FieldPart whole(Field f) {
    return new FieldPart(f.valueRange(), "The value of " + f.name());
  }

  /**
   * The first element of a list, or the first member by name of an object or map (their members are
   * kept sorted by name, not in written order), {@code f}'s value, for which {@code holds} is true,
   * where that part is written out; else the whole value.
   */
  static FieldPart first(Field f, Predicate<Value> holds) {
    Value bare = Values.unmarked(f.value());
    FieldPart whole = whole(f);
    List<Value> elements =
        bare instanceof TupleValue t
            ? t.elements()
            : bare instanceof ListValue l ? l.elements() : null;
    if (elements != null) {
      for (int i = 0; i < elements.size(); i++) {
        if (holds.test(elements.get(i))) {
          Optional<Range> at = f.elementRange(i);
          if (at.isEmpty()) {
            return whole;
          }
          return new FieldPart(
              at.get(),
              "Element "
                  + (i + 1)
                  + (elements.size() > 1 ? " of " + elements.size() : "")
                  + " of "
                  + f.name());
        }
      }
      return whole;
    }
    Map<String, Value> members = Values.members(bare);
    if (members != null) {
      for (Map.Entry<String, Value> m : members.entrySet()) {
        if (holds.test(m.getValue())) {
          Optional<Range> written = f.memberValueRange(m.getKey());
          if (written.isEmpty()) {
            return whole;
          }
          // The member's name is said only when no part of the value is sensitive: a sensitive
          // map's keys are part of its secret (its quoted line is masked too).
          return new FieldPart(
              written.get(),
              f.value().containsSensitive()
                  ? "A member of " + f.name()
                  : "The value of " + f.name() + "." + m.getKey());
        }
      }
    }
    return whole;
  }
}
