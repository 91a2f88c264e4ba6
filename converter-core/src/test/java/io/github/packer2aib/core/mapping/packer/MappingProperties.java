package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.mapping.packer.PackerFixture.BuildBuilder;
import io.github.packer2aib.core.mapping.packer.PackerFixture.Plain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated Packer models (azure-arm sources with random but valid fields, provisioners, sensitive
 * variables used where Packer allows them): the mapping is deterministic, never shows a sensitive
 * value, and every template it makes validates against its API version's spec and the service
 * rules.
 */
class MappingProperties {

  /**
   * A generated case: the fixture, the options, the secret texts used in it, whether a sensitive
   * value flows to the template, and whether it has a VHD beside a managed image or gallery
   * destination or made from a gallery image, which Packer 1.6.6 and Azure plugins before 2.5.0
   * refuse (later ones accept it).
   */
  record Scenario(
      PackerFixture fixture,
      MapOptions options,
      List<String> secrets,
      boolean leaks,
      boolean olderPluginsRefuse) {
    @Override
    public String toString() {
      return fixture.result().file().text() + "\noptions: " + options;
    }
  }

  @Property(tries = 150)
  void mappingIsDeterministicSecretFreeAndValid(@ForAll("scenarios") Scenario s) {
    PackerFixture.Result fixture = s.fixture().result();
    MapResult first = PackerMapper.map(fixture.template(), s.options(), files());
    MapResult second = PackerMapper.map(fixture.template(), s.options(), files());
    MappingCases.Case c = new MappingCases.Case("generated", s.fixture(), s.options(), files());
    PackerMapperGoldenTest.Rendered r1 = PackerMapperGoldenTest.render(c, first, fixture);
    assertEquals(r1, PackerMapperGoldenTest.render(c, second, fixture));

    for (String secret : s.secrets()) {
      for (String out : r1.outputs().values()) {
        assertFalse(
            PackerMapperGoldenTest.withoutOptions(out, s.options()).contains(secret),
            "secret in output");
      }
      assertFalse(r1.diagnostics().contains(secret), "secret in rendered diagnostics");
      for (Diagnostic d : first.diagnostics()) {
        assertFalse(d.detail().contains(secret) || d.summary().contains(secret));
      }
    }
    if (s.leaks()) {
      assertTrue(
          first.diagnostics().stream().anyMatch(d -> d.code().equals("PKRMAP-E405")),
          "a sensitive value that flows to the template is an error");
      assertTrue(first.templates().isEmpty(), "no template with a sensitive value");
    }
    assertEquals(
        s.olderPluginsRefuse(),
        first.diagnostics().stream().anyMatch(d -> d.code().equals("PKRMAP-W133")),
        "a VHD beside another destination or from a gallery image is said to be refused by older"
            + " plugins, and only then");
    PackerMapperGoldenTest.assertValid(first, s.options());
    if (!first.hasErrors()) {
      assertEquals(1, first.templates().size());
    }
  }

  static MemoryFiles files() {
    return MemoryFiles.empty()
        .text("scripts/a.sh", "#!/bin/bash\necho a\n")
        .text("scripts/b.ps1", "Write-Output 'b'\r\n")
        .text("files/c.conf", "c=1\n");
  }

  // ------------------------------------------------------------------ generators

