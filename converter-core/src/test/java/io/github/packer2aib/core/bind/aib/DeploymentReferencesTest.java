package io.github.packer2aib.core.bind.aib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.SourceFile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentReferencesTest {

  private static final String ID =
      "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('id'))]";

  /** BIND-W002 of the one image template of an ARM template whose resource is {@code resource}. */
  private static Optional<Diagnostic> check(String resource) {
    SourceFile file = new SourceFile("t.json", "{\"resources\": [" + resource + "]}");
    ResourceRef ref = AibResourceLocator.locate(TestDocs.parse(file), file).resources().get(0);
    return DeploymentReferences.check(ref);
  }

  private static String template(String members) {
    return "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\", \"name\": \"t\", "
        + members
        + "}";
  }

  @Test
  void aParameterInAnIdentityKeyIsCounted() {
    // The usual ARM/Bicep identity puts the expression in a key: the output still called
    // parameters('id'), and no warning said so.
    Diagnostic d =
        check(template("\"identity\": {\"userAssignedIdentities\": {\"" + ID + "\": {}}}"))
            .orElseThrow();
    assertEquals("BIND-W002", d.code());
    assertEquals("t.json:1:127", d.subject().orElseThrow().toString());
    assertEquals(
        "This image template comes from an ARM deployment template, and one of its keys calls the"
            + " deployment's parameters() or variables(), which the output (the resource alone)"
            + " does not define. Deploy the output inside a deployment template that defines"
            + " them, or write the values in their place before giving it to az image builder or"
            + " the REST API.",
        d.detail());
  }

  @Test
  void keysTheOutputLeavesOutAreNotCounted() {
    // dependsOn, condition and the copy loop's count are not in the output: the warning counted
    // them and pointed its caret at dependsOn, or came with no reference left at all.
    String dropped =
        "\"dependsOn\": [\""
            + ID
            + "\"], \"Condition\": \"[parameters('deploy')]\", \"copy\": {\"name\": \"c\","
            + " \"count\": \"[length(parameters('names'))]\"}, \"resources\": [{\"type\":"
            + " \"triggers\", \"name\": \"[parameters('trigger')]\"}]";
    assertEquals(Optional.empty(), check(template(dropped)));
    Diagnostic d =
        check(
                template(
                    dropped
                        + ", \"location\": \"[parameters('where')]\", \"identity\":"
                        + " {\"userAssignedIdentities\": {\""
                        + ID
                        + "\": {}}}"))
            .orElseThrow();
    assertEquals("t.json:1:376", d.subject().orElseThrow().toString(), "at location's value, kept");
    assertEquals(true, d.detail().contains("2 of its values and keys call"), d.detail());
  }

  @Test
  void propertyLoopsAreNotCounted() {
    // A property loop is an error of its own (BIND-E004); its count and input are not output.
    String loop =
        "\"properties\": {\"copy\": [{\"name\": \"customize\", \"count\":"
            + " \"[length(parameters('s'))]\", \"input\": {\"scriptUri\":"
            + " \"[parameters('s')[copyIndex('customize')]]\"}}]}";
    assertEquals(Optional.empty(), check(template(loop)));
  }
}
