package io.github.packer2aib.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.doc.ArmValues;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
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

  /** A deployment template's parameter defaults and variables, declared by itself. */
  private static ArmValues values(Map<String, String> defaults, Map<String, String> variables) {
    return new ArmValues() {
      @Override
      public Optional<Value> parameterDefault(String name) {
        return Optional.ofNullable(defaults.get(name)).map(Value::own);
      }

      @Override
      public Optional<Value> variable(String name) {
        return Optional.ofNullable(variables.get(name)).map(Value::own);
      }
    };
  }

  private static VersionSelection select(
      Optional<ApiVersion> chosen, Map<String, String> defaults) {
    return VersionSelection.select(
        RESOURCE, "/resources/0", chosen, values(defaults, Map.of()), false);
  }

  @Test
  void aParameterDefaultThatIsAKnownVersionIsUsed() {
    VersionSelection s = select(Optional.empty(), Map.of("api-version", "2020-02-14"));
    assertEquals(Optional.of(ApiVersion.V2020_02_14), s.version());
    // The file fixes the version as its output will: convert writes it in place of the expression,
    // so that the output, read alone, is checked against the same version.
    assertTrue(s.literal());
    assertEquals("VER-N007", s.diagnostics().get(0).code());
    assertEquals(
        "apiVersion is [parameters('api-version')], whose defaultValue in this file is"
            + " \"2020-02-14\": the template is checked against that version (a deployment that"
            + " passes another version is not checked: choose it with --api-version), and convert"
            + " writes it in place of the expression, since its output, the resource alone, has no"
            + " parameters to read it from.",
        s.diagnostics().get(0).detail());
  }

  @Test
  void convertWithAChosenVersionReadsTheDefaultAndWritesTheChosenOne() {
    VersionSelection s =
        VersionSelection.select(
            RESOURCE,
            "/resources/0",
            Optional.of(ApiVersion.V2024_02_01),
            values(Map.of("api-version", "2020-02-14"), Map.of()),
            true);
    assertEquals(Optional.of(ApiVersion.V2020_02_14), s.version());
    assertTrue(s.literal());
    // The output holds the chosen version: nothing is left to the deployment, and there is no
    // version left to choose with --api-version (it said both, as VER-N003).
    assertEquals("VER-N007", s.diagnostics().get(0).code());
    assertEquals(
        "apiVersion is [parameters('api-version')], whose defaultValue in this file is"
            + " \"2020-02-14\": the template is read in that version, and convert writes"
            + " 2024-02-01, the version chosen with --api-version, in place of the expression.",
        s.diagnostics().get(0).detail());
  }

  @Test
  void convertWithAChosenVersionSaysItWritesThatVersion() {
    // A variable fixes the version the template is read in; --api-version the one written.
    VersionSelection fixed =
        VersionSelection.select(
            resource("\"apiVersion\": \"[variables('v')]\""),
            "/resources/0",
            Optional.of(ApiVersion.V2024_02_01),
            values(Map.of(), Map.of("v", "2021-10-01")),
            true);
    assertEquals(Optional.of(ApiVersion.V2021_10_01), fixed.version());
    assertEquals(
        "apiVersion is [variables('v')], whose value in this file is \"2021-10-01\": the template"
            + " is checked against that version, and convert writes 2024-02-01, the version chosen"
            + " with --api-version, in place of the expression.",
        fixed.diagnostics().get(0).detail());
    // Nothing in the file: the template is read in the chosen version, which is written.
    VersionSelection open =
        VersionSelection.select(
            RESOURCE, "/resources/0", Optional.of(ApiVersion.V2020_02_14), ArmValues.NONE, true);
    assertEquals(Optional.of(ApiVersion.V2020_02_14), open.version());
    assertEquals(
        "apiVersion is the ARM expression [parameters('api-version')], known only at deployment;"
            + " the template is checked against 2020-02-14, the version chosen with --api-version,"
            + " which convert writes in place of the expression.",
        open.diagnostics().get(0).detail());
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
            values(Map.of(), Map.of("aibApi", "2021-10-01")),
            false);
    assertEquals(Optional.of(ApiVersion.V2021_10_01), literal.version());
    assertTrue(literal.literal());
    assertEquals("VER-N006", literal.diagnostics().get(0).code());
    VersionSelection open =
        VersionSelection.select(resource, "/resources/0", Optional.empty(), ArmValues.NONE, false);
    assertEquals(Optional.of(ApiVersion.DEFAULT), open.version());
    assertEquals(false, open.literal());
    assertTrue(open.diagnostics().get(0).detail().contains("known only at deployment"));
  }

  private static DocObject resource(String apiVersionMember) {
    return (DocObject)
        DocReader.read(
                new SourceFile(
                    "r.json",
                    "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\", "
                        + apiVersionMember
                        + "}"))
            .documents()
            .get(0);
  }

  @Test
  void anApiVersionKeyInAnotherCaseIsTheApiVersion() {
    // ARM reads property names ignoring case: "APIVersion" chooses the version as "apiVersion"
    // does (it was read as a template without one, checked against 2024-02-01 and written with
    // its own 2020-02-14).
    VersionSelection s =
        VersionSelection.select(
            resource("\"APIVersion\": \"2020-02-14\""), "/resources/0", Optional.empty());
    assertEquals(Optional.of(ApiVersion.V2020_02_14), s.version());
    assertTrue(s.literal());
    assertEquals(List.of(), s.diagnostics());
    // A note about it points at the member as written.
    VersionSelection byVariable =
        VersionSelection.select(
            resource("\"ApiVersion\": \"[variables('v')]\""),
            "/resources/0",
            Optional.empty(),
            values(Map.of(), Map.of("v", "2020-02-14")),
            false);
    assertEquals(Optional.of(ApiVersion.V2020_02_14), byVariable.version());
    assertEquals(Optional.of("/resources/0/ApiVersion"), byVariable.diagnostics().get(0).path());
  }

  @Test
  void functionNamesInAnotherCaseAreTheSameCalls() {
    // ARM reads function names ignoring case: [Parameters('v')] is [parameters('v')].
    VersionSelection byDefault =
        VersionSelection.select(
            resource("\"apiVersion\": \"[Parameters('v')]\""),
            "/resources/0",
            Optional.empty(),
            values(Map.of("v", "2020-02-14"), Map.of()),
            false);
    assertEquals(Optional.of(ApiVersion.V2020_02_14), byDefault.version());
    assertEquals("VER-N007", byDefault.diagnostics().get(0).code());
    VersionSelection byVariable =
        VersionSelection.select(
            resource("\"apiVersion\": \"[VARIABLES( 'v' )]\""),
            "/resources/0",
            Optional.empty(),
            values(Map.of(), Map.of("v", "2021-10-01")),
            false);
    assertEquals(Optional.of(ApiVersion.V2021_10_01), byVariable.version());
    assertEquals("VER-N006", byVariable.diagnostics().get(0).code());
  }

  /**
   * validate checks a template that names a known version against it, whatever --api-version says;
   * a note says the option was not used for it, and how to check the template re-targeted. convert
   * re-targets instead (no note), and an option equal to the template's version is used.
   */
  @Test
  void aChosenVersionATemplateOverridesIsNamedInANote() {
    Optional<ApiVersion> chosen = Optional.of(ApiVersion.V2019_05_01_PREVIEW);
    VersionSelection literal =
        VersionSelection.select(resource("\"apiVersion\": \"2025-10-01\""), "/resources/0", chosen);
    assertEquals(Optional.of(ApiVersion.V2025_10_01), literal.version());
    assertEquals(1, literal.diagnostics().size(), literal.diagnostics().toString());
    assertEquals("VER-N008", literal.diagnostics().get(0).code());
    assertEquals(Optional.of("/resources/0/apiVersion"), literal.diagnostics().get(0).path());
    assertEquals(
        "The template names API version 2025-10-01, so it is checked against that version:"
            + " --api-version 2019-05-01-preview chooses a version only for a template that names"
            + " none. To check the template re-targeted to 2019-05-01-preview, convert it with"
            + " --api-version 2019-05-01-preview (and --strict to fail on its warnings), which"
            + " drops what 2019-05-01-preview lacks and warns of each field it drops.",
        literal.diagnostics().get(0).detail());

    VersionSelection byVariable =
        VersionSelection.select(
            resource("\"apiVersion\": \"[variables('v')]\""),
            "/resources/0",
            chosen,
            values(Map.of(), Map.of("v", "2021-10-01")),
            false);
    assertEquals(
        List.of("VER-N006", "VER-N008"),
        byVariable.diagnostics().stream().map(d -> d.code()).toList());

    VersionSelection converted =
        VersionSelection.select(
            resource("\"apiVersion\": \"2025-10-01\""),
            "/resources/0",
            chosen,
            ArmValues.NONE,
            true);
    assertEquals(List.of(), converted.diagnostics());
    VersionSelection same =
        VersionSelection.select(
            resource("\"apiVersion\": \"2025-10-01\""),
            "/resources/0",
            Optional.of(ApiVersion.V2025_10_01));
    assertEquals(List.of(), same.diagnostics());
  }

  /**
   * Resource Manager compares API versions ignoring case: a known version in another case is that
   * version, with a warning that asks for the service's spelling (it was VER-E001 "not one
   * packer2aib knows", though --api-version took any case). Only ASCII letters fold.
   */
  @Test
  void aKnownVersionInAnotherCaseIsThatVersionWithAWarning() {
    VersionSelection literal =
        VersionSelection.select(
            resource("\"apiVersion\": \"2019-05-01-Preview\""), "/resources/0", Optional.empty());
    assertEquals(Optional.of(ApiVersion.V2019_05_01_PREVIEW), literal.version());
    assertTrue(literal.literal());
    assertEquals(List.of("VER-W009"), literal.diagnostics().stream().map(d -> d.code()).toList());
    assertEquals(
        "The API version \"2019-05-01-Preview\" is 2019-05-01-preview written in another case."
            + " Azure Resource Manager compares API versions ignoring case, so the template is"
            + " checked against 2019-05-01-preview, and convert writes it so; write it"
            + " \"2019-05-01-preview\" as the service's specification does.",
        literal.diagnostics().get(0).detail());

    VersionSelection byVariable =
        VersionSelection.select(
            resource("\"apiVersion\": \"[variables('v')]\""),
            "/resources/0",
            Optional.empty(),
            values(Map.of(), Map.of("v", "2019-05-01-PREVIEW")),
            false);
    assertEquals(Optional.of(ApiVersion.V2019_05_01_PREVIEW), byVariable.version());
    assertEquals(
        List.of("VER-N006", "VER-W009"),
        byVariable.diagnostics().stream().map(d -> d.code()).toList());

    VersionSelection byDefault =
        select(Optional.empty(), Map.of("api-version", "2019-05-01-pREVIEW"));
    assertEquals(Optional.of(ApiVersion.V2019_05_01_PREVIEW), byDefault.version());
    assertEquals(
        List.of("VER-N007", "VER-W009"),
        byDefault.diagnostics().stream().map(d -> d.code()).toList());

    // A dotless i (U+0131) folds to I in some comparisons, but is no letter of "preview".
    VersionSelection dotless =
        VersionSelection.select(
            resource("\"apiVersion\": \"2019-05-01-prev\u0131ew\""),
            "/resources/0",
            Optional.empty());
    assertEquals(Optional.empty(), dotless.version());
    assertEquals("VER-E001", dotless.diagnostics().get(0).code());
  }

  /**
   * A known version with blanks around it is not one (the blanks reach Resource Manager), but the
   * message says which version was meant, with or without --api-version.
   */
  @Test
  void aKnownVersionWithBlanksAroundItIsNamedInTheError() {
    VersionSelection alone =
        VersionSelection.select(
            resource("\"apiVersion\": \" 2024-02-01\""), "/resources/0", Optional.empty());
    assertEquals(Optional.empty(), alone.version());
    assertEquals("VER-E001", alone.diagnostics().get(0).code());
    assertTrue(
        alone
            .diagnostics()
            .get(0)
            .detail()
            .endsWith(" Did you mean \"2024-02-01\"? Remove the blanks around it."),
        alone.diagnostics().get(0).detail());

    VersionSelection chosen =
        VersionSelection.select(
            resource("\"apiVersion\": \"2019-05-01-Preview \""),
            "/resources/0",
            Optional.of(ApiVersion.V2024_02_01));
    assertEquals(Optional.of(ApiVersion.V2024_02_01), chosen.version());
    assertEquals("VER-W002", chosen.diagnostics().get(0).code());
    assertTrue(
        chosen
            .diagnostics()
            .get(0)
            .detail()
            .endsWith(" Did you mean \"2019-05-01-preview\"? Remove the blanks around it."),
        chosen.diagnostics().get(0).detail());
  }
}
