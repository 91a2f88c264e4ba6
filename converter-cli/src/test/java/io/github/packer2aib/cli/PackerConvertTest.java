package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code convert} and {@code validate} on Packer templates (HCL2 and legacy JSON), end to end. */
class PackerConvertTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String IDENTITY =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
          + "Microsoft.ManagedIdentity/userAssignedIdentities/aib";

  @TempDir Path tmp;

  private static final String HCL =
      "variable \"secret\" {\n"
          + "  type      = string\n"
          + "  default   = \"\"\n"
          + "  sensitive = true\n"
          + "}\n"
          + "source \"azure-arm\" \"ubuntu\" {\n"
          + "  os_type                           = \"Linux\"\n"
          + "  subscription_id                   = \"00000000-0000-0000-0000-000000000001\"\n"
          + "  location                          = \"westeurope\"\n"
          + "  image_publisher                   = \"Canonical\"\n"
          + "  image_offer                       = \"0001-com-ubuntu-server-jammy\"\n"
          + "  image_sku                         = \"22_04-lts-gen2\"\n"
          + "  managed_image_name                = \"ubuntu-base\"\n"
          + "  managed_image_resource_group_name = \"rg-images\"\n"
          + "  client_secret                     = var.secret\n"
          + "}\n"
          + "build {\n"
          + "  sources = [\"source.azure-arm.ubuntu\"]\n"
          + "  provisioner \"shell\" {\n"
          + "    inline = [\"echo hello\"]\n"
          + "  }\n"
          + "}\n";

  private static final String LEGACY =
      "{\n"
          + "  \"variables\": {\"secret\": \"\"},\n"
          + "  \"sensitive-variables\": [\"secret\"],\n"
          + "  \"builders\": [{\n"
          + "    \"type\": \"azure-arm\", \"name\": \"ubuntu\", \"os_type\": \"Linux\",\n"
          + "    \"subscription_id\": \"00000000-0000-0000-0000-000000000001\",\n"
          + "    \"location\": \"westeurope\",\n"
          + "    \"image_publisher\": \"Canonical\",\n"
          + "    \"image_offer\": \"0001-com-ubuntu-server-jammy\",\n"
          + "    \"image_sku\": \"22_04-lts-gen2\",\n"
          + "    \"managed_image_name\": \"ubuntu-base\",\n"
          + "    \"managed_image_resource_group_name\": \"rg-images\",\n"
          + "    \"client_secret\": \"{{user `secret`}}\"\n"
          + "  }],\n"
          + "  \"provisioners\": [{\"type\": \"shell\", \"inline\": [\"echo hello\"]}]\n"
          + "}\n";

  @Test
  void aDefaultReadingACredentialNamedEnvironmentVariableIsSecret() throws Exception {
    // Devolutions' lab image uploads its result to a write SAS URL read with
    // env("VHDX_WRITE_SAS_TOKEN") into a variable with a plain name: Packer reads it at build time
    // and never stores it, but the converted template held it in the step's command.
    Path t =
        Templates.write(
            tmp,
            "upload.pkr.hcl",
            "variable \"upload_url\" {\n  default = env(\"UPLOAD_SAS_TOKEN\")\n}\n"
                + HCL.replace(
                    "inline = [\"echo hello\"]",
                    "inline = [\"azcopy copy ./out.7z \\\"${var.upload_url}\\\"\"]"));
    String sas = "https://st.blob.core.windows.net/c/out.7z?sv=2022-11-02&sp=rw&sig=S3cretSig77";
    CliRun r =
        CliRun.with()
            .env(Map.of("UPLOAD_SAS_TOKEN", sas))
            .run("convert", "--identity", IDENTITY, t.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("[PKRMAP-E405]"), r.err());
    assertTrue(r.err().contains("give \"upload_url\" a value with --var"), r.err());
    assertFalse(r.out().contains("S3cretSig77"), r.out());
    assertFalse(r.err().contains("S3cretSig77"), r.err());

    // Unset, the value is empty and cannot be traced: in a template with no other secret the
    // advice is the same, not to remove a sensitive = true the variable never had.
    Path alone =
        Templates.write(
            tmp,
            "alone.pkr.hcl",
            Files.readString(t)
                .replace(
                    "variable \"secret\" {\n  type      = string\n  default   = \"\"\n"
                        + "  sensitive = true\n}\n",
                    "")
                .replace("  client_secret                     = var.secret\n", ""));
    CliRun unset =
        CliRun.with().env(Map.of()).run("convert", "--identity", IDENTITY, alone.toString());
    assertEquals(1, unset.exitCode(), unset.err());
    assertTrue(unset.err().contains("give \"upload_url\" a value with --var"), unset.err());
    assertFalse(unset.err().contains("remove sensitive = true"), unset.err());

    // Given with --var, the value is the user's to publish, as any other variable's.
    CliRun given =
        CliRun.with()
            .env(Map.of("UPLOAD_SAS_TOKEN", sas))
            .run(
                "convert",
                "--identity",
                IDENTITY,
                "--var",
                "upload_url=https://example.com/out.7z",
                t.toString());
    assertEquals(0, given.exitCode(), given.err());
    assertTrue(given.out().contains("https://example.com/out.7z"), given.out());
  }

  @Test
  void aLegacyDefaultReadingACredentialNamedEnvironmentVariableIsSecret() throws Exception {
    // The legacy form of the same: "upload_url": "{{env `UPLOAD_SAS_TOKEN`}}".
    String legacy =
        LEGACY
            .replace(
                "{\"secret\": \"\"}",
                "{\"secret\": \"\", \"upload_url\": \"{{env `UPLOAD_SAS_TOKEN`}}\"}")
            .replace(
                "\"inline\": [\"echo hello\"]",
                "\"inline\": [\"azcopy copy out.7z '{{user `upload_url`}}'\"]");
    Path t = Templates.write(tmp, "upload.json", legacy);
    CliRun r =
        CliRun.with()
            .env(
                Map.of(
                    "UPLOAD_SAS_TOKEN", "https://st.blob.core.windows.net/c/o.7z?sig=S3cretSig88"))
            .run("convert", "--identity", IDENTITY, t.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("[PKRMAP-E405]"), r.err());
    assertTrue(r.err().contains("give \"upload_url\" a value with --var"), r.err());
    assertFalse(r.out().contains("S3cretSig88"), r.out());
    assertFalse(r.err().contains("S3cretSig88"), r.err());
  }

  @Test
  void anUndeclaredCredentialVariableGivenOnTheCommandLineIsSecret() throws Exception {
    // A legacy template without a "variables" section reads {{user `install_password`}}, given
    // with --var or in a var file: the value was written into the step's $env: assignment.
    String legacy =
        LEGACY
            .replace("  \"variables\": {\"secret\": \"\"},\n", "")
            .replace("  \"sensitive-variables\": [\"secret\"],\n", "")
            .replace(",\n    \"client_secret\": \"{{user `secret`}}\"", "")
            .replace(
                "{\"type\": \"shell\", \"inline\": [\"echo hello\"]}",
                "{\"type\": \"shell\", \"environment_vars\": [\"APP_PASSWORD={{user"
                    + " `install_password`}}\"], \"inline\": [\"echo hi\"]}");
    Path t = Templates.write(tmp, "legacy.json", legacy);
    CliRun r =
        CliRun.run(
            "convert",
            "--identity",
            IDENTITY,
            "--var",
            "install_password=Pw-S3cret-77",
            t.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("[PKRMAP-E405]"), r.err());
    assertTrue(r.err().contains("the sensitive variable \"install_password\""), r.err());
    assertFalse(r.out().contains("Pw-S3cret-77"), r.out());
    assertFalse(r.err().contains("Pw-S3cret-77"), r.err());

    Path vars = Templates.write(tmp, "vars.json", "{\"install_password\": \"Pw-S3cret-78\"}\n");
    CliRun fromFile =
        CliRun.run("convert", "--identity", IDENTITY, "--var-file", vars.toString(), t.toString());
    assertEquals(1, fromFile.exitCode(), fromFile.err());
    assertTrue(fromFile.err().contains("[PKRMAP-E405]"), fromFile.err());
    assertFalse(fromFile.out().contains("Pw-S3cret-78"), fromFile.out());
    assertFalse(fromFile.err().contains("Pw-S3cret-78"), fromFile.err());
  }

  @Test
  void buildPasswordIsNeverToBeReplacedByAValueInTheTemplate() throws Exception {
    // Windows templates pass Packer's build user and password to a script that sets up
    // automatic logon for elevated_user runs. The advice must not be to write a password into
    // the image template (it used to say "replace it with a value the template can hold").
    Path t =
        Templates.write(
            tmp,
            "autologon.pkr.hcl",
            HCL.replace("\"Linux\"", "\"Windows\"")
                .replace(
                    "  provisioner \"shell\" {\n    inline = [\"echo hello\"]\n  }\n",
                    "  provisioner \"powershell\" {\n"
                        + "    environment_vars = [\"ADMIN_USERNAME=${build.User}\","
                        + " \"ADMIN_PASSWORD=${build.Password}\"]\n"
                        + "    inline = [\"Write-Host autologon\"]\n"
                        + "  }\n"));
    CliRun r = CliRun.run("convert", "--identity", IDENTITY, t.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("[PKRMAP-E107]"), r.err());
    assertTrue(r.err().contains("build.Password is a credential of the user Packer"), r.err());
    assertTrue(r.err().contains("Do not write a credential into the template"), r.err());
    assertTrue(r.err().contains("build.User is the user Packer connects as"), r.err());
    assertFalse(r.err().contains("replace it with a value the template can hold"), r.err());
  }

  @Test
  void aDataSourceValueGivenWithDataReachesTheImageTemplate() throws Exception {
    // An HCP Packer image id, which only the plugin could look up, given on the command line;
    // for a bulk run it reaches each template the same way.
    Path t =
        Templates.write(
            tmp,
            "custom.pkr.hcl",
            "data \"hcp-packer-image\" \"base\" {\n  bucket_name = \"ubuntu\"\n}\n"
                + HCL.replace(
                    "  image_publisher                   = \"Canonical\"\n"
                        + "  image_offer                       = \"0001-com-ubuntu-server-jammy\"\n"
                        + "  image_sku                         = \"22_04-lts-gen2\"\n",
                    "  custom_managed_image_name                = data.hcp-packer-image.base.id\n"
                        + "  custom_managed_image_resource_group_name = \"rg-golden\"\n"));
    CliRun without = CliRun.run("convert", "--identity", IDENTITY, t.toString());
    assertEquals(1, without.exitCode(), without.err());
    assertTrue(without.err().contains("[PKRMAP-E107]"), without.err());
    assertTrue(
        without.err().contains("--data data.hcp-packer-image.base.ATTRIBUTE="), without.err());

    CliRun r =
        CliRun.run(
            "convert",
            "--identity",
            IDENTITY,
            "--data",
            "data.hcp-packer-image.base.id=ubuntu-golden-7",
            t.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-golden/providers/"
            + "Microsoft.Compute/images/ubuntu-golden-7",
        JSON.readTree(r.out()).at("/properties/source/imageId").asText());
    assertTrue(r.err().contains("[PKR-N046]"), r.err());

    // A malformed --data is a usage error that does not echo the value (it may be a secret).
    CliRun bad = CliRun.run("convert", "--data", "hcp.base.id=S3cretMark", t.toString());
    assertEquals(2, bad.exitCode(), bad.err());
    assertTrue(bad.err().contains("expected data.TYPE.NAME.ATTRIBUTE=VALUE"), bad.err());
    assertFalse(bad.err().contains("S3cretMark"), bad.err());
  }

  @Test
  void convertsAnHcl2TemplateToAnImageTemplate() throws Exception {
    Path t = Templates.write(tmp, "ubuntu.pkr.hcl", HCL);

    CliRun r =
        CliRun.run("convert", "--identity", IDENTITY, "--var", "secret=hunter2", t.toString());

    assertEquals(0, r.exitCode(), r.err());
    JsonNode out = JSON.readTree(r.out());
    assertEquals("Microsoft.VirtualMachineImages/imageTemplates", out.get("type").asText());
    assertEquals("westeurope", out.get("location").asText());
    assertEquals("PlatformImage", out.at("/properties/source/type").asText());
    assertEquals("Shell", out.at("/properties/customize/0/type").asText());
    assertEquals(
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-images/providers/"
            + "Microsoft.Compute/images/ubuntu-base",
        out.at("/properties/distribute/0/imageId").asText());
    assertFalse(r.out().contains("hunter2"), r.out());
    assertFalse(r.err().contains("hunter2"), r.err());
  }

  @Test
  void theLegacyTwinGivesTheSameBytes() {
    Path hcl = Templates.write(tmp, "ubuntu.pkr.hcl", HCL);
    Path legacy = Templates.write(tmp, "ubuntu.json", LEGACY);

    CliRun fromHcl = CliRun.run("convert", "--identity", IDENTITY, hcl.toString());
    CliRun fromLegacy = CliRun.run("convert", "--identity", IDENTITY, legacy.toString());

    assertEquals(0, fromHcl.exitCode(), fromHcl.err());
    assertEquals(0, fromLegacy.exitCode(), fromLegacy.err());
    assertEquals(fromHcl.out(), fromLegacy.out());
  }

  @Test
  void aFolderIsOneTemplateAndItsOutputIsNamedAfterTheUsage() throws Exception {
    Path dir = tmp.resolve("images");
    Templates.write(dir, "ubuntu.pkr.hcl", HCL);
    Path out = tmp.resolve("out");

    CliRun r = CliRun.run("convert", "--identity", IDENTITY, "-o", out.toString(), dir.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.isRegularFile(out.resolve("ubuntu.json")), r.err());
  }

  @Test
  void aSensitiveValueFlowingIntoTheOutputFailsWithoutShowingIt() {
    Path t =
        Templates.write(
            tmp,
            "leak.pkr.hcl",
            HCL.replace("inline = [\"echo hello\"]", "inline = [\"echo ${var.secret}\"]"));

    CliRun r =
        CliRun.run("convert", "--identity", IDENTITY, "--var", "secret=hunter2", t.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertFalse(r.err().contains("hunter2"), r.err());
    assertTrue(r.err().contains("secret"), r.err());
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aVarFileThatIsNoRegularFileSaysWhatItIsInBothSyntaxes() throws Exception {
    Path hcl = Templates.write(tmp, "ubuntu.pkr.hcl", HCL);
    Path legacy = Templates.write(tmp, "ubuntu.json", LEGACY);
    Path pipe = NamedPipes.make(tmp.resolve("pipe.pkrvars.json"));
    Path folder = Files.createDirectories(tmp.resolve("folder.pkrvars.json"));

    for (Path template : List.of(hcl, legacy)) {
      for (Path varFile : List.of(pipe, folder)) {
        CliRun r =
            CliRun.run(
                "convert",
                "--identity",
                IDENTITY,
                "--var-file",
                varFile.toString(),
                template.toString());

        // Nothing writes to the pipe: had it been opened, the run would wait for ever.
        String what =
            varFile.equals(pipe) ? "is not a regular file (a named pipe)" : "is a directory";
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains(varFile + " could not be read: " + what + "."), r.err());
      }
    }
  }

  @Test
  void aTemplateNamedAfterAWindowsDeviceIsWrittenUnderAnotherNameWithANote() throws Exception {
    Path t = Templates.write(tmp, "con.pkr.hcl", BulkTrees.hcl("con"));
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");

    CliRun r =
        CliRun.run("convert", "-o", out.toString(), "--report", report.toString(), t.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.isRegularFile(out.resolve("con_.json")), r.err());
    assertFalse(Files.exists(out.resolve("con.json")), r.err());
    assertTrue(
        r.err()
            .contains(
                "note: Windows takes the name \"con\" for a device; the template from "
                    + t
                    + " is written to "
                    + out.resolve("con_.json")
                    + " [CLI-N001]\n"),
        r.err());
    assertTrue(
        Files.readString(report)
            .contains(
                "Windows takes the name \\\"con\\\" for a device, whatever its case and"
                    + " extension, so the template from "),
        Files.readString(report));
  }

  @Test
  void validateChecksAPackerTemplateWithoutWriting() {
    Path t = Templates.write(tmp, "ubuntu.pkr.hcl", HCL);

    CliRun r = CliRun.run("validate", t.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(t + ": ok with 2 warnings\n", r.out());
    assertTrue(r.err().contains("No template identity"), r.err());
    assertTrue(r.err().contains("Image generalized by Image Builder"), r.err());
  }

  @Test
  void valuesFromTheClockAreFrozenWithANoteAndPinnedBySourceDateEpoch() throws Exception {
    Path hcl =
        Templates.write(
            tmp,
            "dated.pkr.hcl",
            HCL.replace(
                "managed_image_name                = \"ubuntu-base\"",
                "managed_image_name                = \"ubuntu-${formatdate(\"YYYYMMDD\","
                    + " timestamp())}\""));
    Path legacy =
        Templates.write(
            tmp,
            "dated.json",
            LEGACY.replace(
                "\"managed_image_name\": \"ubuntu-base\"",
                "\"managed_image_name\": \"ubuntu-{{isotime \\\"20060102\\\"}}\""));
    Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1700000000");

    for (Path t : new Path[] {hcl, legacy}) {
      CliRun r = CliRun.with().env(env).run("convert", "--identity", IDENTITY, t.toString());

      assertEquals(0, r.exitCode(), r.err());
      assertTrue(r.err().contains("Value frozen at conversion [PKRMAP-N131]"), r.err());
      assertEquals(
          "ubuntu-20231114",
          JSON.readTree(r.out()).at("/properties/distribute/0/runOutputName").asText(),
          r.out());
    }
  }

  @Test
  void thePackerBlockIsNotConvertedAndSaysSo() {
    Path t =
        Templates.write(
            tmp,
            "with-packer-block.pkr.hcl",
            "packer {\n  required_version = \">= 1.7.0\"\n}\n" + HCL);

    CliRun r = CliRun.run("convert", "--identity", IDENTITY, t.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains("Packer settings not converted [PKRMAP-N132]"), r.err());
  }

  @Test
  void legacyStringsAreKeptAsWrittenAndHclStringsInNfc(@TempDir Path dir) throws Exception {
    // "e" and a combining acute accent: Go's templates keep the two characters, cty makes one.
    String decomposed = "caf" + "e\u0301";
    Path legacy =
        BulkTrees.put(
            dir, "legacy.json", BulkTrees.legacy("a").replace("echo hello", "echo " + decomposed));
    Path hcl =
        BulkTrees.put(
            dir, "hcl/t.pkr.hcl", BulkTrees.hcl("b").replace("echo hello", "echo " + decomposed));

    CliRun fromLegacy = CliRun.run("convert", "--identity", BulkTrees.IDENTITY, legacy.toString());
    CliRun fromHcl =
        CliRun.run("convert", "--identity", BulkTrees.IDENTITY, hcl.getParent().toString());

    assertEquals(0, fromLegacy.exitCode(), fromLegacy.err());
    assertTrue(fromLegacy.out().contains("echo " + decomposed), fromLegacy.out());
    assertEquals(0, fromHcl.exitCode(), fromHcl.err());
    assertTrue(fromHcl.out().contains("echo caf\u00e9"), fromHcl.out());
  }
}
