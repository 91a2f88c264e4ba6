package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.source.Range;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Rebuilds syntax trees (records of {@code core.hcl.syntax}) bottom-up, replacing ranges or nodes.
 * It walks record components generically, as {@code SyntaxEquality} does, so it needs no change
 * when a node type is added. Used to move the ranges of a JSON string's parsed template from the
 * string's own text to the JSON file, and to substitute {@code env(…)} calls in variable defaults.
 */
final class SyntaxRewriter {
  private SyntaxRewriter() {}

  /** {@code node} with every {@link Range} passed through {@code f}. */
  static <T> T mapRanges(T node, UnaryOperator<Range> f) {
    return rewrite(node, n -> n instanceof Range r ? f.apply(r) : n);
  }

  /**
   * {@code node} rebuilt bottom-up: each record, list element and optional value is first rebuilt
   * from its rewritten components, then passed through {@code f}, whose result replaces it.
   */
  @SuppressWarnings("unchecked")
  static <T> T rewrite(T node, UnaryOperator<Object> f) {
    return (T) walk(node, f);
  }

  private static Object walk(Object node, UnaryOperator<Object> f) {
    if (node == null) {
      return null;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      boolean changed = false;
      for (Object element : list) {
        Object after = walk(element, f);
        out.add(after);
        changed |= after != element;
      }
      return changed ? List.copyOf(out) : list;
    }
    if (node instanceof Optional<?> optional) {
      if (optional.isEmpty()) {
        return optional;
      }
      Object after = walk(optional.get(), f);
      return after == optional.get() ? optional : Optional.of(after);
    }
    if (node instanceof Range || !node.getClass().isRecord()) {
      return f.apply(node);
    }
    Shape shape = SHAPES.get(node.getClass());
    Object[] values = new Object[shape.accessors.length];
    boolean changed = false;
    for (int i = 0; i < values.length; i++) {
      Object before = shape.read(i, node);
      values[i] = walk(before, f);
      changed |= values[i] != before;
    }
    Object rebuilt = changed ? shape.construct(values) : node;
    return f.apply(rebuilt);
  }

  /**
   * The record components' accessors and canonical constructor of each node type, looked up once:
   * {@link Class#getRecordComponents} builds new reflection objects on every call, which made
   * rewriting every variable default a visible part of a conversion.
   */
  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          return new Shape(type);
        }
      };

  private static final class Shape {
    private final Class<?> type;
    private final Method[] accessors;
    private final Constructor<?> canonical;

    Shape(Class<?> type) {
      this.type = type;
      RecordComponent[] components = type.getRecordComponents();
      accessors = new Method[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = components[i].getAccessor();
        types[i] = components[i].getType();
      }
      try {
        canonical = type.getDeclaredConstructor(types);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("no canonical constructor in " + type.getSimpleName(), e);
      }
    }

    Object read(int i, Object record) {
      try {
        return accessors[i].invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + accessors[i].getName(), e);
      }
    }

    Object construct(Object[] values) {
      try {
        return canonical.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot rebuild " + type.getSimpleName(), e);
      }
    }
  }
}
