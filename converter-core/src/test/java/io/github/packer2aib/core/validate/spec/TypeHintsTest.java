package io.github.packer2aib.core.validate.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.parse.ParseResult;
import io.github.packer2aib.core.parse.YamlReader;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The "what to do" sentence of a wrong type, for the ways YAML reads text as something else. */
class TypeHintsTest {
  private static final String HEAD =
"""
type: Microsoft.VirtualMachineImages/imageTemplates
apiVersion: 2024-02-01
name: t
location: westeurope
identity:
  type: UserAssigned
  userAssignedIdentities:
    /subscriptions/s/resourceGroups/r/providers/Microsoft.ManagedIdentity/userAssignedIdentities/i: {}
properties:
  source: {type: PlatformImage, publisher: Canonical, offer: o, sku: s, version: latest}
  distribute: [{type: VHD, runOutputName: v}]
""";

  private static Diagnostic only(String properties) {
    SourceFile file = new SourceFile("t.yaml", HEAD + properties);
    ParseResult parsed = YamlReader.read(file);
    assertEquals(List.of(), parsed.diagnostics());
    List<Diagnostic> diags =
        SpecValidator.forVersion(ApiVersion.V2024_02_01)
            .validate(parsed.documents().get(0), "", p -> Optional.empty());
    assertEquals(1, diags.size(), diags::toString);
    assertEquals("SPEC-E110", diags.get(0).code());
    return diags.get(0);
  }

  @Test
  void commandWithColonSpaceIsReadAsMapping() {
    Diagnostic d =
        only(
            """
              customize:
                - type: Shell
                  name: a
                  inline:
                    - echo Status: done
            """);
    assertEquals("t.yaml:16:11", at(d));
    assertEquals(
        "Item 0 of \"inline\" must be a string, not an object. YAML read this as the key \"echo"
            + " Status\" with the value \"done\", because a colon followed by a space ends a key."
            + " Put the whole text in quotes: 'echo Status: done'.",
        d.detail());
  }

  @Test
  void aCredentialReadAsMappingIsNotQuotedInTheHint() {
    // The quoted line masks what follows "--password:"; the hint showed it whole, in the text,
    // JSON and SARIF diagnostics and the reports (AIB authoring review).
    Diagnostic d =
        only(
            """
              customize:
                - type: Shell
                  name: a
                  inline:
                    - mysql -u root --password: Hunter2SuperSecret
            """);
    assertFalse(d.detail().contains("Hunter2SuperSecret"), d.detail());
    assertEquals(
        "Item 0 of \"inline\" must be a string, not an object. YAML read this as a key and a"
            + " value, because a colon followed by a space ends a key. Put the whole text in"
            + " quotes.",
        d.detail());
  }

  @Test
  void anUnquotedBooleanInMixedCaseIsToldItsCaseNotQuotes() {
    // tRUE is text to YAML 1.2 by its case; "write true without quotes" named quotes it never had.
    Diagnostic d =
        only(
            """
              customize:
                - type: PowerShell
                  name: a
                  runElevated: tRUE
                  inline: [echo]
            """);
    assertTrue(
        d.detail()
            .endsWith(
                " Write true in lower case: YAML reads only true, True and TRUE as a boolean."),
        d.detail());
  }

  @Test
  void anExplicitNullItemIsNotToldAboutComments() {
    // "- ~" is no comment: the hint about "#" did not fit it (AIB authoring review).
    Diagnostic d =
        only(
            """
              customize:
                - type: Shell
                  name: a
                  inline:
                    - ~
            """);
    assertTrue(
        d.detail()
            .endsWith(
                "Give it a value, or remove it. YAML reads ~ as no value: put it in quotes to"
                    + " mean the text."),
        d.detail());
  }

  @Test
  void quotesInTheSuggestionAreDoubled() {
    Diagnostic d =
        only(
            """
              customize:
                - type: PowerShell
                  name: a
                  inline:
                    - Write-Host "it's: ok"
            """);
    assertTrue(d.detail().endsWith("Put the whole text in quotes: 'Write-Host \"it''s: ok\"'."));
  }

  @Test
  void flowMappingAndSequenceAreNotTakenForAColon() {
    Diagnostic d =
        only(
            """
              customize:
                - type: Shell
                  name: a
                  inline:
                    - [ -f /etc/motd ]
            """);
    assertTrue(
        d.detail()
            .endsWith(
                "not an array. Write one string; put text that starts with" + " \"[\" in quotes."),
        d.detail());
    d =
        only(
            """
              customize:
                - type: Shell
                  name: a
                  inline:
                    - {a: b}
            """);
    assertTrue(d.detail().endsWith("put text that starts with \"{\" in quotes."), d.detail());
  }

