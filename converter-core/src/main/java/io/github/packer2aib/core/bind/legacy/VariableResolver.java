package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.bind.DependencyOrder;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.legacy.template.BuildCalls;
import io.github.packer2aib.core.legacy.template.Scope;
import io.github.packer2aib.core.legacy.template.TemplateEvaluator;
import io.github.packer2aib.core.legacy.template.TemplateParser;
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
   * @param origin where else the value is given, for its messages (a settings file's {@code vars}
   *     is read into a pseudo-file, as a {@code --var} is), or null
   */
  record Candidate(
      String name, StringSite site, ValueSource source, Range declaration, Related origin) {
    Candidate(String name, StringSite site, ValueSource source, Range declaration) {
      this(name, site, source, declaration, null);
    }
  }

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
    // Resolving on demand recurses through the template evaluator once per reference: a chain of
    // 1,000 variables declared last to first overflowed the thread's stack. So those whose names
    // lead to no cycle are resolved first, each after the ones it names, which keeps every
    // resolution shallow; the order is the one resolving on demand would take, and cycles are
    // left to it (it reports them).
    for (String name : acyclicOrder()) {
      value(name);
    }
    for (String name : candidates.keySet()) {
      value(name);
    }
  }

  /**
   * The variables whose references reach no cycle, each after those it names. References are the
   * names {@link #userNames} finds; one it misses only costs depth, not correctness.
   */
  private List<String> acyclicOrder() {
    DependencyOrder all = DependencyOrder.of(candidates.keySet(), this::references);
    List<String> order = new ArrayList<>();
    for (String name : all.order()) {
      if (!all.reachesCycle().contains(name)) {
        order.add(name);
      }
    }
    return order;
  }

  /** The declared variables that {@code name}'s value names, in text order. */
  private List<String> references(String name) {
    Candidate c = candidates.get(name);
    if (c == null || c.site() == null) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    for (String n : userNames(c.site().value())) {
      if (candidates.containsKey(n)) {
        found.add(n);
      }
    }
    return found;
  }

  /**
   * The names in {@code user `name`} and {@code user "name"} calls inside the {@code {{ }}} actions
   * of {@code text}: a scan for ordering, not a parse (the evaluator reads the text).
   */
  static List<String> userNames(String text) {
    List<String> names = new ArrayList<>();
    int open = text.indexOf("{{");
    while (open >= 0) {
      int close = text.indexOf("}}", open + 2);
      int end = close < 0 ? text.length() : close;
      for (int at = text.indexOf("user", open + 2); at >= 0 && at < end; ) {
        int i = at + 4;
        boolean spaced = false;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
          i++;
          spaced = true;
        }
        if (spaced && i < end && (text.charAt(i) == '`' || text.charAt(i) == '"')) {
          int quoteEnd = text.indexOf(text.charAt(i), i + 1);
          if (quoteEnd > i && quoteEnd < end) {
            names.add(text.substring(i + 1, quoteEnd));
          }
        }
        at = text.indexOf("user", at + 4);
      }
      open = close < 0 ? -1 : text.indexOf("{{", close + 2);
    }
    return names;
  }

  Candidate candidate(String name) {
    return candidates.get(name);
  }

  @Override
  public List<String> secretReaders(String name) {
    List<String> out = new ArrayList<>();
    secretReaders(name, out, new HashSet<>());
    return out;
  }

  private void secretReaders(String name, List<String> out, Set<String> seen) {
    Candidate c = candidates.get(name);
    if (c == null || c.site() == null || !seen.add(name)) {
      return;
    }
    String text = c.site().value();
    for (String function : BuildCalls.secretReadersIn(text)) {
      if (!out.contains(function)) {
        out.add(function);
      }
    }
    for (String read : userNames(text)) {
      secretReaders(read, out, seen);
    }
  }

  /**
   * The secret variables that the value of {@code name} reads ({@link
   * io.github.packer2aib.core.packer.Variable#secretsRead}), as {@code var.NAME}: those it names
   * with {@code user} that are secret themselves, and what those that only hold a secret they read
   * read in turn. Empty for a secret variable itself, and for one whose secret comes from elsewhere
   * (an environment variable named as a credential).
   */
  List<String> secretsRead(String name) {
    Set<String> out = new java.util.LinkedHashSet<>();
    if (!sensitive.contains(name)) {
      secretsRead(name, out, new HashSet<>());
    }
    return new ArrayList<>(out);
  }

  private void secretsRead(String name, Set<String> out, Set<String> seen) {
    Candidate c = candidates.get(name);
    if (c == null || c.site() == null || !seen.add(name)) {
      return;
    }
    for (String read : userNames(c.site().value())) {
      if (sensitive.contains(read)) {
        out.add("var." + read);
      } else {
        Value v = resolved.get(read);
        if (v != null && v.containsSensitive()) {
          secretsRead(read, out, seen);
        }
      }
    }
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
    Value v =
        ValueEvaluator.string(
            evaluator, reporter, c.site(), Scope.variables(), this, secretText(c), c.origin());
    inProgress.pop();
    return finish(name, v);
  }

  /**
   * Whether the text of a secret variable's value is masked where it is quoted, so that its
   * messages must quote none of it: a value given in a var file, with {@code --var} or by a
   * settings file always is (any text there may be a password with braces in it, a fragment of
   * which the template language fails on); a default written in the template is unless it only
   * names what it reads ({@code {{env `ARM_CLIENT_SECRET`}}}), as the template's secret ranges are.
   */
  private boolean secretText(Candidate c) {
    if (!sensitive.contains(c.name())) {
      return false;
    }
    StringSite site = c.site();
    return site.verbatim()
        || site.file().holdsValues()
        || !TemplateParser.parse(site.value()).showsNoValue();
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
