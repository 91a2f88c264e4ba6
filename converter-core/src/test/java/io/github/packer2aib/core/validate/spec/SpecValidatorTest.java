package io.github.packer2aib.core.validate.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SpecValidatorTest {

  /** A template valid in every API version; tests edit it by replacing unique substrings. */
  static final String BASE =
"""
{
  "type": "Microsoft.VirtualMachineImages/imageTemplates",
  "apiVersion": "2024-02-01",
  "name": "tpl-1",
  "location": "westus",
  "tags": {"team": "platform"},
  "identity": {
    "type": "UserAssigned",
    "userAssignedIdentities": {"/subscriptions/s/resourceGroups/r/providers/Microsoft.ManagedIdentity/userAssignedIdentities/i": {}}
  },
  "properties": {
    "buildTimeoutInMinutes": 60,
    "vmProfile": {"vmSize": "Standard_D2s_v3"},
    "source": {"type": "PlatformImage", "publisher": "Canonical", "offer": "ubuntu", "sku": "22_04", "version": "latest"},
    "customize": [
      {"type": "Shell", "name": "hello", "inline": ["echo hello"]}
    ],
    "distribute": [
      {"type": "ManagedImage", "imageId": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/images/img", "location": "westus", "runOutputName": "out-1"}
    ]
  }
}
""";

  static final ApiVersion STRICT = ApiVersion.V2024_02_01;
  static final ApiVersion LENIENT = ApiVersion.V2022_07_01;

  // ---- helpers ----

  static String edit(String from, String to) {
    assertTrue(BASE.contains(from), "BASE lacks " + from);
    return BASE.replace(from, to);
  }

  static List<Diagnostic> validate(ApiVersion v, String text) {
    return SpecValidator.forVersion(v)
        .validate(Docs.parse("t.json", text), "", p -> Optional.empty());
  }

  /** {@code t.json:line:col} of the first occurrence of needle in text. */
  static String at(String text, String needle) {
    int offset = text.indexOf(needle);
    assertTrue(offset >= 0, "text lacks " + needle);
    return new SourceFile("t.json", text).range(offset, offset).toString();
  }

  /** {@code t.json:line:col} just after the first occurrence of prefix. */
  static String atAfter(String text, String prefix) {
    int offset = text.indexOf(prefix);
    assertTrue(offset >= 0, "text lacks " + prefix);
    offset += prefix.length();
    return new SourceFile("t.json", text).range(offset, offset).toString();
  }

  static Diagnostic only(List<Diagnostic> diags) {
    assertEquals(1, diags.size(), () -> "expected one diagnostic, got " + render(diags));
    return diags.get(0);
  }

  static String render(List<Diagnostic> diags) {
    return diags.stream()
        .map(d -> d.code() + " " + d.path().orElse("-") + " " + d.summary() + ": " + d.detail())
        .collect(Collectors.joining("\n", "\n", "\n"));
  }

  static void assertDiag(Diagnostic d, SpecCode code, String path, String location) {
    assertEquals(code.id(), d.code(), () -> render(List.of(d)));
    assertEquals(code.severity(), d.severity());
    assertEquals(code.summary(), d.summary());
    assertEquals(Optional.of(path), d.path());
    assertEquals(location, d.subject().map(Range::toString).orElse(null));
  }

  // ---- valid documents ----

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void baseTemplateIsValidInEveryVersion(ApiVersion v) {
    assertEquals(List.of(), validate(v, edit("2024-02-01", v.id())), () -> v.id());
  }

  @Test
  void validatorsAreCompiledOnceAndShared() {
    assertSame(SpecValidator.forVersion(STRICT), SpecValidator.forVersion(STRICT));
    assertEquals(STRICT, SpecValidator.forVersion(STRICT).version());
  }

  @Test
  void armDeploymentKeysAreAllowed() {
    String t =
        edit(
            "\"name\": \"tpl-1\",",
            "\"name\": \"tpl-1\", \"dependsOn\": [\"x\"], \"comments\": \"c\", \"condition\": true,"
                + " \"copy\": {\"name\": \"c\", \"count\": 2}, \"scope\": \"s\", \"resources\":"
                + " [{\"type\": \"triggers\", \"name\": \"t\"}], \"existing\": false,");
    assertEquals(List.of(), validate(STRICT, t));
  }

  @Test
  void armPropertyLoopsAreNoUnknownPropertiesAndBuildWhatTheyName() {
    // "copy" inside properties is ARM property iteration (az bicep build writes it for a [for]
    // loop): it was SPEC-E101 (or SPEC-W106, dropped with exit 0), and a distribute built by it
    // "missing". The binder reports the loop itself (BIND-E004).
    String t =
        edit(
                "\"distribute\": [",
                "\"copy\": [{\"name\": \"distribute\", \"count\": 1, \"input\": {\"type\":"
                    + " \"VHD\", \"runOutputName\": \"v\"}}], \"unused\": [")
            .replace(
                "\"vmProfile\": {\"vmSize\": \"Standard_D2s_v3\"}",
                "\"vmProfile\": {\"vmSize\": \"Standard_D2s_v3\", \"COPY\": []}");
    List<Diagnostic> ds = validate(STRICT, t);
    assertEquals(
        List.of("/properties/unused"), ds.stream().map(d -> d.path().orElseThrow()).toList());
    // Only where a loop builds the property is its absence no error.
    String other = t.replace("\"name\": \"distribute\"", "\"name\": \"customize\"");
    assertTrue(
        validate(STRICT, other).stream()
            .anyMatch(d -> d.code().equals(SpecCode.MISSING_REQUIRED.text().id())),
        () -> render(validate(STRICT, other)));
  }

  @Test
  void armExpressionsSatisfyAnySchema() {
    String t =
        BASE.replace("\"name\": \"tpl-1\"", "\"name\": \"[parameters('name')]\"")
            .replace("\"apiVersion\": \"2024-02-01\"", "\"apiVersion\": \"[variables('api')]\"")
            .replace(
                "\"buildTimeoutInMinutes\": 60", "\"buildTimeoutInMinutes\": \"[parameters('t')]\"")
            .replace("\"type\": \"UserAssigned\"", "\"type\": \"[parameters('idType')]\"")
            .replace(
                "\"vmProfile\": {\"vmSize\": \"Standard_D2s_v3\"}",
                "\"vmProfile\": \"[variables('vm')]\"")
            .replace("\"type\": \"Shell\"", "\"type\": \"[parameters('kind')]\"")
            .replace("\"runOutputName\": \"out-1\"", "\"runOutputName\": \"[parameters('out')]\"")
            .replace(
                "\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\"",
                "\"type\": \"[variables('rt')]\"");
    assertEquals(List.of(), validate(STRICT, t));
  }

  @Test
  void escapedBracketIsALiteralString() {
    String t = edit("\"buildTimeoutInMinutes\": 60", "\"buildTimeoutInMinutes\": \"[[x]\"");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(d, SpecCode.WRONG_TYPE, "/properties/buildTimeoutInMinutes", at(t, "\"[[x]\""));
  }

  @Test
  void untypedYamlScalarCountsAsString() {
    DocNode doc = Docs.parse("t.json", BASE);
    DocNode patched =
        replaceVersion(doc, new DocScalar(DocScalar.Type.NUMBER, "22.04", true, null));
    assertEquals(
        List.of(), SpecValidator.forVersion(STRICT).validate(patched, "", p -> Optional.empty()));
    DocNode typed = replaceVersion(doc, DocScalar.number("22.04", null));
    Diagnostic d =
        only(SpecValidator.forVersion(STRICT).validate(typed, "", p -> Optional.empty()));
    assertEquals("SPEC-E110", d.code());
    assertEquals(
        "\"version\" must be a string, not a number. Put the value in quotes.", d.detail());
  }

  /** The document with properties.source.version replaced. */
  static DocNode replaceVersion(DocNode doc, DocNode version) {
    return rebuild(doc, List.of("properties", "source", "version"), version);
  }

  static DocNode rebuild(DocNode node, List<String> path, DocNode replacement) {
    if (path.isEmpty()) {
      return replacement;
    }
    DocObject obj = (DocObject) node;
    List<DocMember> members = new ArrayList<>();
    for (DocMember m : obj.members()) {
      members.add(
          m.key().equals(path.get(0))
              ? new DocMember(
                  m.key(),
                  m.keyRange(),
                  rebuild(m.value(), path.subList(1, path.size()), replacement))
              : m);
    }
    return new DocObject(members, obj.range());
  }

  // ---- required ----

  @Test
  void missingRequiredProperty() {
    String t =
        edit(
            ",\n"
                + "    \"distribute\": [\n"
                + "      {\"type\": \"ManagedImage\", \"imageId\":"
                + " \"/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/images/img\","
                + " \"location\": \"westus\", \"runOutputName\": \"out-1\"}\n"
                + "    ]",
            "");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(
        d, SpecCode.MISSING_REQUIRED, "/properties", at(t, "{\n    \"buildTimeoutInMinutes\""));
    assertEquals(
        "The required property \"distribute\" is missing from \"properties\". Add it; API version"
            + " 2024-02-01 requires it.",
        d.detail());
  }

  @Test
  void identityIsRequiredFrom2020ButNotIn2019() {
    String t =
        edit(
            "\"identity\": {\n"
                + "    \"type\": \"UserAssigned\",\n"
                + "    \"userAssignedIdentities\":"
                + " {\"/subscriptions/s/resourceGroups/r/providers/Microsoft.ManagedIdentity/userAssignedIdentities/i\":"
                + " {}}\n"
                + "  },\n",
            "");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(d, SpecCode.MISSING_REQUIRED, "", "t.json:1:1");
    assertEquals(
        "The required property \"identity\" is missing from the image template resource. Add it;"
            + " API version 2024-02-01 requires it. From API version 2020-02-14 every image"
            + " template needs a user-assigned identity.",
        d.detail());
    assertEquals(List.of(), validate(ApiVersion.V2019_05_01_PREVIEW, t));
  }

  @Test
  void missingPropertiesIsReportedOnce() {
    String t =
        "{\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\", \"location\": \"westus\"}";
    Diagnostic d = only(validate(ApiVersion.V2019_05_01_PREVIEW, t));
    assertDiag(d, SpecCode.MISSING_REQUIRED, "", "t.json:1:1");
    assertEquals(
        "The required property \"properties\" is missing from the image template resource. Add it"
            + " with at least \"source\" and \"distribute\".",
        d.detail());
  }

  @Test
  void missingDiscriminatorNamesTheValidValues() {
    String t = edit("{\"type\": \"Shell\", \"name\": \"hello\"", "{\"name\": \"hello\"");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(
        d, SpecCode.MISSING_REQUIRED, "/properties/customize/0", at(t, "{\"name\": \"hello\""));
    assertEquals(
        "The required property \"type\" is missing from item 0 of \"customize\". It selects the"
            + " customizer type; valid values in API version 2024-02-01: File, PowerShell, Shell,"
            + " WindowsRestart, WindowsUpdate.",
        d.detail());
  }

  // ---- unknown and wrong-case properties ----

  @Test
  void unknownPropertyIsAnErrorInStrictVersionsWithDidYouMean() {
    String t = edit("{\"vmSize\": \"Standard_D2s_v3\"}", "{\"vmSzie\": \"Standard_D2s_v3\"}");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(d, SpecCode.UNKNOWN_PROPERTY, "/properties/vmProfile/vmSzie", at(t, "\"vmSzie\""));
    assertEquals(
        "\"vmSzie\" is not a property of \"vmProfile\" in API version 2024-02-01. Did you mean"
            + " \"vmSize\"? API version 2024-02-01 rejects unknown properties.",
        d.detail());
    Range r = d.subject().orElseThrow();
    assertEquals("\"vmSzie\"".length(), r.end().offset() - r.start().offset());
  }

  @Test
  void unknownPropertyIsAWarningInOlderVersions() {
    String t =
        edit("\"2024-02-01\"", "\"2022-07-01\"")
            .replace(
                "{\"vmSize\": \"Standard_D2s_v3\"}",
                "{\"vmSize\": \"Standard_D2s_v3\", \"colour\": 1}");
    Diagnostic d = only(validate(LENIENT, t));
    assertDiag(
        d, SpecCode.UNKNOWN_PROPERTY_IGNORED, "/properties/vmProfile/colour", at(t, "\"colour\""));
    assertEquals(
        "\"colour\" is not a property of \"vmProfile\" in API version 2022-07-01. API version"
            + " 2022-07-01 ignores unknown properties, so it has no effect; 2024-02-01 and later"
            + " reject them.",
        d.detail());
  }

  @Test
  void unknownPropertyThatExistsInOtherVersionsSaysWhich() {
    String t =
        edit(
            "{\"vmSize\": \"Standard_D2s_v3\"}",
            "{\"vnetConfig\": {\"subnetId\": \"/s\", \"containerInstanceSubnetId\": \"/c\"}}");
    Diagnostic d = only(validate(LENIENT, t));
    assertDiag(
        d,
        SpecCode.UNKNOWN_PROPERTY_IGNORED,
        "/properties/vmProfile/vnetConfig/containerInstanceSubnetId",
        at(t, "\"containerInstanceSubnetId\""));
    assertTrue(
        d.detail()
            .startsWith(
                "\"containerInstanceSubnetId\" exists from API version 2024-02-01; this template"
                    + " uses 2022-07-01. Choose an API version that has it, or remove it."),
        d.detail());
    assertEquals(List.of(), validate(STRICT, t));
  }

  @Test
  void subtypePropertyFromALaterVersion() {
    String t =
        edit(
            "{\"type\": \"Shell\", \"name\": \"hello\", \"inline\": [\"echo hello\"]}",
            "{\"type\": \"PowerShell\", \"inline\": [\"dir\"], \"runElevated\": true,"
                + " \"runAsSystem\": true}");
    Diagnostic d = only(validate(ApiVersion.V2019_05_01_PREVIEW, t));
    assertDiag(
        d,
        SpecCode.UNKNOWN_PROPERTY_IGNORED,
        "/properties/customize/0/runAsSystem",
        at(t, "\"runAsSystem\""));
    assertTrue(
        d.detail()
            .startsWith(
                "\"runAsSystem\" exists from API version 2020-02-14; this template uses"
                    + " 2019-05-01-preview."),
        d.detail());
  }

  @Test
  void unknownPropertyInASubtypeNamesTheSubtype() {
    String t =
        edit("\"inline\": [\"echo hello\"]", "\"inline\": [\"echo hello\"], \"scriptUrl\": \"x\"");
    Diagnostic d = only(validate(STRICT, t));
    assertEquals(
        "\"scriptUrl\" is not a property of the Shell customizer in API version 2024-02-01. Did you"
            + " mean \"scriptUri\"? API version 2024-02-01 rejects unknown properties.",
        d.detail());
  }

  @Test
  void wrongCasePropertyIsAnErrorInStrictVersions() {
    String t = edit("\"vmProfile\"", "\"VmProfile\"");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(d, SpecCode.PROPERTY_CASE, "/properties/VmProfile", at(t, "\"VmProfile\""));
    assertEquals(
        "The property \"VmProfile\" must be written \"vmProfile\". API version 2024-02-01 compares"
            + " property names case-sensitively and rejects it.",
        d.detail());
  }

  @Test
  void wrongCasePropertyIsAWarningInOlderVersionsAndItsValueIsStillChecked() {
    String t =
        edit(
            "\"vmProfile\": {\"vmSize\": \"Standard_D2s_v3\"}",
            "\"VmProfile\": {\"osDiskSizeGB\": \"big\"}");
    List<Diagnostic> diags = validate(LENIENT, t);
    assertEquals(2, diags.size(), () -> render(diags));
    assertDiag(
        diags.get(0),
        SpecCode.PROPERTY_CASE_ACCEPTED,
        "/properties/VmProfile",
        at(t, "\"VmProfile\""));
    assertEquals(
        "The property \"VmProfile\" must be written \"vmProfile\". API version 2022-07-01 accepts"
            + " it, but API version 2024-02-01 and later reject it.",
        diags.get(0).detail());
    assertDiag(
        diags.get(1), SpecCode.WRONG_TYPE, "/properties/VmProfile/osDiskSizeGB", at(t, "\"big\""));
  }

  @Test
  void twoSpellingsOfOnePropertyAreAnErrorWhereTheServiceIgnoresCase() {
    // The service keeps one of the two names and the output the other: neither can be trusted.
    String t =
        edit(
            "{\"type\": \"Shell\", \"name\": \"hello\",",
            "{\"type\": \"Shell\", \"name\": \"hello\", \"Name\": \"bye\",");
    Diagnostic d = only(validate(LENIENT, t));
    assertDiag(d, SpecCode.PROPERTY_TWICE, "/properties/customize/0/Name", at(t, "\"Name\""));
    assertEquals(
        "\"name\" and \"Name\" both set the property \"name\": API version 2022-07-01 reads"
            + " property names ignoring case, so one of the two values would be lost. Keep one of"
            + " them, written \"name\", and remove the other.",
        d.detail());
    // From 2024-02-01 the wrong spelling is refused; "write it "name"" made a duplicate key of it
    // (YAML review, session 30).
    d = only(validate(STRICT, t));
    assertDiag(d, SpecCode.PROPERTY_TWICE, "/properties/customize/0/Name", at(t, "\"Name\""));
    assertEquals(
        "\"name\" and \"Name\" both set the property \"name\": API version 2024-02-01 compares"
            + " property names case-sensitively and rejects \"Name\". Keep one of them, written"
            + " \"name\", and remove the other.",
        d.detail());
  }

  @Test
  void twoSpellingsOfAKeyArmReadsSayWhichValueTheOutputKeeps() {
    // "ARM reads "Name" as "name" ... Write it that way" made a duplicate key, and did not say
    // that the value of "Name" was dropped (YAML review, session 30).
    String t = edit("\"name\": \"tpl-1\",", "\"name\": \"tpl-1\", \"Name\": \"other\",");
    for (ApiVersion v : List.of(STRICT, LENIENT)) {
      Diagnostic d = only(validate(v, t.replace("2024-02-01", v.id())));
      assertDiag(d, SpecCode.ENVELOPE_PROPERTY_TWICE, "/Name", at(t, "\"Name\""));
      assertEquals(
          "\"name\" and \"Name\" both set \"name\", as ARM reads the names of a resource's"
              + " properties ignoring case; it takes only one of the two values. The output keeps"
              + " the value of \"name\". Keep one of them, written \"name\", and remove the"
              + " other.",
          d.detail());
      assertEquals(at(t, "\"name\""), d.related().get(0).range().toString());
    }
    // Without the documented spelling, the first one is kept; it gets no message of its own.
    t = edit("\"name\": \"tpl-1\",", "\"Name\": \"tpl-1\", \"NAME\": \"other\",");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(d, SpecCode.ENVELOPE_PROPERTY_TWICE, "/NAME", at(t, "\"NAME\""));
    assertTrue(d.detail().contains("The output keeps the value of \"Name\"."), d.detail());
    // A key the output leaves out keeps no value.
    t = edit("\"name\": \"tpl-1\",", "\"name\": \"tpl-1\", \"dependsOn\": [], \"DependsOn\": [],");
    d = only(validate(STRICT, t));
    assertDiag(d, SpecCode.ENVELOPE_PROPERTY_TWICE, "/DependsOn", at(t, "\"DependsOn\""));
    assertFalse(d.detail().contains("The output keeps"), d.detail());
  }

  @Test
  void wrongCaseRequiredPropertyIsNotAlsoReportedMissing() {
    String t = edit("\"source\":", "\"Source\":");
    Diagnostic d = only(validate(STRICT, t));
    assertEquals("SPEC-E102", d.code());
  }

  @Test
  void wrongCaseEnvelopeKeyIsOnlyAWarningBecauseArmReadsIt() {
    String t = edit("\"name\": \"tpl-1\"", "\"Name\": \"tpl-1\"");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(d, SpecCode.PROPERTY_CASE_ACCEPTED, "/Name", at(t, "\"Name\""));
  }

  // ---- read-only ----

  @Test
  void readOnlyPropertiesAreWarnings() {
    String t =
        edit("\"name\": \"tpl-1\",", "\"name\": \"tpl-1\", \"id\": \"/subscriptions/s/x\",")
            .replace(
                "\"buildTimeoutInMinutes\": 60",
                "\"buildTimeoutInMinutes\": 60, \"provisioningState\": \"Succeeded\"");
    List<Diagnostic> diags = validate(STRICT, t);
    assertEquals(2, diags.size(), () -> render(diags));
    assertDiag(diags.get(0), SpecCode.READ_ONLY_PROPERTY, "/id", at(t, "\"id\""));
    assertDiag(
        diags.get(1),
        SpecCode.READ_ONLY_PROPERTY,
        "/properties/provisioningState",
        at(t, "\"provisioningState\""));
    assertEquals(
        "The service sets \"provisioningState\" itself and ignores it in a request, so it will be"
            + " dropped. Remove it from the template.",
        diags.get(1).detail());
  }

  @Test
  void readOnlySubtypePropertyIsAWarning() {
    String t =
        edit("\"version\": \"latest\"", "\"version\": \"latest\", \"exactVersion\": \"1.2.3\"");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(
        d,
        SpecCode.READ_ONLY_PROPERTY,
        "/properties/source/exactVersion",
        at(t, "\"exactVersion\""));
  }

  // ---- types and values ----

  @Test
  void wrongTypeNamesExpectedAndActualKinds() {
    String t = edit("\"buildTimeoutInMinutes\": 60", "\"buildTimeoutInMinutes\": \"60\"");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(d, SpecCode.WRONG_TYPE, "/properties/buildTimeoutInMinutes", at(t, "\"60\""));
    assertEquals(
        "\"buildTimeoutInMinutes\" must be an integer, not a string. Write the number without"
            + " quotes.",
        d.detail());
  }

  @Test
  void wrongTypeOfArrayItem() {
    String t = edit("[\"echo hello\"]", "[\"echo hello\", 42]");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(
        d, SpecCode.WRONG_TYPE, "/properties/customize/0/inline/1", atAfter(t, "\"echo hello\", "));
    assertEquals(
        "Item 1 of \"inline\" must be a string, not a number. Put the value in quotes.",
        d.detail());
  }

  @Test
  void wrongTypeForObjectArrayAndBoolean() {
    String t =
        edit(
                "\"customize\": [",
                "\"validate\": {\"sourceValidationOnly\": \"yes\"},\n    \"customize\": [")
            .replace("\"tags\": {\"team\": \"platform\"}", "\"tags\": [\"platform\"]");
    List<Diagnostic> diags = validate(STRICT, t);
    assertEquals(2, diags.size(), () -> render(diags));
    assertDiag(diags.get(0), SpecCode.WRONG_TYPE, "/tags", at(t, "[\"platform\"]"));
    assertEquals(
        "\"tags\" must be an object, not an array. Write it as an object: its properties as"
            + " \"key: value\" lines indented below it, or in { } braces.",
        diags.get(0).detail());
    assertDiag(
        diags.get(1),
        SpecCode.WRONG_TYPE,
        "/properties/validate/sourceValidationOnly",
        at(t, "\"yes\""));
    assertEquals(
        "\"sourceValidationOnly\" must be a boolean (true or false), not a string. Write true or"
            + " false.",
        diags.get(1).detail());
  }

  @Test
  void fractionIsNotAnInteger() {
    String t = edit("\"buildTimeoutInMinutes\": 60", "\"buildTimeoutInMinutes\": 60.5");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(
        d,
        SpecCode.WRONG_TYPE,
        "/properties/buildTimeoutInMinutes",
        atAfter(t, "\"buildTimeoutInMinutes\": "));
    assertEquals(
        "\"buildTimeoutInMinutes\" must be an integer, not 60.5. Write a whole number.",
        d.detail());
  }

  @Test
  void wholeNumberWithAnExponentBeyondTheRangeIsOutOfRange() {
    // 1e999999999 is a whole number: "not an integer" misled; the range is what refuses it.
    // One in range (1e3) and one below 1 (1e-999999999, never built) are still no integer.
    String t =
        edit("\"buildTimeoutInMinutes\": 60", "\"buildTimeoutInMinutes\": 1e999999999")
            .replace("{\"vmSize\": \"Standard_D2s_v3\"}", "{\"osDiskSizeGB\": 1e3}")
            .replace(
                "{\"type\": \"Shell\", \"name\": \"hello\", \"inline\": [\"echo hello\"]}",
                "{\"type\": \"PowerShell\", \"inline\": [\"dir\"], \"validExitCodes\":"
                    + " [-1.5e10, 1e-999999999]}");
    List<Diagnostic> diags = validate(STRICT, t);
    assertEquals(4, diags.size(), () -> render(diags));
    assertDiag(
        diags.get(0),
        SpecCode.OUT_OF_RANGE,
        "/properties/buildTimeoutInMinutes",
        atAfter(t, "\"buildTimeoutInMinutes\": "));
    assertEquals(
        "\"buildTimeoutInMinutes\" must be a 32-bit integer (-2147483648 to 2147483647), but it is"
            + " 1e999999999. Change it to a value in range.",
        diags.get(0).detail());
    assertDiag(
        diags.get(1),
        SpecCode.WRONG_TYPE,
        "/properties/vmProfile/osDiskSizeGB",
        atAfter(t, "\"osDiskSizeGB\": "));
    assertEquals(
        "\"osDiskSizeGB\" must be an integer, not 1e3. Write a whole number.",
        diags.get(1).detail());
    assertDiag(
        diags.get(2),
        SpecCode.OUT_OF_RANGE,
        "/properties/customize/0/validExitCodes/0",
        atAfter(t, "\"validExitCodes\": ["));
    assertEquals(
        "Item 0 of \"validExitCodes\" must be a 32-bit integer (-2147483648 to 2147483647), but it"
            + " is -1.5e10. Change it to a value in range.",
        diags.get(2).detail());
    assertDiag(
        diags.get(3),
        SpecCode.WRONG_TYPE,
        "/properties/customize/0/validExitCodes/1",
        atAfter(t, "-1.5e10, "));
    assertEquals(
        "Item 1 of \"validExitCodes\" must be an integer, not 1e-999999999. Write a whole number.",
        diags.get(3).detail());
  }

  @Test
  void minimumMaximumAndInt32() {
    String t =
        edit("\"buildTimeoutInMinutes\": 60", "\"buildTimeoutInMinutes\": 961")
            .replace("{\"vmSize\": \"Standard_D2s_v3\"}", "{\"osDiskSizeGB\": -1}")
            .replace(
                "{\"type\": \"Shell\", \"name\": \"hello\", \"inline\": [\"echo hello\"]}",
                "{\"type\": \"PowerShell\", \"inline\": [\"dir\"], \"validExitCodes\": [0,"
                    + " 4294967296]}");
    List<Diagnostic> diags = validate(STRICT, t);
    assertEquals(3, diags.size(), () -> render(diags));
    assertDiag(
        diags.get(0),
        SpecCode.OUT_OF_RANGE,
        "/properties/buildTimeoutInMinutes",
        atAfter(t, "\"buildTimeoutInMinutes\": "));
    assertEquals(
        "\"buildTimeoutInMinutes\" must be at most 960, but it is 961. Change it to a value in"
            + " range.",
        diags.get(0).detail());
    assertDiag(
        diags.get(1),
        SpecCode.OUT_OF_RANGE,
        "/properties/vmProfile/osDiskSizeGB",
        atAfter(t, "\"osDiskSizeGB\": "));
    assertEquals(
        "\"osDiskSizeGB\" must be at least 0, but it is -1. Change it to a value in range.",
        diags.get(1).detail());
    assertDiag(
        diags.get(2),
        SpecCode.OUT_OF_RANGE,
        "/properties/customize/0/validExitCodes/1",
        atAfter(t, "[0, "));
    assertEquals(
        "Item 1 of \"validExitCodes\" must be a 32-bit integer (-2147483648 to 2147483647), but it"
            + " is 4294967296. Change it to a value in range.",
        diags.get(2).detail());
  }

  @Test
  void enumValueNotSupported() {
    String t = edit("\"type\": \"UserAssigned\"", "\"type\": \"SystemAssigned\"");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(d, SpecCode.UNSUPPORTED_VALUE, "/identity/type", at(t, "\"SystemAssigned\""));
    assertEquals(
        "The value \"SystemAssigned\" of \"type\" is not supported in API version 2024-02-01. Valid"
            + " values: UserAssigned, None.",
        d.detail());
  }

  @Test
  void enumValueFromALaterVersionSaysWhich() {
    String t =
        edit(
            "{\"type\": \"ManagedImage\", \"imageId\":"
                + " \"/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/images/img\","
                + " \"location\": \"westus\", \"runOutputName\": \"out-1\"}",
            "{\"type\": \"SharedImage\", \"galleryImageId\": \"/g\", \"runOutputName\": \"out-1\","
                + " \"replicationRegions\": [\"westus\"], \"storageAccountType\":"
                + " \"Premium_LRS\"}");
    Diagnostic d = only(validate(ApiVersion.V2021_10_01, t));
    assertDiag(
        d,
        SpecCode.UNSUPPORTED_VALUE,
        "/properties/distribute/0/storageAccountType",
        at(t, "\"Premium_LRS\""));
    assertEquals(
        "The value \"Premium_LRS\" of \"storageAccountType\" is not supported in API version"
            + " 2021-10-01. Valid values: Standard_LRS, Standard_ZRS. \"Premium_LRS\" exists from"
            + " API version 2022-07-01.",
        d.detail());
    assertEquals(List.of(), validate(ApiVersion.V2022_07_01, t));
  }

  @Test
  void enumValueInWrongCase() {
    String t = edit("\"type\": \"UserAssigned\"", "\"type\": \"userAssigned\"");
    Diagnostic strict = only(validate(STRICT, t));
    assertDiag(strict, SpecCode.VALUE_CASE, "/identity/type", at(t, "\"userAssigned\""));
    assertEquals(
        "The value \"userAssigned\" of \"type\" must be written \"UserAssigned\". API version"
            + " 2024-02-01 compares it case-sensitively and rejects it.",
        strict.detail());
    Diagnostic lenient = only(validate(LENIENT, t));
    assertDiag(lenient, SpecCode.VALUE_CASE_ACCEPTED, "/identity/type", at(t, "\"userAssigned\""));
  }

  @Test
  void patternMismatch() {
    String t = edit("\"runOutputName\": \"out-1\"", "\"runOutputName\": \"my out\"");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(
        d,
        SpecCode.PATTERN_MISMATCH,
        "/properties/distribute/0/runOutputName",
        at(t, "\"my out\""));
    assertEquals(
        "The value \"my out\" of \"runOutputName\" does not match the pattern"
            + " ^[A-Za-z0-9-_.]{1,64}$ (1 to 64 characters, each an ASCII letter (A-Z, a-z), a"
            + " digit (0-9), \"-\", \"_\" or \".\"). Change it to match.",
        d.detail());
  }

  // ---- discriminators ----

  @Test
  void discriminatorInWrongCaseIsAnErrorInStrictVersions() {
    String t = edit("\"type\": \"Shell\"", "\"type\": \"shell\"");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(d, SpecCode.VALUE_CASE, "/properties/customize/0/type", at(t, "\"shell\""));
    assertEquals(
        "The customizer type \"shell\" must be written \"Shell\". API version 2024-02-01 compares"
            + " it case-sensitively and rejects it.",
        d.detail());
  }

  @Test
  void discriminatorInWrongCaseIsAWarningInOlderVersionsAndTheSubtypeIsChecked() {
    String t =
        edit(
            "\"type\": \"Shell\", \"name\": \"hello\"", "\"type\": \"shell\", \"nmae\": \"hello\"");
    List<Diagnostic> diags = validate(LENIENT, t);
    assertEquals(2, diags.size(), () -> render(diags));
    assertDiag(
        diags.get(0),
        SpecCode.VALUE_CASE_ACCEPTED,
        "/properties/customize/0/type",
        at(t, "\"shell\""));
    assertEquals(
        "The customizer type \"shell\" must be written \"Shell\". API version 2022-07-01 accepts"
            + " it, but API version 2024-02-01 and later reject it.",
        diags.get(0).detail());
    assertDiag(
        diags.get(1),
        SpecCode.UNKNOWN_PROPERTY_IGNORED,
        "/properties/customize/0/nmae",
        at(t, "\"nmae\""));
  }

  @Test
  void unknownDiscriminatorValueListsValidOnesWithDidYouMean() {
    String t = edit("\"type\": \"Shell\"", "\"type\": \"Shel\"");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(d, SpecCode.UNKNOWN_TYPE, "/properties/customize/0/type", at(t, "\"Shel\""));
    assertEquals(
        "\"Shel\" is not a customizer type in API version 2024-02-01. Valid values: File,"
            + " PowerShell, Shell, WindowsRestart, WindowsUpdate. Did you mean \"Shell\"?",
        d.detail());
  }

  @Test
  void typeFromAnotherVersionNamesTheVersionsThatHaveIt() {
    String t =
        edit(
            "{\"type\": \"PlatformImage\", \"publisher\": \"Canonical\", \"offer\": \"ubuntu\","
                + " \"sku\": \"22_04\", \"version\": \"latest\"}",
            "{\"type\": \"ISO\", \"sourceUri\": \"https://x/rhel.iso\", \"sha256Checksum\":"
                + " \"ab\"}");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(d, SpecCode.TYPE_NOT_IN_VERSION, "/properties/source/type", at(t, "\"ISO\""));
    assertEquals(
        "The source type \"ISO\" exists only in API version 2019-05-01-preview; this template uses"
            + " 2024-02-01. The service retired ISO sources; start from a PlatformImage,"
            + " ManagedImage or SharedImageVersion instead. Valid types in 2024-02-01:"
            + " ManagedImage, PlatformImage, SharedImageVersion.",
        d.detail());
    assertEquals(List.of(), validate(ApiVersion.V2019_05_01_PREVIEW, t));
  }

  @Test
  void validatorTypeFromALaterVersion() {
    String t =
        edit(
            "\"customize\": [",
            "\"validate\": {\"inVMValidations\": [{\"type\": \"File\", \"sourceUri\":"
                + " \"https://x/f\", \"destination\": \"/tmp/f\"}]},\n"
                + "    \"customize\": [");
    Diagnostic d = only(validate(ApiVersion.V2022_02_14, t));
    assertDiag(
        d,
        SpecCode.TYPE_NOT_IN_VERSION,
        "/properties/validate/inVMValidations/0/type",
        at(t, "\"File\""));
    assertTrue(
        d.detail().startsWith("The validator type \"File\" exists from API version 2022-07-01;"),
        d.detail());
  }

  @Test
  void discriminatorMustBeAString() {
    String t = edit("\"type\": \"Shell\"", "\"type\": 7");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(
        d,
        SpecCode.WRONG_TYPE,
        "/properties/customize/0/type",
        atAfter(t, "\"customize\": [\n      {\"type\": "));
  }

  @Test
  void versioningSchemeIsDiscriminated() {
    String t =
        edit(
            "{\"type\": \"ManagedImage\", \"imageId\":"
                + " \"/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/images/img\","
                + " \"location\": \"westus\", \"runOutputName\": \"out-1\"}",
            "{\"type\": \"SharedImage\", \"galleryImageId\": \"/g\", \"runOutputName\": \"out-1\","
                + " \"versioning\": {\"scheme\": \"Latest\", \"major\": -2}}");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(
        d,
        SpecCode.OUT_OF_RANGE,
        "/properties/distribute/0/versioning/major",
        atAfter(t, "\"major\": "));
    String source =
        t.replace("\"scheme\": \"Latest\", \"major\": -2", "\"scheme\": \"Source\", \"major\": 1");
    Diagnostic s = only(validate(STRICT, source));
    assertDiag(
        s,
        SpecCode.UNKNOWN_PROPERTY,
        "/properties/distribute/0/versioning/major",
        at(source, "\"major\""));
    assertTrue(
        s.detail()
            .startsWith(
                "\"major\" is not a property of the Source versioning in API version 2024-02-01."),
        s.detail());
  }

  // ---- the resource envelope ----

  @Test
  void resourceTypeCaseIsAWarning() {
    String t =
        edit(
            "Microsoft.VirtualMachineImages/imageTemplates",
            "microsoft.virtualmachineimages/imagetemplates");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(d, SpecCode.RESOURCE_TYPE_CASE, "/type", at(t, "\"microsoft."));
  }

  @Test
  void otherResourceTypeIsAnError() {
    String t =
        edit("Microsoft.VirtualMachineImages/imageTemplates", "Microsoft.VirtualMachineImages");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(
        d, SpecCode.WRONG_RESOURCE_TYPE, "/type", at(t, "\"Microsoft.VirtualMachineImages\""));
    assertEquals(
        "The resource type is \"Microsoft.VirtualMachineImages\", but an image template has the"
            + " type \"Microsoft.VirtualMachineImages/imageTemplates\". Write that type.",
        d.detail());
  }

  @Test
  void missingResourceType() {
    String t = edit("\"type\": \"Microsoft.VirtualMachineImages/imageTemplates\",\n", "");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(d, SpecCode.MISSING_REQUIRED, "", "t.json:1:1");
  }

  @Test
  void templateNameMustMatchThePattern() {
    String t = edit("\"tpl-1\"", "\"my template\"");
    Diagnostic d = only(validate(STRICT, t));
    assertDiag(d, SpecCode.INVALID_TEMPLATE_NAME, "/name", at(t, "\"my template\""));
    assertEquals(
        "The template name \"my template\" is not valid: 1 to 64 characters, each an ASCII letter"
            + " (A-Z, a-z), a digit (0-9), \"-\", \"_\" or \".\". Choose a name of that form.",
        d.detail());
  }

  @Test
  void aNameOfNonAsciiLettersIsToldThatOnlyAsciiLettersAreAllowed() {
    // "each a letter" read as allowing these letters, which the pattern refuses.
    for (String name : List.of("\u00dcberpr\u00fcfung", "stra\u00dfe", "caf\u00e9")) {
      String t = edit("\"tpl-1\"", "\"" + name + "\"");
      Diagnostic d = only(validate(STRICT, t));
      assertDiag(d, SpecCode.INVALID_TEMPLATE_NAME, "/name", at(t, "\"" + name + "\""));
      assertTrue(d.detail().contains("each an ASCII letter (A-Z, a-z), a digit (0-9)"), d.detail());
    }
  }

  @Test
  void resourceMustBeAnObject() {
    Diagnostic d = only(validate(STRICT, "[1, 2]"));
    assertDiag(d, SpecCode.WRONG_TYPE, "", "t.json:1:1");
    assertEquals("An image template resource must be an object, not an array.", d.detail());
  }

  // ---- 2019-05-01-preview documentation overrides ----

  @Test
  void documented2019AdditionsAreAccepted() {
    String t =
        edit("\"2024-02-01\"", "\"2019-05-01-preview\"")
            .replace(
                "{\"vmSize\": \"Standard_D2s_v3\"}",
                "{\"vmSize\": \"Standard_D2s_v3\", \"osDiskSizeGB\": 64, \"vnetConfig\": {\"name\":"
                    + " \"vnet\", \"subnetName\": \"sub\", \"resourceGroupName\": \"rg\"}}")
            .replace(
                "{\"type\": \"Shell\", \"name\": \"hello\", \"inline\": [\"echo hello\"]}",
                "{\"type\": \"WindowsUpdate\", \"searchCriteria\": \"IsInstalled=0\", \"filters\":"
                    + " [\"include:$true\"], \"updateLimit\": 20}");
    assertEquals(List.of(), validate(ApiVersion.V2019_05_01_PREVIEW, t));
  }

  @Test
  void documented2019VnetFormIsStrict() {
    String t =
        edit(
            "{\"vmSize\": \"Standard_D2s_v3\"}",
            "{\"vnetConfig\": {\"subnetId\": \"/subscriptions/s/x\", \"subnetName\": 5}}");
    List<Diagnostic> diags = validate(ApiVersion.V2019_05_01_PREVIEW, t);
    assertEquals(2, diags.size(), () -> render(diags));
    assertDiag(
        diags.get(0),
        SpecCode.UNKNOWN_PROPERTY_IGNORED,
        "/properties/vmProfile/vnetConfig/subnetId",
        at(t, "\"subnetId\""));
    assertTrue(
        diags
            .get(0)
            .detail()
            .startsWith(
                "\"subnetId\" exists from API version 2020-02-14; this template uses"
                    + " 2019-05-01-preview. API version 2019-05-01-preview names the subnet by"
                    + " name, subnetName and resourceGroupName instead."),
        diags.get(0).detail());
    assertDiag(
        diags.get(1),
        SpecCode.WRONG_TYPE,
        "/properties/vmProfile/vnetConfig/subnetName",
        atAfter(t, "\"subnetName\": "));
  }

  @Test
  void nameFormOfVnetConfigIsUnknownFrom2020() {
    String t =
        edit("{\"vmSize\": \"Standard_D2s_v3\"}", "{\"vnetConfig\": {\"subnetName\": \"sub\"}}");
    Diagnostic d = only(validate(STRICT, t));
    assertTrue(
        d.detail()
            .startsWith(
                "\"subnetName\" exists only in API version 2019-05-01-preview; this template uses"
                    + " 2024-02-01. From API version 2020-02-14 vnetConfig names the subnet by its"
                    + " resource id in subnetId."),
        d.detail());
  }

  // ---- pointers and locations ----

  @Test
  void basePointerPrefixesEveryPath() {
    String t = edit("\"runOutputName\": \"out-1\"", "\"runOutputName\": \"my out\"");
    List<Diagnostic> diags =
        SpecValidator.forVersion(STRICT)
            .validate(Docs.parse("t.json", t), "/resources/2", p -> Optional.empty());
    assertEquals(
        Optional.of("/resources/2/properties/distribute/0/runOutputName"), only(diags).path());
  }

  @Test
  void locateGivesRangesToProgramBuiltNodes() {
    String t = edit("\"runOutputName\": \"out-1\"", "\"runOutputName\": \"my out\"");
    DocNode built = Docs.fromJackson(Docs.jackson(t));
    SourceFile origin = new SourceFile("src.pkr.hcl", "line one\n  image_name = \"my out\"\n");
    Range where = origin.range(24, 32);
    List<String> asked = new ArrayList<>();
    List<Diagnostic> diags =
        SpecValidator.forVersion(STRICT)
            .validate(
                built,
                "",
                p -> {
                  asked.add(p);
                  return p.equals("/properties/distribute/0/runOutputName")
                      ? Optional.of(where)
                      : Optional.empty();
                });
    Diagnostic d = only(diags);
    assertEquals(Optional.of(where), d.subject());
    assertEquals("src.pkr.hcl:2:16", d.subject().get().toString());
    assertEquals(List.of("/properties/distribute/0/runOutputName"), asked);
  }

  @Test
  void diagnosticsAreInDocumentOrderAndDeterministic() {
    String t =
        edit("\"tpl-1\"", "\"bad name\"")
            .replace("\"buildTimeoutInMinutes\": 60", "\"buildTimeoutInMinutes\": 9999")
            .replace("\"runOutputName\": \"out-1\"", "\"runOutputName\": \"bad out\"");
    List<Diagnostic> first = validate(STRICT, t);
    assertEquals(
        List.of(
            "/name", "/properties/buildTimeoutInMinutes", "/properties/distribute/0/runOutputName"),
        first.stream().map(d -> d.path().orElseThrow()).collect(Collectors.toList()));
    assertEquals(first, validate(STRICT, t));
  }
}