  private static final List<String> LOCATIONS = List.of("westeurope", "eastus", "swedencentral");

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Boolean> windows = Arbitraries.of(true, false);
    Arbitrary<Boolean> json = Arbitraries.of(true, false);
    Arbitrary<String> secret =
        Arbitraries.strings().alpha().numeric().ofMinLength(12).ofMaxLength(24).map(x -> "S3c" + x);
    Arbitrary<ApiVersion> api = Arbitraries.of(ApiVersion.class);
    Arbitrary<Integer> sourceKind = Arbitraries.integers().between(0, 2);
    Arbitrary<Integer> destinations = Arbitraries.integers().between(1, 7);
    Arbitrary<List<Integer>> provisioners =
        Arbitraries.integers().between(0, 9).list().ofMaxSize(6);
    Arbitrary<Integer> secretUse = Arbitraries.integers().between(0, 5);
    Arbitrary<List<String>> lines = line().list().ofMinSize(1).ofMaxSize(4);
    Arbitrary<Map<String, String>> tags =
        Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), line())
            .ofMaxSize(3);
    Arbitrary<Integer> extras = Arbitraries.integers().between(0, 63);
    Arbitrary<MapOptions> options =
        Combinators.combine(
                api,
                Arbitraries.of(MapOptions.GalleryVersioning.class),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false))
            .as(
                (v, versioning, scriptBase, skip) -> {
                  MapOptions o =
                      MappingCases.opts()
                          .withApiVersion(v)
                          .withGalleryVersioning(versioning)
                          .withSkipUnsupported(skip)
                          .withSubscription(MappingCases.SUB);
                  return scriptBase
                      ? o.withScriptBaseUri(MappingCases.SCRIPTS)
                          .withFileBaseUri(MappingCases.SCRIPTS)
                      : o;
                });
    return Combinators.combine(
            Combinators.combine(windows, json, secret, sourceKind, destinations, provisioners)
                .as(List::<Object>of),
            Combinators.combine(secretUse, lines, tags, extras, options).as(List::<Object>of))
        .as(
            (a, b) ->
                scenario(
                    (Boolean) a.get(0),
                    (Boolean) a.get(1),
                    (String) a.get(2),
                    (Integer) a.get(3),
                    (Integer) a.get(4),
                    cast(a.get(5)),
                    (Integer) b.get(0),
                    cast(b.get(1)),
                    cast(b.get(2)),
                    (Integer) b.get(3),
                    (MapOptions) b.get(4)));
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object o) {
    return (T) o;
  }

  /** Shell-ish text with quotes, dollars, backslashes and non-ASCII characters. */
  private static Arbitrary<String> line() {
    return Arbitraries.strings()
        .withChars("abcXYZ019 '\"$\\{}%|;&-_./:=é€")
        .ofMinLength(1)
        .ofMaxLength(30);
  }

  private static Scenario scenario(
      boolean windows,
      boolean json,
      String secretText,
      int sourceKind,
      int destinations,
      List<Integer> provisioners,
      int secretUse,
      List<String> lines,
      Map<String, String> tags,
      int extras,
      MapOptions options) {
    Value secret = Value.string(secretText).mark(Mark.SENSITIVE);
    boolean leaks = secretUse == 3 || secretUse == 4 || secretUse == 5;
    Consumer<Plain> source =
        s -> {
          s.set("os_type", windows ? "Windows" : "Linux")
              .set("location", LOCATIONS.get(extras % 3));
          if ((extras & 4) != 0) {
            s.set("subscription_id", MappingCases.SUB);
          }
          switch (sourceKind) {
            case 0 ->
                s.set("image_publisher", "Canonical")
                    .set("image_offer", "offer")
                    .set("image_sku", "sku-" + extras);
            case 1 ->
                s.set("custom_managed_image_name", "golden-" + extras)
                    .set("custom_managed_image_resource_group_name", "rg-golden");
            default ->
                s.block(
                    "shared_image_gallery",
                    g ->
                        g.set("resource_group", "rg-gallery")
                            .set("gallery_name", "gallery")
                            .set("image_name", "base")
                            .set("image_version", "1.0." + extras));
          }
          if ((destinations & 1) != 0) {
            s.set("managed_image_name", "image " + extras)
                .set("managed_image_resource_group_name", "rg-images");
          }
          if ((destinations & 2) != 0) {
            s.block(
                "shared_image_gallery_destination",
                d -> {
                  d.set("resource_group", "rg-gallery")
                      .set("gallery_name", "gallery")
                      .set("image_name", "app")
                      .set("image_version", "2." + extras + ".0");
                  if ((extras & 8) != 0) {
                    d.set("replication_regions", List.of("westeurope", "northeurope"));
                  } else if ((extras & 16) != 0) {
                    d.block("target_region", t -> t.set("name", "eastus").set("replicas", 2));
                  }
                  if ((extras & 32) != 0) {
                    d.set("storage_account_type", "Standard_ZRS");
                  }
                });
          }
          if ((destinations & 4) != 0) {
            s.set("capture_container_name", "vhds")
                .set("capture_name_prefix", "img-" + extras)
                .set("storage_account", "stvhds")
                .set("resource_group_name", "rg-vhds");
          }
          if ((extras & 1) != 0) {
            s.set("vm_size", "Standard_D2s_v5").set("os_disk_size_gb", 30 + extras);
          }
          if ((extras & 2) != 0) {
            s.set("virtual_network_name", "vnet")
                .set("virtual_network_subnet_name", "snet")
                .set("virtual_network_resource_group_name", "rg-net");
          }
          if (!tags.isEmpty()) {
            s.set("azure_tags", new LinkedHashMap<String, Object>(tags));
          }
          s.ref("client_secret", "var.secret", secret);
          if (windows) {
            s.set("communicator", "winrm").ref("winrm_password", "var.secret", secret);
          } else {
            s.set("communicator", "ssh").ref("ssh_password", "var.secret", secret);
          }
          if (secretUse == 5) {
            s.ref("azure_tags", "{ x = var.secret }", Value.object(Map.of("x", secret)));
          }
        };
    Consumer<BuildBuilder> build =
        b -> {
          b.sources("azure-arm.main");
          for (int i = 0; i < provisioners.size(); i++) {
            provisioner(b, provisioners.get(i), windows, lines, i);
          }
          if (secretUse == 1) {
            b.provisioner(
                windows ? "powershell" : "shell",
                p -> {
                  p.set("inline", List.of("echo safe"));
                  if (windows) {
                    p.set("elevated_user", "admin").ref("elevated_password", "var.secret", secret);
                  } else {
                    p.ref(
                        "execute_command",
                        "...",
                        Value.string(
                                "echo '"
                                    + secretText
                                    + "' | sudo -S sh -c '{{ .Vars }} {{ .Path }}'")
                            .mark(Mark.SENSITIVE));
                  }
                });
          } else if (secretUse == 3) {
            b.provisioner(
                windows ? "powershell" : "shell",
                p ->
                    p.ref(
                        "inline",
                        "[var.secret]",
                        Value.tuple(Value.string("echo " + secretText).mark(Mark.SENSITIVE))));
          } else if (secretUse == 4) {
            b.provisioner(
                windows ? "powershell" : "shell",
                p ->
                    p.ref(
                            "environment_vars",
                            "[\"S=${var.secret}\"]",
                            Value.tuple(Value.string("S=" + secretText).mark(Mark.SENSITIVE)))
                        .set("inline", List.of("echo $S")));
          }
        };
    PackerFixture f = json ? PackerFixture.json() : PackerFixture.hcl();
    f.variable("secret", Value.string(secretText), true)
        .source("azure-arm", json ? "main" : "main", source)
        .build(build);
    List<String> secrets = new ArrayList<>(List.of(secretText));
    // The generated VHD always has its storage_account and resource_group_name; besides another
    // destination, or made from a gallery image, older plugins refuse it.
    boolean olderPluginsRefuse =
        (destinations & 4) != 0 && ((destinations & 3) != 0 || sourceKind == 2);
    return new Scenario(f, options, secrets, leaks, olderPluginsRefuse);
  }

  private static void provisioner(
      BuildBuilder b, int kind, boolean windows, List<String> lines, int index) {
    switch (kind) {
      case 0 -> b.provisioner(windows ? "powershell" : "shell", p -> p.set("inline", lines));
      case 1 ->
          b.provisioner(
              windows ? "powershell" : "shell",
              p -> p.set("environment_vars", List.of("A=" + lines.get(0))).set("inline", lines));
      case 2 ->
          b.provisioner(
              windows ? "powershell" : "shell",
              p -> {
                p.set("inline", lines).name("step " + index);
                if (windows) {
                  p.set("elevated_user", index % 2 == 0 ? "SYSTEM" : "builder")
                      .set("valid_exit_codes", List.of(0, 3010));
                } else {
                  p.set(
                      "execute_command",
                      "chmod +x {{ .Path }}; {{ .Vars }} sudo -E sh '{{ .Path }}'");
                }
              });
      case 3 ->
          b.provisioner(
              "file",
              p ->
                  p.set("content", String.join("\n", lines))
                      .set("destination", windows ? "C:\\app\\x.txt" : "/etc/app/x.txt"));
      case 4 ->
          b.provisioner(
              "file",
              p ->
                  p.set("source", "files/c.conf")
                      .set("destination", windows ? "C:\\c.conf" : "/tmp/c.conf"));
      case 5 -> b.provisioner("sleep", p -> p.set("duration", (index + 1) + "s"));
      case 6 ->
          b.provisioner(
              windows ? "windows-restart" : "shell",
              p -> {
                if (windows) {
                  p.set("restart_timeout", (index + 1) * 45 + "s");
                } else {
                  p.set("script", "scripts/a.sh");
                }
              });
      case 7 ->
          b.provisioner(
              windows ? "powershell" : "shell",
              p -> p.set("script", windows ? "scripts/b.ps1" : "scripts/a.sh").pauseBefore("5s"));
      case 8 -> b.provisioner("ansible", p -> p.set("playbook_file", "site.yml"));
      default ->
          b.provisioner(
              windows ? "windows-update" : "shell",
              p -> {
                if (windows) {
                  p.set("update_limit", 10);
                } else {
                  p.set("inline", List.of("sudo waagent -force -deprovision+user"));
                }
              });
    }
  }
}
