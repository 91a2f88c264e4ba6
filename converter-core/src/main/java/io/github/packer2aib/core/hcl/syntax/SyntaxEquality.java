package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Structural equality of syntax trees that ignores source ranges, so a tree parsed from printed
 * text can be compared with the original (Trino's "ignoring location"). It walks record components
 * generically, so new node types need no change here.
 */
public final class SyntaxEquality {

  private SyntaxEquality() {}

  /**
   * True when both values are equal in every component except {@link Range}s. The pairs still to
   * compare are kept on a stack, not in a call per level: a chain of binary operators, {@code 1 + 1
   * + … + 1}, nests as deep as it is long.
   */
  public static boolean equalIgnoringRanges(Object a, Object b) {
    Deque<Object[]> pending = new ArrayDeque<>();
    pending.push(new Object[] {a, b});
    while (!pending.isEmpty()) {
      Object[] pair = pending.pop();
      Object x = pair[0];
      Object y = pair[1];
      if (x == y || (x instanceof Range && y instanceof Range)) {
        continue;
      }
      if (x == null || y == null || x.getClass() != y.getClass()) {
        return false;
      }
      if (x instanceof List<?> lx) {
        List<?> ly = (List<?>) y;
        if (lx.size() != ly.size()) {
          return false;
        }
        for (int i = lx.size() - 1; i >= 0; i--) {
          pending.push(new Object[] {lx.get(i), ly.get(i)});
        }
      } else if (x instanceof Optional<?> ox) {
        Optional<?> oy = (Optional<?>) y;
        if (ox.isPresent() != oy.isPresent()) {
          return false;
        }
        if (ox.isPresent()) {
          pending.push(new Object[] {ox.get(), oy.get()});
        }
      } else if (x.getClass().isRecord()) {
        RecordComponent[] components = x.getClass().getRecordComponents();
        for (int i = components.length - 1; i >= 0; i--) {
          pending.push(new Object[] {value(components[i], x), value(components[i], y)});
        }
      } else if (!x.equals(y)) {
        return false;
      }
    }
    return true;
  }

  static Object value(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }
}
