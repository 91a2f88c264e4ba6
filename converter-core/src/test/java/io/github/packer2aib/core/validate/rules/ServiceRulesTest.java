package io.github.packer2aib.core.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.aib.BoolValue;
import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.aib.Distributor;
import io.github.packer2aib.core.aib.Identity;
import io.github.packer2aib.core.aib.ImageSource;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.aib.ImageTemplateProperties;
import io.github.packer2aib.core.aib.IntValue;
import io.github.packer2aib.core.aib.TargetRegion;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.Position;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.testing.DefaultLocale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServiceRulesTest {
  private static final String ID =
      "/subscriptions/0/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/a";
  private static final String IMAGE =
      "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/images/img";
  private static final ImageSource UBUNTU =
      new ImageSource.PlatformImage("Canonical", "ubuntu", "22_04", "latest", null);

  private static ImageTemplate template(
      ImageTemplateProperties.Builder properties, Identity identity) {
    return new ImageTemplate(
        ImageTemplate.RESOURCE_TYPE,
        "2024-02-01",
        "t",
        "westeurope",
        null,
        identity,
        properties.build());
  }

  private static ImageTemplateProperties.Builder base() {
    return ImageTemplateProperties.builder()
        .source(UBUNTU)
        .customize(List.of(new Customizer.Shell(null, null, null, List.of("echo"))))
        .distribute(List.of(new Distributor.Vhd(null, "out", null)));
  }

  /** Every pointer locates to a distinct fake range so related ranges can be checked. */
  private static Optional<Range> locate(String pointer) {
    int offset = Math.abs(pointer.hashCode() % 1000);
    Position p = new Position(1 + offset, 1, offset);
    return Optional.of(new Range("t.yaml", p, p));
  }

  private static List<String> codesAndPaths(ImageTemplate t) {
    return ServiceRules.check(t, ApiVersion.V2024_02_01, "/resources/0", ServiceRulesTest::locate)
        .stream()
        .map(d -> d.code() + " " + d.path().orElse("?"))
        .collect(Collectors.toList());
  }

  @Test
  void validTemplateHasNoFindings() {
    assertEquals(List.of(), codesAndPaths(template(base(), Identity.userAssigned(ID))));
  }

  @Test
  void tagsFollowAzureResourceManagersLimits() {
    Map<String, String> fifty = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      fifty.put("t" + i, "v");
    }
    assertEquals(List.of(), codesAndPaths(withTags(fifty)));
    Map<String, String> many = new java.util.LinkedHashMap<>(fifty);
    many.put("t50", "v");
    assertEquals(List.of("RULE-E319 /resources/0/tags"), codesAndPaths(withTags(many)));

    Map<String, String> limits = new java.util.LinkedHashMap<>();
    limits.put("n".repeat(512), "v".repeat(256)); // at the limits: accepted
    limits.put("m".repeat(513), "v");
    limits.put("long", "v".repeat(257));
    limits.put("expression", "[concat('" + "v".repeat(300) + "')]");
    limits.put("a%b", "v");
    limits.put("LONG", "v");
    assertEquals(
        List.of(
            "RULE-E318 /resources/0/tags/" + "m".repeat(513),
            "RULE-E318 /resources/0/tags/long",
            "RULE-E318 /resources/0/tags/a%b",
            "RULE-W320 /resources/0/tags/LONG"),
        codesAndPaths(withTags(limits)));
  }

  private static ImageTemplate withTags(Map<String, String> tags) {
    return withTags(tags, null);
  }

  private static ImageTemplate withTags(Map<String, String> tags, Map<String, String> artifact) {
    return new ImageTemplate(
        ImageTemplate.RESOURCE_TYPE,
        "2024-02-01",
        "t",
        "westeurope",
        tags,
        Identity.userAssigned(ID),
        base().distribute(List.of(new Distributor.Vhd(null, "out", artifact))).build());
  }

  @Test
  void identityAndSubnetReferencesAreResourceIdsWhereTheVersionHasThem() {
    ImageTemplate t =
        template(
            base()
                .vmProfile(
                    new io.github.packer2aib.core.aib.VmProfile(
                        null,
                        null,
                        new io.github.packer2aib.core.aib.VnetConfig(
                            "my-subnet", "<aciSubnetId>", null, null, null, null),
                        List.of(ID, "vm-id"))),
            Identity.userAssigned("<imgBuilderId>"));
    assertEquals(
        List.of(
            "RULE-E313 /resources/0/identity/userAssignedIdentities/<imgBuilderId>",
            "RULE-E313 /resources/0/properties/vmProfile/userAssignedIdentities/1",
            "RULE-E313 /resources/0/properties/vmProfile/vnetConfig/subnetId",
            "RULE-E313 /resources/0/properties/vmProfile/vnetConfig/containerInstanceSubnetId"),
        codesAndPaths(t));
    // 2020-02-14 has neither the build VM's identities nor the container subnet, nor a staging
    // group: the spec layer reports them (SPEC-W101, dropped on conversion), no rule judges them.
    ImageTemplate old =
        template(
            base()
                .stagingResourceGroup("rg-staging")
                .vmProfile(
                    new io.github.packer2aib.core.aib.VmProfile(
                        null,
                        null,
                        new io.github.packer2aib.core.aib.VnetConfig(
                            "my-subnet", "x", null, null, null, null),
                        List.of("vm-id"))),
            Identity.userAssigned(ID));
    assertEquals(
        List.of("RULE-E313 /properties/vmProfile/vnetConfig/subnetId"),
        ServiceRules.check(old, ApiVersion.V2020_02_14, "", ServiceRulesTest::locate).stream()
            .map(d -> d.code() + " " + d.path().orElse("?"))
            .collect(Collectors.toList()));
  }

  /** A SAS signature in a command is kept in the template as in a scriptUri (bulk review). */
  @Test
  void aSignedUrlInACommandIsToldAsInAScriptUri() {
    ImageTemplate t =
        template(
            base()
                .customize(
                    List.of(
                        new Customizer.Shell(
                            null,
                            null,
                            null,
                            List.of(
                                "echo start",
                                "curl -o x.sh"
                                    + " 'https://st.blob.core.windows.net/c/x.sh?sv=1&sig=S1gn'",
                                "[concat('curl ', parameters('url'), '&sig=x')]")))),
            Identity.userAssigned(ID));
    assertEquals(
        List.of("RULE-W317 /resources/0/properties/customize/0/inline/1"), codesAndPaths(t));
  }

  /**
   * A credential written as text in a command or a URL is kept in the template as a SAS is, and is
   * warned about at the command, named without its value (security review, session 28).
   */
  @Test
  void aCredentialWrittenAsTextInACommandOrUrlIsTold() {
    ImageTemplate t =
        template(
            base()
                .customize(
                    List.of(
                        new Customizer.Shell(
                            null,
                            null,
                            null,
                            List.of(
                                "echo start",
                                "git clone https://bot:Hunt3rHunt3r@dev.azure.com/o/p/_git/r",
                                "export DB_PASSWORD=$(az keyvault secret show -n db -o tsv)",
                                "docker login -u bot -p Hunt3rHunt3r cr.example",
                                "[concat('mysql --password=', parameters('pw'))]")),
                        new Customizer.File(
                            null, "https://bot:Hunt3rHunt3r@files.example/a.tgz", "/tmp/a", null))),
            Identity.userAssigned(ID));
    List<Diagnostic> found =
        ServiceRules.check(t, ApiVersion.V2024_02_01, "", ServiceRulesTest::locate);
    assertEquals(
        List.of(
            "RULE-W329 /resources/0/properties/customize/0/inline/1",
            "RULE-W329 /resources/0/properties/customize/0/inline/3",
            "RULE-W329 /resources/0/properties/customize/1/sourceUri"),
        codesAndPaths(t));
    for (Diagnostic d : found) {
      assertFalse(d.detail().contains("Hunt3r"), d.detail());
      assertTrue(d.detail().contains("stored in the image template in Azure"), d.detail());
    }
    assertTrue(found.get(1).detail().contains("(the -p password of docker login)"));
  }

  /**
   * A password piped into {@code sudo -S} in an inline command was copied without a word, although
   * the same form in execute_command is dropped as a password (mapping review, session 29). The
   * advice is to drop it: Image Builder's build user runs sudo without one.
   */
  @Test
  void aPasswordFedToSudoInACommandIsTold() {
    ImageTemplate t =
        template(
            base()
                .customize(
                    List.of(
                        new Customizer.Shell(
                            null,
                            null,
                            null,
                            List.of(
                                "echo 'Hunt3rHunt3r!' | sudo -S apt-get update",
                                "printf '%s\\n' Hunt3rHunt3r | sudo --stdin true",
                                "sudo -kS true <<< Hunt3rHunt3r",
                                "echo \"$SUDO_PW\" | sudo -S true",
                                "echo 'ls' | sudo -s")))),
            Identity.userAssigned(ID));
    List<Diagnostic> found =
        ServiceRules.check(t, ApiVersion.V2024_02_01, "", ServiceRulesTest::locate);
    assertEquals(
        List.of(
            "RULE-W329 /resources/0/properties/customize/0/inline/0",
            "RULE-W329 /resources/0/properties/customize/0/inline/1",
            "RULE-W329 /resources/0/properties/customize/0/inline/2"),
        codesAndPaths(t));
    for (Diagnostic d : found) {
      assertFalse(d.detail().contains("Hunt3r"), d.detail());
      assertTrue(
          d.detail().contains("(the password fed to sudo -S on its standard input)"), d.detail());
      assertTrue(d.detail().contains("runs sudo without a password"), d.detail());
      assertFalse(d.detail().contains("Key Vault"), d.detail());
    }
  }

  @Test
  void aCommandWithAnInvisibleOrBidirectionalCharacterIsWarned() {
    // "Trojan Source": U+202E shows "rm -rf /tmp/x # safe" reordered in an editor (review).
    ImageTemplate t =
        template(
            base()
                .customize(
                    List.of(
                        new Customizer.Shell(
                            null,
                            null,
                            null,
                            List.of(
                                "echo café", "rm -rf /tmp/x \u202e# safe\u202c", "ad\u200bmin")))),
            Identity.userAssigned(ID));
    List<Diagnostic> found =
        ServiceRules.check(t, ApiVersion.V2024_02_01, "", ServiceRulesTest::locate);
    assertEquals(
        List.of("/properties/customize/0/inline/1", "/properties/customize/0/inline/2"),
        found.stream().map(d -> d.path().orElse("?")).toList());
    assertTrue(
        found
            .get(0)
            .detail()
            .startsWith(
                "This command holds the invisible character U+202E"
                    + " (character 15 of the command), which changes the order"),
        found.get(0).detail());
    assertTrue(
        found.get(1).detail().contains("joins or splits words unseen"), found.get(1).detail());
  }

  @Test
  void theInvisibleCharactersPlaceIsCountedInAsciiDigitsUnderAnyLocale() throws Exception {
    // Under ar-EG the detail said "(character ١٦ of the command)".
    ImageTemplate t =
        template(
            base()
                .customize(
                    List.of(
                        new Customizer.Shell(
                            null, null, null, List.of("echo 0123456789ab\u200bc")))),
            Identity.userAssigned(ID));
    List<Diagnostic> found =
        DefaultLocale.with(
            DefaultLocale.ARABIC_DIGITS,
            () -> ServiceRules.check(t, ApiVersion.V2024_02_01, "", ServiceRulesTest::locate));
    assertEquals(1, found.size(), found.toString());
    assertTrue(
        found
            .get(0)
            .detail()
            .startsWith(
                "This command holds the invisible character U+200B (character 18 of the"
                    + " command)"),
        found.get(0).detail());
  }

  @Test
  void aSignedUrlOfAWorkloadScriptOrAVhdTargetIsWarned() {
    // Neither was looked at: the signature went into the output without a word (review).
    String signed = "https://st.blob.core.windows.net/c/x?sv=1&sig=S1gn";
    ImageTemplate t =
        template(
            base()
                .optimize(
                    new io.github.packer2aib.core.aib.Optimize(
                        null,
                        new io.github.packer2aib.core.aib.Optimize.Workload(
                            "Enabled", signed, null)))
                .distribute(
                    List.of(
                        new Distributor.Vhd(signed, "out", null),
                        new Distributor.Vhd(
                            "https://st.blob.core.windows.net/c/y.vhd", "o2", null))),
            Identity.userAssigned(ID));
    assertEquals(
        List.of(
            "RULE-W317 /resources/0/properties/optimize/workload/scriptUri",
            "RULE-W317 /resources/0/properties/distribute/0/uri"),
        codesAndPaths(t));
  }

  @Test
  void aStagingGroupThatHoldsWhatTheTemplateUsesIsNotEmpty() {
    String staging = "/subscriptions/0/resourceGroups/RG";
    String gallery =
        "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/app";
    String subnet =
        "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s";
    ImageTemplate t =
        template(
            base()
                .stagingResourceGroup(staging)
                .source(new ImageSource.ManagedImage(IMAGE))
                .vmProfile(
                    new io.github.packer2aib.core.aib.VmProfile(
                        null,
                        null,
                        io.github.packer2aib.core.aib.VnetConfig.ofSubnet(subnet),
                        List.of(ID)))
                .distribute(
                    List.of(
                        new Distributor.ManagedImage(IMAGE + "2", "westeurope", "m", null),
                        new Distributor.SharedImage(
                            gallery,
                            "s",
                            null,
                            List.of("westeurope"),
                            null,
                            null,
                            null,
                            null,
                            null))),
            Identity.userAssigned(ID));
    List<Diagnostic> found =
        ServiceRules.check(t, ApiVersion.V2024_02_01, "", ServiceRulesTest::locate);
    assertEquals(1, found.size(), found.toString());
    Diagnostic d = found.get(0);
    assertEquals("RULE-W321 /properties/stagingResourceGroup", d.code() + " " + d.path().get());
    assertEquals(
        "The staging resource group \"RG\" holds the source managed image, the gallery of"
            + " distribute[1], the virtual network of the build VM, an identity of the build VM and"
            + " the template's identity, so it is not empty; but Image Builder builds only in a"
            + " staging group that is empty when it exists, and the managed image of"
            + " distribute[0] would be written into it too. Stage in a resource group of its own"
            + " (one that does not exist yet is created, and deleted with the template), or leave"
            + " stagingResourceGroup out.",
        d.detail());
    assertEquals(
        List.of(
            locate("/properties/source/imageId").get(),
            locate("/properties/distribute/0/imageId").get(),
            locate("/properties/distribute/1/galleryImageId").get(),
            locate("/properties/vmProfile/vnetConfig/subnetId").get(),
            locate("/properties/vmProfile/userAssignedIdentities/0").get(),
            locate("/identity/userAssignedIdentities/" + ID.replace("/", "~1")).get()),
        d.related().stream().map(r -> r.range()).collect(Collectors.toList()));

    // Only a managed image target there: the first build passes, the next one does not.
    ImageTemplate written =
        template(
            base()
                .stagingResourceGroup(staging + "/")
                .distribute(List.of(new Distributor.ManagedImage(IMAGE, "westeurope", "m", null))),
            Identity.userAssigned(ID.replace("/rg/", "/other/")));
    List<Diagnostic> once =
        ServiceRules.check(written, ApiVersion.V2024_02_01, "", ServiceRulesTest::locate);
    assertEquals(1, once.size(), once.toString());
    assertEquals(
        "The staging resource group \"RG\" receives the managed image of distribute[0]: it is"
            + " not empty after the first build, so Image Builder, which builds only in a staging"
            + " group that is empty when it exists, refuses the next one; and it deletes what it"
            + " created there when the template is deleted, which may take the image with it."
            + " Stage in a resource group of its own (one that does not exist yet is created, and"
            + " deleted with the template), or leave stagingResourceGroup out.",
        once.get(0).detail());

    // Another group, another subscription, an ARM expression or no staging group: nothing.
    for (String other :
        new String[] {
          "/subscriptions/0/resourceGroups/rg2",
          "/subscriptions/1/resourceGroups/rg",
          "[resourceGroup().id]",
          null
        }) {
      ImageTemplate t2 =
          template(
              base()
                  .stagingResourceGroup(other)
                  .source(new ImageSource.ManagedImage(IMAGE))
                  .distribute(
                      List.of(new Distributor.ManagedImage(IMAGE, "westeurope", "m", null))),
              Identity.userAssigned(ID));
      assertEquals(List.of(), codesAndPaths(t2), other);
    }
  }

  @Test
  void artifactTagsLikeTheTemplatesAreToldOnceAndCaseClashesAreNoAliases() {
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    tags.put("a/b", "v");
    tags.put("Team", "v");
    tags.put("team", "v");
    // A converted Packer template puts azure_tags on both: one finding each, at the template's.
    assertEquals(
        List.of("RULE-E318 /resources/0/tags/a~1b", "RULE-W320 /resources/0/tags/team"),
        codesAndPaths(withTags(tags, tags)));
    assertEquals(
        List.of(
            "RULE-E318 /resources/0/tags/a~1b",
            "RULE-W320 /resources/0/tags/team",
            "RULE-E318 /resources/0/properties/distribute/0/artifactTags/a~1b"),
        codesAndPaths(withTags(tags, Map.of("a/b", "v"))));
    // Packer templates locate both keys to the azure_tags line: still no YAML alias advice.
    Range same = new Range("t.pkr.hcl", new Position(3, 1, 20), new Position(3, 1, 20));
    List<Diagnostic> found =
        ServiceRules.check(
            withTags(tags, tags), ApiVersion.V2024_02_01, "", p -> Optional.of(same));
    assertEquals(2, found.size(), found.toString());
    assertEquals(
        "The tag names \"team\" and \"Team\" differ only in case, and Azure compares tag names"
            + " ignoring case: the resource gets only one of them. Keep one name.",
        found.get(1).detail());
  }

  @Test
  void managedResourceTagsAreTagsTooAndLikeTheTemplatesAreToldOnce() {
    Map<String, String> tags = Map.of("a/b", "v");
    ImageTemplate same =
        new ImageTemplate(
            ImageTemplate.RESOURCE_TYPE,
            "2024-02-01",
            "t",
            "westeurope",
            tags,
            Identity.userAssigned(ID),
            base().managedResourceTags(tags).build());
    assertEquals(List.of("RULE-E318 /resources/0/tags/a~1b"), codesAndPaths(same));
    ImageTemplate own =
        new ImageTemplate(
            ImageTemplate.RESOURCE_TYPE,
            "2024-02-01",
            "t",
            "westeurope",
            null,
            Identity.userAssigned(ID),
            base().managedResourceTags(tags).build());
    assertEquals(
        List.of("RULE-E318 /resources/0/properties/managedResourceTags/a~1b"), codesAndPaths(own));
    // A version without the property: the spec layer's SPEC-W101, not judged here.
    assertEquals(
        List.of(),
        ServiceRules.check(own, ApiVersion.V2022_07_01, "", ServiceRulesTest::locate).stream()
            .filter(d -> d.code().equals("RULE-E318"))
            .collect(Collectors.toList()));
  }

  @Test
  void aSharedAccessSignatureInATagValueIsWarned() {
    Map<String, String> tags = new java.util.LinkedHashMap<>();
    tags.put("source", "https://a.blob.core.windows.net/c/x.vhd?sv=2022-11-02&sig=AbC%3D");
    tags.put("plain", "https://a.blob.core.windows.net/c/x.vhd");
    assertEquals(List.of("RULE-W317 /resources/0/tags/source"), codesAndPaths(withTags(tags)));
  }

  @Test
  void buildTimeoutBetweenOneAndFiveIsRejectedButZeroAndSixAreNot() {
    assertEquals(
        List.of("RULE-E301 /resources/0/properties/buildTimeoutInMinutes"),
        codesAndPaths(template(base().buildTimeoutInMinutes(IntValue.of(5)), null)));
    assertEquals(
        List.of(), codesAndPaths(template(base().buildTimeoutInMinutes(IntValue.of(0)), null)));
    assertEquals(
        List.of(), codesAndPaths(template(base().buildTimeoutInMinutes(IntValue.of(6)), null)));
    assertEquals(
        List.of(),
        codesAndPaths(
            template(
                base().buildTimeoutInMinutes(IntValue.expression("[parameters('t')]")), null)));
  }

  @Test
  void duplicateRunOutputNameNamesTheFirstUse() {
    ImageTemplate t =
        template(
            base()
                .distribute(
                    List.of(
                        new Distributor.Vhd(null, "same", null),
                        new Distributor.ManagedImage(IMAGE, "westeurope", "same", Map.of()))),
            null);
    List<Diagnostic> found =
        ServiceRules.check(t, ApiVersion.V2024_02_01, "", ServiceRulesTest::locate);
    assertEquals(1, found.size());
    Diagnostic d = found.get(0);
    assertEquals("RULE-E302", d.code());
    assertEquals(Optional.of("/properties/distribute/1/runOutputName"), d.path());
    assertEquals(
        locate("/properties/distribute/0/runOutputName").get(), d.related().get(0).range());
    assertEquals(
        "The runOutputName \"same\" is already used by distribute[0]. Each target needs its own"
            + " runOutputName; rename one of them.",
        d.detail());
  }

  @Test
  void scriptRulesForShellAndPowerShell() {
    ImageTemplate t =
        template(
            base()
                .customize(
                    List.of(
                        new Customizer.Shell("a", "https://x/s.sh", "abc", List.of("echo")),
                        new Customizer.Shell("b", null, null, null))),
            null);
    assertEquals(
        List.of(
            "RULE-E304 /resources/0/properties/customize/0/inline",
            "RULE-E310 /resources/0/properties/customize/0/sha256Checksum",
            "RULE-E305 /resources/0/properties/customize/1"),
        codesAndPaths(t));
  }

  @Test
  void runAsSystemNeedsRunElevatedUnlessElevationIsAnExpression() {
    Customizer.PowerShell alone =
        new Customizer.PowerShell(null, null, null, List.of("whoami"), null, BoolValue.TRUE, null);
    Customizer.PowerShell viaExpression =
        new Customizer.PowerShell(
            null,
            null,
            null,
            List.of("whoami"),
            BoolValue.expression("[variables('e')]"),
            BoolValue.TRUE,
            null);
    assertEquals(
        List.of("RULE-E306 /resources/0/properties/customize/0/runAsSystem"),
        codesAndPaths(template(base().customize(List.of(alone)), null)));
    assertEquals(
        List.of(), codesAndPaths(template(base().customize(List.of(viaExpression)), null)));
  }

  /** What the spec lets pass and Image Builder cannot build (YAML review). */
  @Test
  void aPlatformImageIsNamedInFullAndSomethingIsDistributed() {
    ImageTemplate t =
        template(
            base()
                .source(new ImageSource.PlatformImage("Canonical", null, null, "latest", null))
                .distribute(List.of()),
            Identity.userAssigned(ID));
    List<Diagnostic> found =
        ServiceRules.check(t, ApiVersion.V2024_02_01, "", ServiceRulesTest::locate);
    assertEquals(
        List.of("RULE-W322 /properties/source", "RULE-W323 /properties/distribute"),
        found.stream().map(d -> d.code() + " " + d.path().get()).toList());
    assertTrue(found.get(0).detail().contains("but offer and sku are missing"), found::toString);
  }

  @Test
  void linuxAndWindowsStepsMustNotMix() {
    ImageTemplate t =
        template(
            base()
                .customize(
                    List.of(
                        new Customizer.Shell(null, null, null, List.of("echo")),
                        new Customizer.File(null, "https://x/f", "/tmp/f", null),
                        new Customizer.WindowsRestart(null, null, null, "5m"),
                        // A Windows path: not told it must lie below /tmp (YAML review).
                        new Customizer.File(null, "https://x/g", "C:\\build\\g", null))),
            null);
    assertEquals(List.of("RULE-E308 /resources/0/properties/customize/2/type"), codesAndPaths(t));
  }

  @Test
  void linuxFileDestinationMustBeBelowTmp() {
    ImageTemplate t =
        template(
            base()
                .customize(
                    List.of(
                        new Customizer.File(null, "https://x/f", "/etc/f", null),
                        new Customizer.Shell(null, null, null, List.of("echo")))),
            null);
    assertEquals(
        List.of("RULE-E309 /resources/0/properties/customize/0/destination"), codesAndPaths(t));
  }

  @Test
  void fileStepsAloneAreLinuxWhenTheirDestinationIsAPosixPath() {
    ImageTemplate t =
        template(
            base()
                .customize(
                    List.of(
                        new Customizer.File(null, "https://x/f", "/etc/f", null),
                        new Customizer.File(null, "https://x/g", "/tmp/g", null),
                        // Windows or unknown: not judged without Shell steps.
                        new Customizer.File(null, "https://x/h", "C:\\build\\h", null),
                        new Customizer.File(null, "https://x/i", "i.txt", null))),
            null);
    assertEquals(
        List.of("RULE-E309 /resources/0/properties/customize/0/destination"), codesAndPaths(t));
  }

  @Test
  void replicationRegionsAndTargetRegionsAreExclusive() {
    Distributor.SharedImage both =
        new Distributor.SharedImage(
            "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/i",
            "sig",
            null,
            List.of("westeurope"),
            List.of(new TargetRegion("westeurope", null, null)),
            null,
            null,
            null,
            null);
    assertEquals(
        List.of("RULE-E307 /resources/0/properties/distribute/0/targetRegions"),
        codesAndPaths(template(base().distribute(List.of(both)), null)));
  }

  @Test
  void identityRules() {
    assertEquals(
        List.of("RULE-E311 /resources/0/identity/userAssignedIdentities"),
        codesAndPaths(template(base(), new Identity("UserAssigned", List.of(ID, ID + "2")))));
    assertEquals(
        List.of("RULE-E312 /resources/0/identity"),
        codesAndPaths(template(base(), new Identity("UserAssigned", null))));
    // The service refuses a template without a user-assigned identity from 2020-02-14 on.
    assertEquals(
        List.of("RULE-E316 /resources/0/identity/type"),
        codesAndPaths(template(base(), new Identity("None", null))));
    assertEquals(
        List.of(),
        ServiceRules.check(
            template(base(), new Identity("None", null)),
            ApiVersion.V2019_05_01_PREVIEW,
            "",
            ServiceRulesTest::locate));
  }

  @Test
  void anIdentityGivenWithTheIdentityOptionIsNotJudgedInTheInput() {
    for (Identity replaced :
        List.of(
            new Identity("None", null),
            new Identity("UserAssigned", null),
            new Identity("UserAssigned", List.of(ID, ID + "2")))) {
      assertEquals(
          List.of(),
          ServiceRules.check(
              template(base(), replaced),
              ApiVersion.V2024_02_01,
              "",
              ServiceRulesTest::locate,
              true));
    }
  }

  @Test
  void resourceIdsAndStagingGroupMustLookLikeIds() {
    ImageTemplate t =
        template(
            base()
                .stagingResourceGroup("rg-staging")
                .source(new ImageSource.ManagedImage("my-image"))
                .distribute(
                    List.of(new Distributor.ManagedImage("[resourceId('x')]", "w", "o", null))),
            null);
    assertEquals(
        List.of(
            "RULE-E313 /resources/0/properties/stagingResourceGroup",
            "RULE-E313 /resources/0/properties/source/imageId"),
        codesAndPaths(t));
  }

  @Test
  void restartTimeoutMustBeADuration() {
    for (String ok : List.of("5m", "90s", "1h30m", "2h")) {
      assertEquals(
          List.of(),
          codesAndPaths(
              template(
                  base().customize(List.of(new Customizer.WindowsRestart(null, null, null, ok))),
                  null)),
          ok);
    }
    assertEquals(
        List.of("RULE-W315 /resources/0/properties/customize/0/restartTimeout"),
        codesAndPaths(
            template(
                base()
                    .customize(
                        List.of(new Customizer.WindowsRestart(null, null, null, "10 minutes"))),
                null)));
  }

  @Test
  void fileStepNeedsSourceAndDestination() {
    assertEquals(
        List.of("RULE-E314 /resources/0/properties/customize/0"),
        codesAndPaths(
            template(
                base().customize(List.of(new Customizer.File(null, null, "C:\\x", null))), null)));
  }

  @Test
  void aContainerInstanceSubnetIsOnTheBuildSubnetsNetworkAndTakesNoProxy() {
    String net = "/subscriptions/0/resourceGroups/n/providers/Microsoft.Network/virtualNetworks/";
    java.util.function.Function<io.github.packer2aib.core.aib.VnetConfig, List<String>> check =
        vnet ->
            codesAndPaths(
                template(
                    base()
                        .vmProfile(
                            new io.github.packer2aib.core.aib.VmProfile(null, null, vnet, null)),
                    Identity.userAssigned(ID)));
    assertEquals(
        List.of(),
        check.apply(
            new io.github.packer2aib.core.aib.VnetConfig(
                net + "v/subnets/build", net + "V/subnets/aci", null, null, null, null)));
    assertEquals(
        List.of("RULE-E325 /resources/0/properties/vmProfile/vnetConfig/containerInstanceSubnetId"),
        check.apply(
            new io.github.packer2aib.core.aib.VnetConfig(
                net + "v/subnets/build", net + "other/subnets/aci", null, null, null, null)));
    assertEquals(
        List.of(
            "RULE-E325 /resources/0/properties/vmProfile/vnetConfig/containerInstanceSubnetId",
            "RULE-E326 /resources/0/properties/vmProfile/vnetConfig/proxyVmSize"),
        check.apply(
            new io.github.packer2aib.core.aib.VnetConfig(
                null, net + "v/subnets/aci", "Standard_A1_v2", null, null, null)));
  }

  private static io.github.packer2aib.core.doc.DocObject resourceWith(String command) {
    return new io.github.packer2aib.core.doc.DocObject(
        List.of(
            new io.github.packer2aib.core.doc.DocMember(
                "inline",
                null,
                new io.github.packer2aib.core.doc.DocArray(
                    List.of(io.github.packer2aib.core.doc.DocScalar.string(command, null)), null))),
        null);
  }

  @Test
  void aTemplateLargerThanAzureTakesInARequestIsReported() {
    // A legacy template with a 50 MB inline command converted with rc 0, and validate passed a
    // 6 MB template: Azure Resource Manager takes at most 4 MB in a request.
    Optional<Range> at = locate("");
    List<Diagnostic> over =
        ServiceRules.checkSize(resourceWith("x".repeat(4_200_000)), "/resources/0", p -> at);
    assertEquals(1, over.size());
    assertEquals("RULE-W328", over.get(0).code());
    assertEquals(Optional.of("/resources/0"), over.get(0).path());
    assertEquals(at, over.get(0).subject());
    assertTrue(over.get(0).detail().contains("at most 4 MB in a request"), over.get(0).detail());
    assertEquals(
        List.of(),
        ServiceRules.checkSize(resourceWith("x".repeat(4_000_000)), "", ServiceRulesTest::locate));
  }

  @Test
  void theSizeCountedIsThatOfTheMostCompactJson() {
    // {"a":"bc","d":[1,true,null]}
    io.github.packer2aib.core.doc.DocObject doc =
        new io.github.packer2aib.core.doc.DocObject(
            List.of(
                new io.github.packer2aib.core.doc.DocMember(
                    "a", null, io.github.packer2aib.core.doc.DocScalar.string("bc", null)),
                new io.github.packer2aib.core.doc.DocMember(
                    "d",
                    null,
                    new io.github.packer2aib.core.doc.DocArray(
                        List.of(
                            io.github.packer2aib.core.doc.DocScalar.number("1", null),
                            io.github.packer2aib.core.doc.DocScalar.bool(true, null),
                            io.github.packer2aib.core.doc.DocScalar.nullValue(null)),
                        null))),
            null);
    assertEquals(28, ServiceRules.compactSizeUpTo(doc, 1_000));
    assertEquals(10, ServiceRules.compactSizeUpTo(doc, 10));
    // Bytes, not characters, once they may matter: 日 is three bytes, a newline two, é two.
    assertEquals(2 + 3 + 2 + 2 + 4, ServiceRules.jsonStringBytes("日\né\uD83D\uDE00"));
    // {"inline":["日日…"]}: braces 2, "inline": 9, brackets 2, the string 3,000,002.
    assertEquals(
        3_000_015, ServiceRules.compactSizeUpTo(resourceWith("日".repeat(1_000_000)), 5_000_000));
    assertEquals(
        "RULE-W328",
        ServiceRules.checkSize(resourceWith("日".repeat(2_000_000)), "", ServiceRulesTest::locate)
            .get(0)
            .code());
  }
}
