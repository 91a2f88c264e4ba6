package io.github.packer2aib.core.bind.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Variable;
import io.github.packer2aib.core.source.SourceFile;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** User variables that name each other: their values, their order, and their cycles. */
class VariableResolverTest {
  private static LegacyLoadResult load(String json) {
    LegacyOptions options =
        LegacyOptions.of("/work", "/work", Clock.frozenAt(Instant.ofEpochSecond(1_700_000_000L)));
    return LegacyLoader.load(new SourceFile("t.json", json), options);
  }

  private static Map<String, Value> values(LegacyLoadResult r) {
    Map<String, Value> values = new HashMap<>();
    for (Variable v : r.template().orElseThrow().variables()) {
      values.put(v.name(), v.value());
    }
    return values;
  }

  private static final String BUILDER =
      "\"builders\": [{\"type\": \"azure-arm\", \"location\": \"westeurope\"}]";

  @Test
  void aLongChainDeclaredLastToFirstResolves() {
    // Each variable names the one before it, the last declared first: resolving on demand
    // recursed once per link and overflowed the stack at about 1,000.
    int n = 20_000;
    StringBuilder json = new StringBuilder("{\"variables\": {");
    StringBuilder expected = new StringBuilder("x");
    for (int i = n - 1; i >= 1; i--) {
      json.append("\"v").append(i).append("\": \"{{user `v").append(i - 1).append("`}}");
      json.append(i % 10).append("\", ");
    }
    for (int i = 1; i < n; i++) {
      expected.append(i % 10);
    }
    json.append("\"v0\": \"x\"}, ").append(BUILDER).append("}");

    LegacyLoadResult r = load(json.toString());

    assertEquals(List.of(), r.diagnostics());
    assertEquals(Value.string(expected.toString()), values(r).get("v" + (n - 1)));
  }

  @Test
  void aCycleIsReportedAsBeforeAndWhatLeadsToItIsUnknown() {
    LegacyLoadResult r =
        load(
            "{\"variables\": {\"a\": \"{{user `b`}}\", \"b\": \"{{ user \\\"a\\\" }}\","
                + " \"c\": \"{{user `a`}}-c\", \"d\": \"d\"}, "
                + BUILDER
                + "}");

    List<String> cycles =
        r.diagnostics().stream()
            .filter(d -> d.code().equals("LEGACY-E015"))
            .map(Diagnostic::detail)
            .toList();
    assertEquals(1, cycles.size(), r.diagnostics().toString());
    assertEquals(
        "The variable \"a\" refers to itself: a → b → a. Packer cannot resolve such a cycle; give"
            + " one of these variables a value that does not use the others.",
        cycles.get(0));
    assertEquals(Value.string("d"), values(r).get("d"));
  }

  @Test
  void userCallsAreFoundInsideActionsOnly() {
    assertEquals(
        List.of("a", "b", "c"),
        VariableResolver.userNames(
            "user `x` {{user `a`}}-{{ user \"b\" | upper }}{{env `user`}} {{user\t`c`}}"));
    assertEquals(List.of(), VariableResolver.userNames("{{username `a`}} {{user}} {{ user `open"));
  }

  @Test
  void variablesThatDoubleTheOneBeforeStopAtSixteenMebibytes() {
    // v0 is 16 characters; v20 is 16 Mi characters, v21 would be 32 Mi: an error, not gigabytes.
    StringBuilder json = new StringBuilder("{\"variables\": {\"v0\": \"xxxxxxxxxxxxxxxx\"");
    for (int i = 1; i < 30; i++) {
      json.append(", \"v").append(i).append("\": \"{{user `v").append(i - 1);
      json.append("`}}{{user `v").append(i - 1).append("`}}\"");
    }
    json.append("}, ").append(BUILDER).append("}");

    LegacyLoadResult r = load(json.toString());

    assertEquals(List.of("GOTPL-E111"), r.diagnostics().stream().map(Diagnostic::code).toList());
    assertEquals("/variables/v21", r.diagnostics().get(0).path().orElseThrow());
    assertEquals(16 * 1024 * 1024, values(r).get("v20").unmarked().asString().length());
    assertFalse(values(r).get("v29").isKnown());
  }
}
