package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each part of a mapped template came from: AIB JSON pointers (relative to the resource) →
 * Packer source ranges, for diagnostics of later stages that only see the AIB model.
 */
final class Trace {
  private final Map<String, Range> ranges = new LinkedHashMap<>();

  /**
   * The lists' items written from the lines of texts ({@link Step.Lines}), by the list's pointer (a
   * step may write several files): looked up by index rather than entered one pointer a line.
   */
  private final Map<String, List<Block>> blocks = new LinkedHashMap<>();

  /** One {@link Step.Lines} of a list, and where the text is. */
  private record Block(Step.Lines lines, Range range) {}

  private final Range fallback;

  Trace(Range fallback) {
    this.fallback = fallback;
  }

  void put(String pointer, Range range) {
    if (range != null) {
      ranges.putIfAbsent(pointer, range);
    }
  }

  /**
   * Records the customizers' ranges, entered only when a pointer is first looked up: a template's
   * steps have dozens of them, each a pointer to build and hash, and most templates never have a
   * pointer looked up (only a later stage's diagnostic does that). Nothing else records pointers
   * below {@code /properties/customize}, so entering them late finds the same ranges.
   */
  void putSteps(List<Step> steps) {
    this.steps = steps;
  }

  private List<Step> steps = List.of();

  /** Enters the ranges of {@link #putSteps}, once; under a lock, as lookups may come later. */
  private synchronized void enterSteps() {
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String at = "/properties/customize/" + i;
      put(at, s.origin());
      // The last range given for a member first, so that it is the one kept.
      for (Step.Member m = s.members(); m != null; m = m.next()) {
        if (m.lines() != null) {
          blocks
              .computeIfAbsent(at + m.pointer(), k -> new ArrayList<>())
              .add(new Block(m.lines(), m.range()));
        } else {
          put(at + m.pointer(), m.range());
        }
      }
    }
    steps = List.of();
  }

  /**
   * The range recorded for exactly this pointer, without entering the steps' ranges (which {@link
   * #locate} does, and which the mapping of a template never needs itself).
   */
  Optional<Range> recorded(String pointer) {
    return Optional.ofNullable(ranges.get(pointer));
  }

  /**
   * Where the member at exactly {@code pointer} came from in words ({@code setup.sh:3}, a line a
   * step writes from that script), when its range cannot say it; empty for most.
   */
  Optional<String> label(String pointer) {
    enterSteps();
    Block b = block(pointer);
    if (b == null) {
      return Optional.empty();
    }
    return Optional.of(
        b.lines().name(Integer.parseInt(pointer.substring(pointer.lastIndexOf('/') + 1))));
  }

  /** The block whose lines hold the item at {@code pointer}, or null. */
  private Block block(String pointer) {
    if (blocks.isEmpty() || pointer == null) {
      return null;
    }
    int slash = pointer.lastIndexOf('/');
    if (slash <= 0) {
      return null;
    }
    List<Block> list = blocks.get(pointer.substring(0, slash));
    if (list == null) {
      return null;
    }
    int index;
    try {
      index = Integer.parseInt(pointer.substring(slash + 1));
    } catch (NumberFormatException e) {
      return null; // a member below the item, or no item at all
    }
    for (Block b : list) {
      if (index >= b.lines().first() && index < b.lines().first() + b.lines().count()) {
        return b;
      }
    }
    return null;
  }

  /** The range of a pointer, else of its nearest recorded ancestor, else the usage. */
  Optional<Range> locate(String pointer) {
    enterSteps();
    String p = pointer == null ? "" : pointer;
    while (true) {
      Range r = ranges.get(p);
      if (r != null) {
        return Optional.of(r);
      }
      Block b = block(p);
      if (b != null) {
        return Optional.of(b.range());
      }
      if (p.isEmpty()) {
        return Optional.ofNullable(fallback);
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }
}
