package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code packer2aib inspect} through {@link Main#run}, with captured streams. */
class InspectCommandTest {
  @TempDir Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String TEMPLATE =
      String.join(
          "\n",
          "variable \"location\" {",
          "  default = \"westeurope\"",
          "}",
          "variable \"password\" {",
          "  type      = string",
          "  sensitive = true",
          "}",
          "source \"azure-arm\" \"ubuntu\" {",
          "  location     = var.location",
          "  ssh_password = var.password",
          "}",
          "build {",
          "  sources = [\"source.azure-arm.ubuntu\"]",
          "  provisioner \"shell\" {",
          "    only   = [\"azure-arm.ubuntu\"]",
          "    inline = [\"echo ${source.name}\"]",
          "  }",
          "}",
          "");

  private Path template() {
    return Templates.write(tmp, "main.pkr.hcl", TEMPLATE);
  }

  @Test
  void printsTheModelAsJsonWithSensitiveValuesRedacted() throws Exception {
    Path t = template();

    CliRun r = CliRun.run("inspect", "--var", "password=hunter2", t.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals("inspected 1 input\n", r.err());
    assertTrue(r.out().endsWith("}\n"), r.out());
    assertFalse(r.out().contains("hunter2"), r.out());
    JsonNode model = JSON.readTree(r.out());
    assertEquals("hcl2", model.get("syntax").asText());
    // The template's folder, as path.root gives it, also for a single file.
    assertEquals(t.getParent().toString(), model.get("root").asText());
    JsonNode password = model.get("variables").get(1);
    assertEquals("password", password.get("name").asText());
    assertEquals("<sensitive>", password.get("value").asText());
    assertEquals("command_line", password.get("set_by").asText());
    JsonNode source = model.get("sources").get(0);
    assertEquals("westeurope", source.get("settings").get("location").asText());
    assertEquals("<sensitive>", source.get("settings").get("ssh_password").asText());
    JsonNode provisioner = model.get("builds").get(0).get("provisioners").get(0);
    assertEquals("azure-arm.ubuntu", provisioner.get("only").get(0).asText());
    assertEquals("echo ubuntu", provisioner.get("settings").get("inline").get(0).asText());
  }

  @Test
  void readsLegacyJsonTemplatesWithSensitiveVariablesRedacted() throws Exception {
    Path t =
        Templates.write(
            tmp,
            "legacy.json",
            "{\n"
                + "  \"variables\": {\"secret\": \"\", \"sku\": \"22_04-lts\"},\n"
                + "  \"sensitive-variables\": [\"secret\"],\n"
                + "  \"builders\": [{\"type\": \"azure-arm\", \"image_sku\": \"{{user `sku`}}\",\n"
                + "    \"client_secret\": \"{{user `secret`}}\"}]\n"
                + "}\n");

    CliRun r = CliRun.run("inspect", "--var", "secret=hunter2", t.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.out().contains("hunter2"), r.out());
    assertFalse(r.err().contains("hunter2"), r.err());
    JsonNode model = JSON.readTree(r.out());
    assertEquals("legacy_json", model.get("syntax").asText());
    assertEquals("<sensitive>", model.get("variables").get(0).get("value").asText());
  }

  /**
   * A value computed again from the source of a secret carries no sensitive mark: the default of
   * conn reads the environment variable that the sensitive sp_secret reads. Packer 1.6.6 masks its
   * text ({@code var.conn: "<sensitive>@login"}); inspect printed it in clear, in the variable and
   * in every setting built from it.
   */
  @Test
  void aValueHoldingTheTextOfASecretIsWithheldEverywhere() throws Exception {
    Path t =
        Templates.write(
            tmp,
            "main.pkr.hcl",
            String.join(
                "\n",
                "variable \"sp_secret\" {",
                "  type      = string",
                "  default   = env(\"SP_SECRET\")",
                "  sensitive = true",
                "}",
                "variable \"conn\" {",
                "  type    = string",
                "  default = \"${env(\"SP_SECRET\")}@login\"",
                "}",
                "locals {",
                "  list = [\"a\", var.conn]",
                "  map  = { (var.conn) = \"v\" }",
                "}",
                "source \"azure-arm\" \"u\" {",
                "  location   = \"westeurope\"",
                "  azure_tags = { note = var.conn, team = \"web\" }",
                "}",
                "build {",
                "  description = var.conn",
                "  sources     = [\"source.azure-arm.u\"]",
                "  provisioner \"shell\" {",
                "    inline = [\"echo ${var.conn}\", \"echo ok\"]",
                "  }",
                "  post-processor \"manifest\" {",
                "    output = \"${var.conn}.json\"",
                "  }",
                "}",
                ""));

    CliRun fromEnv =
        CliRun.with().env(Map.of("SP_SECRET", "Hunter2Hunter2")).run("inspect", t.toString());
    CliRun fromVars =
        CliRun.run(
            "inspect",
            "--var",
            "sp_secret=Hunter2Hunter2",
            "--var",
            "conn=Hunter2Hunter2",
            t.toString());

    for (CliRun r : new CliRun[] {fromEnv, fromVars}) {
      assertEquals(0, r.exitCode(), r.err());
      assertFalse(r.out().contains("Hunter2"), r.out());
      assertFalse(r.err().contains("Hunter2"), r.err());
      JsonNode model = JSON.readTree(r.out());
      assertEquals("<sensitive>", model.get("variables").get(1).get("value").asText());
      assertEquals("[\"a\",\"<sensitive>\"]", model.get("locals").get(0).get("value").toString());
      assertEquals("\"<sensitive>\"", model.get("locals").get(1).get("value").toString());
      JsonNode tags = model.get("sources").get(0).get("settings").get("azure_tags");
      assertEquals("{\"note\":\"<sensitive>\",\"team\":\"web\"}", tags.toString());
      JsonNode build = model.get("builds").get(0);
      assertEquals("<sensitive>", build.get("description").asText());
      assertEquals(
          "[\"<sensitive>\",\"echo ok\"]",
          build.get("provisioners").get(0).get("settings").get("inline").toString());
      assertEquals(
          "<sensitive>",
          build.get("post_processors").get(0).get(0).get("settings").get("output").asText());
    }
  }

  @Test
  void aFileThatIsNoPackerTemplateIsAnInputError() {
    Path t = Templates.write(tmp, "other.json", "{\"name\": \"x\"}\n");

    CliRun r = CliRun.run("inspect", t.toString());

    assertEquals(1, r.exitCode());
    assertEquals("", r.out());
    assertTrue(r.err().contains("Not a Packer template [LEGACY-E032]"), r.err());
  }

  @Test
  void theOutputIsTwoSpaceIndentedAndTheSameEveryRun() {
    Path t = template();

    CliRun first = CliRun.run("inspect", "--var", "password=x", t.toString());
    CliRun second = CliRun.run("inspect", "--var", "password=x", t.toString());

    assertEquals(first.out(), second.out());
    assertTrue(first.out().startsWith("{\n  \"syntax\": \"hcl2\",\n"), first.out());
  }

  @Test
  void valuesFollowPackersPrecedence() throws Exception {
    Path t = template();
    Path vars = Templates.write(tmp, "prod.pkrvars.hcl", "location = \"northeurope\"\n");

    CliRun fromFile =
        CliRun.with()
            .env(Map.of("PKR_VAR_location", "eastus", "PKR_VAR_password", "x"))
            .run("inspect", "--var-file", vars.toString(), t.toString());
    CliRun fromEnv =
        CliRun.with()
            .env(Map.of("PKR_VAR_location", "eastus", "PKR_VAR_password", "x"))
            .run("inspect", t.toString());
    CliRun fromVar =
        CliRun.with()
            .env(Map.of("PKR_VAR_password", "x"))
            .run(
                "inspect", "--var", "location=westus", "--var-file", vars.toString(), t.toString());

    assertEquals("northeurope", location(fromFile));
    assertEquals("eastus", location(fromEnv));
    assertEquals("westus", location(fromVar));
  }

  private static String location(CliRun r) throws Exception {
    assertEquals(0, r.exitCode(), r.err());
    return JSON.readTree(r.out()).get("variables").get(0).get("value").asText();
  }

  @Test
  void aFolderIsReadWithItsAutomaticVarFiles() throws Exception {
    Path dir = tmp.resolve("images");
    Templates.write(dir, "main.pkr.hcl", TEMPLATE);
    Templates.write(dir, "secret.auto.pkrvars.hcl", "password = \"s3cret\"\n");

    CliRun r = CliRun.run("inspect", dir.toString());

    assertEquals(0, r.exitCode(), r.err());
    JsonNode password = JSON.readTree(r.out()).get("variables").get(1);
    assertEquals("auto_var_file", password.get("set_by").asText());
    assertFalse(r.out().contains("s3cret"));
  }

  /** A template with an error on line 4: a reference to a variable it does not declare. */
  private Path broken() {
    return Templates.write(
        tmp, "broken.pkr.hcl", "variable \"a\" {\n  default = \"x\"\n}\nlocals { b = var.nope }\n");
  }

  @Test
  void errorsPrintNothingOnStdoutAndExitOne() {
    Path t = broken();

    CliRun r = CliRun.run("inspect", t.toString());

    assertEquals(1, r.exitCode());
    assertEquals("", r.out());
    assertTrue(
        r.err().startsWith(t + ":4:14: error: Reference to undeclared input variable [PKR-E040]\n"),
        r.err());
    assertTrue(r.err().endsWith("inspected 1 input; 1 input failed; 1 error\n"), r.err());
  }

  @Test
  void aSensitiveValueOfTheWrongTypeIsNotEchoed() {
    Path t =
        Templates.write(
            tmp,
            "typed.pkr.hcl",
            "variable \"token\" {\n  type      = list(string)\n  sensitive = true\n}\n");

    CliRun r = CliRun.run("inspect", "--var", "token=[hunter2", t.toString());

    assertEquals(1, r.exitCode());
    assertFalse(r.err().contains("hunter2"), r.err());
    assertTrue(r.err().contains("[PKR-E022]"), r.err());
  }

  @Test
  void warningsFailOnlyWithStrict() {
    Path t =
        Templates.write(
            tmp,
            "warn.pkr.hcl",
            "source \"azure-arm\" \"x\" {}\nbuild {\n  sources = [\"sources.azure-arm.x\"]\n}\n");

    CliRun lenient = CliRun.run("inspect", t.toString());
    CliRun strict = CliRun.run("inspect", "--strict", t.toString());

    assertEquals(0, lenient.exitCode(), lenient.err());
    assertTrue(lenient.err().contains("warning: Unusual source reference [PKR-W057]"));
    assertTrue(lenient.err().endsWith("inspected 1 input; 1 warning\n"), lenient.err());
    assertEquals(1, strict.exitCode());
    assertEquals("", strict.out());
  }

  @Test
  void quietPrintsOnlyTheModel() {
    Path t =
        Templates.write(
            tmp, "data.pkr.hcl", "data \"http\" \"x\" {\n  url = \"https://example.com\"\n}\n");

    CliRun r = CliRun.run("inspect", "-q", t.toString());

    assertEquals(0, r.exitCode());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("{"), r.out());
  }

  @Test
  void diagnosticsCanBeOneJsonArray() throws Exception {
    Path t = broken();

    CliRun r = CliRun.run("inspect", "--diagnostics-format", "json", t.toString());

    assertEquals(1, r.exitCode());
    JsonNode array = JSON.readTree(r.err());
    assertEquals(1, array.size());
    assertEquals("PKR-E040", array.get(0).get("code").asText());
    assertEquals(4, array.get(0).get("range").get("line").asInt());
  }

  @Test
  void theClockIsPinnedBySourceDateEpoch() throws Exception {
    Path t = Templates.write(tmp, "time.pkr.hcl", "locals {\n  now = timestamp()\n}\n");

    CliRun r = CliRun.with().env(Map.of("SOURCE_DATE_EPOCH", "86400")).run("inspect", t.toString());
    CliRun bad =
        CliRun.with().env(Map.of("SOURCE_DATE_EPOCH", "soon")).run("inspect", t.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        "1970-01-02T00:00:00Z", JSON.readTree(r.out()).get("locals").get(0).get("value").asText());
    assertEquals(2, bad.exitCode());
    assertTrue(bad.err().contains("SOURCE_DATE_EPOCH"), bad.err());
  }

  @Test
  void aMissingInputIsAnInputError() {
    CliRun r = CliRun.run("inspect", tmp.resolve("none.pkr.hcl").toString());

    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("error: Cannot read file [PKR-E002]"), r.err());
    assertTrue(r.err().contains("no such file or directory"), r.err());
  }

  /**
   * packer inspect shows a variable without a value as "<unknown>" (legacy: under "Required
   * variables") and exits 0; inspect refused the template (PKR-E020, LEGACY-E010). validate still
   * does.
   */
  @Test
  void aVariableWithoutAValueIsShownAsUnknownAndNamedInANote() throws Exception {
    Path hcl =
        Templates.write(
            tmp,
            "main.pkr.hcl",
            String.join(
                "\n",
                "variable \"rg\" {",
                "  type = string",
                "}",
                "source \"azure-arm\" \"u\" {",
                "  managed_image_resource_group_name = var.rg",
                "}",
                "build {",
                "  sources = [\"source.azure-arm.u\"]",
                "}",
                ""));
    Path legacy =
        Templates.write(
            tmp,
            "legacy.json",
            "{\"variables\": {\"rg\": null},\n"
                + " \"builders\": [{\"type\": \"azure-arm\","
                + " \"managed_image_resource_group_name\": \"{{user `rg`}}\"}]}\n");

    for (Path t : new Path[] {hcl, legacy}) {
      CliRun r = CliRun.run("inspect", t.toString());
      CliRun checked = CliRun.run("validate", t.toString());

      assertEquals(0, r.exitCode(), r.err());
      JsonNode variable = JSON.readTree(r.out()).get("variables").get(0);
      assertEquals("<unknown>", variable.get("value").asText());
      assertEquals("unset", variable.get("set_by").asText());
      JsonNode source = JSON.readTree(r.out()).get("sources").get(0);
      assertEquals(
          "<unknown>", source.get("settings").get("managed_image_resource_group_name").asText());
      assertTrue(
          r.err()
              .contains(t == hcl ? "note: Variable without a value [PKR-N033]" : "[LEGACY-N001]"),
          r.err());
      assertTrue(r.err().contains("\"rg\""), r.err());
      assertEquals(1, checked.exitCode(), checked.err());
      assertTrue(checked.err().contains(t == hcl ? "[PKR-E020]" : "[LEGACY-E010]"), checked.err());
    }
  }

  /**
   * A path that is not there is told in the words and code validate uses, whatever its name; a var
   * file without an extension that is not there is missing, not "of an unknown format".
   */
  @Test
  void aMissingFileIsToldAsValidateTellsIt() {
    Path t = template();
    for (String name : List.of("none", "none.json")) {
      String missing = tmp.resolve(name).toString();

      CliRun inspected = CliRun.run("inspect", missing);
      CliRun validated = CliRun.run("validate", missing);

      assertEquals(1, inspected.exitCode());
      String line = "error: cannot read " + missing + ": no such file or directory [CLI-E001]\n";
      assertTrue(inspected.err().startsWith(line), inspected.err());
      assertTrue(validated.err().startsWith(line), validated.err());
    }
    CliRun varFile =
        CliRun.run(
            "inspect",
            "--var",
            "password=x",
            "--var-file",
            tmp.resolve("vars").toString(),
            t.toString());
    assertEquals(1, varFile.exitCode());
    assertTrue(varFile.err().contains("Cannot read file [PKR-E002]"), varFile.err());
    assertTrue(varFile.err().contains("no such file or directory"), varFile.err());
    assertFalse(varFile.err().contains("Unknown variable file format"), varFile.err());
  }

  /** Standard input is no template for inspect: it said "- could not be read: no such file". */
  @Test
  void standardInputIsAUsageError() {
    CliRun r = CliRun.run("inspect", "-");

    assertEquals(2, r.exitCode());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("error: inspect does not read standard input"), r.err());
  }

  @Test
  void usageErrors() {
    Path t = template();

    CliRun noName = CliRun.run("inspect", "--var", "s3cretvalue", t.toString());
    CliRun noInput = CliRun.run("inspect");
    CliRun twoInputs = CliRun.run("inspect", t.toString(), t.toString());

    assertEquals(2, noName.exitCode());
    assertTrue(noName.err().contains("expected NAME=VALUE"), noName.err());
    assertFalse(noName.err().contains("s3cretvalue"), noName.err());
    assertEquals(2, noInput.exitCode());
    assertEquals(2, twoInputs.exitCode());
  }

  @Test
  void helpListsTheCommand() {
    CliRun r = CliRun.run("--help");

    assertTrue(r.out().contains("inspect"), r.out());
  }
}
