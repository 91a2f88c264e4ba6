package io.github.packer2aib.core.bind.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.ConvertedTemplate;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --only}/{@code --except} and the bodies of the usages they leave out. Packer reads a
 * source's body, a build-level source block and a provisioner's or post-processor's body only when
 * it starts a build that uses them, so what is wrong there does not stop a run that leaves those
 * builds out (checked with Packer 1.6.6: {@code packer validate -only=azure-arm.lin} accepts an
 * undeclared local in each of them, and refuses it without {@code -only}). The converter refused
 * the whole template (the jenkins-infra multi-cloud agents, converted for Azure with {@code --only
 * 'azure-arm.*'}, failed on its amazon-ebs source). What Packer reads of every build (syntax, a
 * provisioner's only, timeout and the like) is still checked, and what the selection keeps too.
 */
class LeftOutUsagesTest {
  private static final String AZURE =
      """
      locals {
        size = "Standard_D2s_v3"
      }
      source "azure-arm" "lin" {
        subscription_id                   = "11111111-2222-3333-4444-555555555555"
        location                          = "westeurope"
        os_type                           = "Linux"
        image_publisher                   = "Canonical"
        image_offer                       = "0001-com-ubuntu-server-jammy"
        image_sku                         = "22_04-lts-gen2"
        vm_size                           = local.size
        managed_image_name                = "img"
        managed_image_resource_group_name = "rg"
      }
      """;

  private static MemoryFileView files(String rest) {
    return new MemoryFileView("/work").put("/work/t.pkr.hcl", AZURE + rest);
  }

  private static ConversionResult convert(String rest, MapOptions mapping) {
    return TemplateLoads.convert(files(rest), "t.pkr.hcl", mapping);
  }

  private static ConversionResult only(String rest, String... patterns) {
    return convert(rest, MapOptions.defaults().withOnly(List.of(patterns)));
  }

  private static List<Diagnostic> coded(ConversionResult r, String code) {
    return r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
  }

  private static String line(Diagnostic d) {
    return d.subject().orElseThrow().start().line()
        + ":"
        + d.subject().orElseThrow().start().column();
  }

  private static final String NULL_SOURCE_WITH_ERROR =
      """
      source "null" "other" {
        communicator = local.not_declared
      }
      build {
        sources = ["source.null.other", "source.azure-arm.lin"]
      }
      """;

  @Test
  void anErrorInALeftOutSourceIsANoteAtTheSource() {
    ConversionResult r = only(NULL_SOURCE_WITH_ERROR, "azure-arm.lin");

    assertFalse(r.hasErrors(), r.diagnostics().toString());
    assertEquals(List.of("lin"), r.templates().stream().map(ConvertedTemplate::name).toList());
    List<Diagnostic> notes = coded(r, "PKR-N058");
    assertEquals(1, notes.size(), r.diagnostics().toString());
    Diagnostic note = notes.get(0);
    // At the source's header, naming the error it was not held against the run for, and where.
    assertEquals("15:1", line(note));
    assertTrue(
        note.detail()
            .startsWith(
                "--only/--except leave out every build that uses the source null.other. Packer"
                    + " reads such a body only for the builds it runs"),
        note.detail());
    assertTrue(
        note.detail().contains("an error (Reference to undeclared local value at t.pkr.hcl:16:"),
        note.detail());
  }

  @Test
  void withoutASelectionTheSameErrorFailsTheRun() {
    ConversionResult r = convert(NULL_SOURCE_WITH_ERROR, MapOptions.defaults());

    assertTrue(r.hasErrors());
    assertEquals(1, coded(r, "PKR-E041").size(), r.diagnostics().toString());
    assertEquals(List.of(), coded(r, "PKR-N058"));
  }

  @Test
  void exceptLeavesOutToo() {
    ConversionResult r =
        convert(NULL_SOURCE_WITH_ERROR, MapOptions.defaults().withExcept(List.of("null.*")));

    assertFalse(r.hasErrors(), r.diagnostics().toString());
    assertEquals(1, coded(r, "PKR-N058").size(), r.diagnostics().toString());
  }

  @Test
  void aSourceAKeptUsageUsesIsChecked() {
    // Also used by a kept build: its body is read, so the error stands.
    ConversionResult r =
        only(
            """
            source "azure-arm" "win" {
              os_type = local.not_declared
            }
            build {
              name    = "a"
              sources = ["source.azure-arm.lin", "source.azure-arm.win"]
            }
            build {
              name    = "b"
              sources = ["source.azure-arm.win"]
            }
            """,
            "a.azure-arm.lin",
            "b.*");

    assertTrue(r.hasErrors());
    assertEquals(1, coded(r, "PKR-E041").size(), r.diagnostics().toString());
    assertEquals(List.of(), coded(r, "PKR-N058"));
  }

  @Test
  void aBuildLevelSourceBlockOfALeftOutUsageIsNotChecked() {
    String build =
        """
        source "null" "other" {
          communicator = "none"
        }
        build {
          source "source.null.other" {
            name     = "o2"
            ssh_host = local.not_declared
            communicator = "ssh"
          }
          sources = ["source.azure-arm.lin"]
        }
        """;

    ConversionResult r = only(build, "azure-arm.lin");

    assertFalse(r.hasErrors(), r.diagnostics().toString());
    List<Diagnostic> notes = coded(r, "PKR-N058");
    assertEquals(1, notes.size(), r.diagnostics().toString());
    // Two errors: the undeclared local and the argument the source sets already (Packer merges
    // the block into its source when it starts the build, and only then).
    assertTrue(
        notes
            .get(0)
            .detail()
            .startsWith(
                "--only/--except leave out null.o2 (the source null.other"
                    + " with this block's arguments)."),
        notes.get(0).detail());
    assertTrue(notes.get(0).detail().contains("2 errors (the first: "), notes.get(0).detail());
    assertEquals("19:3", line(notes.get(0)));

    ConversionResult all = convert(build, MapOptions.defaults());
    assertEquals(1, coded(all, "PKR-E041").size(), all.diagnostics().toString());
    assertEquals(1, coded(all, "PKR-E016").size(), all.diagnostics().toString());
  }

  @Test
  void aProvisionerForLeftOutUsagesOnlyIsNotCheckedButItsOwnFieldsAre() {
    String body =
        """
        source "null" "other" {
          communicator = "none"
        }
        build {
          sources = ["source.null.other", "source.azure-arm.lin"]
          provisioner "shell" {
            only   = ["null.other"]
            inline = [local.not_declared]
          }
          post-processor "manifest" {
            only   = ["null.other"]
            output = local.not_declared_either
          }
        }
        """;

    ConversionResult r = only(body, "azure-arm.lin");

    assertFalse(r.hasErrors(), r.diagnostics().toString());
    List<Diagnostic> notes = coded(r, "PKR-N058");
    assertEquals(2, notes.size(), r.diagnostics().toString());
    assertTrue(
        notes
            .get(0)
            .detail()
            .startsWith(
                "--only/--except leave out every build this shell" + " provisioner runs for."),
        notes.get(0).detail());
    assertTrue(
        notes
            .get(1)
            .detail()
            .startsWith(
                "--only/--except leave out every build this manifest"
                    + " post-processor runs for."),
        notes.get(1).detail());

    // Packer decodes a provisioner's timeout (and only, pause_before, …) for every build, when it
    // reads the template: an error there fails the run whatever is selected.
    ConversionResult timeout =
        only(
            body.replace(
                "inline = [local.not_declared]", "inline = [\"x\"]\n    timeout = local.t"),
            "azure-arm.lin");
    assertEquals(1, coded(timeout, "PKR-E041").size(), timeout.diagnostics().toString());
    assertTrue(timeout.hasErrors());
  }

  @Test
  void aBodyReadForEachUsageIsCheckedForTheKeptOnesOnly() {
    // source.name differs per build: the body is read for each, and only the left-out one's key is
    // missing (Packer 1.6.6: "Invalid index" without -only, nothing with -only=azure-arm.lin).
    String body =
        """
        locals {
          commands = { lin = "echo lin" }
        }
        source "null" "other" {
          communicator = "none"
        }
        build {
          sources = ["source.null.other", "source.azure-arm.lin"]
          provisioner "shell" {
            inline = [local.commands[source.name]]
          }
        }
        """;

    ConversionResult r = only(body, "azure-arm.lin");
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    assertTrue(r.templates().get(0).text().contains("\"echo lin\""), r.templates().get(0).text());
    assertEquals(1, coded(r, "PKR-N058").size(), r.diagnostics().toString());
    assertTrue(
        coded(r, "PKR-N058")
            .get(0)
            .detail()
            .startsWith(
                "--only/--except leave out null.other, for which this provisioner's body is read"
                    + " with its own source.*."));

    assertEquals(1, coded(convert(body, MapOptions.defaults()), "EVAL-E005").size());
  }

  @Test
  void whatNoBuildUsesAndSyntaxErrorsAreCheckedWhateverIsSelected() {
    // A source no build uses is not a matter of the selection: checked as without one.
    ConversionResult unused =
        only(
            """
            source "null" "unused" {
              communicator = local.not_declared
            }
            build {
              sources = ["source.azure-arm.lin"]
            }
            """,
            "azure-arm.lin");
    assertEquals(1, coded(unused, "PKR-E041").size(), unused.diagnostics().toString());

    // Packer parses every file before it selects anything.
    ConversionResult syntax =
        only(
            """
            source "null" "other" {
              communicator = "none
            }
            build {
              sources = ["source.null.other", "source.azure-arm.lin"]
            }
            """,
            "azure-arm.lin");
    assertTrue(syntax.hasErrors());
    assertTrue(
        syntax.diagnostics().stream().anyMatch(d -> d.code().startsWith("HCL-E")),
        syntax.diagnostics().toString());
  }

  private static final String LEGACY =
      """
      {
        "variables": {"size": "Standard_D2s_v3"},
        "builders": [
          {"type": "null", "name": "other", "communicator": "{{ bogus }}"},
          {"type": "azure-arm", "name": "lin",
           "subscription_id": "11111111-2222-3333-4444-555555555555",
           "location": "westeurope", "os_type": "Linux", "image_publisher": "Canonical",
           "image_offer": "0001-com-ubuntu-server-jammy", "image_sku": "22_04-lts-gen2",
           "vm_size": "{{user `size`}}", "managed_image_name": "img",
           "managed_image_resource_group_name": "rg"}
        ],
        "provisioners": [
          {"type": "shell", "only": ["other"], "inline": ["{{ bogus2 }}"]},
          {"type": "shell", "inline": ["echo {{ build_name }} {{ user `nope` }}"]}
        ]
      }
      """;

  @Test
  void aLegacyBuilderLeftOutIsNotCheckedEither() {
    // Packer 1.6.6: packer validate -only=lin accepts the unknown functions, without -only not.
    MemoryFileView files = new MemoryFileView("/work").put("/work/t.json", LEGACY);
    ConversionResult kept =
        TemplateLoads.convert(files, "t.json", MapOptions.defaults().withOnly(List.of("lin")));

    // The last provisioner runs for the kept builder too: its undefined variable is an error all
    // the same (read for each builder, as build_name asks, it says the same for both).
    assertTrue(kept.hasErrors());
    List<Diagnostic> errors = kept.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(List.of("GOTPL-E106"), errors.stream().map(Diagnostic::code).toList());
    List<Diagnostic> notes = coded(kept, "LEGACY-N002");
    assertEquals(2, notes.size(), kept.diagnostics().toString());
    assertTrue(
        notes.get(0).detail().startsWith("--only/--except leave out the builder other."),
        notes.get(0).detail());
    assertTrue(
        notes.get(0).detail().contains("an error (Unknown function at t.json:4:59)"),
        notes.get(0).detail());
    assertTrue(
        notes
            .get(1)
            .detail()
            .startsWith(
                "--only/--except leave out every builder this shell" + " provisioner runs for."),
        notes.get(1).detail());

    ConversionResult all = TemplateLoads.convert(files, "t.json", MapOptions.defaults());
    assertEquals(2, coded(all, "GOTPL-E101").size(), all.diagnostics().toString());
    assertEquals(List.of(), coded(all, "LEGACY-N002"));
  }

  @Test
  void aNumberPackerCannotReadFailsTheRunWhateverIsSelected() {
    // Packer 1.6.6: packer validate -only=lin says "cannot unmarshal number 1e999 into Go value of
    // type float64" for such a number anywhere: its JSON reader refuses the template before -only
    // selects anything. In a left-out builder, and in a provisioner and a post-processor that run
    // only for it, it stays an error; the unknown function beside it is still only a note.
    String template =
        """
        {
          "builders": [
            {"type": "null", "name": "other", "communicator": "{{ bogus }}", "ssh_timeout": 1e999},
            {"type": "azure-arm", "name": "lin",
             "subscription_id": "11111111-2222-3333-4444-555555555555",
             "location": "westeurope", "os_type": "Linux", "image_publisher": "Canonical",
             "image_offer": "0001-com-ubuntu-server-jammy", "image_sku": "22_04-lts-gen2",
             "vm_size": "Standard_D2s_v3", "managed_image_name": "img",
             "managed_image_resource_group_name": "rg"}
          ],
          "provisioners": [{"type": "shell", "only": ["other"], "inline": ["x"], "n": -1e400}],
          "post-processors": [{"type": "manifest", "only": ["other"], "n": 2e308}]
        }
        """;
    MemoryFileView files = new MemoryFileView("/work").put("/work/t.json", template);
    ConversionResult r =
        TemplateLoads.convert(files, "t.json", MapOptions.defaults().withOnly(List.of("lin")));

    List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(
        List.of("LEGACY-E019", "LEGACY-E019", "LEGACY-E019"),
        errors.stream().map(Diagnostic::code).toList(),
        r.diagnostics().toString());
    assertEquals(
        List.of("3:85", "11:79", "12:68"), errors.stream().map(LeftOutUsagesTest::line).toList());
    List<Diagnostic> notes = coded(r, "LEGACY-N002");
    assertEquals(1, notes.size(), r.diagnostics().toString());
    assertTrue(
        notes.get(0).detail().contains("an error (Unknown function at t.json:3:59)"),
        notes.get(0).detail());
  }

  private static final String KEEP_INPUT_ARTIFACT =
      """
      variable "keep" {
        default = true
      }
      source "null" "other" {
        communicator = "none"
      }
      build {
        sources = ["source.null.other", "source.azure-arm.lin"]
        post-processor "manifest" {
          only                = ["null.other"]
          keep_input_artifact = KEEP
        }
      }
      """;

  @Test
  void keepInputArtifactIsReadBeforeTheSelection() {
    // Packer 1.6.6 decodes a post-processor's keep_input_artifact while it reads the template, as
    // a bool and without variables: packer validate -only=azure-arm.lin says "Variables not
    // allowed" for var.keep and "Unsuitable value type" for "maybe", in a post-processor that
    // runs only for a left-out build; "true" is accepted.
    for (String[] c :
        new String[][] {
          {"var.keep", "EVAL-E025"}, {"\"maybe\"", "PKR-E018"}, {"local.nope", "PKR-E041"}
        }) {
      String rest = KEEP_INPUT_ARTIFACT.replace("KEEP", c[0]);
      for (ConversionResult r :
          List.of(only(rest, "azure-arm.lin"), convert(rest, MapOptions.defaults()))) {
        List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
        // Once, at the value, never held: not reported again by the body that holds it.
        assertEquals(
            List.of(c[1]), errors.stream().map(Diagnostic::code).toList(), c[0] + ": " + errors);
        assertEquals("25:27", line(errors.get(0)));
        assertEquals(List.of(), coded(r, "PKR-N058"));
      }
    }
    ConversionResult constant = only(KEEP_INPUT_ARTIFACT.replace("KEEP", "\"true\""), "lin");
    assertFalse(constant.hasErrors(), constant.diagnostics().toString());
  }

  private static final String POST_PROCESSORS =
      """
      build {
        sources = ["source.azure-arm.lin"]
        post-processor "manifest" {
          output = local.one
        }
        post-processors {
          post-processor "shell-local" {
            name   = "first"
            inline = ["echo"]
          }
          post-processor "checksum" {
            output = local.two
          }
        }
      }
      """;

  @Test
  void exceptNamingAPostProcessorLeavesItsBodyOut() {
    // Packer 1.6.6: packer validate -except=manifest accepts an undeclared local in a manifest
    // post-processor's body, -except=first one in the checksum post-processor after the
    // shell-local named first in its chain (Packer stops the chain there), and -except=f* too:
    // -except names a post-processor by glob in HCL2, by its name, else its type.
    ConversionResult all = convert(POST_PROCESSORS, MapOptions.defaults());
    assertEquals(2, coded(all, "PKR-E041").size(), all.diagnostics().toString());

    ConversionResult manifest =
        convert(POST_PROCESSORS, MapOptions.defaults().withExcept(List.of("manifest")));
    assertEquals(1, coded(manifest, "PKR-E041").size(), manifest.diagnostics().toString());
    assertEquals("26:16", line(coded(manifest, "PKR-E041").get(0)));
    List<Diagnostic> notes = coded(manifest, "PKR-N058");
    assertEquals(List.of("17:3"), notes.stream().map(LeftOutUsagesTest::line).toList());
    assertTrue(
        notes
            .get(0)
            .detail()
            .startsWith(
                "--only/--except leave out the manifest post-processor, which --except names (and"
                    + " the rest of its chain). Packer skips such a post-processor without reading"
                    + " its body, so it was not checked here"),
        notes.get(0).detail());

    for (String except : List.of("first", "f*")) {
      ConversionResult chain =
          convert(POST_PROCESSORS, MapOptions.defaults().withExcept(List.of(except, "manifest")));
      assertFalse(chain.hasErrors(), chain.diagnostics().toString());
      List<Diagnostic> chainNotes = coded(chain, "PKR-N058");
      assertEquals(
          List.of("17:3", "25:5"), chainNotes.stream().map(LeftOutUsagesTest::line).toList());
      assertTrue(
          chainNotes
              .get(1)
              .detail()
              .startsWith(
                  "--only/--except leave out the checksum post-processor, after one --except names"
                      + " in its chain."),
          chainNotes.get(1).detail());
    }

    // The type does not name a post-processor that has a name.
    ConversionResult byType =
        convert(POST_PROCESSORS, MapOptions.defaults().withExcept(List.of("shell-local")));
    assertEquals(2, coded(byType, "PKR-E041").size(), byType.diagnostics().toString());
  }

  private static final String LEGACY_POST_PROCESSORS =
      """
      {
        "builders": [
          {"type": "azure-arm", "name": "lin",
           "subscription_id": "11111111-2222-3333-4444-555555555555",
           "location": "westeurope", "os_type": "Linux", "image_publisher": "Canonical",
           "image_offer": "0001-com-ubuntu-server-jammy", "image_sku": "22_04-lts-gen2",
           "vm_size": "Standard_D2s_v3", "managed_image_name": "img",
           "managed_image_resource_group_name": "rg"}
        ],
        "post-processors": [
          [{"type": "manifest", "output": "m.json"}, {"type": "checksum", "output": "{{ one }}"}],
          {"type": "manifest", "name": "m2", "output": "{{ two }}"}
        ]
      }
      """;

  @Test
  void exceptNamingALegacyPostProcessorLeavesItsSettingsOut() {
    // Packer 1.6.6: -except=manifest skips the first chain from its manifest on (the checksum's
    // unknown function is not seen), but not the post-processor named m2; -except=manif* skips
    // nothing: legacy -except names a post-processor exactly.
    MemoryFileView files = new MemoryFileView("/work").put("/work/t.json", LEGACY_POST_PROCESSORS);
    ConversionResult manifest =
        TemplateLoads.convert(
            files, "t.json", MapOptions.defaults().withExcept(List.of("manifest")));
    List<Diagnostic> errors = manifest.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(
        List.of("GOTPL-E101@12:54"),
        errors.stream().map(d -> d.code() + "@" + line(d)).toList(),
        manifest.diagnostics().toString());
    List<Diagnostic> notes = coded(manifest, "LEGACY-N002");
    assertEquals(List.of("11:48"), notes.stream().map(LeftOutUsagesTest::line).toList());
    assertTrue(
        notes
            .get(0)
            .detail()
            .startsWith(
                "--only/--except leave out the checksum post-processor, after one --except names"
                    + " in its chain. Packer skips such a post-processor without preparing its"
                    + " settings"),
        notes.get(0).detail());

    ConversionResult both =
        TemplateLoads.convert(
            files, "t.json", MapOptions.defaults().withExcept(List.of("manifest", "m2")));
    assertFalse(both.hasErrors(), both.diagnostics().toString());
    assertEquals(2, coded(both, "LEGACY-N002").size(), both.diagnostics().toString());

    ConversionResult glob =
        TemplateLoads.convert(
            files, "t.json", MapOptions.defaults().withExcept(List.of("manif*", "m?")));
    assertEquals(2, coded(glob, "GOTPL-E101").size(), glob.diagnostics().toString());
    assertEquals(List.of(), coded(glob, "LEGACY-N002"));
  }
}
