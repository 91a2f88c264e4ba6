package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate}'s verdict, codes and wording for a file are its own: the same alone, next to
 * another file, with {@code --report}, and under {@code validate -r}. (Several inputs or a report
 * once switched every input to convert's pipeline: re-targeted to {@code --api-version}, in
 * convert's words, SPEC-W106 "left out of the output" where alone it was SPEC-W101, so a CI job
 * that passed with one file failed once a second was added.)
 */
class ValidateAloneOrNotTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** A valid 2025-10-01 template with fields 2019-05-01-preview lacks. */
  private static final String NEWER =
      Templates.VALID_AIB
          .replace("\"2024-02-01\"", "\"2025-10-01\"")
          .replace(
              "\"properties\": {",
              "\"properties\": {\n    \"optimize\": {\"vmBoot\": {\"state\": \"Enabled\"}},\n"
                  + "    \"errorHandling\": {\"onCustomizerError\": \"abort\"},");

  /**
   * An ARM deployment template whose apiVersion is a parameter with a 2019-05-01-preview default,
   * and a vnetConfig in that version's name form, which 2024-02-01 does not have.
   */
  private static final String ARM_2019_DEFAULT =
      """
      {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {"apiVersion": {"type": "string", "defaultValue": "2019-05-01-preview"}},
        "resources": [
          {
            "type": "Microsoft.VirtualMachineImages/imageTemplates",
            "apiVersion": "[parameters('apiVersion')]",
            "name": "arm19",
            "location": "westeurope",
            "identity": {"type": "UserAssigned", "userAssignedIdentities": {"%s": {}}},
            "properties": {
              "source": {"type": "PlatformImage", "publisher": "Canonical", "offer": "o",
                         "sku": "s", "version": "latest"},
              "vmProfile": {"vnetConfig": {"name": "vnet", "subnetName": "build",
                                           "resourceGroupName": "rg-net"}},
              "distribute": [{"type": "VHD", "runOutputName": "v"}]
            }
          }
        ]
      }
      """
          .formatted(Templates.IDENTITY);

  /** A 2023-07-01 template with an unknown property and a wrongly cased one. */
  private static final String OLDER_WITH_WARNINGS =
      Templates.VALID_AIB
          .replace("\"2024-02-01\"", "\"2023-07-01\"")
          .replace(
              "\"properties\": {",
              "\"properties\": {\n    \"unknownThing\": 1,\n    \"BuildTimeoutInMinutes\": 60,");

  @Test
  void aLiteralVersionIsCheckedAsWrittenWhateverElseIsGiven() throws Exception {
    List<Run> runs = runs(NEWER, "--strict", "--api-version", "2019-05-01-preview");

    assertAllAgree(runs);
    assertTrue(runs.get(0).passed(), runs.get(0).toString());
    assertFalse(runs.get(0).codes().contains("RETARGET-W001"), runs.get(0).toString());
  }

  @Test
  void aParameterDefaultGivesWayToApiVersionWhateverElseIsGiven() throws Exception {
    List<Run> runs = runs(ARM_2019_DEFAULT, "--api-version", "2024-02-01");

    assertAllAgree(runs);
    // Checked against 2024-02-01, as the README says: the name form is unknown there.
    assertFalse(runs.get(0).passed(), runs.get(0).toString());
    assertTrue(runs.get(0).codes().contains("SPEC-E101"), runs.get(0).toString());
  }

  @Test
  void theCodesAndWordsAreValidatesWhateverElseIsGiven() throws Exception {
    List<Run> runs = runs(OLDER_WITH_WARNINGS);

    assertAllAgree(runs);
    assertEquals(List.of("SPEC-W101", "SPEC-W102"), runs.get(0).codes(), runs.get(0).toString());
    for (Run r : runs) {
      assertFalse(r.err().contains("left out of the output"), r.name() + ": " + r.err());
      assertFalse(r.err().contains("SPEC-W106"), r.name() + ": " + r.err());
    }
  }

  @Test
  void ignoringValidatesCodesHoldsWhateverElseIsGiven() throws Exception {
    List<Run> runs = runs(OLDER_WITH_WARNINGS, "--strict", "--ignore", "SPEC-W101,SPEC-W102");

    assertAllAgree(runs);
    assertTrue(runs.get(0).passed(), runs.get(0).toString());
  }

  /** One way of running validate on the file: its verdict and what was said about it. */
  private record Run(String name, boolean passed, List<String> diagnostics, String err) {
    List<String> codes() {
      return diagnostics.stream().map(d -> d.substring(0, d.indexOf(' '))).sorted().toList();
    }
  }

  private static void assertAllAgree(List<Run> runs) {
    Run alone = runs.get(0);
    for (Run r : runs.subList(1, runs.size())) {
      assertEquals(alone.passed(), r.passed(), r.name() + " vs alone: " + r.err() + alone.err());
      assertEquals(alone.diagnostics(), r.diagnostics(), r.name() + " vs alone");
    }
  }

  /**
   * {@code validate OPTIONS subject.json} alone, next to another (valid) file, with {@code
   * --report}, and as the only template of a {@code validate -r} tree.
   */
  private List<Run> runs(String text, String... options) throws Exception {
    Path subject = Templates.write(tmp.resolve("in"), "subject.json", text);
    Path other = Templates.write(tmp, "other.json", Templates.VALID_AIB);
    Path report = tmp.resolve("report.json");
    List<Run> runs = new ArrayList<>();
    runs.add(plain("alone", subject, options));
    runs.add(plain("next to another file", subject, options, other.toString()));
    runs.add(plain("with --report", subject, options, "--report", report.toString()));
    assertTrue(Files.exists(report));
    CliRun tree =
        CliRun.run(
            args(
                options,
                "-r",
                "--progress",
                "none",
                "--show-warnings",
                tmp.resolve("in").toString()));
    runs.add(new Run("validate -r", tree.exitCode() == 0, about(tree.err()), tree.err()));
    return runs;
  }

  private static Run plain(String name, Path subject, String[] options, String... more) {
    List<String> rest = new ArrayList<>(List.of(more));
    rest.add(0, subject.toString());
    CliRun r = CliRun.run(args(options, rest.toArray(String[]::new)));
    boolean passed = r.out().lines().anyMatch(l -> l.startsWith(subject + ": ok"));
    return new Run(name, passed, about(r.err()), r.err());
  }

  private static String[] args(String[] options, String... rest) {
    List<String> all = new ArrayList<>(List.of("validate", "--diagnostics-format", "json"));
    all.addAll(List.of(options));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  /** The diagnostics about subject.json, as "CODE path detail", in the order given. */
  private static List<String> about(String err) {
    int start = err.indexOf('[');
    int end = err.lastIndexOf(']');
    List<String> out = new ArrayList<>();
    try {
      for (JsonNode d : JSON.readTree(err.substring(start, end + 1))) {
        if (d.path("range").path("file").asText().endsWith("subject.json")) {
          out.add(
              d.path("code").asText()
                  + " "
                  + d.path("path").asText()
                  + " "
                  + d.path("detail").asText());
        }
      }
    } catch (Exception e) {
      throw new AssertionError("not JSON diagnostics: " + err, e);
    }
    return out;
  }
}
