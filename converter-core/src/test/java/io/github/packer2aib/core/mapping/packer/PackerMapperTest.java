package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mapper's public behaviour beyond the golden cases. */
class PackerMapperTest {

  private static String text(PackerFixture.Result r, Optional<Range> range) {
    Range x = range.orElseThrow();
    return r.file().text().substring(x.start().offset(), x.end().offset());
  }

  @Test
  void locateLeadsBackToThePackerSource() {
    PackerFixture.Result r =
        MappingCases.one(
                MappingCases.linux(s -> s.set("azure_tags", java.util.Map.of("a", "b"))),
                b ->
                    b.provisioner("shell", p -> p.set("inline", List.of("echo hi")))
                        .provisioner(
                            "file", p -> p.set("content", "x").set("destination", "/etc/x")))
            .result();
    MapResult m = PackerMapper.map(r.template(), MappingCases.opts(), MemoryFiles.empty());
    MappedTemplate t = m.templates().get(0);
    assertEquals("\"Standard_D2s_v5\"", text(r, t.locate().apply("/properties/vmProfile/vmSize")));
    assertEquals("\"westeurope\"", text(r, t.locate().apply("/location")));
    assertEquals("[\"echo hi\"]", text(r, t.locate().apply("/properties/customize/0/inline/0")));
    assertEquals("\"/etc/x\"", text(r, t.locate().apply("/properties/customize/1/destination")));
    assertEquals("\"Canonical\"", text(r, t.locate().apply("/properties/source/publisher")));
    assertEquals("azure_tags", text(r, t.locate().apply("/tags/a")));
    assertTrue(
        text(r, t.locate().apply("/properties/distribute/0/imageId"))
            .startsWith("managed_image_name"));
    // Nothing of the template's own: the usage.
    assertEquals("\"source.azure-arm.ubuntu\"", text(r, t.locate().apply("/identity")));
  }

  @Test
  void azureTagsBeyondAzuresLimitsAreRefusedAtAzureTags() {
    java.util.Map<String, Object> many = new java.util.TreeMap<>();
    for (int i = 0; i <= 50; i++) {
      many.put("t" + i, "v");
    }
    java.util.Map<String, Object> longOnes =
        java.util.Map.of("n".repeat(513), "v", "ok", "v".repeat(257), "fine", "v".repeat(256));
    for (java.util.Map<String, Object> tags : List.of(many, longOnes)) {
      PackerFixture.Result r =
          MappingCases.one(
                  MappingCases.linux(s -> s.set("azure_tags", tags)),
                  b -> b.provisioner("shell", p -> p.set("inline", List.of("echo hi"))))
              .result();
      MapResult m = PackerMapper.map(r.template(), MappingCases.opts(), MemoryFiles.empty());
      List<Diagnostic> refused =
          m.diagnostics().stream().filter(d -> d.code().equals("PKRMAP-E106")).toList();
      assertEquals(tags == many ? 1 : 2, refused.size(), refused.toString());
      for (Diagnostic d : refused) {
        assertEquals("azure_tags", text(r, d.subject()));
      }
    }
  }

