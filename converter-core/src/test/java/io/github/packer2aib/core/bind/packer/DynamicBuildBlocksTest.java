package io.github.packer2aib.core.bind.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.packer.Build;
import io.github.packer2aib.core.packer.PostProcessor;
import io.github.packer2aib.core.packer.SourceUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dynamic {@code source}, {@code post-processor} and {@code post-processors} blocks in a build, as
 * Packer 1.6.6 expands them (its {@code packer inspect} and {@code packer build} of null sources
 * and shell-local post-processors gave the orders, names and errors pinned here); the golden cases
 * dynamic-sources, dynamic-post-processors and error-dynamic-build-blocks show whole models.
 */
class DynamicBuildBlocksTest {
  private static final String SOURCES =
      """
      source "null" "example" {
        communicator = "none"
      }
      source "null" "other" {
        communicator = "none"
      }
      variable "names" {
        default = ["d1", "d2"]
      }
      """;

  private static LoadResult load(String template) {
    return TemplateLoads.load(
        new MemoryFiles("/work").put("/work/t.pkr.hcl", template), "t.pkr.hcl");
  }

  private static Build build(String body) {
    LoadResult r = load(SOURCES + "build {\n" + body + "}\n");
    assertEquals(List.of(), r.diagnostics());
    return r.template().orElseThrow().builds().get(0);
  }

  private static List<String> usages(Build b) {
    return b.sources().stream().map(SourceUsage::reference).toList();
  }

  @Test
  void generatedSourcesAreBuildsInPlaceAmongTheSourceBlocks() {
    // Packer 1.6.6 built null.other, null.s1, null.d1, null.d2, null.s2, in that order.
    Build b =
        build(
            """
              sources = ["source.null.other"]
              source "null.example" {
                name = "s1"
              }
              dynamic "source" {
                for_each = var.names
                labels   = ["null.example"]
                iterator = it
                content {
                  name = it.value
                }
              }
              source "null.example" {
                name = "s2"
              }
            """);
    assertEquals(List.of("null.other", "null.s1", "null.d1", "null.d2", "null.s2"), usages(b));
    // A generated usage is located at the labels that name its source.
    assertEquals("t.pkr.hcl:17:16", b.sources().get(2).range().toString());
  }

  @Test
  void withoutANameEachGeneratedSourceKeepsTheSourcesName() {
    // Packer 1.6.6 ran two builds named null.example; the mapper tells their templates apart.
    Build b =
        build(
            """
              dynamic "source" {
                for_each = ["a", "b"]
                labels   = ["source.null.example"]
                content {}
              }
            """);
    assertEquals(List.of("null.example", "null.example"), usages(b));
  }

  @Test
  void anEmptyNameKeepsTheSourcesName() {
    // Packer 1.6.6 (SourceUseBlock.name()) ran x.null.example with source.name = "example" for
    // name = "", static or generated, and an empty build name prefixes nothing.
    LoadResult r =
        load(
            SOURCES
                + """
                  build {
                    name = "x"
                    source "null.example" {
                      name = ""
                    }
                    dynamic "source" {
                      for_each = { default = "", big = "big" }
                      labels   = ["null.example"]
                      content {
                        name = source.value
                      }
                    }
                  }
                  build {
                    name = ""
                    sources = ["source.null.other"]
                  }
                  """);
    assertEquals(List.of(), r.diagnostics());
    List<Build> builds = r.template().orElseThrow().builds();
    // A map is expanded in key order: big, then default.
    assertEquals(List.of("null.example", "null.big", "null.example"), usages(builds.get(0)));
    assertEquals("example", builds.get(0).sources().get(0).name());
    assertEquals(java.util.Optional.empty(), builds.get(1).name());
  }

  @Test
  void theIteratorIsBoundInTheGeneratedFieldsOnly() {
    // The default iterator is named source: it must not hide source.name in the source's body.
    LoadResult r =
        load(
            """
            source "null" "example" {
              tag = source.name
            }
            build {
              dynamic "source" {
                for_each = { k1 = "a", k2 = "b" }
                labels   = ["null.example"]
                content {
                  name  = source.key
                  extra = "${source.key}=${source.value}"
                }
              }
            }
            """);
    assertEquals(List.of(), r.diagnostics());
    List<SourceUsage> used = r.template().orElseThrow().builds().get(0).sources();
    assertEquals(2, used.size());
    for (SourceUsage u : used) {
      assertEquals(u.name(), u.config().setting("tag").orElseThrow().value().asString());
    }
    assertEquals("k2=b", used.get(1).config().setting("extra").orElseThrow().value().asString());
  }

  @Test
  void generatedPostProcessorsAreChainsInPlace() {
    // packer inspect of the same build: chains of 1, 1, 1, 2, 2 and 3 post-processors.
    Build b =
        build(
            """
              sources = ["source.null.example"]
              post-processor "shell-local" {
                inline = ["echo first"]
              }
              dynamic "post-processor" {
                for_each = var.names
                labels   = ["manifest"]
                content {
                  output = "${post-processor.value}.json"
                }
              }
              dynamic "post-processors" {
                for_each = ["a", "b"]
                iterator = c
                content {
                  post-processor "shell-local" {
                    inline = ["echo ${c.value}"]
                  }
                  post-processor "manifest" {}
                }
              }
              post-processors {
                post-processor "shell-local" {
                  inline = ["echo chain"]
                }
                dynamic "post-processor" {
                  for_each = [1, 2]
                  labels   = ["shell-local"]
                  content {
                    inline = ["echo ${post-processor.value}"]
                  }
                }
              }
            """);
    assertEquals(List.of(1, 1, 1, 2, 2, 3), b.postProcessors().stream().map(List::size).toList());
    assertEquals(
        List.of("shell-local", "manifest", "manifest", "shell-local", "shell-local", "shell-local"),
        b.postProcessors().stream().map(c -> c.get(0).type()).toList());
    PostProcessor second = b.postProcessors().get(2).get(0);
    assertEquals("d2.json", second.config().setting("output").orElseThrow().value().asString());
    PostProcessor last = b.postProcessors().get(5).get(2);
    assertEquals(
        "echo 2",
        last.config().setting("inline").orElseThrow().value().elements().get(0).asString());
  }

