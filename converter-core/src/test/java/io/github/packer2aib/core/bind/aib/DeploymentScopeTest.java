package io.github.packer2aib.core.bind.aib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.packer2aib.core.doc.ArmValues;
import io.github.packer2aib.core.doc.ArmValues.Value;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentScopeTest {

  /** The image template's place inside the one nested deployment of {@link #nested}. */
  private static final String INNER = "/resources/0/properties/template/resources/0";

  private static final SourceFile FILE = new SourceFile("t.json", "{}");

  private static DocNode parse(String json) {
    return TestDocs.parse(new SourceFile("t.json", json));
  }

  /**
   * The scope of the image template at {@code pointer} in {@code root}, as {@link
   * AibResourceLocator} passes it down its walk.
   */
  private static ArmValues scope(DocNode root, String pointer) {
    List<ResourceRef> refs = AibResourceLocator.locate(root, FILE).resources();
    assertEquals(List.of(pointer), refs.stream().map(ResourceRef::pointer).toList());
    return refs.get(0).scope();
  }

  /**
   * A deployment template with parameter {@code outer} (default 2020-02-14) and variable {@code
   * ov}, whose one nested deployment has the given {@code properties} members besides its template;
   * the nested template declares parameter {@code ver} (default 2021-10-01) and variable {@code v}.
   */
  private static DocNode nested(String properties) {
    return parse(
"""
{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
 "parameters": {"outer": {"type": "string", "defaultValue": "2020-02-14"}},
 "variables": {"ov": "2022-02-14"},
 "resources": [{
   "type": "Microsoft.Resources/deployments", "name": "m",
   "properties": {%s
     "template": {
       "parameters": {"ver": {"type": "string", "defaultValue": "2021-10-01"}},
       "variables": {"v": "2019-05-01-preview"},
       "resources": [{"type": "Microsoft.VirtualMachineImages/imageTemplates"}]}}}]}
"""
            .formatted(properties));
  }

  private static Optional<Value> passedBy(String text) {
    return Optional.of(
        new Value(text, Optional.of("passed by the nested deployment at /resources/0")));
  }

  @Test
  void outerScopeTheDefaultReadsTheEnclosingTemplate() {
    ArmValues scope = scope(nested(""), INNER);
    assertEquals(Optional.of(Value.own("2022-02-14")), scope.variable("ov"));
    assertEquals(Optional.of(Value.own("2020-02-14")), scope.parameterDefault("outer"));
    // The nested template's own are not read in the outer scope.
    assertEquals(Optional.empty(), scope.variable("v"));
    assertEquals(Optional.empty(), scope.parameterDefault("ver"));
    assertEquals(Optional.empty(), scope.fixedParameter("ver"));
  }

  @Test
  void innerScopeReadsTheNestedTemplate() {
    // ARM reads the option's keys and value in any case.
    ArmValues scope =
        scope(nested("\"ExpressionEvaluationOptions\": {\"Scope\": \"Inner\"},"), INNER);
    assertEquals(Optional.of(Value.own("2019-05-01-preview")), scope.variable("v"));
    assertEquals(Optional.empty(), scope.variable("ov"));
    // Passed no value, the nested parameter has its default, which nothing can change.
    assertEquals(
        Optional.of(
            new Value(
                "2021-10-01",
                Optional.of(
                    "its defaultValue, as the nested deployment at /resources/0 passes no value"))),
        scope.fixedParameter("ver"));
    assertEquals(Optional.empty(), scope.parameterDefault("ver"));
  }

  @Test
  void aValuePassedByTheDeploymentIsReadInTheEnclosingScope() {
    String inner = "\"expressionEvaluationOptions\": {\"scope\": \"inner\"},";
    assertEquals(
        passedBy("2022-07-01"),
        scope(nested(inner + "\"parameters\": {\"ver\": {\"value\": \"2022-07-01\"}},"), INNER)
            .fixedParameter("ver"));
    ArmValues fromVariable =
        scope(
            nested(inner + "\"parameters\": {\"Ver\": {\"value\": \"[VARIABLES('ov')]\"}},"),
            INNER);
    assertEquals(
        Optional.of(
            new Value(
                "2022-02-14",
                Optional.of(
                    "passed by the nested deployment at /resources/0 as [VARIABLES('ov')]"))),
        fromVariable.fixedParameter("ver"));
    // The enclosing template's parameter: its default, which a deployment may override.
    ArmValues fromParameter =
        scope(
            nested(inner + "\"parameters\": {\"ver\": {\"value\": \"[parameters('outer')]\"}},"),
            INNER);
    assertEquals(Optional.empty(), fromParameter.fixedParameter("ver"));
    assertEquals(
        Optional.of(
            new Value(
                "2020-02-14",
                Optional.of(
                    "passed by the nested deployment at /resources/0 as [parameters('outer')]"))),
        fromParameter.parameterDefault("ver"));
  }

  @Test
  void whatTheFileDoesNotFixStaysUnknown() {
    String inner = "\"expressionEvaluationOptions\": {\"scope\": \"inner\"},";
    ArmValues computed =
        scope(
            nested(
                inner + "\"parameters\": {\"ver\": {\"value\": \"[concat('2021', '-10-01')]\"}},"),
            INNER);
    assertEquals(Optional.empty(), computed.fixedParameter("ver"));
    assertEquals(Optional.empty(), computed.parameterDefault("ver"));
    // A parameters file read at deployment may pass any value.
    ArmValues linked =
        scope(
            nested(inner + "\"parametersLink\": {\"uri\": \"https://example.com/p.json\"},"),
            INNER);
    assertEquals(Optional.empty(), linked.fixedParameter("ver"));
  }

  @Test
  void nestedDeploymentsPassValuesOnThroughEachOther() {
    DocNode root =
        parse(
"""
{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
 "resources": [{
   "type": "Microsoft.Resources/deployments", "name": "a",
   "properties": {
     "expressionEvaluationOptions": {"scope": "inner"},
     "parameters": {"x": {"value": "2022-07-01"}},
     "template": {
       "parameters": {"x": {"type": "string"}},
       "resources": [{
         "type": "Microsoft.Resources/deployments", "name": "b",
         "properties": {
           "expressionEvaluationOptions": {"scope": "inner"},
           "parameters": {"ver": {"value": "[parameters('x')]"}},
           "template": {
             "parameters": {"ver": {"type": "string"}},
             "resources": [
               {"type": "Microsoft.VirtualMachineImages/imageTemplates"}]}}}]}}}]}
""");
    assertEquals(
        Optional.of(
            new Value(
                "2022-07-01",
                Optional.of(
                    "passed by the nested deployment at"
                        + " /resources/0/properties/template/resources/0 as [parameters('x')],"
                        + " passed by the nested deployment at /resources/0"))),
        scope(root, INNER + "/properties/template/resources/0").fixedParameter("ver"));
  }

  @Test
  void onlyTheNestedTemplateIsInTheInnerScope() {
    // An image template among the deployment's own child resources, beside its inline template,
    // is a resource of the enclosing template and reads its values; the nested deployment is a
    // symbolic name "properties" here, which is no step into a nested template.
    DocNode root =
        parse(
"""
{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
 "languageVersion": "2.0",
 "variables": {"ov": "2022-02-14"},
 "resources": {"properties": {
   "type": "Microsoft.Resources/deployments", "name": "m",
   "properties": {
     "expressionEvaluationOptions": {"scope": "inner"},
     "template": {"variables": {"v": "2019-05-01-preview"}, "resources": []}},
   "resources": [{"type": "Microsoft.VirtualMachineImages/imageTemplates"}]}}}
""");
    ArmValues scope = scope(root, "/resources/properties/resources/0");
    assertEquals(Optional.of(Value.own("2022-02-14")), scope.variable("ov"));
    assertEquals(Optional.empty(), scope.variable("v"));
  }

  @Test
  void aResourceThatIsTheDocumentHasNoScope() {
    assertSame(
        ArmValues.NONE,
        scope(parse("{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\"}"), ""));
  }
}
