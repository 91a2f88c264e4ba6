package io.github.packer2aib.core.bind.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.ConvertedTemplate;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.packer.Build;
import io.github.packer2aib.core.packer.Provisioner;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.packer.SourceUsage;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code source.*} in a provisioner of a build with several source usages: Packer evaluates a
 * provisioner for each build, one per usage, so each sees its own usage's name (checked with Packer
 * 1.6.6: {@code packer build} of two null usages named one and two ran {@code echo ${source.name}
 * ${source.type} ${build.name}} as "one null b" and "two null b"). Before, the body was evaluated
 * once with {@code source.*} unknown, and the conversion failed (PKRMAP-E107).
 */
class SourceValuesPerUsageTest {
  private static final String SOURCE =
      """
      source "azure-arm" "ubuntu" {
        os_type                           = "Linux"
        subscription_id                   = "00000000-0000-0000-0000-000000000001"
        location                          = "westeurope"
        image_publisher                   = "Canonical"
        image_offer                       = "0001-com-ubuntu-server-jammy"
        image_sku                         = "22_04-lts-gen2"
        managed_image_name                = "img-${source.name}"
        managed_image_resource_group_name = "rg-images"
        vm_size                           = "Standard_D2s_v5"
      }
      """;

  private static final String USAGES =
      """
        source "azure-arm.ubuntu" {
          name = "small"
        }
        source "azure-arm.ubuntu" {
          name = "large"
        }
        source "azure-arm.ubuntu" {
          name = "huge"
        }
      """;

  private static MemoryFileView files(String build) {
    return new MemoryFileView("/work").put("/work/t.pkr.hcl", SOURCE + "build {\n" + build + "}\n");
  }

  private static LoadResult load(String build) {
    return TemplateLoads.load(files(build), "t.pkr.hcl");
  }

  private static Build build(String body) {
    LoadResult r = load(body);
    assertEquals(List.of(), r.diagnostics());
    return r.template().orElseThrow().builds().get(0);
  }

  /** The value of {@code name} in the provisioner's body for {@code usage}. */
  private static String setting(Provisioner p, SourceUsage usage, String name) {
    for (Setting s : p.config(usage).settings()) {
      if (s.name().equals(name)) {
        return s.value().toString();
      }
    }
    throw new AssertionError("no setting " + name);
  }

  @Test
  void eachUsageSeesItsOwnSourceValues() {
    Build b =
        build(
            USAGES
                + """
                    provisioner "shell" {
                      inline = ["echo ${source.type} ${source.name} ${build.name}"]
                    }
                  """);
    Provisioner p = b.provisioners().get(0);
    List<SourceUsage> usages = b.sources();
    assertEquals(
        List.of("azure-arm.small", "azure-arm.large", "azure-arm.huge"),
        p.bySource().keySet().stream().sorted(this::byUsageOrder).toList());
    for (SourceUsage u : usages) {
      assertEquals(
          "[\"echo azure-arm " + u.name() + " \"]", setting(p, u, "inline"), u.reference());
    }
  }

  private int byUsageOrder(String a, String b) {
    List<String> order = List.of("azure-arm.small", "azure-arm.large", "azure-arm.huge");
    return Integer.compare(order.indexOf(a), order.indexOf(b));
  }

  @Test
  void onlyTheUsagesAFilterKeepsGetABodyOfTheirOwn() {
    Build b =
        build(
            USAGES
                + """
                    provisioner "shell" {
                      only   = ["azure-arm.small", "azure-arm.huge"]
                      inline = ["echo ${source.name}"]
                    }
                    provisioner "shell" {
                      except = ["azure-arm.small", "azure-arm.huge"]
                      inline = ["echo ${source.name}"]
                    }
                  """);
    Provisioner two = b.provisioners().get(0);
    assertEquals(
        List.of("azure-arm.huge", "azure-arm.small"),
        two.bySource().keySet().stream().sorted().toList());
    // One usage left: the body itself knows it, as before.
    Provisioner one = b.provisioners().get(1);
    assertEquals(Map.of(), one.bySource());
    assertEquals("[\"echo large\"]", setting(one, b.sources().get(1), "inline"));
  }

  @Test
  void aBodyWithoutSourceValuesIsEvaluatedOnce() {
    Build b =
        build(
            USAGES
                + """
                    provisioner "shell" {
                      inline = ["echo ${build.name}", "echo done"]
                    }
                  """);
    assertEquals(Map.of(), b.provisioners().get(0).bySource());
  }

