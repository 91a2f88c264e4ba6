package io.github.packer2aib.core.bind.aib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Severity;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AibResourceLocatorTest {

  private static final String BODY =
      "{\"source\": {\"type\": \"PlatformImage\"}, \"customize\": [], \"distribute\": []}";

  private static AibResourceLocator.Located locate(String fileName, String json) {
    SourceFile file = new SourceFile(fileName, json);
    return AibResourceLocator.locate(TestDocs.parse(file), file);
  }

  private static List<String> pointers(AibResourceLocator.Located l) {
    return l.resources().stream().map(ResourceRef::pointer).toList();
  }

  private static List<String> names(AibResourceLocator.Located l) {
    return l.resources().stream().map(ResourceRef::suggestedName).toList();
  }

  @Test
  void resourceObjectIsTheWholeDocument() {
    var l =
        locate(
            "dir/linux.json",
            "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\", \"apiVersion\":"
                + " \"2022-07-01\", \"name\": \"ubuntu-2204\", \"properties\": "
                + BODY
                + "}");
    assertEquals(List.of(""), pointers(l));
    assertEquals(List.of("ubuntu-2204"), names(l));
    assertEquals(List.of(), l.diagnostics());
  }

  @Test
  void oldSampleWithProviderOnlyTypeIsLocated() {
    var l =
        locate(
            "rhel.json",
            "{\"type\": \"Microsoft.VirtualMachineImages\", \"properties\": " + BODY + "}");
    assertEquals(List.of(""), pointers(l));
    assertEquals(List.of("rhel"), names(l));
  }

  @Test
  void typeIsMatchedIgnoringCase() {
    var l = locate("t.json", "{\"type\": \"microsoft.virtualmachineimages/IMAGETEMPLATES\"}");
    assertEquals(List.of(""), pointers(l));
  }

  @Test
  void restBodyWithoutType() {
    var l =
        locate(
            "C:\\work\\body.template.json",
            "{\"location\": \"westus\", \"properties\": " + BODY + "}");
    assertEquals(List.of(""), pointers(l));
    assertEquals(List.of("body.template"), names(l));
  }

  @Test
  void armTemplateKeepsOnlyImageTemplates() {
    String json =
        "{\"$schema\":"
            + " \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
            + " \"resources\": [{\"type\": \"Microsoft.ManagedIdentity/userAssignedIdentities\","
            + " \"name\": \"id\"},{\"type\": \"Microsoft.Authorization/roleAssignments\", \"name\":"
            + " \"ra\"},{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\", \"name\":"
            + " \"[parameters('imageTemplateName')]\", \"properties\": "
            + BODY
            + "}]}";
    var l = locate("arm.json", json);
    assertEquals(List.of("/resources/2"), pointers(l));
    assertEquals(List.of("arm"), names(l));
  }

  @Test
  void armTemplateWithoutSchemaIsRecognisedByItsResources() {
    var l =
        locate(
            "x.json",
            "{\"resources\": [{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\","
                + " \"name\": \"a\"}]}");
    assertEquals(List.of("/resources/0"), pointers(l));
  }

  @Test
  void childResourcesAndNestedDeploymentsAreSearched() {
    String json =
        "{\"$schema\": \"deploymentTemplate.json#\", \"resources\": [{\"type\":"
            + " \"Microsoft.Compute/galleries\", \"name\": \"g\", \"resources\": [  {\"type\":"
            + " \"Microsoft.VirtualMachineImages/imageTemplates\", \"name\":"
            + " \"child\"}]},{\"type\": \"Microsoft.Resources/deployments\", \"name\": \"nested\","
            + " \"properties\":  {\"template\": {\"resources\": [    {\"type\":"
            + " \"Microsoft.VirtualMachineImages/imageTemplates\", \"name\": \"inner\",    "
            + " \"resources\": [{\"type\": \"triggers\", \"name\": \"t\"}]}]}}}]}";
    var l = locate("many.json", json);
    assertEquals(
        List.of("/resources/0/resources/0", "/resources/1/properties/template/resources/0"),
        pointers(l));
    assertEquals(List.of("child", "inner"), names(l));
  }

  @Test
  void loopAndConditionOfANestedDeploymentAreReportedOnce() {
    // What az bicep build writes for module m 'it.bicep' = [for r in regions: if (build) {...}]:
    // the loop and the condition decide how many image templates ARM creates, if any, and nothing
    // said so (the same keys on the image template itself get BIND-W001 and BIND-N001).
    String it = "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\", \"name\": \"%s\"}";
    String json =
        "{\"$schema\": \"deploymentTemplate.json#\", \"resources\": {\"m\": {\"copy\":"
            + " {\"name\": \"m\", \"count\": \"[length(parameters('regions'))]\"}, \"Condition\":"
            + " \"[parameters('build')]\", \"dependsOn\": [\"id\"], \"resourceGroup\": \"rg2\","
            + " \"comments\": \"c\", \"type\": \"Microsoft.Resources/deployments\", \"properties\":"
            + " {\"template\": {\"resources\": ["
            + String.format(it, "a")
            + ", "
            + String.format(it, "b")
            + "]}}}, \"other\": {\"type\": \"Microsoft.Resources/deployments\", \"condition\":"
            + " false, \"copy\": {\"name\": \"o\", \"count\": 2}, \"properties\": {\"template\":"
            + " {\"resources\": []}}}}}";
    var l = locate("mod.json", json);
    assertEquals(
        List.of(
            "/resources/m/properties/template/resources/0",
            "/resources/m/properties/template/resources/1"),
        pointers(l));
    List<Diagnostic> ds = l.diagnostics();
    assertEquals(
        List.of("BIND-W001", "BIND-N001", "BIND-N001", "BIND-N001"),
        ds.stream().map(Diagnostic::code).toList());
    assertEquals(
        List.of(
            "/resources/m/copy",
            "/resources/m/Condition",
            "/resources/m/dependsOn",
            "/resources/m/resourceGroup"),
        ds.stream().map(d -> d.path().orElseThrow()).toList());
    assertEquals(Severity.WARNING, ds.get(0).severity());
    assertEquals(
        "The ARM \"copy\" loop of this nested deployment (a Bicep module loop, module … = [for"
            + " …]) deploys its template, and so each image template in it, once per copy, but"
            + " each converted template is a single resource. Expand the loop by hand: write one"
            + " template per copy, with its own name.",
        ds.get(0).detail());
    assertEquals("mod.json:1:61", ds.get(0).subject().orElseThrow().toString());
    assertEquals(
        "\"Condition\" decides whether ARM deploys this nested deployment (a Bicep module with if),"
            + " and so the image templates in it; the converted templates do not keep it: they are"
            + " created whenever they are deployed.",
        ds.get(1).detail());
    assertTrue(
        ds.get(3).detail().startsWith("\"resourceGroup\" decides where"), ds.get(3).detail());
  }

  @Test
  void nestedDeploymentsReportTheirKeysAtEveryLevel() {
    String json =
        "{\"resources\": [{\"type\": \"Microsoft.Resources/deployments\", \"condition\": true,"
            + " \"properties\": {\"template\": {\"resources\": [{\"type\":"
            + " \"Microsoft.Resources/deployments\", \"copy\": {\"name\": \"i\", \"count\": 2},"
            + " \"properties\": {\"template\": {\"resources\": [{\"type\":"
            + " \"Microsoft.VirtualMachineImages/imageTemplates\"}]}}}]}}}]}";
    var l = locate("deep.json", json);
    assertEquals(1, l.resources().size());
    assertEquals(
        List.of("/resources/0/properties/template/resources/0/copy", "/resources/0/condition"),
        l.diagnostics().stream().map(d -> d.path().orElseThrow()).toList());
  }

  @Test
  void symbolicNameResources() {
    String json =
        "{\"$schema\":"
            + " \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
            + " \"languageVersion\": \"2.0\", \"resources\": {\"identity\": {\"type\":"
            + " \"Microsoft.ManagedIdentity/userAssignedIdentities\"},\"image/template\":"
            + " {\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\"}}}";
    var l = locate("sym.json", json);
    assertEquals(List.of("/resources/image~1template"), pointers(l));
  }

  @Test
  void existingResourcesAreReferencesNotTemplates() {
    // Bicep's "existing" resource: ARM reads it and deploys nothing, so it is no template here.
    String json =
        "{\"$schema\":"
            + " \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
            + " \"languageVersion\": \"2.0\", \"resources\": {\"old\": {\"type\":"
            + " \"Microsoft.VirtualMachineImages/imageTemplates\", \"name\": \"old\", \"existing\":"
            + " true}, \"new\": {\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\","
            + " \"name\": \"new\", \"existing\": false}}}";
    assertEquals(List.of("/resources/new"), pointers(locate("ex.json", json)));
    var only = locate("ex.json", json.replace("\"existing\": false", "\"existing\": true"));
    assertEquals(List.of(), only.resources());
    assertEquals(1, only.diagnostics().size());
    assertEquals("BIND-E001", only.diagnostics().get(0).code());
    assertEquals(Optional.of("/resources/old"), only.diagnostics().get(0).path());
    assertEquals(
        "This ARM deployment template refers to image templates only as existing resources"
            + " (\"existing\": true), which it reads but does not create, so there is no image"
            + " template to check here. Give the template that defines the image template.",
        only.diagnostics().get(0).detail());
  }

  @Test
  void severalTemplatesGetNumberedUniqueNames() {
    String t = "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\", \"name\": %s}";
    String json =
        "{\"$schema\": \"deploymentTemplate\", \"resources\": ["
            + String.join(
                ",",
                String.format(t, "\"[parameters('a')]\""),
                String.format(t, "\"win\""),
                String.format(t, "\"WIN\""),
                String.format(t, "\"<placeholder>\""),
                String.format(t, "\"images-5\""),
                String.format(t, "\"..\""))
            + "]}";
    var l = locate("path/to/images.json", json);
    assertEquals(List.of("images-1", "win", "WIN-2", "images-4", "images-5", "images-6"), names(l));
  }

  @Test
  void keysAreMatchedIgnoringCaseLikeArmDoes() {
    var l =
        locate(
            "c.json",
            "{\"Resources\": [{\"Type\": \"Microsoft.VirtualMachineImages/imageTemplates\"}]}");
    assertEquals(List.of("/Resources/0"), pointers(l));
  }

  @Test
  void nameIsReadWithWrongCaseKey() {
    var l =
        locate(
            "f.json",
            "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\", \"Name\":"
                + " \"aibImageARM\"}");
    assertEquals(List.of("aibImageARM"), names(l));
  }

  @Test
  void armTemplateWithoutImageTemplateNamesWhatItHas() {
    String json =
        "{\n"
            + "  \"$schema\":"
            + " \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n"
            + "  \"resources\": [{\"type\": \"Microsoft.Storage/storageAccounts\"}, {\"type\":"
            + " \"Microsoft.Compute/galleries\"}]}";
    var l = locate("storage.json", json);
    assertEquals(List.of(), l.resources());
    Diagnostic d = single(l);
    assertEquals("BIND-E001", d.code());
    assertEquals(Severity.ERROR, d.severity());
    assertEquals("No image template found", d.summary());
    assertEquals(Optional.of(JsonPointer.ROOT), d.path());
    assertEquals("storage.json:1:1", d.subject().orElseThrow().toString());
    assertEquals(
        "This ARM template has no resource of type"
            + " \"Microsoft.VirtualMachineImages/imageTemplates\"; its resources are of type"
            + " \"Microsoft.Storage/storageAccounts\", \"Microsoft.Compute/galleries\"."
            + " Expected an Azure VM Image Builder template: a resource object with \"type\":"
            + " \"Microsoft.VirtualMachineImages/imageTemplates\", an ARM deployment template"
            + " whose \"resources\" contain one, or a REST request body with a \"properties\""
            + " object holding \"source\", \"customize\" and \"distribute\". A legacy Packer"
            + " template (a top-level \"builders\" list) is accepted too, as a .json, .yaml or"
            + " .yml file.",
        d.detail());
  }

  @Test
  void otherResourceTypeIsNamed() {
    Diagnostic d = single(locate("vm.json", "{\"type\": \"Microsoft.Compute/virtualMachines\"}"));
    assertEquals("BIND-E001", d.code());
    assertTrue(
        d.detail()
            .startsWith(
                "This document is a resource of type \"Microsoft.Compute/virtualMachines\"."),
        d.detail());
  }

  @Test
  void arrayDocument() {
    Diagnostic d = single(locate("list.json", "[1, 2]"));
    assertEquals("BIND-E001", d.code());
    assertTrue(d.detail().startsWith("The document is an array. Expected an Azure VM"), d.detail());
  }

  @Test
  void parametersFile() {
    Diagnostic d =
        single(
            locate(
                "params.json",
                "{\"$schema\":"
                    + " \"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#\","
                    + " \"parameters\": {}}"));
    assertEquals("BIND-E001", d.code());
    assertTrue(
        d.detail().startsWith("This document is an ARM deployment parameters file"), d.detail());
    assertTrue(d.detail().endsWith("Give the deployment template instead."), d.detail());
  }

  @Test
  void parametersFileWithoutSchemaIsNamedAsSuch() {
    // az deployment --parameters @file takes it without $schema; it got the generic message.
    String values =
        "{\"parameters\": {\"name\": {\"value\": \"it1\"}, \"password\": {\"reference\":"
            + " {\"keyVault\": {\"id\": \"/subscriptions/x/resourceGroups/rg/providers/"
            + "Microsoft.KeyVault/vaults/kv\"}, \"secretName\": \"pw\"}}}, \"contentVersion\":"
            + " \"1.0.0.0\"}";
    Diagnostic d = single(locate("params.json", values));
    assertTrue(
        d.detail().startsWith("This document is an ARM deployment parameters file"), d.detail());
    // Parameter declarations, or other keys beside them, are no parameters file.
    for (String other :
        List.of(
            "{\"parameters\": {\"name\": {\"type\": \"string\", \"defaultValue\": \"x\"}}}",
            "{\"parameters\": {\"name\": {\"value\": 1}}, \"variables\": {}}",
            "{\"parameters\": {}}")) {
      String detail = single(locate("p.json", other)).detail();
      assertTrue(detail.startsWith("Expected an Azure VM Image Builder template"), detail);
    }
  }

  @Test
  void legacyPackerTemplateIsNamedAsSuch() {
    Diagnostic d =
        single(
            locate(
                "packer.json",
                "{\"variables\": {}, \"builders\": [{\"type\": \"azure-arm\"}], \"provisioners\":"
                    + " []}"));
    assertEquals("BIND-E002", d.code());
    assertEquals(Severity.ERROR, d.severity());
    assertEquals("Packer template where an image template was expected", d.summary());
    assertEquals(
        "This document looks like a Packer template (it has \"builders\"), but it was read as an"
            + " Azure VM Image Builder template: Packer templates are read from files and folders"
            + " (a .pkr.hcl or .pkr.json file, a folder of them, or a legacy template in a .json"
            + " or .yaml file), not from standard input or HCL JSON without the .pkr.json name."
            + " Give the template as such a file, or give an image template here.",
        d.detail());
  }

  @Test
  void hclJsonPackerTemplateIsNamedAsSuch() {
    Diagnostic d =
        single(
            locate(
                "t.pkr.json",
                "{\"source\": {\"azure-arm\": {\"x\": {}}}, \"build\": {\"sources\": []}}"));
    assertEquals("BIND-E002", d.code());
    assertTrue(d.detail().contains("(it has \"source\" and \"build\" blocks)"), d.detail());
  }

  @Test
  void oneFileOfAMultiFileHclJsonTemplate() {
    Diagnostic d = single(locate("variables.pkr.json", "{\"variable\": {\"location\": {}}}"));
    assertEquals("BIND-E002", d.code());
    assertTrue(d.detail().contains("(it has a \"variable\" block)"), d.detail());
  }

  @Test
  void programBuiltDocumentWithoutRangesPointsAtFileStart() {
    SourceFile file = new SourceFile("x.yaml", "a: 1\n");
    DocNode root = TestDocs.fromJson("{\"a\": 1}");
    var l = AibResourceLocator.locate(root, file);
    assertEquals("x.yaml:1:1", single(l).subject().orElseThrow().toString());
  }

  @Test
  void refKeepsTheNodeItFound() {
    SourceFile file =
        new SourceFile(
            "f.json",
            "{\"resources\": [{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\"}]}");
    DocNode root = TestDocs.parse(file);
    var l = AibResourceLocator.locate(root, file);
    assertSame(JsonPointer.resolve(root, "/resources/0"), l.resources().get(0).node());
  }

  private static Diagnostic single(AibResourceLocator.Located l) {
    assertEquals(1, l.diagnostics().size(), () -> l.diagnostics().toString());
    return l.diagnostics().get(0);
  }
}
