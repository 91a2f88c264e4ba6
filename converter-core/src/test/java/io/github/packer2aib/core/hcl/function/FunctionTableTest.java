package io.github.packer2aib.core.hcl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every line of {@code hcl/function-calls.tsv}: the call's result, rendered as Packer renders it. */
class FunctionTableTest {
  private static final FunctionRegistry REGISTRY = TestFunctions.registry();

  static Stream<TestFunctions.Case> cases() {
    return TestFunctions.table().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void callGivesTheExpectedRendering(TestFunctions.Case c) {
    assertEquals(c.expected(), TestFunctions.render(REGISTRY, c.expression()), "line " + c.line());
  }

  @Test
  void tableIsLargeAndCoversEveryFunction() {
    List<TestFunctions.Case> cases = TestFunctions.table();
    long differential = cases.stream().filter(c -> c.tag().equals("p")).count();
    assertTrue(differential >= 150, "at least 150 cases checked against Packer, got " + differential);
    Set<String> missing = new TreeSet<>(REGISTRY.names());
    missing.addAll(SpecialForms.NAMES);
    for (TestFunctions.Case c : cases) {
      missing.removeIf(name -> c.expression().contains(name + "("));
    }
    assertEquals(Set.of(), missing, "functions without a table case");
  }

  @Test
  void registryHasEveryPackerFunction() {
    Set<String> expected =
        new TreeSet<>(
            List.of(
                ("abs alltrue anytrue base64decode base64encode base64gzip ceil chomp chunklist cidrhost"
                        + " cidrnetmask cidrsubnet cidrsubnets coalesce coalescelist compact concat contains"
                        + " csvdecode distinct element endswith flatten floor format formatdate formatlist"
                        + " indent index join jsondecode jsonencode keys length log lookup lower max md5 merge"
                        + " min parseint pow range regex regexall regex_replace replace reverse rfc3339_parse"
                        + " setintersection setproduct setunion sha1 sha256 sha512 signum slice sort split"
                        + " startswith strcontains strrev substr sum textdecodebase64 textencodebase64 timeadd"
                        + " title trim trimprefix trimspace trimsuffix unix_timestamp_parse upper urlencode"
                        + " uuidv5 values yamldecode yamlencode zipmap timestamp legacy_isotime"
                        + " legacy_strftime uuidv4 bcrypt vault consul_key aws_secretsmanager"
                        + " aws_secretsmanager_raw rsadecrypt file filebase64 fileexists fileset templatefile"
                        + " abspath pathexpand basename dirname")
                    .split(" ")));
    assertEquals(expected, REGISTRY.names());
    assertEquals(Set.of("try", "can", "convert"), SpecialForms.NAMES);
  }
}