  @Test
  void planInfoAddsPackersFourTagsWhereAzureTagsGoAndTheyCountTowardsTheLimit() {
    // The Azure plugin's Config.Prepare sets AzureTags["PlanInfo"], ["PlanProduct"],
    // ["PlanPublisher"] and ["PlanPromotionCode"] (over a tag of the same name) before it checks
    // the tag limits.
    java.util.Map<String, Object> tags = new java.util.TreeMap<>();
    tags.put("PlanInfo", "mine");
    for (int i = 0; i < 46; i++) {
      tags.put("t" + i, "v");
    }
    for (int more : List.of(0, 1)) {
      if (more == 1) {
        tags.put("t46", "v");
      }
      PackerFixture.Result r =
          MappingCases.one(
                  MappingCases.linux(
                      s ->
                          s.set("azure_tags", tags)
                              .block(
                                  "plan_info",
                                  p ->
                                      p.set("plan_name", "n")
                                          .set("plan_product", "p")
                                          .set("plan_publisher", "pub"))),
                  b -> b.provisioner("shell", p -> p.set("inline", List.of("echo hi"))))
              .result();
      MapResult m = PackerMapper.map(r.template(), MappingCases.opts(), MemoryFiles.empty());
      List<Diagnostic> refused =
          m.diagnostics().stream().filter(d -> d.code().equals("PKRMAP-E106")).toList();
      if (more == 0) { // 47 of the template's own, one replaced, three added: 50
        assertTrue(refused.isEmpty(), refused.toString());
        String json = m.templates().get(0).json();
        for (String place : List.of("\"tags\"", "\"artifactTags\"", "\"managedResourceTags\"")) {
          String after = json.substring(json.indexOf(place));
          String object = after.substring(0, after.indexOf('}'));
          assertTrue(object.contains("\"PlanInfo\": \"n\""), object);
          assertTrue(object.contains("\"PlanProduct\": \"p\""), object);
          assertTrue(object.contains("\"PlanPublisher\": \"pub\""), object);
          assertTrue(object.contains("\"PlanPromotionCode\": \"\""), object);
          assertTrue(!object.contains("mine"), object);
        }
        assertTrue(
            m.diagnostics().stream()
                .anyMatch(
                    d ->
                        d.code().equals("PKRMAP-N118") && d.detail().contains("PlanPromotionCode")),
            m.diagnostics().toString());
      } else {
        assertEquals(1, refused.size(), refused.toString());
        assertTrue(
            refused.get(0).detail().contains("51, counting the four that Packer adds"),
            refused.get(0).detail());
      }
    }
  }

  @Test
  void aFileUploadedOntoADirectoryEveryLinuxVmHasIsRefused() {
    // Packer uploads a file to a destination without a trailing slash as that path itself: scp -t /
    // receiving "opt" fails with "scp: /opt: Is a directory". The step moved the file into /opt
    // under its /tmp name and then ran chown -R root:root /opt.
    for (String dest : List.of("/tmp", "/opt", "/usr/local/bin", "~")) {
      for (String field : List.of("source", "content")) {
        PackerFixture.Result r =
            MappingCases.one(
                    MappingCases.linux(),
                    b ->
                        b.provisioner(
                            "file",
                            p ->
                                p.set(field, field.equals("source") ? "app.tar" : "x")
                                    .set("destination", dest)))
                .result();
        MapResult m =
            PackerMapper.map(
                r.template(),
                MappingCases.opts().withFileBaseUri(MappingCases.SCRIPTS),
                MemoryFiles.empty().text("app.tar", "a"));
        List<Diagnostic> refused =
            m.diagnostics().stream().filter(d -> d.code().equals("PKRMAP-E106")).toList();
        assertEquals(1, refused.size(), dest + " " + m.diagnostics());
        assertEquals("\"" + dest + "\"", text(r, refused.get(0).subject()));
        assertTrue(refused.get(0).detail().contains("Write \"" + dest + "/\""), refused.toString());
        assertTrue(m.templates().isEmpty());
      }
    }
  }

  @Test
  void aFileMovedIntoPlaceIsMovedAsItselfAndOnlyItIsChowned() {
    PackerFixture.Result r =
        MappingCases.one(
                MappingCases.linux(),
                b ->
                    b.provisioner(
                            "file", p -> p.set("source", "app.tar").set("destination", "/opt/app"))
                        .provisioner("file", p -> p.set("source", "d").set("destination", "/opt"))
                        .provisioner(
                            "file",
                            p -> p.set("source", "app.tar").set("destination", "/usr/local/bin/")))
            .result();
    MapResult m =
        PackerMapper.map(
            r.template(),
            MappingCases.opts().withFileBaseUri(MappingCases.SCRIPTS),
            MemoryFiles.empty().text("app.tar", "a").text("d/f.conf", "b"));
    assertTrue(
        m.diagnostics().stream().noneMatch(d -> d.code().equals("PKRMAP-E106")),
        m.diagnostics().toString());
    String json = m.templates().get(0).json();
    assertTrue(json.contains("\"sudo mv -T /tmp/packer2aib-1-1-app.tar /opt/app\""), json);
    assertTrue(json.contains("\"sudo chown root:root /opt/app\""), json);
    assertTrue(json.contains("\"sudo chown root:root /usr/local/bin/app.tar\""), json);
    assertTrue(!json.contains("chown -R"), json);
    assertTrue(!json.contains("root:root /opt\""), json);
  }