  @Test
  void yaml11BooleanWordsSayWhichBooleanToWrite() {
    Diagnostic d =
        only(
            """
              customize:
                - type: PowerShell
                  name: a
                  runElevated: Off
                  inline: [x]
            """);
    assertEquals(
        "\"runElevated\" must be a boolean (true or false), not a string. YAML 1.2 reads \"Off\""
            + " as text, not as a boolean: write false.",
        d.detail());
    d =
        only(
            """
              customize:
                - type: PowerShell
                  name: a
                  runElevated: "true"
                  inline: [x]
            """);
    assertTrue(d.detail().endsWith("not a string. Write true without quotes."), d.detail());
  }

  @Test
  void emptyValueAndSingleStringWhereAListGoes() {
    Diagnostic d =
        only(
            """
              customize:
                - type: Shell
                  name:
                  inline: [x]
            """);
    assertEquals("\"name\" must be a string, not null. Give it a value, or remove it.", d.detail());
    // An empty item of a list of commands: most likely a line YAML read as a comment.
    d =
        only(
            """
              customize:
                - type: Shell
                  name: x
                  inline:
                    - #!/bin/bash
                    - echo hi
            """);
    assertEquals(
        "Item 0 of \"inline\" must be a string, not null. Give it a value, or remove it. In YAML,"
            + " text that starts with \"#\" after a blank (- #!/bin/bash) is a comment: put such"
            + " text in quotes.",
        d.detail());
    d =
        only(
            """
              customize:
                - type: Shell
                  name: a
                  inline: echo "hi"
            """);
    assertEquals(
        "\"inline\" must be an array, not a string. Write it as a list, even of one item:"
            + " [\"echo \\\"hi\\\"\"].",
        d.detail());
  }

  @Test
  void aCommandEndingInAColonIsToldItIsAKeyWithNoValue() {
    // "- echo done:" is the key "echo done" with no value; its hint spoke of text starting with
    // "{" (YAML review, session 30).
    Diagnostic d =
        only(
            """
              customize:
                - type: Shell
                  name: a
                  inline:
                    - echo done:
                    - echo next
            """);
    assertEquals(
        "Item 0 of \"inline\" must be a string, not an object. YAML read this as the key \"echo"
            + " done\" with no value, because a colon at the end of a line ends a key. Put the"
            + " whole text in quotes: 'echo done:'.",
        d.detail());
  }

  @Test
  void aStringWhereAListOfObjectsGoesIsShownAnItem() {
    // ["echo hi"] led to a second error: the items of "customize" are objects.
    Diagnostic d =
        only(
            """
              customize: echo hi
            """);
    assertEquals(
        "\"customize\" must be an array, not a string. Write a list of customizer objects, even"
            + " of one: each item starts with \"- type: Shell\" and has its other properties on"
            + " the lines below, lined up with \"type\" (in JSON: [{\"type\": \"Shell\", …}]).",
        d.detail());
  }

  @Test
  void aTagThatMadeTheValueTheWrongTypeIsToldToGo() {
    // "Put the value in quotes" for !!int "42", which is quoted already.
    assertTrue(
        only("""
          customize:
            - type: Shell
              name: !!int "42"
              inline: [x]
        """)
            .detail()
            .endsWith(
                " not a number. Remove the tag !!int: it makes YAML read the value as a number,"
                    + " not as text."));
    assertTrue(
        only("""
          customize:
            - type: Shell
              name: !!float 1
              inline: [x]
        """)
            .detail()
            .endsWith(
                " Remove the tag !!float: it makes YAML read the value as a number, not as text."));
    // "Write the number without quotes" for a number with no quotes.
    assertEquals(
        "\"buildTimeoutInMinutes\" must be an integer, not a string. Remove the tag !!str: it"
            + " makes YAML read the value as text.",
        only("  buildTimeoutInMinutes: !!str 60\n").detail());
    assertTrue(
        only("""
          customize:
            - type: PowerShell
              name: a
              runElevated: !!str true
              inline: [x]
        """)
            .detail()
            .endsWith(" Remove the tag !!str: it makes YAML read the value as text."));
    // Without the tag, "" would be null all the same: the text goes in quotes.
    assertTrue(
        only("""
          customize:
            - type: Shell
              name: !!null ""
              inline: [x]
        """)
            .detail()
            .endsWith(
                " Remove the tag !!null, which makes the value null, and write the text you mean"
                    + " in quotes."));
  }

