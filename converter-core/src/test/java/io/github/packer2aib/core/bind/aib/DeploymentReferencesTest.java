package io.github.packer2aib.core.bind.aib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.SourceFile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentReferencesTest {

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
  void propertyLoopsAreNotCounted() {
    // A property loop is an error of its own (BIND-E004); its count and input are not output.
    String loop =
        "\"properties\": {\"copy\": [{\"name\": \"customize\", \"count\":"
            + " \"[length(parameters('s'))]\", \"input\": {\"scriptUri\":"
            + " \"[parameters('s')[copyIndex('customize')]]\"}}]}";
    assertEquals(Optional.empty(), check(template(loop)));
  }
}
