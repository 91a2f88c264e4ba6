package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.hcl.value.OperationException;
import io.github.packer2aib.core.hcl.value.Operations;
import io.github.packer2aib.core.hcl.value.Templates;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.TypeConstraint;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny evaluator for HCL expressions in tests: literals, {@code [..]} tuples, {@code {k = v}}
 * objects, function calls (with {@code try}, {@code can} and {@code convert} as special forms),
 * string templates with {@code ${...}}, unary {@code -} and {@code !}, the arithmetic, comparison
 * and logic operators, parentheses, and {@code var.NAME} for values supplied by the test. It exists
 * so that test tables can be written as the expressions one would type into {@code packer
 * console}; the real HCL parser lives elsewhere.
 */
final class MiniHcl {
  private final FunctionRegistry functions;
  private final Map<String, Value> vars;
  private String s;
  private int pos;

  MiniHcl(FunctionRegistry functions, Map<String, Value> vars) {
    this.functions = functions;
    this.vars = vars;
  }

  /** An evaluation failure: the summary and detail a diagnostic would carry. */
  static final class EvalError extends Exception {
    private static final long serialVersionUID = 1L;
    final String summary;
    final String detail;

    EvalError(String summary, String detail) {
      super(summary + ": " + detail, null, false, false);
      this.summary = summary;
      this.detail = detail;
    }
  }

  Value eval(String expression) throws EvalError {
    s = expression;
    pos = 0;
    Value v = expr();
    skip();
    if (pos != s.length()) {
      throw new IllegalArgumentException("unparsed text at " + pos + ": " + s.substring(pos));
    }
    return v;
  }

  private void skip() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private boolean eat(String t) {
    skip();
    if (s.startsWith(t, pos)) {
      pos += t.length();
      return true;
    }
    return false;
  }

  private void expect(String t) {
    if (!eat(t)) {
      throw new IllegalArgumentException("expected " + t + " at " + pos + " in " + s);
    }
  }

  private Value expr() throws EvalError {
    Value c = or();
    if (eat("?")) {
      Value a = expr();
      expect(":");
      Value b = expr();
      return c.unmarked().asBoolean() ? a : b;
    }
    return c;
  }

  private interface Op {
    Value apply(Value a, Value b) throws OperationException;
  }

  private Value or() throws EvalError {
    Value v = and();
    while (eat("||")) {
      v = op(v, and(), Operations::or);
    }
    return v;
  }

  private Value and() throws EvalError {
    Value v = equality();
    while (eat("&&")) {
      v = op(v, equality(), Operations::and);
    }
    return v;
  }

  private Value equality() throws EvalError {
    Value v = comparison();
    while (true) {
      if (eat("==")) {
        v = Operations.equal(v, comparison());
      } else if (eat("!=")) {
        v = Operations.notEqual(v, comparison());
      } else {
        return v;
      }
    }
  }

  private Value comparison() throws EvalError {
    Value v = sum();
    while (true) {
      if (eat("<=")) {
        v = op(v, sum(), Operations::lessThanOrEqual);
      } else if (eat(">=")) {
        v = op(v, sum(), Operations::greaterThanOrEqual);
      } else if (eat("<")) {
        v = op(v, sum(), Operations::lessThan);
      } else if (eat(">")) {
        v = op(v, sum(), Operations::greaterThan);
      } else {
        return v;
      }
    }
  }

  private Value sum() throws EvalError {
    Value v = product();
    while (true) {
      if (eat("+")) {
        v = op(v, product(), Operations::add);
      } else if (peekMinus()) {
        v = op(v, product(), Operations::subtract);
      } else {
        return v;
      }
    }
  }

  private boolean peekMinus() {
    skip();
    if (pos < s.length() && s.charAt(pos) == '-') {
      pos++;
      return true;
    }
    return false;
  }

  private Value product() throws EvalError {
    Value v = unary();
    while (true) {
      if (eat("*")) {
        v = op(v, unary(), Operations::multiply);
      } else if (eat("/")) {
        v = op(v, unary(), Operations::divide);
      } else if (eat("%")) {
        v = op(v, unary(), Operations::modulo);
      } else {
        return v;
      }
    }
  }

  private Value op(Value a, Value b, Op f) throws EvalError {
    try {
      return f.apply(a, b);
    } catch (OperationException e) {
      throw new EvalError(e.summary(), e.detail());
    }
  }

  private Value unary() throws EvalError {
    skip();
    if (eat("-")) {
      Value v = unary();
      try {
        return Operations.negate(v);
      } catch (OperationException e) {
        throw new EvalError(e.summary(), e.detail());
      }
    }
    if (eat("!")) {
      Value v = unary();
      try {
        return Operations.not(v);
      } catch (OperationException e) {
        throw new EvalError(e.summary(), e.detail());
      }
    }
    return postfix(primary());
  }