  @Test
  void anErrorTheBodyRepeatsForEveryUsageIsReportedOnce() {
    LoadResult r =
        load(
            USAGES
                + """
                    provisioner "shell" {
                      inline = ["echo ${source.name} ${upper(1, 2)}"]
                    }
                  """);
    List<Diagnostic> errors =
        r.diagnostics().stream().filter(d -> d.code().startsWith("HCLFN")).toList();
    assertEquals(1, errors.size(), r.diagnostics().toString());
  }

  @Test
  void goTemplatesNameTheSourceBlockNotTheUsage() {
    // Packer 1.6.6, null sources a and b used as one (of a) and two (of b): echo {{build_name}}
    // {{build_type}} ${source.name} ran as "a null one" and "b null two"; two usages of a alone
    // both gave "a".
    String second = SOURCE.replace("\"ubuntu\"", "\"debian\"");
    MemoryFileView files =
        new MemoryFileView("/work")
            .put(
                "/work/t.pkr.hcl",
                SOURCE
                    + second
                    + """
                      build {
                        source "azure-arm.ubuntu" {
                          name = "one"
                        }
                        source "azure-arm.debian" {
                          name = "two"
                        }
                        source "azure-arm.ubuntu" {
                          name = "three"
                        }
                        provisioner "shell" {
                          inline = ["echo {{build_name}} {{ build_type }} ${source.name}"]
                        }
                      }
                      """);
    LoadResult r = TemplateLoads.load(files, "t.pkr.hcl");
    assertEquals(List.of(), r.diagnostics());
    Build b = r.template().orElseThrow().builds().get(0);
    Provisioner p = b.provisioners().get(0);
    List<String> lines = b.sources().stream().map(u -> setting(p, u, "inline")).toList();
    assertEquals(
        List.of(
            "[\"echo ubuntu azure-arm one\"]",
            "[\"echo debian azure-arm two\"]",
            "[\"echo ubuntu azure-arm three\"]"),
        lines);
  }

  @Test
  void aLegacyProvisionerGetsEachBuildersName() {
    // Packer 1.6.6: two null builders one and two ran echo {{build_name}} {{build_type}} as
    // "one null" and "two null".
    String builder =
        """
        {"type": "azure-arm", "name": "%s", "os_type": "Linux", "location": "westeurope",
         "subscription_id": "00000000-0000-0000-0000-000000000001", "image_publisher": "Canonical",
         "image_offer": "0001-com-ubuntu-server-jammy", "image_sku": "22_04-lts-gen2",
         "managed_image_name": "img-{{build_name}}", "managed_image_resource_group_name": "rg"}
        """;
    String template =
        "{\"builders\": ["
            + builder.formatted("one")
            + ", "
            + builder.formatted("two")
            + "], \"provisioners\": [{\"type\": \"shell\", \"inline\": [\"echo {{build_name}}"
            + " {{build_type}}\"]}]}";
    ConversionResult r =
        TemplateLoads.convert(new MemoryFileView("/work").put("/work/t.json", template), "t.json");
    assertTrue(
        r.diagnostics().stream().noneMatch(d -> d.code().startsWith("GOTPL-N101")),
        r.diagnostics().toString());
    assertEquals(2, r.templates().size(), r.diagnostics().toString());
    for (ConvertedTemplate t : r.templates()) {
      String builderName = t.text().contains("img-one") ? "one" : "two";
      assertTrue(t.text().contains("\"echo " + builderName + " azure-arm\""), t.text());
    }
  }

  @Test
  void theConversionWritesEachUsagesOwnCommands() {
    String build =
        USAGES
            + """
                provisioner "shell" {
                  inline = ["echo building ${source.name}"]
                }
              """;
    ConversionResult r = TemplateLoads.convert(files(build), "t.pkr.hcl");
    assertTrue(
        r.diagnostics().stream().noneMatch(d -> d.code().equals("PKRMAP-E107")),
        r.diagnostics().toString());
    assertEquals(3, r.templates().size(), r.diagnostics().toString());
    for (ConvertedTemplate t : r.templates()) {
      String usage = t.name().substring(t.name().lastIndexOf('.') + 1);
      assertTrue(t.text().contains("\"echo building " + usage + "\""), t.text());
      assertTrue(t.text().contains("img-" + usage), t.text());
    }
  }
}