  @Test
  void aTagWithNothingAfterItIsNoComment() {
    // "- !important" got the hint about "#" comments.
    Diagnostic d =
        wrongType(
            """
              customize:
                - type: Shell
                  name: a
                  inline:
                    - !important
            """);
    assertEquals(
        "Item 0 of \"inline\" must be a string, not null. YAML read !important as a tag, which is"
            + " not part of the value, and found no value after it. To mean the text, put it in"
            + " quotes: '!important'.",
        d.detail());
    // An anchor alone is no comment either.
    assertEquals(
        "Item 0 of \"inline\" must be a string, not null. Give it a value, or remove it.",
        wrongType(
                """
                  customize:
                    - type: Shell
                      name: a
                      inline:
                        - &a
                """)
            .detail());
  }

  @Test
  void blockListsAndExplicitKeysAreNotSaidToStartWithABracket() {
    Diagnostic d =
        only(
            """
              customize:
                - type: Shell
                  name: a
                  inline:
                    - - nested
            """);
    assertTrue(
        d.detail()
            .endsWith(
                " not an array. YAML read this as a list, because \"- \" (a dash and a blank)"
                    + " starts a list item. Write one string: put the whole text in quotes."),
        d.detail());
    d =
        only(
            """
              customize:
                - type: Shell
                  name: a
                  inline:
                    - ? weird
            """);
    assertTrue(
        d.detail()
            .endsWith(
                " not an object. YAML read this as a mapping, because \"? \" (a question mark and"
                    + " a blank) starts a key. Write one string: put the whole text in quotes."),
        d.detail());
    d =
        only(
            """
              customize:
                - type: Shell
                  name: a
                  inline:
                    - echo a: b
                      c: d
            """);
    assertTrue(
        d.detail()
            .endsWith(
                " not an object. YAML read this as a mapping, because a colon followed by a blank,"
                    + " or at the end of a line, ends a key. Write one string: put the whole text"
                    + " in quotes."),
        d.detail());
  }

  @Test
  void anAliasIsNotSaidToStartWithAnything() {
    // "- *s" names a mapping written elsewhere (here in braces): neither "{" nor a colon is what
    // this line holds.
    SourceFile file =
        new SourceFile(
            "t.yaml",
            HEAD.replace("source: {", "source: &s {")
                + """
                  customize:
                    - type: Shell
                      name: a
                      inline:
                        - *s
                """);
    ParseResult parsed = YamlReader.read(file);
    assertEquals(List.of(), parsed.diagnostics());
    List<Diagnostic> diags =
        SpecValidator.forVersion(ApiVersion.V2024_02_01)
            .validate(parsed.documents().get(0), "", p -> Optional.empty());
    assertEquals(1, diags.size(), diags::toString);
    assertEquals(
        "Item 0 of \"inline\" must be a string, not an object. Write one string.",
        diags.get(0).detail());
  }

  @Test
  void aDashWithoutItsBlankIsNamed() {
    Diagnostic d =
        only(
            """
              customize:
                - type: Shell
                  name: a
                  inline:
                    -ok
            """);
    assertEquals(
        "\"inline\" must be an array, not a string. YAML read \"-ok\" as text, not as a list"
            + " item, because a list item needs a blank after its \"-\". Write \"- ok\".",
        d.detail());
    // On its key's line, or an option (--verbose), it is more likely one item.
    assertTrue(
        only("""
          customize:
            - type: Shell
              name: a
              inline: -ok
        """)
            .detail()
            .endsWith(" Write it as a list, even of one item: [\"-ok\"]."));
    assertTrue(
        only("""
          customize:
            - type: Shell
              name: a
              inline:
                --verbose
        """)
            .detail()
            .endsWith(" Write it as a list, even of one item: [\"--verbose\"]."));
  }

  /** The one wrong type of a template whose reading may warn (an unsupported tag, an anchor). */
  private static Diagnostic wrongType(String properties) {
    SourceFile file = new SourceFile("t.yaml", HEAD + properties);
    ParseResult parsed = YamlReader.read(file);
    List<Diagnostic> diags =
        SpecValidator.forVersion(ApiVersion.V2024_02_01)
            .validate(parsed.documents().get(0), "", p -> Optional.empty());
    assertEquals(1, diags.size(), diags::toString);
    assertEquals("SPEC-E110", diags.get(0).code());
    return diags.get(0);
  }

  private static String at(Diagnostic d) {
    return d.subject().orElseThrow().toString();
  }
}