  @Test
  void aRegionNameNoAzureRegionCanHaveIsRefusedAndAnEmptyLocationIsNone() {
    // ["westeurope"]: list text, what an untyped variable holds when -var gives it a list.
    PackerFixture.Result r =
        MappingCases.one(MappingCases.linux(s -> s.set("location", "[\"westeurope\"]"))).result();
    MapResult m = PackerMapper.map(r.template(), MappingCases.opts(), MemoryFiles.empty());
    List<Diagnostic> refused =
        m.diagnostics().stream().filter(d -> d.code().equals("PKRMAP-E106")).toList();
    assertEquals(1, refused.size(), m.diagnostics().toString());
    assertEquals("\"[\\\"westeurope\\\"]\"", text(r, refused.get(0).subject()));
    assertTrue(refused.get(0).detail().contains("a list written as text"), refused.toString());
    // Display names are regions (normalized with a note); an empty location is none: --location.
    PackerFixture.Result display =
        MappingCases.one(MappingCases.linux(s -> s.set("location", "North Europe"))).result();
    m = PackerMapper.map(display.template(), MappingCases.opts(), MemoryFiles.empty());
    assertTrue(m.templates().get(0).json().contains("\"location\": \"northeurope\""));
    PackerFixture.Result empty =
        MappingCases.one(MappingCases.linux(s -> s.set("location", ""))).result();
    m =
        PackerMapper.map(
            empty.template(), MappingCases.opts().withLocation("uksouth"), MemoryFiles.empty());
    assertTrue(m.templates().get(0).json().contains("\"location\": \"uksouth\""));
    m = PackerMapper.map(empty.template(), MappingCases.opts(), MemoryFiles.empty());
    List<Diagnostic> none =
        m.diagnostics().stream().filter(d -> d.code().equals("PKRMAP-E113")).toList();
    assertEquals(1, none.size(), m.diagnostics().toString());
    assertTrue(none.get(0).detail().contains("written but empty"), none.toString());
  }

  @Test
  void aBuildWithoutGeneralizationGetsOneWarningThatImageBuilderGeneralizes() {
    // Packer's azure-arm only calls the Compute API's generalize (StepCaptureImage); Image Builder
    // runs Sysprep or waagent -deprovision+user after the last step whatever the template says.
    java.util.function.Function<List<String>, List<Diagnostic>> notes =
        lines -> {
          PackerFixture.Result r =
              MappingCases.one(
                      MappingCases.windows(s -> {}),
                      b ->
                          b.provisioner("powershell", p -> p.set("inline", List.of("Get-Date")))
                              .provisioner("powershell", p -> p.set("inline", lines)))
                  .result();
          MapResult m = PackerMapper.map(r.template(), MappingCases.opts(), MemoryFiles.empty());
          return m.diagnostics().stream().filter(d -> d.code().equals("PKRMAP-W407")).toList();
        };
    List<Diagnostic> none = notes.apply(List.of("Write-Output done"));
    assertEquals(1, none.size(), none.toString());
    // A warning (it was the note N406): the image differs from Packer's, and --strict fails on it.
    assertEquals(
        io.github.packer2aib.core.diag.Severity.WARNING, none.get(0).severity(), none.toString());
    assertTrue(none.get(0).detail().contains("c:\\DeprovisioningScript.ps1"), none.toString());
    assertTrue(none.get(0).detail().contains("Sysprep /oobe /generalize"), none.toString());
    // A template that generalizes (dropped as Image Builder's own, or kept as the script) has none.
    assertTrue(
        notes
            .apply(
                List.of(
                    "& $env:SystemRoot\\System32\\Sysprep\\Sysprep.exe /oobe /generalize /quiet"
                        + " /quit /mode:vm"))
            .isEmpty());
  }

  @Test
  void aLinuxDestinationWithoutExtensionIsNotWarnedAboutAsAFolder() {
    // scp and SFTP write the file as /opt/app (Packer's SSH upload does not look for a folder), so
    // PKRMAP-W317 is for Windows (WinRM) alone.
    PackerFixture.Result r =
        MappingCases.one(
                MappingCases.linux(),
                b ->
                    b.provisioner(
                        "file",
                        p -> p.set("source", "files/app.ini").set("destination", "/opt/app")))
            .result();
    MapResult m =
        PackerMapper.map(
            r.template(),
            MappingCases.opts().withFileBaseUri(MappingCases.SCRIPTS),
            MemoryFiles.empty().text("files/app.ini", "[app]\n"));
    assertEquals(1, m.templates().size());
    assertTrue(
        m.diagnostics().stream().noneMatch(d -> d.code().equals("PKRMAP-W317")),
        m.diagnostics().toString());
  }

