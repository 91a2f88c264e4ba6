package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.legacy.template.Scope;
import io.github.packer2aib.core.legacy.template.TemplateEvaluator;
import io.github.packer2aib.core.legacy.template.UserVariables;
import io.github.packer2aib.core.packer.Variable.ValueSource;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The user variables of a legacy template with Packer's precedence (default &lt; {@code
 * --var-file}s in order &lt; {@code --var}s in order) and its interpolation: every value, whichever
 * source it came from, is a template that may use {@code env} and other variables. Packer resolves
 * references by re-rendering all variables until nothing changes; resolving each variable on
 * demand, depth first, gives the same values and finds cycles directly.
 */
final class VariableResolver implements UserVariables {

  /**
   * A variable's final, not yet interpolated value.
   *
   * @param site where the value is written (null for a required variable left unset)
   * @param declaration where the variable is declared in the template, or null
   */
  record Candidate(String name, StringSite site, ValueSource source, Range declaration) {}

  private final Map<String, Candidate> candidates = new LinkedHashMap<>();
  private final Set<String> sensitive;
  private final TemplateEvaluator evaluator;
  private final Reporter reporter;
  private final Map<String, Value> resolved = new HashMap<>();
  private final Deque<String> inProgress = new ArrayDeque<>();
  private final Set<String> reportedCycles = new HashSet<>();

  VariableResolver(
      List<Candidate> candidates,
      Set<String> sensitive,
      TemplateEvaluator evaluator,
      Reporter reporter) {
    for (Candidate c : candidates) {
      this.candidates.put(c.name(), c);
    }
    this.sensitive = Set.copyOf(sensitive);
    this.evaluator = evaluator;
    this.reporter = reporter;
  }

  /** Resolves every variable, in order, so that diagnostics come in a stable order. */
  void resolveAll() {
    for (String name : candidates.keySet()) {
      value(name);
    }
  }

  Candidate candidate(String name) {
    return candidates.get(name);
  }

  @Override
  public Optional<Value> value(String name) {
    return Optional.ofNullable(valueOrNull(name));
  }

  @Override
  public Value valueOrNull(String name) {
    Value done = resolved.get(name);
    if (done != null) {
      return done;
    }
    Candidate c = candidates.get(name);
    if (c == null) {
      return null;
    }
    if (c.site() == null) {
      // Required and unset: reported by the loader; its uses see an unknown value.
      return finish(name, Value.unknown(Type.STRING));
    }
    if (inProgress.contains(name)) {
      reportCycle(name);
      return mark(name, Value.unknown(Type.STRING));
    }
    inProgress.push(name);
    Value v = ValueEvaluator.string(evaluator, reporter, c.site(), Scope.variables(), this);
    inProgress.pop();
    return finish(name, v);
  }

  private Value finish(String name, Value v) {
    Value marked = mark(name, v);
    resolved.put(name, marked);
    return marked;
  }

  private Value mark(String name, Value v) {
    return sensitive.contains(name) ? v.mark(Mark.SENSITIVE) : v;
  }

  private void reportCycle(String name) {
    List<String> path = new ArrayList<>();
    List<String> stack = new ArrayList<>(inProgress);
    java.util.Collections.reverse(stack);
    int from = stack.indexOf(name);
    path.addAll(stack.subList(from, stack.size()));
    path.add(name);
    if (!reportedCycles.add(String.join("\u0000", new java.util.TreeSet<>(path)))) {
      return;
    }
    Candidate c = candidates.get(name);
    Range at = c.declaration() != null ? c.declaration() : c.site().range();
    String chain = String.join(" → ", path);
    String detail =
        "The variable \""
            + name
            + "\" refers to itself: "
            + chain
            + ". Packer cannot resolve such a cycle; give one of these variables a value that"
            + " does not use the others.";
    if (path.size() > 2) {
      Candidate next = candidates.get(path.get(1));
      Range nextAt = next.declaration() != null ? next.declaration() : next.site().range();
      reporter.add(
          LegacyCode.VARIABLE_CYCLE,
          at,
          pointer(name),
          detail,
          new Related(nextAt, "\"" + next.name() + "\" is declared here"));
    } else {
      reporter.add(LegacyCode.VARIABLE_CYCLE, at, pointer(name), detail);
    }
  }

  private static String pointer(String name) {
    return io.github.packer2aib.core.doc.JsonPointer.append("/variables", name);
  }

  @Override
  public List<String> names() {
    return new ArrayList<>(candidates.keySet());
  }
}
