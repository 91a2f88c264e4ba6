package io.github.packer2aib.core.legacy.template;

import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Value;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A fixed environment and variables for evaluating template strings in tests. */
final class TestTemplates {
  private TestTemplates() {}

  /** 2023-11-14T22:13:20Z. */
  static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

  static TemplateEnvironment environment() {
    return new TemplateEnvironment(
        Clock.frozenAt(NOW),
        Map.of("HOME", "/home/me", "REGION", "westeurope"),
        "/templates/web",
        "/work",
        Optional.of("1.6.6"));
  }

  /** Variables {@code region}, {@code prefix}, and a sensitive {@code password}. */
  static UserVariables variables() {
    Map<String, Value> vars = new TreeMap<>();
    vars.put("region", Value.string("westeurope"));
    vars.put("prefix", Value.string("Web App"));
    vars.put("password", Value.string("s3cret!").mark(Mark.SENSITIVE));
    vars.put("csv", Value.string("a,b,c"));
    return new UserVariables() {
      @Override
      public Optional<Value> value(String name) {
        return Optional.ofNullable(vars.get(name));
      }

      @Override
      public List<String> names() {
        return List.copyOf(vars.keySet());
      }
    };
  }

  static Evaluation eval(String text, Scope scope) {
    return new TemplateEvaluator(environment()).evaluate(text, scope, variables());
  }

  static Scope azureBuilder() {
    return Scope.builder(new BuildTarget("web", "azure-arm"));
  }

  static Scope provisioner(BuildTarget... targets) {
    return new Scope(Section.PROVISIONER, List.of(targets));
  }
}
