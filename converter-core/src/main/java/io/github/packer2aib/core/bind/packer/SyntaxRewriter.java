package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.source.Range;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
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

  /**
   * The rebuilt tree, walked with a stack of the nodes whose parts are being rebuilt rather than a
   * call per level: a chain of binary operators, {@code 1 + 1 + … + 1}, nests as deep as it is
   * long.
   */
  private static Object walk(Object root, UnaryOperator<Object> f) {
    Deque<Frame> open = new ArrayDeque<>();
    Object done = enter(root, f, open);
    while (!open.isEmpty()) {
      Frame top = open.peek();
      if (done != OPENED) {
        top.take(done); // the rebuilt part, a leaf or a node just finished
      }
      if (top.hasNext()) {
        done = enter(top.nextPart(), f, open);
      } else {
        open.pop();
        done = top.finish(f);
      }
    }
    return done;
  }

  /** What {@link #enter} gives for a node whose parts are still to be rebuilt. */
  private static final Object OPENED = new Object();

  /**
   * A leaf rewritten (a {@link Range}, a value that is no record, null, an empty optional), or
   * {@link #OPENED} when the node has parts, after pushing its frame.
   */
  private static Object enter(Object node, UnaryOperator<Object> f, Deque<Frame> open) {
    if (node == null) {
      return null;
    }
    if (node instanceof List<?> list) {
      open.push(new Frame(node, null, list.toArray()));
      return OPENED;
    }
    if (node instanceof Optional<?> optional) {
      if (optional.isEmpty()) {
        return optional;
      }
      open.push(new Frame(node, null, new Object[] {optional.get()}));
      return OPENED;
    }
    if (node instanceof Range || !node.getClass().isRecord()) {
      return f.apply(node);
    }
    Shape shape = SHAPES.get(node.getClass());
    Object[] parts = new Object[shape.accessors.length];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = shape.read(i, node);
    }
    open.push(new Frame(node, shape, parts));
    return OPENED;
  }

  /**
   * A list, optional or record being rebuilt: its parts as they were, and as rebuilt so far. A list
   * or optional is kept when no element changed, and is not passed through the function; a record
   * is rebuilt only when a component changed, and then passed through it.
   */
  private static final class Frame {
    private final Object node;
    private final Shape shape; // null for a list or an optional
    private final Object[] before;
    private final Object[] after;
    private int next;
    private boolean changed;

    Frame(Object node, Shape shape, Object[] before) {
      this.node = node;
      this.shape = shape;
      this.before = before;
      this.after = new Object[before.length];
    }

    boolean hasNext() {
      return next < before.length;
    }

    Object nextPart() {
      return before[next];
    }

    void take(Object rebuilt) {
      after[next] = rebuilt;
      changed |= rebuilt != before[next];
      next++;
    }

    Object finish(UnaryOperator<Object> f) {
      if (node instanceof List<?>) {
        return changed ? List.copyOf(Arrays.asList(after)) : node;
      }
      if (node instanceof Optional<?>) {
        return changed ? Optional.of(after[0]) : node;
      }
      return f.apply(changed ? shape.construct(after) : node);
    }
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
