package io.github.packer2aib.core.legacy.template;

import static io.github.packer2aib.core.legacy.template.TestTemplates.azureBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * {@link TemplateEvaluator#evaluateRecurring} gives what a fresh evaluation gives, for any sequence
 * of strings and scopes (strings recur, scopes alternate), problems included; {@code uuid} gives a
 * new value at each call, as without it.
 */
class RecurringEvaluationProperties {
  private static final List<Scope> SCOPES =
      List.of(
          azureBuilder(),
          Scope.builder(new BuildTarget("other", "null")),
          TestTemplates.provisioner(
              new BuildTarget("a", "azure-arm"), new BuildTarget("b", "null")),
          Scope.variables());

  @Provide
  Arbitrary<List<Tuple2<String, Integer>>> sequences() {
    Arbitrary<String> text =
        Arbitraries.of(
            "plain",
            "{{user `region`}}",
            "{{ user `password` }}-x",
            "{{ user `nope` }}",
            "{{ build_name }}",
            "{{ build_type }}/{{ env `HOME` }}",
            "{{ timestamp }}",
            "{{ split (user `csv`) \",\" 1 }}",
            "{{ sed `a` `b` }}",
            "{{ .Path }} {{ user `region` }}",
            "{{ lower }}",
            "{{ nope }}",
            "{{ isotime \"2006\" }}",
            "{{",
            "{{ printf `x` }}");
    return Arbitraries.oneOf(text, text.map(t -> t + " "))
        .flatMap(t -> Arbitraries.integers().between(0, SCOPES.size() - 1).map(s -> Tuple.of(t, s)))
        .list()
        .ofMaxSize(20);
  }

  @Property(tries = 300)
  void givesWhatAFreshEvaluationGives(@ForAll("sequences") List<Tuple2<String, Integer>> calls) {
    TemplateEvaluator recurring = new TemplateEvaluator(TestTemplates.environment());
    UserVariables variables = TestTemplates.variables();
    for (Tuple2<String, Integer> call : calls) {
      Scope scope = SCOPES.get(call.get2());
      Evaluation fresh =
          new TemplateEvaluator(TestTemplates.environment())
              .evaluate(call.get1(), scope, variables);
      assertEquals(fresh, recurring.evaluateRecurring(call.get1(), scope, variables), call.get1());
    }
  }

  @Example
  void uuidIsNewAtEachCall() {
    TemplateEvaluator e = new TemplateEvaluator(TestTemplates.environment());
    Scope scope = azureBuilder();
    UserVariables none = UserVariables.none();
    Evaluation first = e.evaluateRecurring("id-{{ uuid }}", scope, none);
    Evaluation second = e.evaluateRecurring("id-{{ uuid }}", scope, none);
    assertNotEquals(first.value(), second.value());
    TemplateEvaluator plain = new TemplateEvaluator(TestTemplates.environment());
    assertEquals(first, plain.evaluate("id-{{ uuid }}", scope, none));
    assertEquals(second, plain.evaluate("id-{{ uuid }}", scope, none));
  }
}