  @Test
  void aLastStepThatOnlyRemovesAnUploadedSysprepScriptStaysAStep() {
    // Naming the uploaded script is not running it: the step is no generalization.
    PackerFixture.Result r =
        MappingCases.one(
                MappingCases.windows(s -> {}),
                b ->
                    b.provisioner(
                            "file",
                            p ->
                                p.set("source", "sysprep.ps1")
                                    .set("destination", "C:\\sysprep.ps1"))
                        .provisioner(
                            "powershell",
                            p -> p.set("inline", List.of("Remove-Item -Force C:\\sysprep.ps1"))))
            .result();
    MapResult m =
        PackerMapper.map(
            r.template(),
            MappingCases.opts().withFileBaseUri(MappingCases.SCRIPTS),
            MemoryFiles.empty()
                .text("sysprep.ps1", "& Sysprep.exe /oobe /generalize /quiet /quit /mode:vm\n"));
    assertTrue(
        m.diagnostics().stream().noneMatch(d -> GENERALIZATION_WARNINGS.contains(d.code())),
        m.diagnostics().toString());
    String json = m.templates().get(0).json();
    assertTrue(json.contains("Remove-Item -Force"), json);
    assertTrue(!json.contains("DeprovisioningScript"), json);
  }

  /** The warnings that say a step generalizes the VM (PKRMAP-W407 says that none does). */
  private static final java.util.Set<String> GENERALIZATION_WARNINGS =
      java.util.Set.of("PKRMAP-W401", "PKRMAP-W402", "PKRMAP-W404");

  @Test
  void aSysprepScriptOverwrittenByALaterUploadIsNotWhatTheLastStepRuns() {
    // The second file provisioner puts another file at the same path (written with other case and
    // separators): the last step runs that one, which does not generalize.
    PackerFixture.Result r =
        MappingCases.one(
                MappingCases.windows(s -> {}),
                b ->
                    b.provisioner(
                            "file",
                            p -> p.set("source", "sysprep.ps1").set("destination", "C:\\run.ps1"))
                        .provisioner(
                            "file",
                            p -> p.set("source", "other.ps1").set("destination", "c:/RUN.ps1"))
                        .provisioner("powershell", p -> p.set("inline", List.of("& C:\\run.ps1"))))
            .result();
    MapResult m =
        PackerMapper.map(
            r.template(),
            MappingCases.opts().withFileBaseUri(MappingCases.SCRIPTS),
            MemoryFiles.empty()
                .text("sysprep.ps1", "& Sysprep.exe /oobe /generalize /quiet /quit /mode:vm\n")
                .text("other.ps1", "Write-Host other\n"));
    assertTrue(
        m.diagnostics().stream().noneMatch(d -> GENERALIZATION_WARNINGS.contains(d.code())),
        m.diagnostics().toString());
    assertTrue(!m.templates().get(0).json().contains("DeprovisioningScript"));
  }

  @Test
  void anEmptyTemplateIsAnErrorNotAnException() {
    PackerTemplate empty =
        new PackerTemplate(
            PackerTemplate.Syntax.HCL2,
            "t.pkr.hcl",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty());
    MapResult m = PackerMapper.map(empty, MapOptions.defaults(), MemoryFiles.empty());
    assertEquals(List.of(), m.templates());
    assertEquals(List.of("PKRMAP-E001"), m.diagnostics().stream().map(Diagnostic::code).toList());
    assertTrue(m.diagnostics().get(0).subject().isEmpty());
  }

