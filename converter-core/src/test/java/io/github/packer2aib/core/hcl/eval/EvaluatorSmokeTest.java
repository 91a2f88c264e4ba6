package io.github.packer2aib.core.hcl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.hcl.value.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorSmokeTest {
  private static String show(String text, Map<String, Value> vars) {
    EvalResult r = EvalTesting.eval(text, vars);
    StringBuilder sb = new StringBuilder(EvalTesting.typed(r.value()));
    r.diagnostics().forEach(d -> sb.append(" | ").append(d.summary()).append(": ").append(d.detail()));
    return sb.toString();
  }

  @Test
  void basics() {
    Map<String, Value> vars =
        Map.of(
            "var",
            Value.object(
                "name", Value.string("web"),
                "n", Value.number(3),
                "secret", Value.string("pw").mark(io.github.packer2aib.core.hcl.value.Mark.SENSITIVE),
                "list", Value.tuple(Value.string("a"), Value.string("b"))));
    assertEquals("string \"web-3\"", show("\"${var.name}-${var.n}\"", vars));
    assertEquals("number 7", show("1 + 2 * 3", vars));
    assertEquals("tuple([string, string]) [\"A\", \"B\"]", show("[for x in var.list : upper(x)]", vars));
    assertEquals("string \"x-pw\" (sensitive)", show("\"x-${var.secret}\"", vars));
    assertEquals(
        "any (unknown) | Unknown variable: There is no variable named \"vat\". Did you mean \"var\"?",
        show("vat.name", vars));
    assertEquals(
        "any (unknown) | Unsupported attribute: This object does not have an attribute named \"nme\". Did you mean \"name\"?",
        show("var.nme", vars));
    assertEquals("tuple([string, string]) [\"a\", \"b\"]", show("var.list[*]", vars));
    assertEquals("string \"ab\"", show("\"%{for x in var.list}${x}%{endfor}\"", vars));
  }
}
