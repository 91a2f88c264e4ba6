package io.github.packer2aib.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.value.ValueDepth;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A value nested thousands of levels deep, built from short expressions by locals that each wrap
 * the one before, is refused where it is made ({@code EVAL-E034}) instead of overflowing the stack
 * in a walk after the evaluator: the plugin body's Go template rendering, type conversion in the
 * mapper (each one frame or more per level). {@code PackerConversion.convert} threw {@link
 * StackOverflowError} for each of these (the CLI: exit 70).
 */
class DeepValueConversionTest {
  private static final String SOURCE =
      """
      source "azure-arm" "a" {
        subscription_id = "00000000-0000-0000-0000-000000000000"
        location = "westeurope"
        image_publisher = "Canonical"
        image_offer = "ubuntu"
        image_sku = "22_04-lts"
        os_type = "Linux"
        managed_image_name = "img"
        managed_image_resource_group_name = "rg"
        azure_tags = { x = %s }
      }
      build {
        sources = ["source.azure-arm.a"]
        provisioner "shell" {
          inline = ["echo hi"]
          environment_vars = %s
        }
      }
      """;

  private static ConversionResult convert(String template) {
    MemoryFileView fs = new MemoryFileView("/work").put("/work/t.pkr.hcl", template);
    PackerOptions options =
        new PackerOptions(
            List.of(),
            List.of(),
            Map.of(),
            Path.of("/work"),
            Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    return new PackerConversion()
        .convert(
            new PackerInput(Path.of("t.pkr.hcl"), "t.pkr.hcl"),
            options,
            MapOptions.defaults(),
            OutputFormat.JSON,
            fs,
            true);
  }

  /** {@code locals { l0 = first; lN = wrap(local.lN-1) … }} for N up to {@code count}. */
  private static String chain(String first, String wrap, int count) {
    StringBuilder s = new StringBuilder("locals {\n  l0 = ").append(first).append('\n');
    for (int i = 1; i <= count; i++) {
      s.append("  l").append(i).append(" = ").append(wrap.replace("@", "local.l" + (i - 1)));
      s.append('\n');
    }
    return s.append("}\n").toString();
  }

  /** The codes of the errors, in order. */
  private static List<String> errors(ConversionResult r) {
    return r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList();
  }

  /** The line of each diagnostic of {@code code}. */
  private static List<Integer> lines(ConversionResult r, String code) {
    return r.diagnostics().stream()
        .filter(d -> d.code().equals(code))
        .map(d -> d.subject().orElseThrow().start().line())
        .toList();
  }

  @Test
  void fourteenLocalsOfAHundredAndFiftyBracketsEachAreRefusedWhereTheyPassFiveHundredLevels() {
    String brackets = "[".repeat(150) + "@" + "]".repeat(150);
    ConversionResult r = convert(chain("1", brackets, 14) + SOURCE.formatted("\"t\"", "local.l14"));

    // l4 nests 600 levels: refused (an unknown), so l5 to l7 build on an unknown again, and l8 is
    // the next past 500, then l12. Lines: "locals {" and l0 come first.
    assertEquals(List.of(6, 10, 14), lines(r, "EVAL-E034"));
    Diagnostic first = r.diagnostics().stream().filter(Diagnostic::isError).findFirst().get();
    assertEquals("Value too deeply nested", first.summary());
    assertEquals(
        "This value nests more than 500 levels of lists, tuples, maps or objects one inside"
            + " another, more than the converter takes (locals that each wrap the one before add"
            + " their levels up). Build it with fewer levels.",
        first.detail());
    assertTrue(r.templates().isEmpty());
  }

  @Test
  void aChainOfThreeThousandOneLevelLocalsUsedAsATagIsRefused() {
    ConversionResult r = convert(chain("1", "[@]", 3000) + SOURCE.formatted("local.l3000", "[]"));

    // Every 501st local goes past 500 again after the one before it was refused.
    assertEquals(List.of(503, 1004, 1505, 2006, 2507), lines(r, "EVAL-E034"));
    assertTrue(r.templates().isEmpty());
  }

  @Test
  void twoThousandFiveHundredNestedObjectsInEnvironmentVarsAreRefused() {
    ConversionResult r =
        convert(chain("\"v\"", "{k = @}", 2500) + SOURCE.formatted("\"t\"", "local.l2500"));

    assertEquals(List.of(503, 1004, 1505, 2006), lines(r, "EVAL-E034"));
    assertTrue(errors(r).stream().allMatch(c -> c.equals("EVAL-E034")), errors(r)::toString);
  }

  @Test
  void aValueAsDeepAsAllowedGoesThroughEveryWalkOnHalfTheDefaultStack() throws Exception {
    // The limit keeps a wide margin on a thread's default stack (1 MB on 64-bit Linux): the
    // deepest walk after the evaluator, a plugin body's template rendering, overflowed 512 KB at
    // about 700 levels. "{{timestamp}}" at the bottom makes that walk go all the way down.
    String brackets = "[".repeat(166) + "@" + "]".repeat(166);
    String deepest = chain("\"{{timestamp}}\"", brackets, 3); // 498 levels
    ConversionResult allowed =
        onStack(512, deepest + SOURCE.formatted("[local.l3]", "[[local.l3]]"));
    ConversionResult past =
        onStack(512, deepest + SOURCE.formatted("[[local.l3]]", "[[local.l3]]"));

    assertEquals(ValueDepth.MAX, 500);
    // azure_tags (an object around x) and environment_vars nest 500 levels: the mapper's type
    // error, as in Packer.
    assertEquals(List.of("PKRMAP-E106", "PKRMAP-E106"), errors(allowed));
    // azure_tags nests 501: refused at the setting.
    assertEquals(List.of(16), lines(past, "EVAL-E034"));
  }

  @Test
  void anUnknownValueReadThroughTwentyThousandLocalsIsTracedWithoutRecursion() throws Exception {
    // The message about an unknown value names what it comes from, traced through each local:
    // one stack frame per local overflowed the stack (a chain 20,000 long) even at depth 0.
    ConversionResult r =
        onStack(
            512,
            chain("vault(\"a\", \"b\")", "@", 20_000) + SOURCE.formatted("local.l20000", "[]"));

    assertEquals(List.of("PKRMAP-E107"), errors(r));
    Diagnostic unknown = r.diagnostics().stream().filter(Diagnostic::isError).findFirst().get();
    assertTrue(unknown.detail().contains("it depends on vault(…)"), unknown.detail());
  }

  /** Converts on a thread with a stack of {@code kilobytes}, failing the test on any throwable. */
  private static ConversionResult onStack(int kilobytes, String template) throws Exception {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                result.set(convert(template));
              } catch (Throwable e) {
                result.set(e);
              }
            },
            "small-stack",
            kilobytes * 1024L);
    t.start();
    t.join();
    if (result.get() instanceof Throwable e) {
      throw new AssertionError("threw " + e, e);
    }
    return (ConversionResult) result.get();
  }
}
