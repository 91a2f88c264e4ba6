package io.github.packer2aib.core.bind.aib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.aib.BoolValue;
import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.aib.Distributor;
import io.github.packer2aib.core.aib.Identity;
import io.github.packer2aib.core.aib.ImageSource;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.aib.ImageTemplateProperties;
import io.github.packer2aib.core.aib.InVmValidator;
import io.github.packer2aib.core.aib.IntValue;
import io.github.packer2aib.core.aib.TargetRegion;
import io.github.packer2aib.core.aib.Versioning;
import io.github.packer2aib.core.aib.VnetConfig;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Severity;
import io.github.packer2aib.core.doc.ArmValues;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AibBinderTest {

  private static AibBinder.Bound bind(String json) {
    return AibBinder.bind(
        new ResourceRef("", (DocObject) TestDocs.fromJson(json), "t", false, ArmValues.NONE));
  }

  private static ImageTemplateProperties props(String propertiesJson) {
    return bind("{\"properties\": " + propertiesJson + "}").template().properties();
  }

  @Test
  void resourceFieldsAreBound() {
    ImageTemplate t =
        bind("{\"type\": \"microsoft.virtualmachineimages/imagetemplates\", \"apiVersion\":"
                + " \"2022-07-01\", \"name\": \"img\", \"location\": \"westeurope\", \"tags\":"
                + " {\"z\": \"1\", \"a\": \"2\", \"n\": 3}, \"properties\": {}}")
            .template();
    assertEquals(ImageTemplate.RESOURCE_TYPE, t.type());
    assertEquals("2022-07-01", t.apiVersion());
    assertEquals("img", t.name());
    assertEquals("westeurope", t.location());
    // Order kept; the number-valued tag is the validator's to report, and left out here.
    assertEquals(List.of("z", "a"), List.copyOf(t.tags().keySet()));
    assertEquals(ImageTemplateProperties.builder().build(), t.properties());
  }

  @Test
  void oldProviderOnlyTypeIsKeptAsWritten() {
    assertEquals(
        "Microsoft.VirtualMachineImages",
        bind("{\"type\": \"Microsoft.VirtualMachineImages\"}").template().type());
  }

  @Test
  void missingPropertiesGiveAnEmptyBody() {
    ImageTemplate t = bind("{\"location\": \"x\", \"properties\": [1]}").template();
    assertEquals(ImageTemplateProperties.builder().build(), t.properties());
  }

  @Test
  void identityMapKeysBecomeTheListInOrder() {
    Identity id =
        bind("{\"identity\": {\"type\": \"UserAssigned\", \"userAssignedIdentities\":"
                 + " {\"/subscriptions/s/resourceGroups/r/providers/Microsoft.ManagedIdentity/userAssignedIdentities/b\":"
                 + " {},\"[variables('id')]\": {}}}}")
            .template()
            .identity();
    assertEquals("UserAssigned", id.type());
    assertEquals(
        List.of(
            "/subscriptions/s/resourceGroups/r/providers/Microsoft.ManagedIdentity/userAssignedIdentities/b",
            "[variables('id')]"),
        id.userAssignedIdentities());
    assertNull(
        bind("{\"identity\": {\"type\": \"None\", \"userAssignedIdentities\": [\"x\"]}}")
            .template()
            .identity()
            .userAssignedIdentities());
  }

  @Test
  void discriminatorsAreMatchedIgnoringCaseAndStoredInTheSpecsCasing() {
    ImageTemplateProperties p =
        props(
            "{\"source\": {\"type\": \"platformimage\", \"publisher\": \"Canonical\"},"
                + " \"customize\": [{\"type\": \"shell\", \"inline\": [\"a\"]},  {\"type\":"
                + " \"POWERSHELL\"}, {\"type\": \"file\"}, {\"type\": \"windowsrestart\"}, "
                + " {\"type\": \"windowsUpdate\"}], \"distribute\": [{\"type\": \"managedImage\"},"
                + " {\"type\": \"sharedimage\",  \"versioning\": {\"scheme\": \"latest\","
                + " \"major\": -1}}, {\"type\": \"vhd\"}]}");
    assertEquals("PlatformImage", p.source().type());
    assertEquals(
        List.of("Shell", "PowerShell", "File", "WindowsRestart", "WindowsUpdate"),
        p.customize().stream().map(Customizer::type).toList());
    assertEquals(
        List.of("ManagedImage", "SharedImage", "VHD"),
        p.distribute().stream().map(Distributor::type).toList());
    Distributor.SharedImage sig = (Distributor.SharedImage) p.distribute().get(1);
    assertEquals(new Versioning.Latest(IntValue.of(-1)), sig.versioning());
  }

  @Test
  void unknownDiscriminatorsAreLeftOut() {
    ImageTemplateProperties p =
        props(
            "{\"source\": {\"type\": \"Marketplace\"}, \"customize\": [{\"type\": \"Ansible\"},"
                + " {\"name\": \"no type\"}, 7, {\"type\": \"Shell\", \"name\": \"kept\"}]}");
    assertNull(p.source());
    assertEquals(List.of(new Customizer.Shell("kept", null, null, null)), p.customize());
  }

  @Test
  void armExpressionsAreKeptForIntegersAndBooleans() {
    ImageTemplateProperties p =
        props(
            "{\"buildTimeoutInMinutes\": \"[parameters('timeout')]\","
                + " \"vmProfile\": {\"osDiskSizeGB\": 127},"
                + " \"validate\": {\"continueDistributeOnFailure\": false,"
                + "  \"sourceValidationOnly\": \"[parameters('flag')]\"},"
                + " \"customize\": [{\"type\": \"PowerShell\", \"runElevated\": true,"
                + "  \"runAsSystem\": \"[variables('system')]\","
                + "  \"validExitCodes\": [0, \"[parameters('code')]\", 3010]}]}");
    assertEquals(IntValue.expression("[parameters('timeout')]"), p.buildTimeoutInMinutes());
    assertEquals(IntValue.of(127), p.vmProfile().osDiskSizeGB());
    assertEquals(BoolValue.FALSE, p.validate().continueDistributeOnFailure());
    assertEquals(BoolValue.expression("[parameters('flag')]"), p.validate().sourceValidationOnly());
    Customizer.PowerShell ps = (Customizer.PowerShell) p.customize().get(0);
    assertEquals(BoolValue.TRUE, ps.runElevated());
    assertEquals(BoolValue.expression("[variables('system')]"), ps.runAsSystem());
    assertEquals(
        List.of(IntValue.of(0), IntValue.expression("[parameters('code')]"), IntValue.of(3010)),
        ps.validExitCodes());
  }

  @Test
  void wrongTypesAreLeftNull() {
    ImageTemplateProperties p =
        props(
            "{\"buildTimeoutInMinutes\": \"120\", \"stagingResourceGroup\": 5,"
                + " \"vmProfile\": {\"vmSize\": true, \"osDiskSizeGB\": 1.5},"
                + " \"validate\": {\"continueDistributeOnFailure\": \"true\","
                + "  \"sourceValidationOnly\": \"[[literal]\"},"
                + " \"source\": {\"type\": \"PlatformImage\", \"version\": 1.0},"
                + " \"distribute\": [{\"type\": \"VHD\", \"runOutputName\": {\"a\": 1}}],"
                + " \"customize\": [{\"type\": \"Shell\", \"inline\": \"echo hi\"}]}");
    assertNull(p.buildTimeoutInMinutes());
    assertNull(p.stagingResourceGroup());
    assertNull(p.vmProfile().vmSize());
    assertNull(p.vmProfile().osDiskSizeGB());
    assertNull(p.validate().continueDistributeOnFailure());
    assertNull(p.validate().sourceValidationOnly());
    assertNull(((ImageSource.PlatformImage) p.source()).version());
    assertEquals(new Distributor.Vhd(null, null, null), p.distribute().get(0));
    assertEquals(new Customizer.Shell(null, null, null, null), p.customize().get(0));
  }

  @Test
  void integerLiteralsOutsideLongAreLeftNull() {
    assertNull(props("{\"buildTimeoutInMinutes\": 99999999999999999999}").buildTimeoutInMinutes());
    assertEquals(
        IntValue.of(1000), props("{\"buildTimeoutInMinutes\": 1e3}").buildTimeoutInMinutes());
  }

  @Test
  void bothVnetConfigForms() {
    VnetConfig current =
        props(
                "{\"vmProfile\": {\"vnetConfig\": {\"subnetId\": \"/sub/s\","
                    + " \"containerInstanceSubnetId\": \"/sub/c\", \"proxyVmSize\":"
                    + " \"Standard_A1_v2\"}}}")
            .vmProfile()
            .vnetConfig();
    assertEquals(new VnetConfig("/sub/s", "/sub/c", "Standard_A1_v2", null, null, null), current);
    VnetConfig old =
        props(
                "{\"vmProfile\": {\"vnetConfig\": {\"name\": \"vnet\", \"subnetName\": \"sn\","
                    + " \"resourceGroupName\": \"rg\"}}}")
            .vmProfile()
            .vnetConfig();
    assertEquals(new VnetConfig(null, null, null, "vnet", "sn", "rg"), old);
  }

  @Test
  void sharedImageFieldsAndTargetRegions() {
    Distributor.SharedImage d =
        (Distributor.SharedImage)
            props(
                    "{\"distribute\": [{\"type\": \"SharedImage\", \"galleryImageId\": \"/g\","
                        + " \"runOutputName\": \"out\", \"artifactTags\": {\"b\": \"1\", \"a\":"
                        + " \"2\"}, \"targetRegions\": [{\"name\": \"westus\", \"replicaCount\": 2,"
                        + "  \"storageAccountType\": \"Standard_ZRS\"}, \"bad\"], \"versioning\":"
                        + " {\"scheme\": \"source\"}, \"excludeFromLatest\": true,"
                        + " \"storageAccountType\": \"Standard_LRS\", \"replicationMode\":"
                        + " \"Shallow\"}]}")
                .distribute()
                .get(0);
    assertEquals(
        new Distributor.SharedImage(
            "/g",
            "out",
            Map.of("b", "1", "a", "2"),
            null,
            List.of(new TargetRegion("westus", IntValue.of(2), "Standard_ZRS")),
            new Versioning.Source(),
            BoolValue.TRUE,
            "Standard_LRS",
            "Shallow"),
        d);
    assertEquals(List.of("b", "a"), List.copyOf(d.artifactTags().keySet()));
  }

  @Test
  void everyPropertyIsBound() {
    ImageTemplateProperties p =
        props(
            "{\"errorHandling\": {\"onCustomizerError\": \"abort\", \"onValidationError\":"
                + " \"cleanup\"}, \"optimize\": {\"vmBoot\": {\"state\": \"Enabled\"},"
                + " \"workload\": {\"state\":  \"Enabled\", \"scriptUri\": \"https://x/w.ps1\","
                + " \"sha256Checksum\": \"ab\"}}, \"autoRun\": {\"state\": \"Disabled\"},"
                + " \"managedResourceTags\": {\"k\": \"v\"}, \"additionalDataDisks\": [{\"sizeGB\":"
                + " 64}], \"vmProfile\": {\"vmSize\": \"Standard_D2s_v3\","
                + " \"userAssignedIdentities\": [\"/id\"]}, \"source\": {\"type\":"
                + " \"PlatformImage\", \"publisher\": \"p\", \"offer\": \"o\",  \"sku\": \"s\","
                + " \"version\": \"latest\", \"planInfo\": {\"planName\": \"n\",  \"planProduct\":"
                + " \"pp\", \"planPublisher\": \"pub\"}}, \"validate\": {\"inVMValidations\":"
                + " [{\"type\": \"shell\", \"name\": \"v\",  \"inline\": [\"test -f /x\"]},"
                + " {\"type\": \"File\", \"sourceUri\": \"https://f\",  \"destination\":"
                + " \"/tmp/f\"}, {\"type\": \"PowerShell\", \"validExitCodes\": [1]}]}}");
    assertEquals("abort", p.errorHandling().onCustomizerError());
    assertEquals("cleanup", p.errorHandling().onValidationError());
    assertEquals("Enabled", p.optimize().vmBoot().state());
    assertEquals("https://x/w.ps1", p.optimize().workload().scriptUri());
    assertEquals("ab", p.optimize().workload().sha256Checksum());
    assertEquals("Disabled", p.autoRun().state());
    assertEquals(Map.of("k", "v"), p.managedResourceTags());
    assertEquals(IntValue.of(64), p.additionalDataDisks().get(0).sizeGB());
    assertEquals(List.of("/id"), p.vmProfile().userAssignedIdentities());
    assertEquals(
        new ImageSource.PlatformImage(
            "p", "o", "s", "latest", new ImageSource.PlanInfo("n", "pp", "pub")),
        p.source());
    assertEquals(
        List.of(
            new InVmValidator.Shell("v", null, null, List.of("test -f /x")),
            new InVmValidator.File(null, "https://f", "/tmp/f", null),
            new InVmValidator.PowerShell(
                null, null, null, null, null, null, List.of(IntValue.of(1)))),
        p.validate().inVMValidations());
  }

  @Test
  void otherSourcesAndCustomizerFields() {
    assertEquals(
        new ImageSource.ManagedImage("/img"),
        props("{\"source\": {\"type\": \"ManagedImage\", \"imageId\": \"/img\"}}").source());
    assertEquals(
        new ImageSource.SharedImageVersion("/v"),
        props("{\"source\": {\"type\": \"SharedImageVersion\", \"imageVersionId\": \"/v\"}}")
            .source());
    // Old samples write sourceURI; older API versions accept the wrong case, the validator warns.
    assertEquals(
        new ImageSource.Iso("https://iso", "00"),
        props(
                "{\"source\": {\"type\": \"iso\", \"sourceURI\": \"https://iso\","
                    + " \"sha256Checksum\": \"00\"}}")
            .source());
    assertEquals(
        List.of(
            new Customizer.WindowsRestart("r", "shutdown /r", "echo", "10m"),
            new Customizer.WindowsUpdate(
                "u", "IsInstalled=0", List.of("include:$true"), IntValue.of(40)),
            new Customizer.File("f", "https://s", "c:\\f", "ff"),
            new Customizer.Shell("s", "https://s.sh", "00", null)),
        props(
                "{\"customize\": [{\"type\": \"WindowsRestart\", \"name\": \"r\","
                    + " \"restartCommand\": \"shutdown /r\", \"restartCheckCommand\": \"echo\","
                    + " \"restartTimeout\": \"10m\"}, {\"type\": \"WindowsUpdate\", \"name\":"
                    + " \"u\", \"searchCriteria\": \"IsInstalled=0\", \"filters\":"
                    + " [\"include:$true\"], \"updateLimit\": 40}, {\"type\": \"File\", \"name\":"
                    + " \"f\", \"sourceUri\": \"https://s\", \"destination\": \"c:\\\\f\","
                    + " \"sha256Checksum\": \"ff\"}, {\"type\": \"Shell\", \"name\": \"s\","
                    + " \"scriptUri\": \"https://s.sh\", \"sha256Checksum\": \"00\"}]}")
            .customize());
  }

  // ---- YAML untyped scalars ----------------------------------------------------------------

  private static DocMember m(String key, DocNode value) {
    return new DocMember(key, null, value);
  }

  private static DocObject o(DocMember... members) {
    return new DocObject(List.of(members), null);
  }

  private static DocScalar plain(DocScalar.Type type, String text) {
    return new DocScalar(type, text, true, null);
  }

  @Test
  void yamlPlainScalarsReadAsStringsWhereStringsAreExpected() {
    DocObject resource =
        o(
            m("location", plain(DocScalar.Type.STRING, "westus")),
            m(
                "tags",
                o(
                    m("version", plain(DocScalar.Type.NUMBER, "1.10")),
                    m("gold", plain(DocScalar.Type.BOOLEAN, "true")),
                    m("none", plain(DocScalar.Type.NULL, "null")))),
            m(
                "properties",
                o(
                    m("buildTimeoutInMinutes", plain(DocScalar.Type.NUMBER, "60")),
                    m(
                        "source",
                        o(
                            m("type", plain(DocScalar.Type.STRING, "PlatformImage")),
                            m("sku", plain(DocScalar.Type.NUMBER, "2019")),
                            m("version", plain(DocScalar.Type.NUMBER, "1.10")))))));
    ImageTemplate t =
        AibBinder.bind(new ResourceRef("", resource, "y", false, ArmValues.NONE)).template();
    assertEquals("westus", t.location());
    // A YAML null is no string; the entry is left out.
    assertEquals(Map.of("version", "1.10", "gold", "true"), t.tags());
    assertEquals(IntValue.of(60), t.properties().buildTimeoutInMinutes());
    ImageSource.PlatformImage src = (ImageSource.PlatformImage) t.properties().source();
    assertEquals("2019", src.sku());
    assertEquals("1.10", src.version());
  }

  @Test
  void quotedYamlNumberIsNoInteger() {
    DocObject resource =
        o(m("properties", o(m("buildTimeoutInMinutes", DocScalar.string("60", null)))));
    assertNull(
        AibBinder.bind(new ResourceRef("", resource, "y", false, ArmValues.NONE))
            .template()
            .properties()
            .buildTimeoutInMinutes());
  }

  // ---- ARM-only keys -----------------------------------------------------------------------

  @Test
  void armOnlyKeysGetANoteEach() {
    String json =
        "{\"resources\": [{\n"
            + "  \"type\": \"Microsoft.VirtualMachineImages/imageTemplates\",\n"
            + "  \"dependsOn\": [],\n"
            + "  \"Comments\": \"x\",\n"
            + "  \"copy\": {\"name\": \"c\", \"count\": 2},\n"
            + "  \"resources\": [{\"type\": \"triggers\"}],\n"
            + "  \"exactStagingResourceGroup\": \"/rg\"\n"
            + "}]}";
    SourceFile file = new SourceFile("arm.json", json);
    DocNode root = TestDocs.parse(file);
    ResourceRef ref = AibResourceLocator.locate(root, file).resources().get(0);
    List<Diagnostic> ds = AibBinder.bind(ref).diagnostics();
    assertEquals(
        List.of("BIND-N001", "BIND-N001", "BIND-W001", "BIND-N001"),
        ds.stream().map(Diagnostic::code).toList());
    Diagnostic dependsOn = ds.get(0);
    assertEquals(Severity.NOTE, dependsOn.severity());
    assertEquals("ARM-only key dropped", dependsOn.summary());
    assertEquals(Optional.of("/resources/0/dependsOn"), dependsOn.path());
    assertEquals("arm.json:3:3", dependsOn.subject().orElseThrow().toString());
    assertEquals(
        "\"dependsOn\" orders resources within an ARM deployment; it is not a property of the"
            + " image template resource, so it is left out of the converted template.",
        dependsOn.detail());
    assertEquals(Optional.of("/resources/0/Comments"), ds.get(1).path());
    assertEquals(
        "\"Comments\" belongs to the ARM deployment template; it is not a property of the image"
            + " template resource, so it is left out of the converted template.",
        ds.get(1).detail());
    Diagnostic copy = ds.get(2);
    assertEquals(Severity.WARNING, copy.severity());
    assertEquals("ARM copy loop not expanded", copy.summary());
    assertEquals(
        "The ARM \"copy\" loop would deploy several image templates from this resource, but the"
            + " converted template is a single resource. Expand the loop by hand: write one"
            + " template per copy, with its own name.",
        copy.detail());
  }

  @Test
  void armPropertyLoopsAreErrorsWhereverTheyStand() {
    // az bicep build writes customize: [for s in scripts: {...}] as a "copy" inside properties,
    // and a loop over regions inside a distributor: taken for unknown properties, they were
    // dropped, and the image built without those steps or regions (exit 0).
    String json =
        "{\"resources\": [{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\",\n"
            + " \"copy\": {\"name\": \"tpl\", \"count\": 2},\n"
            + " \"properties\": {\"distribute\": [{\"type\": \"SharedImage\", \"Copy\": [\n"
            + "   {\"name\": \"targetRegions\", \"count\": \"[length(parameters('r'))]\","
            + " \"input\": {\"name\": \"[parameters('r')[copyIndex('targetRegions')]]\"}}]}],\n"
            + "  \"copy\": [{\"name\": \"customize\", \"count\": 2, \"input\": {\"type\":"
            + " \"Shell\", \"inline\": \"[parameters('lines')]\"}},\n"
            + "   {\"name\": \"inVMValidations\", \"count\": 1, \"input\": {}}],\n"
            + "  \"vmProfile\": {\"copy\": [{\"count\": 1}]}}}]}";
    SourceFile file = new SourceFile("loop.json", json);
    ResourceRef ref = AibResourceLocator.locate(TestDocs.parse(file), file).resources().get(0);
    AibBinder.Bound bound = AibBinder.bind(ref);
    List<Diagnostic> ds = bound.diagnostics();
    // The resource's own copy is resource iteration (BIND-W001); the expression inside the loop
    // is no BIND-E003 of its own: the loop is the one error.
    assertEquals(
        List.of("BIND-W001", "BIND-E004", "BIND-E004", "BIND-E004"),
        ds.stream().map(Diagnostic::code).toList());
    List<Diagnostic> loops = ds.subList(1, 4);
    assertEquals(
        List.of(
            "/resources/0/properties/distribute/0/Copy",
            "/resources/0/properties/copy",
            "/resources/0/properties/vmProfile/copy"),
        loops.stream().map(d -> d.path().orElseThrow()).toList());
    Diagnostic regions = loops.get(0);
    assertEquals(Severity.ERROR, regions.severity());
    assertEquals("ARM property loop not expanded", regions.summary());
    assertEquals("loop.json:3:56", regions.subject().orElseThrow().toString());
    assertEquals(
        "This \"Copy\" is an ARM property loop (what az bicep build writes for a [for …] loop): at"
            + " deployment ARM builds \"targetRegions\" from it, but packer2aib does not expand the"
            + " loop, so the converted template would have no \"targetRegions\". Write"
            + " \"targetRegions\" out in place of the loop, one item per element, or deploy the"
            + " ARM template as it is.",
        regions.detail());
    assertTrue(
        loops.get(1).detail().contains("builds \"customize\" and \"inVMValidations\" from it"),
        loops.get(1).detail());
    assertTrue(
        loops.get(2).detail().contains("builds an array property from each of its loops"),
        loops.get(2).detail());
    assertEquals(null, bound.template().properties().customize());
  }

  // ---- source map --------------------------------------------------------------------------

  @Test
  void sourceMapLocatesNodesAndFallsBackToAncestors() {
    String json =
        "{\"resources\": [\n"
            + "  {\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\",\n"
            + "   \"properties\": {\n"
            + "     \"customize\": [{\"type\": \"Shell\", \"inline\": [\"a\", \"b\"]}]}}]}";
    SourceFile file = new SourceFile("s.json", json);
    DocNode root = TestDocs.parse(file);
    ResourceRef ref = AibResourceLocator.locate(root, file).resources().get(0);
    SourceMap map = AibBinder.bind(ref).sourceMap();
    assertEquals("/resources/0", map.basePointer());
    assertEquals("/resources/0/properties/customize/0", map.absolute("/properties/customize/0"));
    assertEquals("s.json:2:3", map.locate("").orElseThrow().toString());
    assertEquals(
        "s.json:4:54", map.locate("/properties/customize/0/inline/1").orElseThrow().toString());
    // Absent nodes fall back to the nearest present ancestor.
    assertEquals(
        "s.json:4:20", map.locate("/properties/customize/0/scriptUri").orElseThrow().toString());
    assertEquals(
        "s.json:3:18", map.locate("/properties/vmProfile/vmSize").orElseThrow().toString());
    assertEquals(Optional.empty(), map.exact("/properties/vmProfile"));
    assertEquals("s.json:4:6", map.locateKey("/properties/customize").orElseThrow().toString());
    assertEquals(Optional.empty(), SourceMap.empty("").locate("/x"));
  }

  @Test
  void sourceMapLocatesModelItemsAtTheirOwnNodesWhereItemsWereLeftOut() {
    // The first step (unknown type) and the first command (a number) are not in the model, so the
    // model's customize/0 is the document's customize/1, and its inline/0 the document's inline/1.
    String json =
        "{\"resources\": [\n"
            + "  {\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\",\n"
            + "   \"properties\": {\"customize\": [\n"
            + "     {\"type\": \"Shel\"},\n"
            + "     {\"type\": \"Shell\", \"inline\": [1, \"b\", 2, \"d\"]},\n"
            + "     {\"type\": \"Shell\", \"inline\": [\"e\"]}]}}]}";
    SourceFile file = new SourceFile("s.json", json);
    DocNode root = TestDocs.parse(file);
    ResourceRef ref = AibResourceLocator.locate(root, file).resources().get(0);
    AibBinder.Bound bound = AibBinder.bind(ref);
    SourceMap map = bound.sourceMap();
    List<Customizer> steps = bound.template().properties().customize();
    assertEquals(2, steps.size());
    assertEquals(List.of("b", "d"), ((Customizer.Shell) steps.get(0)).inline());
    assertEquals("/resources/0/properties/customize/1", map.absolute("/properties/customize/0"));
    assertEquals(
        "/resources/0/properties/customize/1/inline/1",
        map.absolute("/properties/customize/0/inline/0"));
    assertEquals(
        "/resources/0/properties/customize/1/inline/3",
        map.absolute("/properties/customize/0/inline/1"));
    assertEquals(
        "/resources/0/properties/customize/2/inline/0",
        map.absolute("/properties/customize/1/inline/0"));
    // A member the input lacks is where it would be in its own item.
    assertEquals(
        "/properties/customize/2/scriptUri", map.inDocument("/properties/customize/1/scriptUri"));
    assertEquals(
        "s.json:5:38", map.locate("/properties/customize/0/inline/0").orElseThrow().toString());
    assertEquals(
        "s.json:5:46", map.locate("/properties/customize/0/inline/1").orElseThrow().toString());
    assertEquals("s.json:6:6", map.locate("/properties/customize/1").orElseThrow().toString());
    assertEquals(
        "s.json:6:6", map.locate("/properties/customize/1/scriptUri").orElseThrow().toString());
  }

  @Test
  void expressionsChoosingTheKindOfAnItemAreReported() {
    // A step, target, validation or source whose type is an expression, and a versioning whose
    // scheme is one, were left out of the model without a word: the output lost them, exit 0
    // (AIB authoring review).
    String json =
        "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\", \"properties\": {\n"
            + " \"source\": {\"type\": \"[variables('src')]\"},\n"
            + " \"customize\": [{\"type\": \"[variables('step')]\", \"inline\": [\"a\"]}],\n"
            + " \"validate\": {\"inVMValidations\": [{\"type\": \"[variables('v')]\"}]},\n"
            + " \"distribute\": [{\"type\": \"SharedImage\", \"runOutputName\": \"r\",\n"
            + "   \"versioning\": {\"scheme\": \"[variables('scheme')]\"}},\n"
            + "  {\"type\": \"[variables('target')]\", \"runOutputName\": \"s\"}],\n"
            + " \"vmProfile\": {\"vmSize\": \"[variables('type')]\"}}}";
    SourceFile file = new SourceFile("k.json", json);
    ResourceRef ref = AibResourceLocator.locate(TestDocs.parse(file), file).resources().get(0);
    List<Diagnostic> errors =
        AibBinder.bind(ref).diagnostics().stream()
            .filter(d -> d.code().equals("BIND-E003"))
            .toList();
    assertEquals(
        List.of(
            "/properties/source/type",
            "/properties/customize/0/type",
            "/properties/validate/inVMValidations/0/type",
            "/properties/distribute/0/versioning/scheme",
            "/properties/distribute/1/type"),
        errors.stream().map(d -> d.path().orElseThrow()).toList());
    assertEquals("k.json:3:25", errors.get(1).subject().orElseThrow().toString());
    assertEquals(
        "The \"type\" of this customize item is the ARM expression \"[variables('step')]\", which"
            + " ARM evaluates only at deployment, but it decides which kind of item this is and so"
            + " how the rest is read: replace the expression with its value.",
        errors.get(1).detail());
  }

  @Test
  void expressionsStandingForObjectsOrArraysAreReported() {
    String json =
        "{\"resources\": [{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\",\n"
            + " \"tags\": \"[parameters('tags')]\",\n"
            + " \"dependsOn\": [{\"properties\": \"[variables('ignored')]\"}],\n"
            + " \"properties\": {\"customize\": [\"[parameters('step')]\", {\"type\": \"Shell\", "
            + " \"inline\": \"[parameters('script')]\"}, {\"type\": \"PowerShell\",  \"inline\":"
            + " [\"[format('echo {0}', 1)]\"]}],\n"
            + "  \"distribute\": [{\"type\": \"VHD\", \"artifactTags\": {\"source\":"
            + " \"[parameters('s')]\"}}],\n"
            + "  \"vmProfile\": {\"vnetConfig\": \"[variables('vnet')]\"}}}]}";
    SourceFile file = new SourceFile("e.json", json);
    ResourceRef ref = AibResourceLocator.locate(TestDocs.parse(file), file).resources().get(0);
    AibBinder.Bound bound = AibBinder.bind(ref);
    List<Diagnostic> errors =
        bound.diagnostics().stream().filter(d -> d.code().equals("BIND-E003")).toList();
    assertEquals(
        List.of(
            "/resources/0/tags",
            "/resources/0/properties/customize/0",
            "/resources/0/properties/customize/1/inline",
            "/resources/0/properties/vmProfile/vnetConfig"),
        errors.stream().map(d -> d.path().orElseThrow()).toList());
    Diagnostic tags = errors.get(0);
    assertEquals(Severity.ERROR, tags.severity());
    assertEquals("Expression where a value must be written out", tags.summary());
    assertEquals("e.json:2:10", tags.subject().orElseThrow().toString());
    assertEquals(
        "The value of \"tags\" is the ARM expression \"[parameters('tags')]\", which ARM"
            + " evaluates only at deployment. The converted template needs the object written out"
            + " here: replace the expression with its value.",
        tags.detail());
    assertEquals(
        "The value of \"customize[0]\" is the ARM expression \"[parameters('step')]\", which ARM"
            + " evaluates only at deployment. The converted template needs the object written out"
            + " here: replace the expression with its value.",
        errors.get(1).detail());
    assertTrue(errors.get(2).detail().contains("needs the array written out"));
    // The model leaves those values out and keeps the rest.
    assertNull(bound.template().tags());
    assertEquals(
        List.of(
            new Customizer.Shell(null, null, null, null),
            new Customizer.PowerShell(
                null, null, null, List.of("[format('echo {0}', 1)]"), null, null, null)),
        bound.template().properties().customize());
  }
}
