package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;

/**
 * Structural equality of syntax trees that ignores source ranges, so a tree parsed from printed
 * text can be compared with the original (Trino's "ignoring location"). It walks record components
 * generically, so new node types need no change here.
 */
public final class SyntaxEquality {

  private SyntaxEquality() {}

  /** True when both values are equal in every component except {@link Range}s. */
  public static boolean equalIgnoringRanges(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Range && b instanceof Range) {
      return true;
    }
    if (a.getClass() != b.getClass()) {
      return false;
    }
    if (a instanceof List<?> la) {
      List<?> lb = (List<?>) b;
      if (la.size() != lb.size()) {
        return false;
      }
      for (int i = 0; i < la.size(); i++) {
        if (!equalIgnoringRanges(la.get(i), lb.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Optional<?> oa) {
      Optional<?> ob = (Optional<?>) b;
      return oa.isPresent() == ob.isPresent()
          && (oa.isEmpty() || equalIgnoringRanges(oa.get(), ob.get()));
    }
    if (a.getClass().isRecord()) {
      for (RecordComponent component : a.getClass().getRecordComponents()) {
        if (!equalIgnoringRanges(value(component, a), value(component, b))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  static Object value(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }
}