  @Test
  void diagnosticsAreInSourceOrderWithoutRepeats() {
    // Two usages of one source share a provisioner; its warning is reported once.
    PackerFixture.Result r =
        PackerFixture.hcl()
            .source("azure-arm", "ubuntu", MappingCases.linux())
            .build(
                b ->
                    b.source("azure-arm.ubuntu", u -> u.set("name", "a"))
                        .source("azure-arm.ubuntu", u -> u.set("name", "b"))
                        .provisioner("shell", p -> p.maxRetries(2).set("inline", List.of("echo"))))
            .result();
    MapResult m = PackerMapper.map(r.template(), MappingCases.opts(), MemoryFiles.empty());
    assertEquals(2, m.templates().size());
    // PKRMAP-W407 (no step generalizes) is said once per image template, at its usage.
    assertEquals(
        List.of("PKRMAP-W407", "PKRMAP-W407", "PKRMAP-W211"),
        m.diagnostics().stream().map(Diagnostic::code).toList());
  }

  @Test
  void aSensitiveLocalIsNamed() {
    PackerFixture f =
        MappingCases.one(
            MappingCases.linux(),
            b ->
                b.provisioner(
                    "shell",
                    p ->
                        p.ref(
                            "inline",
                            "[local.cmd]",
                            Value.tuple(
                                Value.string("run --key=Local-Secret-123")
                                    .mark(io.github.packer2aib.core.hcl.value.Mark.SENSITIVE)))));
    PackerTemplate t = f.template();
    PackerTemplate withLocal =
        new PackerTemplate(
            t.syntax(),
            t.root(),
            t.variables(),
            List.of(
                new io.github.packer2aib.core.packer.Local(
                    "key",
                    Value.string("Local-Secret-123")
                        .mark(io.github.packer2aib.core.hcl.value.Mark.SENSITIVE),
                    true,
                    null)),
            t.sources(),
            t.builds(),
            t.packer(),
            t.description());
    MapResult m = PackerMapper.map(withLocal, MappingCases.opts(), MemoryFiles.empty());
    Diagnostic d =
        m.diagnostics().stream().filter(x -> x.code().equals("PKRMAP-E405")).findFirst().get();
    assertTrue(d.detail().startsWith("The value of inline comes from the sensitive local \"key\""));
    assertTrue(!d.detail().contains("Local-Secret-123"));
  }

  @Test
  void aSubscriptionIdThatIsNoGuidIsSaidOncePerValue() {
    // Example templates keep placeholders; Packer only notices when it signs in, and Azure refuses
    // the resource ids built from them when the image template is created.
    PackerFixture.Result r =
        MappingCases.one(
                MappingCases.bare(
                    s ->
                        s.set("os_type", "Linux")
                            .set("subscription_id", "<subscription_id>")
                            .set("location", "westeurope")
                            .set("image_publisher", "Canonical")
                            .set("image_offer", "0001-com-ubuntu-server-jammy")
                            .set("image_sku", "22_04-lts-gen2")
                            .set("managed_image_name", "ubuntu-base")
                            .set("managed_image_resource_group_name", "rg-images")
                            .block(
                                "shared_image_gallery_destination",
                                d ->
                                    d.set("subscription", "<subscription_id>")
                                        .set("resource_group", "rg-gallery")
                                        .set("gallery_name", "gallery")
                                        .set("image_name", "ubuntu")
                                        .set("image_version", "1.0.0"))
                            .block(
                                "shared_image_gallery",
                                g ->
                                    g.set("subscription", "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
                                        .set("resource_group", "rg-gallery")
                                        .set("gallery_name", "gallery")
                                        .set("image_name", "base")
                                        .set("image_version", "1.0.0"))))
            .result();
    MapResult m = PackerMapper.map(r.template(), MappingCases.opts(), MemoryFiles.empty());
    List<Diagnostic> odd =
        m.diagnostics().stream().filter(d -> d.code().equals("PKRMAP-W124")).toList();
    assertEquals(2, odd.size(), m.diagnostics().toString());
    assertEquals("\"<subscription_id>\"", text(r, odd.get(0).subject()));
    assertTrue(odd.get(1).detail().contains("\"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\""));
    // The cases' own subscription is a GUID: nothing to say.
    PackerFixture.Result ok = MappingCases.one(MappingCases.linux()).result();
    MapResult okm = PackerMapper.map(ok.template(), MappingCases.opts(), MemoryFiles.empty());
    assertTrue(
        okm.diagnostics().stream().noneMatch(d -> d.code().equals("PKRMAP-W124")),
        okm.diagnostics().toString());
  }
}