  private Value postfix(Value v) throws EvalError {
    while (true) {
      skip();
      if (pos < s.length() && s.charAt(pos) == '[') {
        pos++;
        Value idx = expr();
        expect("]");
        v = index(v, idx);
      } else if (pos + 1 < s.length() && s.charAt(pos) == '.' && Character.isLetter(s.charAt(pos + 1))) {
        pos++;
        String name = ident();
        v = index(v, Value.string(name));
      } else {
        return v;
      }
    }
  }

  private Value index(Value v, Value key) throws EvalError {
    Value u = v.unmarked();
    Value k = key.unmarked();
    if (u instanceof io.github.packer2aib.core.hcl.value.ObjectValue) {
      Value r = ((io.github.packer2aib.core.hcl.value.ObjectValue) u).attributes().get(k.asString());
      if (r == null) {
        throw new EvalError("Unsupported attribute", "This object does not have an attribute named \"" + k.asString() + "\".");
      }
      return r.withMarks(v.marks());
    }
    if (u instanceof io.github.packer2aib.core.hcl.value.MapValue) {
      Value r = ((io.github.packer2aib.core.hcl.value.MapValue) u).entries().get(k.asString());
      if (r == null) {
        throw new EvalError("Invalid index", "The given key does not identify an element in this collection value.");
      }
      return r.withMarks(v.marks());
    }
    List<Value> elems = u.elements();
    int i = k.asNumber().toBigInteger().orElseThrow().intValueExact();
    if (i < 0 || i >= elems.size()) {
      throw new EvalError("Invalid index", "The given key does not identify an element in this collection value.");
    }
    return elems.get(i).withMarks(v.marks());
  }

