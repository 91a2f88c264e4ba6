package io.github.packer2aib.core.legacy.template;

import io.github.packer2aib.core.hcl.eval.EvalBudget;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.legacy.template.TemplateFunction.Failure;
import io.github.packer2aib.core.legacy.template.TemplateFunction.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Evaluates a parsed template string as Packer does when it prepares a build: every action is
 * executed and printed, text is kept (trimmed where a trim marker says so), and the result is a
 * string value.
 *
 * <p>An action that refers to data ({@code {{ .Path }}}, {@code {{ .Vars }}}, {@code
 * {{.WinRMPassword}}}, {@code {{ . }}}) is kept verbatim: Packer fills that data in only while it
 * provisions, so the output keeps the action for the mapper to analyse. Values computed from a
 * sensitive variable carry the sensitive mark; values that depend on build-time data are unknown.
 * Like Go, evaluation stops at the first error, and the value is then an unknown string.
 */
public final class TemplateEvaluator {
  private final TemplateEnvironment environment;

  public TemplateEvaluator(TemplateEnvironment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /** Parses and evaluates one string. */
  public Evaluation evaluate(String text, Scope scope, UserVariables variables) {
    if (!text.contains("{{")) {
      // Without "{{" no action or comment can start: the value is the text (most strings).
      return new Evaluation(Value.verbatim(text), List.of());
    }
    return evaluate(TemplateParser.parse(text), scope, variables);
  }

  public Evaluation evaluate(ParsedTemplate template, Scope scope, UserVariables variables) {
    return evaluate(template, new Run(environment, scope, variables));
  }

  private static Evaluation evaluate(ParsedTemplate template, Run run) {
    if (template.error().isPresent()) {
      return new Evaluation(Value.unknown(Type.STRING), List.of(template.error().get()));
    }
    if (template.isLiteral()) {
      return new Evaluation(Value.verbatim(template.text()), List.of());
    }
    try {
      Value value = run.template(template.nodes());
      return new Evaluation(value, run.problems.isEmpty() ? List.of() : run.problems);
    } catch (Stop stop) {
      run.problems.add(stop.problem);
      return new Evaluation(Value.unknown(Type.STRING), run.problems);
    }
  }

  // The strings of the last scope evaluated with evaluateRecurring, and what they gave.
  private final Map<String, Evaluation> recurring = new HashMap<>();
  private Scope recurringScope;
  private UserVariables recurringVariables;

  /**
   * As {@link #evaluate(String, Scope, UserVariables)}, and gives the same evaluation again when
   * the same string recurs with the same scope and variables objects (identity), as long as no
   * other scope came between. A legacy template repeats its templated strings ({@code {{user
   * `winrm_user`}}} in every provisioner), and every function but {@code uuid} (a new value per
   * call, never remembered) gives the same value for the same arguments within one conversion;
   * problems come with the evaluation, so the caller reports them at each string again.
   *
   * <p>Unlike {@code evaluate}, this keeps state in the evaluator: use it from one thread, for one
   * template.
   */
  public Evaluation evaluateRecurring(String text, Scope scope, UserVariables variables) {
    if (!text.contains("{{")) {
      return new Evaluation(Value.verbatim(text), List.of());
    }
    if (scope != recurringScope || variables != recurringVariables) {
      recurring.clear();
      recurringScope = scope;
      recurringVariables = variables;
    }
    Evaluation known = recurring.get(text);
    if (known != null) {
      return known;
    }
    Run run = new Run(environment, scope, variables);
    Evaluation e = evaluate(TemplateParser.parse(text), run);
    // A nested evaluation (a variable read for the first time) may have changed the scope.
    if (run.repeatable && scope == recurringScope && variables == recurringVariables) {
      recurring.put(text, e);
    }
    return e;
  }

  /** Stops evaluation at the first error, as Go's executor does. */
  private static final class Stop extends Exception {
    private static final long serialVersionUID = 1L;
    final transient TemplateProblem problem;

    Stop(TemplateProblem problem) {
      super(problem.detail(), null, false, false);
      this.problem = problem;
    }
  }

  /**
   * A Go value in a pipeline: a string (the result of every function, possibly unknown or marked)
   * or a constant written in the template.
   *
   * @param literal the operand when the value is a constant as written, else null
   */
  private record GoValue(GoKind kind, Value value, Operand literal) {}

  private enum GoKind {
    STRING,
    INT,
    FLOAT,
    BOOL
  }

  /** One evaluation of one string. */
  private static final class Run {
    final TemplateEnvironment environment;
    final Scope scope;
    final UserVariables variables;
    final List<TemplateProblem> problems = new ArrayList<>();

    /** Whether evaluating the string again gives the same (it called no {@code uuid}). */
    boolean repeatable = true;

    /** Codes of warnings and notes already given: each is said once per string. */
    final Set<GoTemplateCode> noted = EnumSet.noneOf(GoTemplateCode.class);

    Run(TemplateEnvironment environment, Scope scope, UserVariables variables) {
      this.environment = environment;
      this.scope = scope;
      this.variables = variables;
    }

    Value template(List<TemplateNode> nodes) throws Stop {
      if (nodes.size() == 1 && nodes.get(0) instanceof Action a && !refersToData(a.pipeline())) {
        return wholeAction(a);
      }
      StringBuilder out = new StringBuilder();
      EnumSet<Mark> marks = null;
      boolean unknown = false;
      for (int i = 0; i < nodes.size(); i++) {
        TemplateNode node = nodes.get(i);
        if (node instanceof TemplateNode.Text t) {
          out.append(
              trimmed(
                  t.text(),
                  i > 0 && trimsRight(nodes.get(i - 1)),
                  i + 1 < nodes.size() && trimsLeft(nodes.get(i + 1))));
        } else if (node instanceof Action a) {
          if (refersToData(a.pipeline())) {
            checkFunctionsExist(a.pipeline());
            checkNoBareRoot(a.pipeline());
            out.append(a.source());
            // Tells the action kept for Packer to fill in from braces printed as text.
            marks = marks != null ? marks : EnumSet.noneOf(Mark.class);
            marks.add(Mark.TEMPLATE_FIELD);
            continue;
          }
          GoValue v = pipeline(a.pipeline());
          marks = addMarks(v.value(), marks);
          Value u = v.value().unmarked();
          if (!u.isKnown()) {
            unknown = true;
          } else {
            out.append(print(v.kind(), u));
          }
        }
        if (out.length() > EvalBudget.MAX_STRING) {
          throw tooLarge(nodes.get(0).span().to(node.span()), out.length());
        }
      }
      Value result = unknown ? Value.unknown(Type.STRING) : Value.verbatim(out.toString());
      return marks == null ? result : result.withMarks(marks);
    }

    /**
     * Adds the marks of {@code v} (at any depth) to {@code marks}, made only when there is a mark:
     * most values are plain strings, and C1 (bulk runs) pays for every {@code EnumSet.noneOf}.
     */
    private static EnumSet<Mark> addMarks(Value v, EnumSet<Mark> marks) {
      if (v instanceof StringValue) {
        return marks;
      }
      EnumSet<Mark> into = marks != null ? marks : EnumSet.noneOf(Mark.class);
      v.addDeepMarksTo(into);
      return into;
    }

    /**
     * A string that is one action ({@code "{{user `name`}}"}, most templated strings): its value is
     * the action's, without copying it through a builder, and a string value is kept as it is (it
     * is in NFC already, so making it again would only check that again).
     */
    private Value wholeAction(Action a) throws Stop {
      GoValue v = pipeline(a.pipeline());
      EnumSet<Mark> marks = addMarks(v.value(), null);
      Value u = v.value().unmarked();
      Value result;
      if (!u.isKnown()) {
        result = Value.unknown(Type.STRING);
      } else if (v.kind() == GoKind.STRING && u instanceof StringValue s) {
        if (s.value().length() > EvalBudget.MAX_STRING) {
          throw tooLarge(a.span(), s.value().length());
        }
        result = u;
      } else {
        result = Value.verbatim(print(v.kind(), u));
      }
      return marks == null ? result : result.withMarks(marks);
    }

    private static boolean trimsRight(TemplateNode n) {
      return n instanceof Action a
          ? a.trimRight()
          : n instanceof TemplateNode.Comment c && c.trimRight();
    }

    private static boolean trimsLeft(TemplateNode n) {
      return n instanceof Action a
          ? a.trimLeft()
          : n instanceof TemplateNode.Comment c && c.trimLeft();
    }

    /** Go trims ASCII space, tab, carriage return and newline. */
    private static String trimmed(String s, boolean leading, boolean trailing) {
      int start = 0;
      int end = s.length();
      if (leading) {
        while (start < end && isTrimSpace(s.charAt(start))) {
          start++;
        }
      }
      if (trailing) {
        while (end > start && isTrimSpace(s.charAt(end - 1))) {
          end--;
        }
      }
      return s.substring(start, end);
    }

    private static boolean isTrimSpace(char c) {
      return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static String print(GoKind kind, Value known) {
      switch (kind) {
        case INT:
          return known.asNumber().toBigDecimal().toBigInteger().toString();
        case FLOAT:
          return GoStrings.formatFloat(known.asNumber().toDouble());
        case BOOL:
          return Boolean.toString(known.asBoolean());
        default:
          return known.asString();
      }
    }

    // ---------------------------------------------------------------- data references

    // Indexed loops here and below: C1 allocates an iterator per for-each over a List.
    private static boolean refersToData(Pipeline p) {
      List<Command> commands = p.commands();
      for (int i = 0; i < commands.size(); i++) {
        List<Operand> operands = commands.get(i).operands();
        for (int j = 0; j < operands.size(); j++) {
          if (refersToData(operands.get(j))) {
            return true;
          }
        }
      }
      return false;
    }

    private static boolean refersToData(Operand o) {
      if (o instanceof Operand.Field || o instanceof Operand.Dot || o instanceof Operand.Variable) {
        return true;
      }
      if (o instanceof Operand.Chain c) {
        // ($).Path or (.Build).Name is data; (lower `a`).Foo the field of a function's string,
        // which fails when it is evaluated (argument), as in Packer.
        return refersToData(c.base());
      }
      return o instanceof Operand.SubPipeline s && refersToData(s.pipeline());
    }

    /**
     * {@code $} alone is the whole data Packer executes a template with (it prints {@code {{ $ }}}
     * as a map of its build values, which no template means), so it is refused as the other
     * template variables are; {@code $.Path} is {@code .Path}, a placeholder kept for Packer.
     */
    private static void checkNoBareRoot(Pipeline p) throws Stop {
      for (Command c : p.commands()) {
        for (Operand o : c.operands()) {
          if (o instanceof Operand.Variable v) {
            throw stop(
                GoTemplateCode.UNSUPPORTED_ACTION,
                v.span(),
                "$ alone is the data Packer fills a template with, which it prints as a map of its"
                    + " build values; template variables are not supported by packer2aib. Name the"
                    + " value itself, such as {{ .Path }} where Packer provides it, or use a user"
                    + " variable: {{ user `name` }}.");
          }
          if (o instanceof Operand.SubPipeline s) {
            checkNoBareRoot(s.pipeline());
          }
        }
      }
    }

    /**
     * Go checks function names when it parses, so a kept action must name real functions. Go's
     * built-ins are fine here: Packer, not packer2aib, runs a kept action.
     */
    private void checkFunctionsExist(Pipeline p) throws Stop {
      for (Command c : p.commands()) {
        for (Operand o : c.operands()) {
          checkFunctionsExist(o instanceof Operand.Chain ch ? ch.base() : o);
        }
      }
    }

    private void checkFunctionsExist(Operand o) throws Stop {
      if (o instanceof Operand.Identifier id) {
        if (!TemplateFunctions.GO_BUILTINS.contains(id.name())) {
          function(id);
        }
      } else if (o instanceof Operand.SubPipeline s) {
        checkFunctionsExist(s.pipeline());
      }
    }

    // ---------------------------------------------------------------- execution

    private GoValue pipeline(Pipeline p) throws Stop {
      List<Command> commands = p.commands();
      GoValue piped = null;
      for (int i = 0; i < commands.size(); i++) {
        piped = command(commands.get(i), piped);
      }
      return piped;
    }

    private GoValue command(Command c, GoValue piped) throws Stop {
      List<Operand> operands = c.operands();
      Operand head = operands.get(0);
      if (head instanceof Operand.Identifier id) {
        return call(id, operands, 1, piped, c.span());
      }
      // The parser admits a non-function only as the first and only operand of stage one.
      return argument(head);
    }

    private GoValue argument(Operand o) throws Stop {
      if (o instanceof Operand.Identifier id) {
        // A function name as an argument is called without arguments, as in Go.
        return call(id, List.of(), 0, null, id.span());
      }
      if (o instanceof Operand.StringLiteral s) {
        return new GoValue(GoKind.STRING, Value.verbatim(s.value()), o);
      }
      if (o instanceof Operand.NumberLiteral n) {
        if (n.isFloatLiteral() || n.integer().isEmpty()) {
          return new GoValue(
              GoKind.FLOAT,
              Value.number(
                  io.github.packer2aib.core.hcl.value.BigFloat.ofDouble(n.floating().orElse(0))),
              o);
        }
        return new GoValue(GoKind.INT, Value.number(n.integer().getAsLong()), o);
      }
      if (o instanceof Operand.BoolLiteral b) {
        return new GoValue(GoKind.BOOL, Value.bool(b.value()), o);
      }
      if (o instanceof Operand.Nil) {
        return new GoValue(GoKind.STRING, Value.nullOf(Type.STRING), o);
      }
      if (o instanceof Operand.SubPipeline s) {
        return pipeline(s.pipeline());
      }
      if (o instanceof Operand.Chain c) {
        return field(c);
      }
      throw new IllegalStateException("data reference reached evaluation: " + o);
    }

    /**
     * A field of a value that is no data ({@code (lower `a`).Foo}): every value here is a string or
     * a constant, which has no fields, so Packer fails ("can't evaluate field Foo in type string");
     * the base is evaluated first, as Go does, so its own errors come first.
     */
    private GoValue field(Operand.Chain c) throws Stop {
      GoValue base = argument(c.base());
      String type =
          switch (base.kind()) {
            case INT -> "int";
            case FLOAT -> "float64";
            case BOOL -> "bool";
            default -> "string";
          };
      String name = c.fields().get(0);
      throw stop(
          GoTemplateCode.INVALID_SYNTAX,
          new Span(c.base().span().end(), c.span().end()),
          "The value before ."
              + name
              + (type.equals("int") ? " is an " : " is a ")
              + type
              + ", which has no fields, so Packer fails (\"can't evaluate field "
              + name
              + " in type "
              + type
              + "\"). Remove \"."
              + String.join(".", c.fields())
              + "\".");
    }

    private TemplateFunction function(Operand.Identifier id) throws Stop {
      if (TemplateFunctions.GO_BUILTINS.contains(id.name())) {
        throw stop(
            GoTemplateCode.UNSUPPORTED_BUILTIN,
            id.span(),
            "Go's built-in template function \""
                + id.name()
                + "\" is not evaluated by packer2aib. Compute the value with Packer's functions"
                + " (user, replace, split, lower, …) or pass it in a variable.");
      }
      // A plain null check: this runs for every call, and a lambda per call costs in C1 code.
      TemplateFunction f = TemplateFunctions.find(id.name());
      if (f != null) {
        return f;
      }
      String suggestion = Suggestions.closest(id.name(), TemplateFunctions.names());
      throw stop(
          GoTemplateCode.UNKNOWN_FUNCTION,
          id.span(),
          "There is no template function named \""
              + id.name()
              + "\"."
              + (suggestion != null
                  ? " Did you mean \"" + suggestion + "\"?"
                  : " Packer's functions are user, env, timestamp, isotime, strftime,"
                      + " uuid, split, replace, replace_all, lower, upper,"
                      + " clean_resource_name, template_dir, pwd, build_name,"
                      + " build_type, packer_version and build."));
    }

    /**
     * Calls the function {@code id} with the operands from {@code first} on (the command's operands
     * after its head; none for a function named as an argument) and the value piped in, if any.
     */
    private GoValue call(
        Operand.Identifier id, List<Operand> operands, int first, GoValue piped, Span callSpan)
        throws Stop {
      TemplateFunction f = function(id);
      if (!TemplateFunctions.isRepeatable(f)) {
        repeatable = false;
      }
      int count = operands.size() - first + (piped != null ? 1 : 0);
      List<GoValue> args = new ArrayList<>(count);
      for (int i = first; i < operands.size(); i++) {
        args.add(argument(operands.get(i)));
      }
      if (piped != null) {
        args.add(piped);
      }
      checkArity(f, args.size(), piped != null, callSpan);
      List<Value> values = new ArrayList<>(count);
      EnumSet<Mark> marks = null;
      boolean unknown = false;
      List<Kind> parameters = f.parameters();
      for (int i = 0; i < args.size(); i++) {
        Kind kind = i < parameters.size() ? parameters.get(i) : f.variadic().orElseThrow();
        Value v = convert(f, i, kind, args.get(i), argumentSpan(operands, first, i, callSpan));
        marks = addMarks(v, marks);
        Value u = v.unmarked();
        unknown |= !u.isKnown();
        values.add(u);
      }
      if (unknown && !TemplateFunctions.isRefusedOrDeprecated(f.name())) {
        Value result = Value.unknown(Type.STRING);
        return new GoValue(GoKind.STRING, marks == null ? result : result.withMarks(marks), null);
      }
      TemplateFunction.Call call =
          new TemplateFunction.Call(
              environment,
              scope,
              variables,
              new CallNotes(this, id.span()),
              marks != null && marks.contains(Mark.SENSITIVE));
      try {
        Value result = f.body().apply(values, call);
        return new GoValue(GoKind.STRING, marks == null ? result : result.withMarks(marks), null);
      } catch (Failure e) {
        Span at =
            e.argument >= 0 && e.argument < args.size()
                ? argumentSpan(operands, first, e.argument, callSpan)
                : callSpan;
        String message =
            marks != null && marks.contains(Mark.SENSITIVE) && e.code == GoTemplateCode.CALL_FAILED
                ? "The call failed on a sensitive value, which is not shown"
                : e.getMessage();
        throw stop(e.code, at, sentence(message));
      }
    }

    /**
     * Where argument {@code i} of a call is written: its operand, or the call for the piped value
     * (the last). Looked up instead of listed: C1 (bulk runs) allocates every list made per call.
     */
    private static Span argumentSpan(List<Operand> operands, int first, int i, Span callSpan) {
      int k = first + i;
      return k < operands.size() ? operands.get(k).span() : callSpan;
    }

    /**
     * The notes of one call, said once per string at the call. A class rather than a lambda: C1
     * (bulk runs) allocates a capturing lambda through a method handle, at several times the cost.
     */
    private static final class CallNotes implements TemplateFunction.Notes {
      private final Run run;
      private final Span at;

      CallNotes(Run run, Span at) {
        this.run = run;
        this.at = at;
      }

      @Override
      public void add(GoTemplateCode code, String detail) {
        if (run.noted.add(code)) {
          run.problems.add(new TemplateProblem(code, at, detail));
        }
      }
    }

    /**
     * Go's argument count check. The hint about a piped value goes with a call that has one, too
     * many arguments or too few ({@code {{ user `a` | replace "o" "0" }}} gives replace 3): it was
     * given to calls with too many, piped or not.
     */
    private void checkArity(TemplateFunction f, int count, boolean piped, Span callSpan)
        throws Stop {
      int fixed = f.parameters().size();
      boolean ok = f.variadic().isPresent() ? count >= fixed : count == fixed;
      if (ok) {
        return;
      }
      String want =
          f.variadic().isPresent()
              ? "at least " + fixed
              : fixed + (fixed == 1 ? " argument" : " arguments");
      if (f.variadic().isPresent()) {
        want += fixed == 1 ? " argument" : " arguments";
      }
      throw stop(
          GoTemplateCode.WRONG_ARGUMENT_COUNT,
          callSpan,
          "The function "
              + f.name()
              + " takes "
              + want
              + ", but "
              + count
              + (count == 1 ? " was" : " were")
              + " given"
              + (piped ? " (the value piped in with | counts as the last argument)." : "."));
    }

    /** Go's argument check: constants must fit the parameter, computed values must be strings. */
    private Value convert(TemplateFunction f, int index, Kind kind, GoValue arg, Span span)
        throws Stop {
      if (kind == Kind.STRING) {
        if (arg.kind() == GoKind.STRING && !(arg.literal() instanceof Operand.Nil)) {
          return arg.value();
        }
        throw stop(
            GoTemplateCode.WRONG_ARGUMENT_TYPE,
            span,
            position(f, index)
                + " must be a string, but "
                + describe(arg)
                + " was given."
                + quoteAdvice(arg));
      }
      if (arg.literal() instanceof Operand.NumberLiteral n && n.integer().isPresent()) {
        return Value.number(n.integer().getAsLong());
      }
      throw stop(
          GoTemplateCode.WRONG_ARGUMENT_TYPE,
          span,
          position(f, index)
              + " must be an integer written as a number, such as 0, but "
              + describe(arg)
              + " was given.");
    }

    /** "Argument 2 of replace", for messages only (not built for every argument). */
    private static String position(TemplateFunction f, int index) {
      return "Argument " + (index + 1) + " of " + f.name();
    }

    private static String describe(GoValue arg) {
      Operand lit = arg.literal();
      if (lit instanceof Operand.StringLiteral s) {
        return "the string " + io.github.packer2aib.core.hcl.value.Strings.quote(s.value());
      }
      if (lit instanceof Operand.NumberLiteral n) {
        return (isCharConstant(n) ? "the character constant " : "the number ") + n.text();
      }
      if (lit instanceof Operand.BoolLiteral b) {
        return "the boolean " + b.value();
      }
      if (lit instanceof Operand.Nil) {
        return "nil";
      }
      return "a computed string";
    }

    /**
     * How to write a constant given for a string as one. {@code {{ user 'name' }}} (single quotes
     * spare a JSON template its escaped double quotes) is a character constant, a number in Go: the
     * advice was to quote it as "'name'", which names another variable.
     */
    private static String quoteAdvice(GoValue arg) {
      if (arg.literal() instanceof Operand.NumberLiteral n && isCharConstant(n)) {
        return " Single quotes make a character constant, which Go's templates read as a number:"
            + " write "
            + Literals.asString(n.text())
            + " for the string.";
      }
      if (arg.literal() instanceof Operand.NumberLiteral
          || arg.literal() instanceof Operand.BoolLiteral) {
        return " Quote it: \"" + literalText(arg) + "\".";
      }
      return "";
    }

    private static boolean isCharConstant(Operand.NumberLiteral n) {
      return n.text().length() >= 2 && n.text().charAt(0) == '\'';
    }

    private static String literalText(GoValue arg) {
      Operand lit = arg.literal();
      if (lit instanceof Operand.NumberLiteral n) {
        return n.text();
      }
      if (lit instanceof Operand.BoolLiteral b) {
        return Boolean.toString(b.value());
      }
      return "";
    }

    private static String sentence(String message) {
      return message.endsWith(".") || message.endsWith("?") ? message : message + ".";
    }

    /**
     * A string longer than a value may hold: user variables that each repeat the one before twice
     * made gigabytes and ran the JVM out of memory.
     */
    private static Stop tooLarge(Span span, long length) {
      return stop(
          GoTemplateCode.VALUE_TOO_LARGE,
          span,
          String.format(
              java.util.Locale.ROOT,
              "This string would be at least %,d characters long, more than the %,d a value may"
                  + " hold; a template that needs more is doubling a value somewhere.",
              length,
              EvalBudget.MAX_STRING));
    }

    private static Stop stop(GoTemplateCode code, Span span, String detail) {
      return new Stop(new TemplateProblem(code, span, detail));
    }
  }
}
