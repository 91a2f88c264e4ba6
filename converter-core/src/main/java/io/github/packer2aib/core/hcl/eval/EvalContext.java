package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The names an expression can refer to, in nested scopes (HCL's {@code EvalContext}): the root
 * scope holds {@code var}, {@code local}, {@code path} … and the functions; child scopes add the
 * symbols of {@code for} expressions and the iterators of dynamic blocks. Immutable, but for the
 * template's {@link EvalBudget}, which its scopes share.
 */
public final class EvalContext {
  private final EvalContext parent;

  /** Null in a constant context, where no variable may be referred to. */
  private final Map<String, Value> variables;

  private final FunctionRegistry functions;

  /** The element a splat is visiting (HCL's anonymous symbol); null outside splats. */
  private final Value splatItem;

  /** Set inside {@code templatefile}, where calling templatefile again is refused. */
  private final boolean insideTemplateFile;

  /**
   * What the template's expressions may still spend, shared by its scopes (the only mutable part: a
   * count).
   */
  private final EvalBudget budget;

  private EvalContext(
      EvalContext parent,
      Map<String, Value> variables,
      FunctionRegistry functions,
      Value splatItem,
      boolean insideTemplateFile,
      EvalBudget budget) {
    this.parent = parent;
    this.variables = variables;
    this.functions = functions;
    this.splatItem = splatItem;
    this.insideTemplateFile = insideTemplateFile;
    this.budget = budget;
  }

  /**
   * Root names (var, local, path, …) → values, plus the functions.
   *
   * @param functions the callable functions; null where function calls are not allowed
   */
  public static EvalContext of(Map<String, Value> variables, FunctionRegistry functions) {
    return of(variables, functions, new EvalBudget());
  }

  /** {@link #of(Map, FunctionRegistry)} spending {@code budget}, the template's. */
  public static EvalContext of(
      Map<String, Value> variables, FunctionRegistry functions, EvalBudget budget) {
    return new EvalContext(null, copy(variables), functions, null, false, budget);
  }

  /**
   * A context for constant expressions, such as the default of an {@code optional(T, default)}
   * attribute: no variables, no functions.
   */
  public static EvalContext constantsOnly() {
    return new EvalContext(null, null, null, null, false, new EvalBudget());
  }

  boolean variablesAllowed() {
    return variables != null;
  }

  /** A nested scope adding names (for-expression symbols, dynamic-block iterators). */
  public EvalContext child(Map<String, Value> more) {
    return new EvalContext(this, copy(more), functions, splatItem, insideTemplateFile, budget);
  }

  /** The value of a name, nearest scope first. */
  public Optional<Value> lookup(String name) {
    return Optional.ofNullable(find(name));
  }

  /** {@link #lookup} without the Optional (C1 allocates it for every reference); null if none. */
  Value find(String name) {
    for (EvalContext c = this; c != null; c = c.parent) {
      Value v = c.variables == null ? null : c.variables.get(name);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /**
   * Whether a scope nested in the root binds {@code name}: a dynamic block's {@code iterator = var}
   * hides the root's {@code var} from its content, as HCL looks names up nearest scope first.
   */
  public boolean bindsInNestedScope(String name) {
    for (EvalContext c = this; c.parent != null; c = c.parent) {
      if (c.variables != null && c.variables.containsKey(name)) {
        return true;
      }
    }
    return false;
  }

  /** The functions; null where function calls are not allowed. */
  public FunctionRegistry functions() {
    return functions;
  }

  /** Every name visible from here, for "did you mean" suggestions. */
  SortedSet<String> names() {
    SortedSet<String> all = new TreeSet<>();
    for (EvalContext c = this; c != null; c = c.parent) {
      if (c.variables != null) {
        all.addAll(c.variables.keySet());
      }
    }
    return all;
  }

  EvalContext withSplatItem(Value item) {
    return new EvalContext(
        this, variablesAllowed() ? Map.of() : null, functions, item, insideTemplateFile, budget);
  }

  Optional<Value> splatItem() {
    return Optional.ofNullable(splatItem);
  }

  EvalContext insideTemplateFile() {
    return new EvalContext(this, Map.of(), functions, splatItem, true, budget);
  }

  boolean isInsideTemplateFile() {
    return insideTemplateFile;
  }

  EvalBudget budget() {
    return budget;
  }

  /** The class of {@code Map.of}'s maps of three or more entries, which need no copy. */
  private static final Class<?> IMMUTABLE_MAP = Map.of("a", 1, "b", 2, "c", 3).getClass();

  /**
   * An immutable copy; names are only looked up (suggestions sort them), so no sorted map is
   * needed, and {@code for} expressions make a child scope per element.
   */
  private static Map<String, Value> copy(Map<String, Value> m) {
    Objects.requireNonNull(m, "variables");
    if (m.getClass() == IMMUTABLE_MAP) {
      return m; // holds no null, and Map.copyOf would return it as it is
    }
    for (Map.Entry<String, Value> e : m.entrySet()) {
      Objects.requireNonNull(e.getValue(), Objects.requireNonNull(e.getKey(), "name"));
    }
    return Map.copyOf(m);
  }
}
