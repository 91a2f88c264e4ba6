package io.github.packer2aib.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.source.SourceFile;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionSelectionTest {
  private static final DocObject RESOURCE =
      (DocObject)
          DocReader.read(
                  new SourceFile(
                      "r.json",
                      "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\","
                          + " \"apiVersion\": \"[parameters('api-version')]\"}"))
              .documents()
              .get(0);

  private static VersionSelection select(
      Optional<ApiVersion> chosen, Map<String, String> defaults) {
    return VersionSelection.select(
        RESOURCE, "/resources/0", chosen, name -> Optional.ofNullable(defaults.get(name)));
  }

  @Test
  void aParameterDefaultThatIsAKnownVersionIsUsed() {
    VersionSelection s = select(Optional.empty(), Map.of("api-version", "2020-02-14"));
    assertEquals(Optional.of(ApiVersion.V2020_02_14), s.version());
    assertTrue(
        s.diagnostics()
            .get(0)
            .detail()
            .contains(
                "checked against 2020-02-14, the defaultValue of" + " parameter \"api-version\""),
        s.diagnostics().get(0).detail());
  }

  @Test
  void aChosenVersionAnUnknownDefaultOrNoDefaultGoAsBefore() {
    assertEquals(
        Optional.of(ApiVersion.V2022_07_01),
        select(Optional.of(ApiVersion.V2022_07_01), Map.of("api-version", "2020-02-14")).version());
    assertEquals(
        Optional.of(ApiVersion.DEFAULT),
        select(Optional.empty(), Map.of("api-version", "2099-01-01")).version());
    assertEquals(Optional.of(ApiVersion.DEFAULT), select(Optional.empty(), Map.of()).version());
  }

  @Test
  void aVariableWithALiteralVersionIsThatVersionAndOneWithAnExpressionIsNot() {
    DocObject resource =
        (DocObject)
            DocReader.read(
                    new SourceFile(
                        "r.json",
                        "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\","
                            + " \"apiVersion\": \"[variables('aibApi')]\"}"))
                .documents()
                .get(0);
    VersionSelection literal =
        VersionSelection.select(
            resource,
            "/resources/0",
            Optional.of(ApiVersion.V2024_02_01),
            name -> Optional.empty(),
            name -> name.equals("aibApi") ? Optional.of("2021-10-01") : Optional.empty(),
            false);
    assertEquals(Optional.of(ApiVersion.V2021_10_01), literal.version());
    assertTrue(literal.literal());
    assertEquals("VER-N006", literal.diagnostics().get(0).code());
    VersionSelection open =
        VersionSelection.select(
            resource,
            "/resources/0",
            Optional.empty(),
            name -> Optional.empty(),
            name -> Optional.empty(),
            false);
    assertEquals(Optional.of(ApiVersion.DEFAULT), open.version());
    assertTrue(open.diagnostics().get(0).detail().contains("known only at deployment"));
  }
}
