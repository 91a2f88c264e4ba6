package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convert --report FILE}: what each input became, as Markdown or JSON. */
class ConvertReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** A Packer template with a literal credential, which the conversion drops. */
  static final String HCL =
      "source \"azure-arm\" \"ubuntu\" {\n"
          + "  os_type                           = \"Linux\"\n"
          + "  subscription_id                   = \"00000000-0000-0000-0000-000000000001\"\n"
          + "  location                          = \"westeurope\"\n"
          + "  image_publisher                   = \"Canonical\"\n"
          + "  image_offer                       = \"0001-com-ubuntu-server-jammy\"\n"
          + "  image_sku                         = \"22_04-lts-gen2\"\n"
          + "  managed_image_name                = \"ubuntu-base\"\n"
          + "  managed_image_resource_group_name = \"rg-images\"\n"
          + "  client_id                         = \"00000000-0000-0000-0000-000000000002\"\n"
          + "  client_secret                     = \"hunter2\"\n"
          + "}\n"
          + "build {\n"
          + "  sources = [\"source.azure-arm.ubuntu\"]\n"
          + "  provisioner \"shell\" {\n"
          + "    inline = [\"echo hello\"]\n"
          + "  }\n"
          + "}\n";

  @Test
  void theMarkdownReportListsTheDroppedCredentialButNotItsValue() throws Exception {
    Path t = Templates.write(tmp, "ubuntu.pkr.hcl", HCL);
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.md");

    CliRun r =
        CliRun.run(
            "convert",
            "--identity",
            Templates.IDENTITY,
            "-o",
            out.toString(),
            "--report",
            report.toString(),
            t.toString());

    assertEquals(0, r.exitCode(), r.err());
    String md = Files.readString(report);
    assertTrue(md.startsWith("# packer2aib conversion report\n\n1 input: 1 converted"), md);
    assertTrue(md.contains("| " + t + " | converted"), md);
    assertTrue(md.contains("- Outputs: " + out.resolve("ubuntu.json")), md);
    assertTrue(
        md.contains("| dropped | " + t + ":11:3 | ") && md.contains("| Credential not copied |"),
        md);
    assertTrue(md.contains("PKRMAP-N104"), md);
    assertFalse(md.contains("hunter2"), md);
    assertTrue(Files.isRegularFile(out.resolve("ubuntu.json")));
  }

  @Test
  void aFailingInputIsReportedAndTheReportIsStillWritten() throws Exception {
    Path good = Templates.write(tmp, "good.json", Templates.VALID_AIB);
    Path broken = Templates.write(tmp, "broken.json", Templates.BROKEN_JSON);
    Path missing = tmp.resolve("missing.json");
    Path report = tmp.resolve("report.json");

    CliRun r =
        CliRun.run(
            "convert",
            "-o",
            tmp.resolve("out").toString(),
            "--report",
            report.toString(),
            good.toString(),
            broken.toString(),
            missing.toString());

    assertEquals(1, r.exitCode(), r.err());
    JsonNode json = JSON.readTree(Files.readString(report));
    assertEquals(1, json.at("/verdicts/converted").asInt(), json.toString());
    assertEquals(2, json.at("/verdicts/failed").asInt(), json.toString());
    assertEquals(3, json.get("inputs").size());
    assertEquals(good.toString(), json.at("/inputs/0/name").asText());
    assertEquals("converted", json.at("/inputs/0/verdict").asText());
    assertEquals(1, json.at("/inputs/0/outputs").size());
    assertEquals(broken.toString(), json.at("/inputs/1/name").asText());
    assertEquals("failed", json.at("/inputs/1/verdict").asText());
    assertEquals(0, json.at("/inputs/1/outputs").size());
    assertEquals("refused", json.at("/inputs/1/decisions/0/kind").asText());
    assertEquals(broken.toString(), json.at("/inputs/1/decisions/0/location/file").asText());
    assertEquals(3, json.at("/inputs/1/decisions/0/location/line").asInt());
    assertEquals("failed", json.at("/inputs/2/verdict").asText());
    assertEquals("CLI-E001", json.at("/inputs/2/decisions/0/code").asText());
    assertEquals("refused", json.at("/inputs/2/decisions/0/kind").asText());
  }

  @Test
  void aSensitiveValueThatWouldLeakFailsTheInputAndStaysOutOfTheReport() throws Exception {
    Path t =
        Templates.write(
            tmp,
            "leak.pkr.hcl",
            "variable \"secret\" {\n  type = string\n  sensitive = true\n}\n"
                + HCL.replace("inline = [\"echo hello\"]", "inline = [\"echo ${var.secret}\"]"));
    Path report = tmp.resolve("leak.md");

    CliRun r =
        CliRun.run(
            "convert", "--var", "secret=sw0rdfish", "--report", report.toString(), t.toString());

    assertEquals(1, r.exitCode(), r.err());
    String md = Files.readString(report);
    assertTrue(md.contains("| " + t + " | failed | none | "), md);
    assertTrue(md.contains("| refused | "), md);
    assertFalse(md.contains("sw0rdfish"), md);
    assertFalse(md.contains("hunter2"), md);
  }

  @Test
  void underStrictAnInputWithWarningsIsReportedAsFailed() throws Exception {
    Path t = Templates.write(tmp, "ubuntu.pkr.hcl", HCL);
    Path report = tmp.resolve("strict.json");

    // Without --identity the conversion warns that the template has no identity, and that no
    // step generalizes the VM (PKRMAP-W407).
    CliRun r = CliRun.run("convert", "--strict", "--report", report.toString(), t.toString());

    assertEquals(1, r.exitCode(), r.err());
    JsonNode json = JSON.readTree(Files.readString(report));
    assertEquals("failed", json.at("/inputs/0/verdict").asText());
    assertEquals(0, json.at("/inputs/0/outputs").size());
    assertEquals(0, json.at("/inputs/0/counts/refused").asInt());
    assertEquals(2, json.at("/inputs/0/counts/warning").asInt());
    assertEquals("", r.out());
  }

  @Test
  void theSameRunGivesTheSameReportBytes() throws Exception {
    Path t = Templates.write(tmp, "ubuntu.pkr.hcl", HCL);
    Path first = tmp.resolve("first.json");
    Path second = tmp.resolve("second.json");

    CliRun.run("convert", "--report", first.toString(), t.toString());
    CliRun.run("convert", "--report", second.toString(), t.toString());

    assertEquals(Files.readString(first), Files.readString(second));
    assertTrue(Files.readString(first).endsWith("}\n"));
  }

  @Test
  void aPrintedTemplateIsReportedAsStandardOutput() throws Exception {
    Path in = Templates.write(tmp, "image.json", Templates.VALID_AIB);
    Path report = tmp.resolve("r.markdown");

    CliRun r = CliRun.run("convert", "--report", report.toString(), in.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.out().isEmpty());
    assertTrue(Files.readString(report).contains("- Outputs: standard output\n"));
  }

  @Test
  void anUnknownReportExtensionIsAUsageError() {
    Path in = Templates.write(tmp, "image.json", Templates.VALID_AIB);
    Path report = tmp.resolve("report.txt");

    CliRun r = CliRun.run("convert", "--report", report.toString(), in.toString());

    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains(".md"), r.err());
    assertTrue(r.err().contains(".json"), r.err());
    assertEquals("", r.out());
    assertFalse(Files.exists(report));
  }

  @Test
  void aReportNamingANamedPipeIsAUsageErrorThatSaysWhatItIs() throws Exception {
    Path in = Templates.write(tmp, "image.json", Templates.VALID_AIB);
    Path pipe = NamedPipes.make(tmp.resolve("report.md"));

    CliRun r = CliRun.run("convert", "--report", pipe.toString(), in.toString());

    // Once "exists and is not a packer2aib report", as if it were a file of the user's.
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .startsWith(
                "error: --report " + pipe + " is not a regular file (a named pipe); name a file"),
        r.err());
    assertEquals("", r.out());
  }

  @Test
  void aReportThatCannotBeWrittenFailsTheRun() {
    Path in = Templates.write(tmp, "image.json", Templates.VALID_AIB);
    // Its folder would be a file: it can be neither created nor written into.
    Path report = Templates.write(tmp, "a-file", "x").resolve("report.md");

    CliRun r = CliRun.run("convert", "--report", report.toString(), in.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("error: cannot write report " + report + ": "), r.err());
  }

  /**
   * A report in a folder that does not exist yet is written there, as the outputs are (it failed
   * after the outputs were written: exit 1 with them in place).
   */
  @Test
  void aReportsMissingFolderIsCreated() throws Exception {
    Path input = Templates.write(tmp, "web.json", Templates.VALID_AIB);
    Path report = tmp.resolve("reports").resolve("today").resolve("r.json");
    Path out = tmp.resolve("out");

    CliRun single =
        CliRun.run(
            "convert", "-o", out.toString(), "--report", report.toString(), input.toString());
    assertEquals(0, single.exitCode(), single.err());
    assertTrue(Files.isRegularFile(report), single.err());

    Path bulkReport = tmp.resolve("bulk").resolve("r.md");
    CliRun bulk =
        CliRun.run(
            "convert",
            "-r",
            "-q",
            "-o",
            tmp.resolve("out2").toString(),
            "--report",
            bulkReport.toString(),
            input.getParent().resolve("web.json").toString());
    assertEquals(0, bulk.exitCode(), bulk.err());
    assertTrue(Files.isRegularFile(bulkReport), bulk.err());
  }
}
