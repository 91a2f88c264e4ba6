package io.github.packer2aib.core.mapping.retarget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.aib.AutoRun;
import io.github.packer2aib.core.aib.BoolValue;
import io.github.packer2aib.core.aib.Capabilities;
import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.aib.DataDisk;
import io.github.packer2aib.core.aib.Distributor;
import io.github.packer2aib.core.aib.ErrorHandling;
import io.github.packer2aib.core.aib.Identity;
import io.github.packer2aib.core.aib.ImageSource;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.aib.ImageTemplateProperties;
import io.github.packer2aib.core.aib.InVmValidator;
import io.github.packer2aib.core.aib.IntValue;
import io.github.packer2aib.core.aib.Optimize;
import io.github.packer2aib.core.aib.TargetRegion;
import io.github.packer2aib.core.aib.Validate;
import io.github.packer2aib.core.aib.Versioning;
import io.github.packer2aib.core.aib.VmProfile;
import io.github.packer2aib.core.aib.VnetConfig;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Severity;
import io.github.packer2aib.core.emit.TemplateDocs;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.validate.spec.SpecValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApiVersionRetargeterTest {

  static final String SUB = "0000-1111";
  static final String IDENTITY =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id";
  static final String SUBNET =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/build";
  static final String GALLERY =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/ubuntu";

  final ApiVersionRetargeter retargeter = new ApiVersionRetargeter();

  static ImageTemplate template(ApiVersion v, ImageTemplateProperties props) {
    return new ImageTemplate(
        ImageTemplate.RESOURCE_TYPE,
        v.id(),
        null,
        "westus",
        Map.of("team", "platform"),
        Identity.userAssigned(IDENTITY),
        props);
  }

  static ImageTemplateProperties.Builder basics() {
    return ImageTemplateProperties.builder()
        .source(new ImageSource.PlatformImage("Canonical", "ubuntu", "22_04", "latest", null))
        .customize(List.of(new Customizer.Shell("hello", null, null, List.of("echo hi"))))
        .distribute(
            List.of(
                new Distributor.SharedImage(
                    GALLERY, "out", null, List.of("westus"), null, null, null, null, null)));
  }

  static boolean has(String feature, ApiVersion v) {
    return Capabilities.supports(feature, v);
  }

  /** A template that uses every feature the model has, as far as version v has it. */
  static ImageTemplate rich(ApiVersion v) {
    ImageTemplateProperties.Builder b = ImageTemplateProperties.builder();
    b.buildTimeoutInMinutes(IntValue.of(120));
    b.source(
        new ImageSource.PlatformImage(
            "Canonical",
            "ubuntu",
            "22_04",
            "latest",
            has("properties.source[PlatformImage].planInfo", v)
                ? new ImageSource.PlanInfo("plan", "product", "publisher")
                : null));
    List<Customizer> customize = new ArrayList<>();
    customize.add(new Customizer.Shell("sh", null, null, List.of("echo hi")));
    customize.add(
        new Customizer.PowerShell(
            "ps",
            null,
            null,
            List.of("dir"),
            BoolValue.TRUE,
            has("properties.customize[PowerShell].runAsSystem", v) ? BoolValue.TRUE : null,
            List.of(IntValue.of(0), IntValue.of(3010))));
    customize.add(new Customizer.File("f", "https://x/f", "/tmp/f", null));
    customize.add(new Customizer.WindowsRestart("r", null, null, "10m"));
    customize.add(
        new Customizer.WindowsUpdate(
            "u", "IsInstalled=0", List.of("include:$true"), IntValue.of(20)));
    b.customize(customize);
    if (has("properties.errorHandling", v)) {
      b.errorHandling(new ErrorHandling("abort", "cleanup"));
    }
    boolean targetRegions = has("properties.distribute[SharedImage].targetRegions", v);
    b.distribute(
        List.of(
            new Distributor.ManagedImage(
                "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Compute/images/i",
                "westus",
                "managed",
                Map.of("k", "v")),
            new Distributor.SharedImage(
                GALLERY,
                "shared",
                null,
                targetRegions ? null : List.of("westus", "eastus"),
                targetRegions
                    ? List.of(
                        new TargetRegion("westus", IntValue.of(1), "Standard_ZRS"),
                        new TargetRegion("eastus", null, "Standard_ZRS"))
                    : null,
                has("properties.distribute[SharedImage].versioning", v)
                    ? new Versioning.Latest(IntValue.of(-1))
                    : null,
                has("properties.distribute[SharedImage].excludeFromLatest", v)
                    ? BoolValue.FALSE
                    : null,
                has("properties.distribute[SharedImage].storageAccountType", v) && !targetRegions
                    ? "Standard_LRS"
                    : null,
                has("properties.distribute[SharedImage].replicationMode", v) ? "Full" : null),
            new Distributor.Vhd(
                has("properties.distribute[VHD].uri", v)
                    ? "https://sa.blob.core.windows.net/c/x.vhd"
                    : null,
                "vhd",
                null)));
    if (has("properties.optimize", v)) {
      b.optimize(
          new Optimize(
              new Optimize.VmBoot("Enabled"),
              has("properties.optimize.workload", v)
                  ? new Optimize.Workload("Enabled", "https://x/w.ps1", null)
                  : null));
    }
    if (has("properties.stagingResourceGroup", v)) {
      b.stagingResourceGroup("/subscriptions/" + SUB + "/resourceGroups/staging");
    }
    if (has("properties.validate", v)) {
      List<InVmValidator> checks = new ArrayList<>();
      checks.add(new InVmValidator.Shell("check", null, null, List.of("true")));
      checks.add(
          new InVmValidator.PowerShell("pcheck", null, null, List.of("dir"), null, null, null));
      if (has("properties.validate.inVMValidations[File]", v)) {
        checks.add(new InVmValidator.File("fcheck", "https://x/f", "/tmp/f", null));
      }
      b.validate(new Validate(BoolValue.FALSE, BoolValue.FALSE, checks));
    }
    VnetConfig vnet =
        has("properties.vmProfile.vnetConfig.subnetId", v)
            ? new VnetConfig(
                SUBNET,
                has("properties.vmProfile.vnetConfig.containerInstanceSubnetId", v)
                    ? SUBNET + "2"
                    : null,
                has("properties.vmProfile.vnetConfig.proxyVmSize", v) ? "Standard_A1_v2" : null,
                null,
                null,
                null)
            : new VnetConfig(null, null, null, "vnet", "build", "net-rg");
    b.vmProfile(
        new VmProfile(
            "Standard_D2s_v3",
            IntValue.of(64),
            vnet,
            has("properties.vmProfile.userAssignedIdentities", v) ? List.of(IDENTITY) : null));
    if (has("properties.autoRun", v)) {
      b.autoRun(new AutoRun("Disabled"));
    }
    if (has("properties.managedResourceTags", v)) {
      b.managedResourceTags(Map.of("owner", "aib"));
    }
    if (has("properties.additionalDataDisks", v)) {
      b.additionalDataDisks(List.of(new DataDisk(IntValue.of(32))));
    }
    return template(v, b.build());
  }

  static List<String> codes(List<Diagnostic> diags) {
    return diags.stream()
        .map(d -> d.code() + " " + d.path().orElse(""))
        .collect(Collectors.toList());
  }

  Diagnostic only(ApiVersionRetargeter.Result r) {
    assertEquals(1, r.diagnostics().size(), () -> codes(r.diagnostics()).toString());
    return r.diagnostics().get(0);
  }

  // ---- source version "latest" ----

  static ImageTemplate galleryLatest(ApiVersion v, String version) {
    return template(
        v,
        basics()
            .source(new ImageSource.SharedImageVersion(GALLERY + "/versions/" + version))
            .build());
  }

  @Test
  void latestGallerySourceMovedBelow2022_07_01IsAWarning() {
    ApiVersionRetargeter.Result r =
        retargeter.retarget(
            galleryLatest(ApiVersion.V2024_02_01, "Latest"),
            ApiVersion.V2021_10_01,
            p -> Optional.empty());
    Diagnostic d = only(r);
    assertEquals("RETARGET-W014", d.code());
    assertEquals(Severity.WARNING, d.severity());
    assertEquals(Optional.of("/properties/source/imageVersionId"), d.path());
    assertTrue(d.detail().contains("whether 2021-10-01 accepts it is not documented"), d.detail());
    // The id itself is kept as written.
    assertEquals(
        new ImageSource.SharedImageVersion(GALLERY + "/versions/Latest"),
        r.template().properties().source());
  }

  @Test
  void latestGallerySourceNeedsNoWarningWhereDocumentedOrAlreadyWritten() {
    // Still documented in the target.
    assertEquals(
        List.of(),
        retargeter
            .retarget(
                galleryLatest(ApiVersion.V2024_02_01, "latest"),
                ApiVersion.V2022_07_01,
                p -> Optional.empty())
            .diagnostics());
    // Written for that version by its author: not something the re-targeting did.
    assertEquals(
        List.of(),
        retargeter
            .retarget(
                galleryLatest(ApiVersion.V2021_10_01, "latest"),
                ApiVersion.V2021_10_01,
                p -> Optional.empty())
            .diagnostics());
    // An explicit version is certain in every version.
    assertEquals(
        List.of(),
        retargeter
            .retarget(
                galleryLatest(ApiVersion.V2024_02_01, "1.2.3"),
                ApiVersion.V2020_02_14,
                p -> Optional.empty())
            .diagnostics());
  }

  // ---- identity and validity ----

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void retargetingToTheOwnVersionIsTheIdentity(ApiVersion v) {
    ImageTemplate t = rich(v);
    ApiVersionRetargeter.Result r = retargeter.retarget(t, v, p -> Optional.empty());
    assertEquals(List.of(), r.diagnostics());
    assertEquals(t, r.template());
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void richTemplatesAreValidForTheirOwnVersion(ApiVersion v) throws Exception {
    assertEquals(List.of(), specErrors(rich(v), v));
  }

  /** Every template retargeted to every version passes that version's spec. */
  @Test
  void retargetedTemplatesPassTheTargetSpec() throws Exception {
    List<String> problems = new ArrayList<>();
    for (ApiVersion from : ApiVersion.values()) {
      for (ApiVersion to : ApiVersion.values()) {
        ApiVersionRetargeter.Result r = retargeter.retarget(rich(from), to, p -> Optional.empty());
        assertEquals(to.id(), r.template().apiVersion());
        specErrors(r.template(), to).forEach(e -> problems.add(from + " -> " + to + ": " + e));
        r.diagnostics().stream()
            .filter(Diagnostic::isError)
            .forEach(d -> problems.add(from + " -> " + to + ": unexpected " + d.code()));
      }
    }
    assertEquals(List.of(), problems);
  }

  /**
   * A template inside an ARM deployment template ({@code /resources/3}): each detail names the
   * file's pointer, as the diagnostic's location line does, where it once named the pointer inside
   * the resource ({@code at /properties/additionalDataDisks} under {@code at
   * /resources/3/properties/additionalDataDisks}); the paths stay relative, for the caller.
   */
  @Test
  void detailsNameTheFilesPointerOfATemplateInsideAnotherDocument() {
    int compared = 0;
    for (ApiVersion from : ApiVersion.values()) {
      for (ApiVersion to : ApiVersion.values()) {
        List<Diagnostic> plain =
            retargeter.retarget(rich(from), to, p -> Optional.empty()).diagnostics();
        List<Diagnostic> based =
            retargeter
                .retarget(rich(from), to, p -> Optional.empty(), "/resources/3")
                .diagnostics();
        assertEquals(plain.size(), based.size(), from + " -> " + to);
        for (int i = 0; i < plain.size(); i++) {
          Diagnostic d = based.get(i);
          assertEquals(plain.get(i).path(), d.path(), d.toString());
          assertEquals(
              plain.get(i).detail().replace(" /properties", " /resources/3/properties"),
              d.detail());
          assertFalse(d.detail().contains(" /properties"), d.detail());
          compared++;
        }
      }
    }
    assertTrue(compared > 50, "only " + compared + " diagnostics compared");
  }

  @Test
  void specCheckOfTheRetargetTestsIsNotVacuous() throws Exception {
    List<String> errors = specErrors(rich(ApiVersion.V2025_10_01), ApiVersion.V2024_02_01);
    assertEquals(
        List.of(
            "SPEC-E101 /properties/distribute/1/replicationMode",
            "SPEC-E101 /properties/optimize/workload",
            "SPEC-E101 /properties/additionalDataDisks"),
        errors.stream().map(e -> e.substring(0, e.indexOf(' ', 10))).collect(Collectors.toList()));
  }

  static List<String> specErrors(ImageTemplate t, ApiVersion v) throws Exception {
    return SpecValidator.forVersion(v)
        .validate(TemplateDocs.toDoc(t), "", p -> Optional.empty())
        .stream()
        .filter(d -> d.severity() != Severity.NOTE)
        .map(d -> d.code() + " " + d.path().orElse("") + " " + d.detail())
        .collect(Collectors.toList());
  }

  // ---- drops ----

  @Test
  void droppedFieldNamesPointerVersionsAndLocation() {
    ImageTemplate t =
        template(
            ApiVersion.V2024_02_01,
            basics().errorHandling(new ErrorHandling("abort", null)).build());
    SourceFile src = new SourceFile("in.pkr.hcl", "build {\n  error_cleanup_provisioner {}\n}\n");
    Range range = src.range(10, 35);
    ApiVersionRetargeter.Result r =
        retargeter.retarget(
            t,
            ApiVersion.V2022_07_01,
            p -> p.equals("/properties/errorHandling") ? Optional.of(range) : Optional.empty());
    Diagnostic d = only(r);
    assertEquals("RETARGET-W001", d.code());
    assertEquals(Severity.WARNING, d.severity());
    assertEquals("Field not available in target API version", d.summary());
    assertEquals(Optional.of("/properties/errorHandling"), d.path());
    assertEquals("in.pkr.hcl:2:3", d.subject().orElseThrow().toString());
    assertEquals(
        "\"errorHandling\" at /properties/errorHandling exists from API version 2023-07-01, so it"
            + " was dropped for API version 2022-07-01. Target an API version that has it to keep"
            + " it.",
        d.detail());
    assertNull(r.template().properties().errorHandling());
    assertEquals("2022-07-01", r.template().apiVersion());
  }

  @Test
  void fieldsOfNewerVersionsAreDroppedOneWarningEach() {
    ImageTemplate t = rich(ApiVersion.V2025_10_01);
    ApiVersionRetargeter.Result r =
        retargeter.retarget(t, ApiVersion.V2019_05_01_PREVIEW, p -> Optional.empty());
    assertEquals(
        List.of(
            "RETARGET-W001 /properties/customize/1/runAsSystem",
            "RETARGET-W001 /properties/errorHandling",
            "RETARGET-N010 /properties/distribute/1/targetRegions",
            "RETARGET-W011 /properties/distribute/1/targetRegions",
            "RETARGET-W001 /properties/distribute/1/versioning",
            "RETARGET-W001 /properties/distribute/1/excludeFromLatest",
            "RETARGET-W001 /properties/distribute/1/replicationMode",
            "RETARGET-W001 /properties/distribute/2/uri",
            "RETARGET-W001 /properties/optimize",
            "RETARGET-W001 /properties/source/planInfo",
            "RETARGET-W001 /properties/stagingResourceGroup",
            "RETARGET-W001 /properties/validate",
            "RETARGET-N010 /properties/vmProfile/vnetConfig/subnetId",
            "RETARGET-W001 /properties/vmProfile/vnetConfig/proxyVmSize",
            "RETARGET-W001 /properties/vmProfile/vnetConfig/containerInstanceSubnetId",
            "RETARGET-W001 /properties/vmProfile/userAssignedIdentities",
            "RETARGET-W001 /properties/autoRun",
            "RETARGET-W001 /properties/managedResourceTags",
            "RETARGET-W001 /properties/additionalDataDisks"),
        codes(r.diagnostics()));
    ImageTemplateProperties p = r.template().properties();
    assertNull(p.optimize());
    assertNull(p.validate());
    assertEquals(
        new VnetConfig(null, null, null, "vnet", "build", "net-rg"), p.vmProfile().vnetConfig());
    // WindowsUpdate and osDiskSizeGB stay: the 2019 documentation has them.
    assertEquals(5, p.customize().size());
    assertEquals(IntValue.of(64), p.vmProfile().osDiskSizeGB());
  }

  @Test
  void validatorTypeOfALaterVersionIsDroppedAlone() {
    ImageTemplate t =
        template(
            ApiVersion.V2022_07_01,
            basics()
                .validate(
                    new Validate(
                        null,
                        null,
                        List.of(
                            new InVmValidator.Shell("a", null, null, List.of("true")),
                            new InVmValidator.File("b", "https://x/f", "/tmp/f", null))))
                .build());
    ApiVersionRetargeter.Result r =
        retargeter.retarget(t, ApiVersion.V2022_02_14, p -> Optional.empty());
    Diagnostic d = only(r);
    assertEquals("RETARGET-W002", d.code());
    assertEquals("Step not available in target API version", d.summary());
    assertEquals(Optional.of("/properties/validate/inVMValidations/1"), d.path());
    assertEquals(
        "The File validator at /properties/validate/inVMValidations/1 exists from API version"
            + " 2022-07-01, so it was dropped for API version 2022-02-14 and the build will not run"
            + " it. Target an API version that has it to keep it.",
        d.detail());
    assertEquals(1, r.template().properties().validate().inVMValidations().size());
  }

  @Test
  void isoSourceCannotMoveOnAndIsAnError() {
    ImageTemplate t =
        template(
            ApiVersion.V2019_05_01_PREVIEW,
            basics().source(new ImageSource.Iso("https://x/rhel.iso", "ab")).build());
    ApiVersionRetargeter.Result r =
        retargeter.retarget(t, ApiVersion.V2024_02_01, p -> Optional.empty());
    Diagnostic d = only(r);
    assertEquals("RETARGET-E003", d.code());
    assertEquals(Severity.ERROR, d.severity());
    assertEquals(
        "The ISO source at /properties/source exists only in API version 2019-05-01-preview, so"
            + " API version 2024-02-01 cannot express it; it was dropped and the template has no"
            + " source. The service retired ISO sources; start from a PlatformImage, ManagedImage"
            + " or SharedImageVersion instead.",
        d.detail());
    assertNull(r.template().properties().source());
  }

  @Test
  void premiumStorageValueIsDroppedBefore2022_07_01() {
    ImageTemplate t =
        template(
            ApiVersion.V2022_07_01,
            basics()
                .distribute(
                    List.of(
                        new Distributor.SharedImage(
                            GALLERY,
                            "out",
                            null,
                            List.of("westus"),
                            null,
                            null,
                            null,
                            "Premium_LRS",
                            null)))
                .build());
    ApiVersionRetargeter.Result r =
        retargeter.retarget(t, ApiVersion.V2021_10_01, p -> Optional.empty());
    Diagnostic d = only(r);
    assertEquals("RETARGET-W001", d.code());
    assertEquals(
        "The value \"Premium_LRS\" of \"storageAccountType\" at"
            + " /properties/distribute/0/storageAccountType exists from API version 2022-07-01, so"
            + " it was dropped for API version 2021-10-01. Target an API version that has it to"
            + " keep it.",
        d.detail());
    assertNull(
        ((Distributor.SharedImage) r.template().properties().distribute().get(0))
            .storageAccountType());
  }

  // ---- rewrites ----

  static ImageTemplate withTargetRegions(List<TargetRegion> regions) {
    return template(
        ApiVersion.V2024_02_01,
        basics()
            .distribute(
                List.of(
                    new Distributor.SharedImage(
                        GALLERY, "out", null, null, regions, null, null, null, null)))
            .build());
  }

  @Test
  void targetRegionsBecomeReplicationRegionsWithANote() {
    ImageTemplate t =
        withTargetRegions(
            List.of(
                new TargetRegion("westus", IntValue.of(1), "Standard_ZRS"),
                new TargetRegion("eastus", null, "Standard_ZRS")));
    ApiVersionRetargeter.Result r =
        retargeter.retarget(t, ApiVersion.V2021_10_01, p -> Optional.empty());
    Diagnostic d = only(r);
    assertEquals("RETARGET-N010", d.code());
    assertEquals(Severity.NOTE, d.severity());
    assertEquals(Optional.of("/properties/distribute/0/targetRegions"), d.path());
    assertEquals(
        "\"targetRegions\" at /properties/distribute/0/targetRegions exists from API version"
            + " 2022-07-01; for API version 2021-10-01 it was rewritten as replicationRegions"
            + " [\"westus\", \"eastus\"]. Their common storageAccountType \"Standard_ZRS\" moved to"
            + " the distributor.",
        d.detail());
    Distributor.SharedImage s =
        (Distributor.SharedImage) r.template().properties().distribute().get(0);
    assertEquals(List.of("westus", "eastus"), s.replicationRegions());
    assertNull(s.targetRegions());
    assertEquals("Standard_ZRS", s.storageAccountType());
  }

  @Test
  void lostReplicaCountsAndStorageTypesAreWarnings() {
    ImageTemplate t =
        withTargetRegions(
            List.of(
                new TargetRegion("westus", IntValue.of(3), "Premium_LRS"),
                new TargetRegion("eastus", null, "Standard_LRS")));
    ApiVersionRetargeter.Result r =
        retargeter.retarget(t, ApiVersion.V2021_10_01, p -> Optional.empty());
    assertEquals(
        List.of(
            "RETARGET-N010 /properties/distribute/0/targetRegions",
            "RETARGET-W011 /properties/distribute/0/targetRegions"),
        codes(r.diagnostics()));
    Diagnostic w = r.diagnostics().get(1);
    assertEquals("Replication settings lost", w.summary());
    assertEquals(
        "API version 2021-10-01 has no per-region replica counts or storage types, so these"
            + " settings of targetRegions at /properties/distribute/0/targetRegions were dropped:"
            + " replicaCount 3 for \"westus\", storageAccountType \"Premium_LRS\" for \"westus\","
            + " storageAccountType \"Standard_LRS\" for \"eastus\". Target API version 2022-07-01"
            + " or later to keep them.",
        w.detail());
    assertNull(
        ((Distributor.SharedImage) r.template().properties().distribute().get(0))
            .storageAccountType());
  }

  private static ImageTemplate sharedImageTarget(List<TargetRegion> targetRegions) {
    return template(
        ApiVersion.V2024_02_01,
        basics()
            .distribute(
                List.of(
                    new Distributor.SharedImage(
                        GALLERY, "out", null, null, targetRegions, null, null, null, null)))
            .build());
  }

  @Test
  void sharedImageWithAnEmptyRegionListNeedsRegionsBefore2022_07_01() {
    ApiVersionRetargeter.Result r =
        retargeter.retarget(
            sharedImageTarget(List.of()), ApiVersion.V2022_02_14, p -> Optional.empty());
    assertEquals(
        List.of(
            "RETARGET-N010 /properties/distribute/0/targetRegions",
            "RETARGET-W020 /properties/distribute/0"),
        codes(r.diagnostics()));
    assertEquals(
        "The SharedImage distributor at /properties/distribute/0 lists no replicationRegions, which"
            + " API version 2022-02-14 requires. Before API version 2022-07-01 a SharedImage"
            + " distributor must list its replicationRegions. Add the regions to replicate the"
            + " image version to.",
        r.diagnostics().get(1).detail());
  }

  @Test
  void sharedImageWithoutARegionListIsLeftToTheSpecCheck() {
    // The output lacks the required replicationRegions, which the check of the output reports as
    // SPEC-E100 with the same hint: a warning at the same place would only repeat it.
    ApiVersionRetargeter.Result r =
        retargeter.retarget(sharedImageTarget(null), ApiVersion.V2022_02_14, p -> Optional.empty());
    assertEquals(List.of(), codes(r.diagnostics()));
  }

  static ImageTemplate withVnet(ApiVersion v, VnetConfig vnet, Identity identity) {
    ImageTemplate t =
        template(v, basics().vmProfile(new VmProfile(null, null, vnet, null)).build());
    return t.withIdentity(identity);
  }

  @Test
  void vnetNameFormBecomesASubnetIdWithTheTemplatesSubscription() {
    ImageTemplate t =
        withVnet(
            ApiVersion.V2019_05_01_PREVIEW,
            new VnetConfig(null, null, null, "vnet", "build", "net-rg"),
            Identity.userAssigned(IDENTITY));
    ApiVersionRetargeter.Result r =
        retargeter.retarget(t, ApiVersion.V2024_02_01, p -> Optional.empty());
    Diagnostic d = only(r);
    assertEquals("RETARGET-W012", d.code());
    assertEquals(Optional.of("/properties/vmProfile/vnetConfig"), d.path());
    assertEquals(
        "vnetConfig at /properties/vmProfile/vnetConfig names its subnet by name \"vnet\","
            + " subnetName \"build\" and resourceGroupName \"net-rg\", a form that exists only in"
            + " API version 2019-05-01-preview; API version 2024-02-01 needs subnetId, the subnet's"
            + " resource id, so it was rewritten as subnetId \""
            + SUBNET
            + "\". The subscription \""
            + SUB
            + "\" is the one every other resource id of the template names; check that the virtual"
            + " network is in it.",
        d.detail());
    assertEquals(VnetConfig.ofSubnet(SUBNET), r.template().properties().vmProfile().vnetConfig());
  }

  @Test
  void vnetNameFormWithoutAKnownSubscriptionIsDropped() {
    ImageTemplate t =
        withVnet(
            ApiVersion.V2019_05_01_PREVIEW,
            new VnetConfig(null, null, null, "vnet", "build", "net-rg"),
            null);
    t =
        t.withProperties(
            t.properties().toBuilder()
                .distribute(List.of(new Distributor.Vhd(null, "vhd", null)))
                .build());
    ApiVersionRetargeter.Result r =
        retargeter.retarget(t, ApiVersion.V2020_02_14, p -> Optional.empty());
    Diagnostic d = only(r);
    assertEquals("RETARGET-W001", d.code());
    assertEquals(
        "vnetConfig at /properties/vmProfile/vnetConfig names its subnet by name \"vnet\","
            + " subnetName \"build\" and resourceGroupName \"net-rg\", a form that exists only in"
            + " API version 2019-05-01-preview; API version 2020-02-14 needs subnetId, the subnet's"
            + " resource id, and it cannot be built because the template names no subscription in"
            + " its other resource ids, so vnetConfig was dropped and the build VM gets no virtual"
            + " network. Add subnetId \"/subscriptions/<subscription>/resourceGroups/net-rg/"
            + "providers/Microsoft.Network/virtualNetworks/vnet/subnets/build\".",
        d.detail());
    assertNull(r.template().properties().vmProfile().vnetConfig());
  }

  @Test
  void subnetIdBecomesTheNameFormFor2019() {
    ImageTemplate t =
        withVnet(
            ApiVersion.V2022_07_01, VnetConfig.ofSubnet(SUBNET), Identity.userAssigned(IDENTITY));
    ApiVersionRetargeter.Result r =
        retargeter.retarget(t, ApiVersion.V2019_05_01_PREVIEW, p -> Optional.empty());
    Diagnostic d = only(r);
    assertEquals("RETARGET-N010", d.code());
    assertEquals(Optional.of("/properties/vmProfile/vnetConfig/subnetId"), d.path());
    assertEquals(
        "\"subnetId\" at /properties/vmProfile/vnetConfig/subnetId exists from API version"
            + " 2020-02-14; for API version 2019-05-01-preview it was rewritten as name \"vnet\","
            + " subnetName \"build\" and resourceGroupName \"net-rg\". That form names no"
            + " subscription: the service looks for the virtual network in the subscription the"
            + " template is deployed to, which must be \""
            + SUB
            + "\", the one the id names.",
        d.detail());
    assertEquals(
        new VnetConfig(null, null, null, "vnet", "build", "net-rg"),
        r.template().properties().vmProfile().vnetConfig());
  }

  @Test
  void aSubnetInAnotherSubscriptionThanTheTemplatesIsWarnedOnTheWayTo2019() {
    String other = SUBNET.replace(SUB, "9999-2222");
    ImageTemplate t =
        withVnet(
            ApiVersion.V2022_07_01, VnetConfig.ofSubnet(other), Identity.userAssigned(IDENTITY));
    Diagnostic d =
        only(retargeter.retarget(t, ApiVersion.V2019_05_01_PREVIEW, p -> Optional.empty()));
    assertEquals("RETARGET-W013", d.code());
    assertTrue(
        d.detail()
            .contains(
                "the subnet id names subscription \"9999-2222\" and the template's"
                    + " other resource ids name \""
                    + SUB
                    + "\""),
        d.detail());
  }

  @Test
  void subnetIdExpressionCannotBeSplitAndIsDropped() {
    ImageTemplate t =
        withVnet(
            ApiVersion.V2022_07_01,
            VnetConfig.ofSubnet("[parameters('subnetId')]"),
            Identity.userAssigned(IDENTITY));
    ApiVersionRetargeter.Result r =
        retargeter.retarget(t, ApiVersion.V2019_05_01_PREVIEW, p -> Optional.empty());
    Diagnostic d = only(r);
    assertEquals("RETARGET-W001", d.code());
    assertEquals(Optional.of("/properties/vmProfile/vnetConfig/subnetId"), d.path());
    assertNull(r.template().properties().vmProfile().vnetConfig());
  }

  /**
   * ARM evaluates only a whole-string expression: parts that are expressions go in resourceId().
   */
  @Test
  void vnetNameFormWithExpressionsBecomesAResourceIdExpression() {
    VnetConfig nameForm =
        new VnetConfig(
            null,
            null,
            null,
            "[parameters('vnet')]",
            "[variables('sub')]",
            "[resourceGroup().name]");
    // No other resource id names a subscription: resourceId() needs none.
    ImageTemplate t = withVnet(ApiVersion.V2019_05_01_PREVIEW, nameForm, null);
    ApiVersionRetargeter.Result r =
        retargeter.retarget(t, ApiVersion.V2024_02_01, p -> Optional.empty());
    String id =
        "[resourceId(resourceGroup().name, 'Microsoft.Network/virtualNetworks/subnets',"
            + " parameters('vnet'), variables('sub'))]";
    Diagnostic d = only(r);
    assertEquals("RETARGET-N010", d.code());
    assertEquals(Optional.of("/properties/vmProfile/vnetConfig"), d.path());
    assertEquals(
        "vnetConfig at /properties/vmProfile/vnetConfig names its subnet by name"
            + " \"[parameters('vnet')]\", subnetName \"[variables('sub')]\" and resourceGroupName"
            + " \"[resourceGroup().name]\", a form that exists only in API version"
            + " 2019-05-01-preview; API version 2024-02-01 needs subnetId, the subnet's resource"
            + " id, so it was rewritten as subnetId \""
            + id
            + "\". ARM evaluates an expression only when it is the whole string, so the parts that"
            + " are expressions are arguments of resourceId(), which ARM resolves in the"
            + " subscription the template is deployed to, where the service looks for the name"
            + " form's network too.",
        d.detail());
    assertEquals(VnetConfig.ofSubnet(id), r.template().properties().vmProfile().vnetConfig());

    // And back: the arguments are the name form again.
    ApiVersionRetargeter.Result back =
        retargeter.retarget(r.template(), ApiVersion.V2019_05_01_PREVIEW, p -> Optional.empty());
    assertEquals("RETARGET-N010", only(back).code());
    assertEquals(nameForm, back.template().properties().vmProfile().vnetConfig());
  }

  @Test
  void literalPartsBesideAnExpressionAreQuotedArguments() {
    VnetConfig nameForm = new VnetConfig(null, null, null, "[parameters('vnet')]", "o'k", "[[rg]");
    ImageTemplate t =
        withVnet(ApiVersion.V2019_05_01_PREVIEW, nameForm, Identity.userAssigned(IDENTITY));
    ApiVersionRetargeter.Result r =
        retargeter.retarget(t, ApiVersion.V2020_02_14, p -> Optional.empty());
    assertEquals(
        VnetConfig.ofSubnet(
            "[resourceId('[rg]', 'Microsoft.Network/virtualNetworks/subnets',"
                + " parameters('vnet'), 'o''k')]"),
        r.template().properties().vmProfile().vnetConfig());
    assertEquals(
        nameForm,
        retargeter
            .retarget(r.template(), ApiVersion.V2019_05_01_PREVIEW, p -> Optional.empty())
            .template()
            .properties()
            .vmProfile()
            .vnetConfig());
  }

  @Test
  void aNameFormWithAnExpressionAndAMissingPartIsDroppedWithAnExpressionToWrite() {
    ImageTemplate t =
        withVnet(
            ApiVersion.V2019_05_01_PREVIEW,
            new VnetConfig(null, null, null, "[parameters('vnet')]", "build", null),
            Identity.userAssigned(IDENTITY));
    Diagnostic d = only(retargeter.retarget(t, ApiVersion.V2024_02_01, p -> Optional.empty()));
    assertEquals("RETARGET-W001", d.code());
    assertTrue(
        d.detail()
            .endsWith(
                " Add subnetId \"[resourceId('<resource group>',"
                    + " 'Microsoft.Network/virtualNetworks/subnets', parameters('vnet'),"
                    + " 'build')]\"."),
        d.detail());
  }

  @Test
  void aResourceIdWithASubscriptionCannotBecomeTheNameForm() {
    ImageTemplate t =
        withVnet(
            ApiVersion.V2022_07_01,
            VnetConfig.ofSubnet(
                "[resourceId('0000-1111', 'net-rg', 'Microsoft.Network/virtualNetworks/subnets',"
                    + " 'vnet', 'build')]"),
            Identity.userAssigned(IDENTITY));
    ApiVersionRetargeter.Result r =
        retargeter.retarget(t, ApiVersion.V2019_05_01_PREVIEW, p -> Optional.empty());
    assertEquals("RETARGET-W001", only(r).code());
    assertNull(r.template().properties().vmProfile().vnetConfig());
  }

  @Test
  void containerInstanceSubnetIsDroppedBefore2024() {
    ImageTemplate t =
        withVnet(
            ApiVersion.V2024_02_01,
            new VnetConfig(SUBNET, SUBNET + "-aci", null, null, null, null),
            Identity.userAssigned(IDENTITY));
    ApiVersionRetargeter.Result r =
        retargeter.retarget(t, ApiVersion.V2023_07_01, p -> Optional.empty());
    Diagnostic d = only(r);
    assertEquals(
        Optional.of("/properties/vmProfile/vnetConfig/containerInstanceSubnetId"), d.path());
    assertTrue(d.detail().contains("exists from API version 2024-02-01"), d.detail());
    assertEquals(VnetConfig.ofSubnet(SUBNET), r.template().properties().vmProfile().vnetConfig());
  }

  @Test
  void retargetingIsDeterministic() {
    ImageTemplate t = rich(ApiVersion.V2025_10_01);
    ApiVersionRetargeter.Result a =
        retargeter.retarget(t, ApiVersion.V2020_02_14, p -> Optional.empty());
    ApiVersionRetargeter.Result b =
        retargeter.retarget(t, ApiVersion.V2020_02_14, p -> Optional.empty());
    assertEquals(a, b);
  }
}
