package io.github.packer2aib.core.bind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Names (HCL2 locals, legacy user variables) in an order where each comes after the names it
 * depends on: a depth-first post-order from each name in the order given, dependencies in the order
 * listed, with the cycles it meets. The walk keeps a stack of its own rather than the thread's: a
 * chain of thousands of names declared last to first overflowed the thread's stack.
 */
public final class DependencyOrder {
  private final Function<String, List<String>> dependencies;
  private final Map<String, Boolean> done = new HashMap<>();
  private final Deque<String> stack = new ArrayDeque<>();
  private final List<String> order = new ArrayList<>();
  private final List<List<String>> cycles = new ArrayList<>();
  private final Set<String> cyclic = new HashSet<>();
  private final Set<String> reachesCycle = new HashSet<>();

  private DependencyOrder(Function<String, List<String>> dependencies) {
    this.dependencies = dependencies;
  }

  /**
   * @param names every name, in the order to start from (declaration order)
   * @param dependencies the names a name depends on, in the order it names them
   */
  public static DependencyOrder of(
      Iterable<String> names, Function<String, List<String>> dependencies) {
    DependencyOrder o = new DependencyOrder(dependencies);
    for (String name : names) {
      o.visit(name);
    }
    return o;
  }

  /** Every name, each after those it depends on (except around a cycle). */
  public List<String> order() {
    return order;
  }

  /**
   * Each cycle once, as met: from the name met again to the one that named it (a cycle whose names
   * are all in earlier ones is not repeated).
   */
  public List<List<String>> cycles() {
    return cycles;
  }

  /** The names in a cycle. */
  public Set<String> cyclic() {
    return cyclic;
  }

  /** The names in a cycle, or depending on one, directly or not. */
  public Set<String> reachesCycle() {
    return reachesCycle;
  }

  private void visit(String root) {
    if (done.containsKey(root)) {
      return;
    }
    Deque<Frame> frames = new ArrayDeque<>();
    enter(root, frames);
    while (!frames.isEmpty()) {
      Frame f = frames.peekLast();
      if (f.next == f.dependencies.size()) {
        frames.removeLast();
        stack.removeLast();
        done.put(f.name, true);
        order.add(f.name);
        if (f.reachesCycle) {
          reachesCycle.add(f.name);
          if (!frames.isEmpty()) {
            frames.peekLast().reachesCycle = true;
          }
        }
        continue;
      }
      String dep = f.dependencies.get(f.next++);
      Boolean state = done.get(dep);
      if (state == null) {
        enter(dep, frames);
      } else if (!state) {
        List<String> cycle = new ArrayList<>();
        boolean in = false;
        for (String s : stack) {
          in |= s.equals(dep);
          if (in) {
            cycle.add(s);
          }
        }
        if (!cyclic.containsAll(cycle)) {
          cycles.add(cycle);
        }
        cyclic.addAll(cycle);
        f.reachesCycle = true;
      } else if (reachesCycle.contains(dep)) {
        f.reachesCycle = true;
      }
    }
  }

  private void enter(String name, Deque<Frame> frames) {
    done.put(name, false);
    stack.addLast(name);
    frames.addLast(new Frame(name, dependencies.apply(name)));
  }

  /** A name being visited, and the next of its dependencies to look at. */
  private static final class Frame {
    final String name;
    final List<String> dependencies;
    int next;
    boolean reachesCycle;

    Frame(String name, List<String> dependencies) {
      this.name = name;
      this.dependencies = dependencies;
    }
  }
}