  /** A build body that is wrong, the diagnostic it gives, and words of what to do about it. */
  private record Bad(String body, String code, String at, String todo) {}

  @Test
  void badDynamicBlocksInABuildAreLocatedErrorsThatSayWhatToDo() {
    List<Bad> cases =
        List.of(
            new Bad(
                """
                dynamic "source" {
                  for_each = ["a"]
                  labels   = ["null", "example"]
                  content {}
                }
                """,
                "PKR-E014",
                "t.pkr.hcl:13:14",
                "such as labels = [\"azure-arm.ubuntu\"]"),
            new Bad(
                """
                dynamic "source" {
                  for_each = ["a"]
                  content {}
                }
                """,
                "PKR-E013",
                "t.pkr.hcl:11:1",
                "needs labels = [\"<type>.<name>\"]"),
            new Bad(
                """
                dynamic "source" {
                  for_each = 3
                  labels   = ["null.example"]
                  content {}
                }
                """,
                "PKR-E060",
                "t.pkr.hcl:12:14",
                "is required"),
            new Bad(
                """
                dynamic "source" {
                  for_each = ["a"]
                  labels   = [null]
                  content {}
                }
                """,
                "PKR-E063",
                "t.pkr.hcl:13:14",
                "Give each label a string."),
            new Bad(
                """
                dynamic "source" {
                  for_each = ["a"]
                  labels   = ["null.example"]
                  content {
                    name = "${var.names[0]}-${source.value}"
                  }
                }
                """,
                "EVAL-E025",
                "t.pkr.hcl:15:15",
                "Put the value in for_each"),
            new Bad(
                """
                dynamic "source" {
                  for_each = ["a"]
                  labels   = ["null.example"]
                  content {
                    name = upper(source.value)
                  }
                }
                """,
                "EVAL-E026",
                "t.pkr.hcl:15:12",
                "Call the function in for_each"),
            new Bad(
                """
                dynamic "post-processor" {
                  for_each = ["a"]
                  labels   = ["manifest", "x"]
                  content {}
                }
                """,
                "PKR-E014",
                "t.pkr.hcl:13:14",
                "such as labels = [\"manifest\"]"),
            new Bad(
                """
                dynamic "post-processors" {
                  for_each = ["a"]
                  labels   = []
                  content {}
                }
                """,
                "PKR-E011",
                "t.pkr.hcl:13:3",
                "Remove it."),
            new Bad(
                """
                dynamic "post-processors" {
                  for_each = "a"
                  content {}
                }
                """,
                "PKR-E060",
                "t.pkr.hcl:12:14",
                "is required"),
            new Bad(
                """
                post-processors {
                  dynamic "post-processor" {
                    for_each = ["a"]
                    content {}
                  }
                }
                """,
                "PKR-E013",
                "t.pkr.hcl:12:3",
                "such as labels = [\"manifest\"]"),
            new Bad(
                """
                dynamic "error-cleanup-provisioner" {
                  for_each = ["a"]
                  labels   = ["shell"]
                  content {}
                }
                """,
                "PKR-E010",
                "t.pkr.hcl:11:1",
                "Write the error-cleanup-provisioner block out instead."));
    for (Bad bad : cases) {
      // The sources after the body, so that each case's lines stay where they are counted.
      LoadResult r =
          load(SOURCES + "build {\n" + bad.body() + "sources = [\"source.null.other\"]\n}\n");
      List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
      assertEquals(1, errors.size(), () -> bad.body() + r.diagnostics());
      Diagnostic d = errors.get(0);
      assertEquals(bad.code(), d.code(), bad.body());
      assertEquals(bad.at(), d.subject().orElseThrow().toString(), bad.body());
      assertTrue(d.detail().contains(bad.todo()), () -> bad.body() + d.detail());
      assertTrue(r.template().isEmpty(), bad.body());
    }
  }

  @Test
  void aForEachKnownOnlyWhenPackerRunsIsAnErrorForEveryKindInABuild() {
    String data = "data \"http\" \"list\" {\n  url = \"https://example.com/list.json\"\n}\n";
    List<String> blocks =
        List.of(
            "dynamic \"source\" {\n"
                + "  for_each = D\n"
                + "  labels = [\"null.example\"]\n"
                + "  content {}\n"
                + "}\n",
            "dynamic \"post-processor\" {\n  for_each = D\n  labels = [\"manifest\"]\n"
                + "  content {}\n}\n",
            "dynamic \"post-processors\" {\n  for_each = D\n  content {}\n}\n",
            "post-processors {\n  dynamic \"post-processor\" {\n    for_each = D\n"
                + "    labels = [\"manifest\"]\n    content {}\n  }\n}\n");
    for (String block : blocks) {
      LoadResult r =
          load(
              SOURCES
                  + data
                  + "build {\n  sources = [\"source.null.other\"]\n"
                  + block.replace("D", "jsondecode(data.http.list.body)")
                  + "}\n");
      List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
      assertEquals(1, errors.size(), () -> block + r.diagnostics());
      assertEquals("PKR-E060", errors.get(0).code(), block);
      assertTrue(
          errors.get(0).detail().endsWith("Give for_each a value made of variables and locals."),
          errors.get(0).detail());
    }
  }
}