  private String ident() {
    int start = pos;
    while (pos < s.length()
        && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '-')) {
      pos++;
    }
    return s.substring(start, pos);
  }

  private Value primary() throws EvalError {
    skip();
    char c = s.charAt(pos);
    if (c == '(') {
      pos++;
      Value v = expr();
      expect(")");
      return v;
    }
    if (c == '"') {
      return template();
    }
    if (c == '<' && s.startsWith("<<", pos)) {
      throw new IllegalArgumentException("heredocs are not supported by MiniHcl");
    }
    if (c == '[') {
      pos++;
      List<Value> elems = new ArrayList<>();
      while (!eat("]")) {
        elems.add(expr());
        eat(",");
      }
      return Value.tuple(elems);
    }
    if (c == '{') {
      pos++;
      Map<String, Value> attrs = new LinkedHashMap<>();
      while (!eat("}")) {
        skip();
        String key;
        if (s.charAt(pos) == '"') {
          key = template().unmarked().asString();
        } else if (s.charAt(pos) == '(') {
          pos++;
          key = expr().unmarked().asString();
          expect(")");
        } else {
          key = ident();
        }
        if (!eat("=")) {
          expect(":");
        }
        attrs.put(key, expr());
        eat(",");
      }
      return Value.object(attrs);
    }
    if (Character.isDigit(c)) {
      int start = pos;
      while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
        pos++;
      }
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        pos++;
        if (s.charAt(pos) == '+' || s.charAt(pos) == '-') {
          pos++;
        }
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
          pos++;
        }
      }
      return Value.number(s.substring(start, pos));
    }
    String name = ident();
    switch (name) {
      case "true":
        return Value.TRUE;
      case "false":
        return Value.FALSE;
      case "null":
        return Value.nullOf(Type.DYNAMIC);
      case "var":
        expect(".");
        String v = ident();
        Value val = vars.get(v);
        if (val == null) {
          throw new EvalError("Unsupported attribute", "No variable named \"" + v + "\".");
        }
        return val;
      default:
        break;
    }
    expect("(");
    return call(name);
  }

  private Value call(String name) throws EvalError {
    if (functions.isSpecialForm(name)) {
      return special(name);
    }
    List<Value> args = new ArrayList<>();
    while (!eat(")")) {
      Value a = expr();
      if (eat("...")) {
        args.addAll(a.unmarked().elements());
      } else {
        args.add(a);
      }
      eat(",");
    }
    Optional<HclFunction> f = functions.lookup(name);
    if (f.isEmpty()) {
      FunctionException e = functions.unknownFunction(name);
      throw new EvalError(e.summary(), e.detail(name, null));
    }
    try {
      return f.get().call(args);
    } catch (FunctionException e) {
      throw new EvalError(e.summary(), e.detail(name, f.get().parameterName(e.argIndex())));
    }
  }

  private Value special(String name) throws EvalError {
    if (name.equals("convert")) {
      Value v = expr();
      expect(",");
      TypeConstraint t = typeExpr();
      eat(",");
      expect(")");
      try {
        return SpecialForms.convert(v, t);
      } catch (FunctionException e) {
        throw new EvalError(e.summary(), e.detail("convert", "value"));
      }
    }
    List<LazyArgument> args = new ArrayList<>();
    while (!eat(")")) {
      int start = pos;
      skipExpression();
      String text = s.substring(start, pos);
      args.add(
          () -> {
            MiniHcl sub = new MiniHcl(functions, vars);
            try {
              return new LazyArgument.Success(sub.eval(text));
            } catch (EvalError e) {
              return new LazyArgument.Failure(
                  List.of(new LazyArgument.Problem(e.summary, e.detail, Optional.empty())));
            }
          });
      eat(",");
    }
    try {
      return name.equals("try") ? SpecialForms.tryEach(args) : SpecialForms.can(args);
    } catch (FunctionException e) {
      throw new EvalError(e.summary(), e.detail(name, null));
    }
  }

  /** Moves over one argument expression without evaluating it (balanced brackets and strings). */
  private void skipExpression() {
    skip();
    int depth = 0;
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == '"') {
        pos++;
        while (pos < s.length() && s.charAt(pos) != '"') {
          if (s.charAt(pos) == '\\') {
            pos++;
          }
          pos++;
        }
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          return;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return;
      }
      pos++;
    }
  }

  TypeConstraint typeExpr() throws EvalError {
    skip();
    String kw = ident();
    switch (kw) {
      case "string":
        return TypeConstraint.STRING;
      case "number":
        return TypeConstraint.NUMBER;
      case "bool":
        return TypeConstraint.BOOL;
      case "any":
        return TypeConstraint.ANY;
      case "list":
      case "set":
      case "map":
        {
          expect("(");
          TypeConstraint e = typeExpr();
          expect(")");
          return kw.equals("list")
              ? TypeConstraint.list(e)
              : kw.equals("set") ? TypeConstraint.set(e) : TypeConstraint.map(e);
        }
      case "tuple":
        {
          expect("(");
          expect("[");
          List<TypeConstraint> es = new ArrayList<>();
          while (!eat("]")) {
            es.add(typeExpr());
            eat(",");
          }
          expect(")");
          return TypeConstraint.tuple(es);
        }
      case "object":
        {
          expect("(");
          expect("{");
          TypeConstraint.ObjectBuilder b = TypeConstraint.object();
          while (!eat("}")) {
            skip();
            String name = ident();
            expect("=");
            skip();
            if (s.startsWith("optional(", pos)) {
              pos += "optional(".length();
              TypeConstraint t = typeExpr();
              if (eat(",")) {
                b.optional(name, t, expr());
              } else {
                b.optional(name, t);
              }
              expect(")");
            } else {
              b.attribute(name, typeExpr());
            }
            eat(",");
          }
          expect(")");
          return b.build();
        }
      default:
        throw new IllegalArgumentException("unknown type keyword " + kw);
    }
  }

  private Value template() throws EvalError {
    pos++; // opening quote
    List<Value> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    boolean interpolated = false;
    while (true) {
      char c = s.charAt(pos);
      if (c == '"') {
        pos++;
        break;
      }
      if (c == '$' && s.startsWith("${", pos)) {
        pos += 2;
        parts.add(Value.string(lit.toString()));
        lit.setLength(0);
        parts.add(expr());
        expect("}");
        interpolated = true;
        continue;
      }
      if (c == '$' && s.startsWith("$${", pos)) {
        lit.append("${");
        pos += 3;
        continue;
      }
      if (c == '\\') {
        char e = s.charAt(pos + 1);
        pos += 2;
        switch (e) {
          case 'n':
            lit.append('\n');
            break;
          case 'r':
            lit.append('\r');
            break;
          case 't':
            lit.append('\t');
            break;
          case '"':
            lit.append('"');
            break;
          case '\\':
            lit.append('\\');
            break;
          case 'u':
            lit.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
            break;
          case 'U':
            lit.appendCodePoint(Integer.parseInt(s.substring(pos, pos + 8), 16));
            pos += 8;
            break;
          default:
            throw new IllegalArgumentException("bad escape \\" + e);
        }
        continue;
      }
      lit.append(c);
      pos++;
    }
    if (!interpolated) {
      return Value.string(lit.toString());
    }
    parts.add(Value.string(lit.toString()));
    try {
      return Templates.concat(parts);
    } catch (OperationException e) {
      throw new EvalError(e.summary(), e.detail());
    }
  }
}
