package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The names of the image templates of a template with several builds: fixed by the whole template
 * (never by --only/--except), unique ignoring case, and a made-up build-N prefix never takes a name
 * the template gives.
 */
class TemplateNamingTest {

  private static List<String> names(MapResult r) {
    return r.templates().stream().map(MappedTemplate::name).toList();
  }

  private static List<String> renamedNotes(MapResult r) {
    return r.diagnostics().stream()
        .filter(d -> d.code().equals("PKRMAP-N007"))
        .map(Diagnostic::detail)
        .toList();
  }

  private static final String WEB_AND_DB =
      LoadAndMap.linuxSource("ubuntu", "")
          + """
          build {
            name = "web"
            source "source.azure-arm.ubuntu" {
              name = "renamed"
            }
            sources = ["source.azure-arm.ubuntu"]
          }
          build {
            name = "db"
            sources = ["source.azure-arm.ubuntu"]
          }
          """;

  @Test
  void aSelectionDoesNotChangeTheNames() {
    MapResult all = LoadAndMap.map("t.pkr.hcl", WEB_AND_DB);
    assertEquals(List.of("web.ubuntu", "renamed", "db.ubuntu"), names(all));
    // With only one of the two ubuntu usages selected, it keeps its build prefix: two selective
    // runs must not write the same file, or deploy the same resource.
    for (String only : List.of("web.azure-arm.ubuntu", "db.*")) {
      MapResult one =
          LoadAndMap.map("t.pkr.hcl", WEB_AND_DB, MappingCases.opts().withOnly(List.of(only)));
      assertEquals(1, one.templates().size(), only);
      assertEquals(only.startsWith("web") ? "web.ubuntu" : "db.ubuntu", names(one).get(0));
      assertEquals(3, one.usages());
      // The note is for the selected template alone.
      assertEquals(1, renamedNotes(one).size(), () -> renamedNotes(one).toString());
    }
    MapResult except =
        LoadAndMap.map("t.pkr.hcl", WEB_AND_DB, MappingCases.opts().withExcept(List.of("web.*")));
    assertEquals(List.of("db.ubuntu"), names(except));
  }

  @Test
  void namesThatDifferOnlyInCaseAreMadeUnique() {
    // Azure compares resource names ignoring case: Ubuntu and ubuntu are one image template.
    MapResult r =
        LoadAndMap.map(
            "t.pkr.hcl",
            LoadAndMap.linuxSource("Ubuntu", "")
                + LoadAndMap.linuxSource("ubuntu", "")
                + "build {\n"
                + "  sources = [\"source.azure-arm.Ubuntu\", \"source.azure-arm.ubuntu\"]\n"
                + "}\n");
    assertEquals(List.of("Ubuntu", "ubuntu-2"), names(r));
    assertEquals(
        List.of(
            "The image template made from \"azure-arm.ubuntu\" is named \"ubuntu-2\", because the"
                + " template made from \"azure-arm.Ubuntu\" is named \"Ubuntu\", and Azure"
                + " resource names ignore case."),
        renamedNotes(r));
  }

  @Test
  void buildNamesThatDifferOnlyInCaseAreMadeUnique() {
    MapResult r =
        LoadAndMap.map(
            "t.pkr.hcl",
            LoadAndMap.linuxSource("ubuntu", "")
                + """
                build {
                  name = "my build"
                  sources = ["source.azure-arm.ubuntu"]
                }
                build {
                  name = "My Build"
                  sources = ["source.azure-arm.ubuntu"]
                }
                """);
    assertEquals(List.of("my-build.ubuntu", "My-Build.ubuntu-2"), names(r));
    assertTrue(
        renamedNotes(r)
            .get(1)
            .endsWith(
                "; and the template made from \"my build.azure-arm.ubuntu\" is named"
                    + " \"my-build.ubuntu\", and Azure resource names ignore case."),
        renamedNotes(r).get(1));
  }

  @Test
  void aNamedBuildKeepsItsNameBeforeAMadeUpOne() {
    // The first two builds have no name, and would be build-1 and build-2; the third is named
    // build-1 by the template, and keeps that.
    MapResult r =
        LoadAndMap.map(
            "t.pkr.hcl",
            LoadAndMap.linuxSource("ubuntu", "")
                + """
                build {
                  sources = ["source.azure-arm.ubuntu"]
                }
                build {
                  sources = ["source.azure-arm.ubuntu"]
                }
                build {
                  name = "build-1"
                  sources = ["source.azure-arm.ubuntu"]
                }
                """);
    assertEquals(List.of("build-1.ubuntu-2", "build-2.ubuntu", "build-1.ubuntu"), names(r));
    assertEquals(
        "The image template made from \"azure-arm.ubuntu\" is named \"build-1.ubuntu-2\","
            + " because another build uses the same source name; and another template already"
            + " has the name \"build-1.ubuntu\".",
        renamedNotes(r).get(0));
  }

  @Test
  void packerBuildNameIsTheSourcesLabelForARenamedUsage() {
    // Packer 1.6.6 printed PBN=b for source "null.b" { name = "renamed" } in a build named bn.
    MapResult r =
        LoadAndMap.map(
            "t.pkr.hcl",
            LoadAndMap.linuxSource("ubuntu", "")
                + """
                build {
                  name = "bn"
                  source "source.azure-arm.ubuntu" {
                    name = "renamed"
                  }
                  provisioner "shell" {
                    inline = ["echo PBN=$PACKER_BUILD_NAME"]
                  }
                }
                """);
    assertEquals(List.of("renamed"), names(r));
    String json = LoadAndMap.json(r);
    assertTrue(json.contains("export PACKER_BUILD_NAME='ubuntu'"), json);
  }

  @Test
  void aCleanedNameSaysThatOnlyAsciiLettersAreAllowed() {
    // "only letters" read as allowing the accented ones, which the name lost.
    MapResult r =
        LoadAndMap.map(
            "t.pkr.hcl",
            LoadAndMap.linuxSource("ubuntu", "").replace("\"ubuntu-base\"", "\"base)1\"")
                + """
                build {
                  source "source.azure-arm.ubuntu" {
                    name = "caf\u00e9 web"
                  }
                }
                """);
    assertEquals(1, renamedNotes(r).size(), () -> renamedNotes(r).toString());
    assertTrue(
        renamedNotes(r).get(0).contains("may hold only ASCII letters (A-Z, a-z), digits"),
        renamedNotes(r).get(0));
    // The run output name of a managed image named with a ")", which Azure allows there.
    List<String> runOutput =
        r.diagnostics().stream()
            .map(Diagnostic::detail)
            .filter(d -> d.startsWith("The run output of this target is named"))
            .toList();
    assertEquals(1, runOutput.size(), r.diagnostics().toString());
    assertTrue(
        runOutput.get(0).contains("allows only ASCII letters (A-Z, a-z), digits"),
        runOutput.get(0));
  }
}
