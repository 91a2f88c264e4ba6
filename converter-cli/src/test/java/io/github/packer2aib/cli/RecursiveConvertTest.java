package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code convert -r}: discovery, naming, failures, exit codes, stderr and the report. */
class RecursiveConvertTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private CliRun bulk(String... extra) {
    return BulkTrees.bulk(CliRun.with(), extra);
  }

  private CliRun bulkWith(CliRun.Builder builder, String... extra) {
    return BulkTrees.bulk(builder, extra);
  }

  /** path → "kind | verdict[: reason] | outputs" of every candidate in the JSON report. */
  private static List<String> rows(Path report) throws Exception {
    List<String> rows = new ArrayList<>();
    for (JsonNode t : JSON.readTree(report.toFile()).get("templates")) {
      List<String> outs = new ArrayList<>();
      t.get("outputs").forEach(o -> outs.add(o.asText()));
      rows.add(
          t.get("path").asText()
              + " | "
              + t.get("kind").asText()
              + " | "
              + t.get("verdict").asText()
              + (t.has("reason") ? ": " + t.get("reason").asText() : "")
              + " | "
              + String.join(",", outs));
    }
    return rows;
  }

  /** A tree with one template of each kind and the files that must not be taken for templates. */
  private Path mixedTree() {
    Path root = tmp.resolve("repo");
    put(root, "hcl/web/main.pkr.hcl", BulkTrees.hcl("web"));
    put(root, "hcl/web/values.auto.pkrvars.hcl", "location = \"westeurope\"\n");
    put(root, "legacy/old.json", BulkTrees.legacy("old"));
    put(root, "legacy/older.yaml", BulkTrees.legacyYaml("older"));
    put(root, "aib/image.json", BulkTrees.AIB);
    put(root, "aib/image2.yml", BulkTrees.AIB);
    put(root, "vars/values.json", "{\"location\": \"westeurope\", \"count\": 3}\n");
    put(root, "package.json", "{\"name\": \"x\", \"scripts\": {\"build\": \"tsc\"}}\n");
    put(root, "scripts/setup.sh", "#!/bin/sh\necho hi\n");
    put(root, ".github/workflows/ci.yml", "on: push\n");
    put(root, ".hidden/image.json", BulkTrees.AIB);
    return root;
  }

  @Test
  void findsEveryKindByContentAndSkipsWhatIsNoTemplate() throws Exception {
    Path root = mixedTree();
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");

    CliRun r = bulk("-o", out.toString(), "--report", report.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        List.of(
            "aib/image.json | AIB JSON | converted | aib/image.json",
            "aib/image2.yml | AIB YAML | converted | aib/image2.json",
            "hcl/web | HCL2 folder | converted with warnings | hcl/web/web.json",
            "hcl/web/values.auto.pkrvars.hcl | none | skipped: a Packer variable file | ",
            "legacy/old.json | legacy JSON | converted with warnings | legacy/old.json",
            "legacy/older.yaml | legacy YAML | converted with warnings | legacy/older.json",
            "package.json | none | skipped: not a template: neither a Packer template (no"
                + " builders, source or build) nor an AIB image template | ",
            "scripts/setup.sh | none | skipped: not a JSON or YAML file | ",
            "vars/values.json | none | skipped: not a template: an object of plain values (a"
                + " variable file) | "),
        rows(report));
    assertEquals(
        List.of(
            "aib/image.json",
            "aib/image2.json",
            "hcl/web/web.json",
            "legacy/old.json",
            "legacy/older.json"),
        List.copyOf(BulkTrees.files(out).keySet()));
    JsonNode web = JSON.readTree(out.resolve("hcl/web/web.json").toFile());
    assertEquals("Microsoft.VirtualMachineImages/imageTemplates", web.get("type").asText());
    assertEquals("", r.out());
  }

  @Test
  void aDocumentTooLargeOrNotUtf8IsSkippedWithItsReason() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "ok.json", BulkTrees.AIB);
    // One byte over the 10 MiB limit, and a template with a Latin-1 byte in a string.
    Path big = root.resolve("big.json");
    byte[] bytes = new byte[(int) Discovery.MAX_DOCUMENT_BYTES + 1];
    java.util.Arrays.fill(bytes, (byte) ' ');
    bytes[0] = '{';
    bytes[bytes.length - 1] = '}';
    Files.write(big, bytes);
    Files.write(
        root.resolve("latin.json"),
        new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xE9, '"', '}'});
    // A template as large: converted, as convert of the file alone converts it (it was skipped).
    String legacy = BulkTrees.legacy("large");
    int end = legacy.lastIndexOf('}');
    put(
        root,
        "large.json",
        legacy.substring(0, end)
            + " ".repeat((int) Discovery.MAX_DOCUMENT_BYTES)
            + legacy.substring(end));
    Path report = tmp.resolve("r.json");

    CliRun r =
        bulk("-o", tmp.resolve("out").toString(), "--report", report.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    List<String> rows = rows(report);
    assertEquals(
        List.of(
            "big.json | none | skipped: larger than 10 MiB, and not a template by its text | ",
            "latin.json | none | skipped: not UTF-8 text | ",
            "ok.json | AIB JSON | converted | ok.json"),
        List.of(rows.get(0), rows.get(2), rows.get(3)));
    assertTrue(rows.get(1).startsWith("large.json | legacy JSON | converted"), rows.get(1));
  }

  /**
   * An output name over the file system's limit (a long file name and a build's name appended):
   * CLI-E002 says what to shorten, where "File name too long" alone gave no way out.
   */
  @Test
  void anOutputNameTooLongSaysWhatToShorten() throws Exception {
    Path root = tmp.resolve("repo");
    // A YAML stream of two templates: each output is named FILE.NAME.json.
    String named = "\"apiVersion\": \"2024-02-01\",\n  \"name\": \"%s\",";
    put(
        root,
        "L".repeat(240) + ".yaml",
        BulkTrees.AIB.replace(
                "\"apiVersion\": \"2024-02-01\",", named.formatted("first-image-template"))
            + "---\n"
            + BulkTrees.AIB.replace(
                "\"apiVersion\": \"2024-02-01\",", named.formatted("second-image-template")));

    CliRun r = bulk("-o", tmp.resolve("out").toString(), "--progress", "none", root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                ": File name too long (a file name holds at most 255 bytes on most file systems:"
                    + " shorten the input's file name, or the name of the build, source or"
                    + " template the output is named after) [CLI-E002]"),
        r.err());
  }

  /** A file name spelt otherwise for its outputs is told, as every renamed output is. */
  @Test
  void anOutputNamedOtherwiseThanItsFileHasANote() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "my template.yaml", BulkTrees.AIB);
    put(root, "ok.json", BulkTrees.AIB);
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("r.json");

    CliRun r = bulk("-o", out.toString(), "--report", report.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.isRegularFile(out.resolve("my_template.json")));
    JsonNode templates = JSON.readTree(report.toFile()).get("templates");
    assertEquals("my template.yaml", templates.get(0).get("path").asText());
    assertEquals(
        "The file name my template.yaml holds characters that output names avoid (each is one"
            + " that every system can hold: letters A-Z without accents, digits, '.', '-' and"
            + " '_'), so the outputs of "
            + root
            + "/my template.yaml are named after my_template.",
        templates.get(0).get("diagnostics").get(0).get("detail").asText());
    assertEquals(0, templates.get(1).get("diagnostics").size());
  }

  /**
   * A template saved as Latin-1 or UTF-16 (Windows PowerShell 5's Out-File) names itself in ASCII
   * words: it fails, saying where and what it is, rather than dropping out of the run with exit 0
   * (found reviewing bulk runs).
   */
  @Test
  void aTemplateThatIsNotUtf8FailsWithItsEncoding() throws Exception {
    Path root = tmp.resolve("repo");
    Files.createDirectories(root);
    Files.write(
        root.resolve("latin.json"),
        BulkTrees.legacy("old")
            .replace("\"builders\"", "\"description\": \"f\u00fcr\", \"builders\"")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    byte[] utf16 = BulkTrees.AIB.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    byte[] withMark = new byte[utf16.length + 2];
    withMark[0] = (byte) 0xFF;
    withMark[1] = (byte) 0xFE;
    System.arraycopy(utf16, 0, withMark, 2, utf16.length);
    Files.write(root.resolve("image.yaml"), withMark);

    CliRun r = bulk("-o", tmp.resolve("out").toString(), "--progress", "none", root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "image.yaml: not valid UTF-8 text (line 1, column 1: byte 0xFF): it is UTF-16"
                    + " (little-endian, as Windows PowerShell 5 writes with Out-File); save it as"
                    + " UTF-8 [CLI-E001]\n"),
        r.err());
    assertTrue(r.err().contains("latin.json: not valid UTF-8 text (line "), r.err());
    assertTrue(r.err().contains("  failed                        2\n"), r.err());
  }

  /**
   * A template saved as UTF-16 without a byte order mark is valid UTF-8 (ASCII between NULs), so
   * the check for a template in another encoding never ran, and the NULs between the letters hid
   * "builders" and the image template type from the check for a broken template: a legacy JSON or
   * AIB YAML template was skipped as "not valid JSON or YAML", exit 0 (found reviewing bulk runs).
   * It fails as a .pkr.hcl file does; such a file that names no template is skipped, as one with a
   * byte order mark is.
   */
  @Test
  void aTemplateInUtf16WithoutAByteOrderMarkFails() throws Exception {
    Path root = tmp.resolve("repo");
    Files.createDirectories(root);
    Files.write(
        root.resolve("legacy.json"),
        BulkTrees.legacy("old").getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    Files.write(
        root.resolve("image.yaml"),
        BulkTrees.AIB.getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
    Files.write(
        root.resolve("package.json"),
        "{\"name\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    Path report = tmp.resolve("r.json");

    CliRun r =
        bulk(
            "-o",
            tmp.resolve("out").toString(),
            "--progress",
            "none",
            "--report",
            report.toString(),
            root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "legacy.json: it holds NUL characters between its letters: it is UTF-16"
                    + " (little-endian, as Windows PowerShell 5 writes with Out-File); save it as"
                    + " UTF-8 [CLI-E001]\n"),
        r.err());
    assertTrue(
        r.err().contains("image.yaml: it holds NUL characters between its letters: it is UTF-16"),
        r.err());
    assertEquals(
        List.of(
            "image.yaml | none | failed | ",
            "legacy.json | none | failed | ",
            "package.json | none | skipped: not UTF-8 text | "),
        rows(report));
  }

  @Test
  void aSecondRunLeavesUnchangedOutputsAloneAndRewritesChangedOnes() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a/main.pkr.hcl", BulkTrees.hcl("a"));
    put(root, "b.json", BulkTrees.legacy("b"));
    Path out = tmp.resolve("out");
    assertEquals(0, bulk("-q", "-o", out.toString(), root.toString()).exitCode());
    Path a = out.resolve("a/a.json");
    Path b = out.resolve("b.json");
    java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(a, old);
    Files.setLastModifiedTime(b, old);
    String bText = Files.readString(b);
    Files.writeString(b, "changed by hand\n");

    assertEquals(0, bulk("-q", "-o", out.toString(), root.toString()).exitCode());

    assertEquals(old, Files.getLastModifiedTime(a), "same content: not written again");
    assertEquals(bText, Files.readString(b), "changed content: written again");
  }

  /**
   * Packer reads HCL's JSON syntax only from a {@code *.pkr.json} file: a plain {@code *.json} with
   * such blocks found in the tree is some other tool's JSON (eas.json, a devcontainer.json,
   * Terraform's main.tf.json) and is skipped, not failed; given alone, it is converted. A YAML file
   * whose {@code builders} holds no builder (snapcraft's {@code builders: native}) is skipped too.
   */
  @Test
  void otherToolsJsonAndYamlAreSkippedAndHcl2JsonIsConvertedOnlyWhenGivenAlone() throws Exception {
    Path root = tmp.resolve("repo");
    String hclJson =
        "{\"source\": {\"azure-arm\": {\"u\": {\"os_type\": \"Linux\"}}},"
            + " \"build\": {\"sources\": [\"source.azure-arm.u\"]}}\n";
    Path t = put(root, "t.json", hclJson);
    put(root, "not-hcl.json", "{\"source\": \"a string, as in a variable file\"}\n");
    put(root, "eas.json", "{\"cli\":{},\"build\":{\"production\":{}}}\n");
    put(
        root,
        "devcontainer.json",
        "{\"name\":\"dev\",\"build\":{\"dockerfile\":\"Dockerfile\"}}\n");
    put(root, "main.tf.json", "{\"variable\":{\"r\":{}},\"resource\":{}}\n");
    put(root, "snap.yaml", "name: x\nbuilders: native\n");
    put(root, "list.yaml", "builders: [a, b]\n");
    put(root, "legacy.yaml", BulkTrees.legacyYaml("older"));
    put(root, "hcl/main.pkr.json", hclJson);
    Path report = tmp.resolve("r.json");

    CliRun r =
        bulk("-o", tmp.resolve("out").toString(), "--report", report.toString(), root.toString());

    assertFalse(r.err().contains("internal error"), r.err());
    String hcl =
        " | none | skipped: not a template: blocks in HCL's JSON syntax, which Packer reads only"
            + " from a *.pkr.json file (rename it so to convert it), and no builders | ";
    String builders =
        " | none | skipped: not a template: its builders is not a list of builders with a type (so"
            + " no legacy Packer template) | ";
    List<String> rows = rows(report);
    assertEquals(
        List.of(
            "devcontainer.json" + hcl,
            "eas.json" + hcl,
            "hcl | HCL2 folder | failed | ",
            "legacy.yaml | legacy YAML | converted with warnings | legacy.json",
            "list.yaml" + builders,
            "main.tf.json" + hcl,
            "not-hcl.json | none | skipped: not a template: an object of plain values (a"
                + " variable file) | ",
            "snap.yaml" + builders,
            "t.json" + hcl),
        rows);

    // Given alone, an HCL2 JSON file is what it was meant to be.
    Path alone = tmp.resolve("alone.json");
    bulk("-o", tmp.resolve("out2").toString(), "--report", alone.toString(), t.toString());
    assertTrue(rows(alone).get(0).startsWith("t.json | HCL2 JSON | "), rows(alone).get(0));
  }

  @Test
  void outputNamesMirrorTheTreeAndClashesAreSettledByDiscoveryOrder() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "d/t.json", BulkTrees.AIB);
    put(root, "d/t.yaml", BulkTrees.AIB);
    put(root, "d/t.x.json", BulkTrees.AIB);
    // Found before t.json, and still t_a: t.json owns t and every t.<name> (README review).
    put(root, "d/t.a.json", BulkTrees.AIB);
    put(root, "d/multi.json", BulkTrees.twoTemplates());
    put(root, "d/main.pkr.hcl", BulkTrees.hcl("t"));
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("r.json");

    CliRun r =
        bulk(
            "-o",
            out.toString(),
            "--report",
            report.toString(),
            "--format",
            "yaml",
            root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        List.of(
            "d | HCL2 folder | converted with warnings | d/t-3.yaml",
            "d/multi.json | AIB JSON | converted | d/multi.a.yaml,d/multi.b.yaml",
            "d/t.a.json | AIB JSON | converted | d/t_a.yaml",
            "d/t.json | AIB JSON | converted | d/t.yaml",
            "d/t.x.json | AIB JSON | converted | d/t_x.yaml",
            "d/t.yaml | AIB YAML | converted | d/t-2.yaml"),
        rows(report));
    JsonNode templates = JSON.readTree(report.toFile()).get("templates");
    List<String> renamed = new ArrayList<>();
    for (JsonNode t : templates) {
      for (JsonNode d : t.get("diagnostics")) {
        if (d.get("code").asText().equals("CLI-N001")) {
          renamed.add(t.get("path").asText() + ": " + d.get("detail").asText());
        }
      }
    }
    assertEquals(
        List.of(
            "d: The output name t.yaml belongs to another input of the same folder, so this"
                + " template of "
                + root
                + "/d is written to d/t-3.yaml.",
            "d/t.a.json: The output name t.a.yaml belongs to another input of the same folder, so"
                + " this template of "
                + root
                + "/d/t.a.json is written to d/t_a.yaml.",
            "d/t.x.json: The output name t.x.yaml belongs to another input of the same folder, so"
                + " this template of "
                + root
                + "/d/t.x.json is written to d/t_x.yaml.",
            "d/t.yaml: The output name t.yaml belongs to another input of the same folder, so"
                + " this template of "
                + root
                + "/d/t.yaml is written to d/t-2.yaml."),
        renamed);
  }

  /**
   * A mirrored folder named like an output file ({@code a.json/} beside {@code a.yaml}, which
   * writes {@code a.json}) keeps its name, and the file takes another, whatever the number of jobs:
   * the clash was settled by which conversion finished first (found reviewing bulk runs).
   */
  @Test
  void aFolderNamedLikeAnOutputFilePushesTheFileToTheNextNameWhateverTheJobs() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a.json/z.json", BulkTrees.legacy("z"));
    put(root, "a.yaml", BulkTrees.AIB);
    for (String jobs : List.of("1", "8")) {
      Path out = tmp.resolve("out" + jobs);
      Path report = tmp.resolve("r" + jobs + ".json");

      CliRun r =
          bulk(
              "-o", out.toString(), "--report", report.toString(), "--jobs", jobs, root.toString());

      assertEquals(0, r.exitCode(), r.err());
      assertEquals(
          List.of(
              "a.json/z.json | legacy JSON | converted with warnings | a.json/z.json",
              "a.yaml | AIB YAML | converted | a-2.json"),
          rows(report));
      assertEquals(
          List.of("a-2.json", "a.json/z.json"), List.copyOf(BulkTrees.files(out).keySet()));
      assertTrue(r.err().isEmpty() || !r.err().contains("error"), r.err());
    }
  }

  /**
   * An earlier run's output folder inside the tree (it holds the list of outputs) is skipped by a
   * run into another folder: its image templates were converted again, and again by each run after.
   */
  @Test
  void anEarlierRunsOutputFolderInTheTreeIsSkipped() throws Exception {
    Path root = tmp.resolve("t");
    put(root, "a.json", BulkTrees.legacy("a"));
    CliRun first = bulk("-o", root.resolve("out").toString(), root.toString());
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(Files.isRegularFile(root.resolve("out/" + OutputManifest.FILE_NAME)));
    Path report = tmp.resolve("r.json");

    CliRun r =
        bulk("-o", root.resolve("out2").toString(), "--report", report.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        List.of(
            "a.json | legacy JSON | converted with warnings | a.json",
            "out | none | skipped: the output folder of an earlier packer2aib run (it holds"
                + " .packer2aib-outputs.json): its files are outputs, not sources | "),
        rows(report));
    assertEquals(List.of("a.json"), List.copyOf(BulkTrees.files(root.resolve("out2")).keySet()));
  }

  @Test
  void namesWindowsCannotHoldAreRenamedWithANote() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "con.json", BulkTrees.AIB);
    put(root, "hcl/main.pkr.hcl", BulkTrees.hcl("Nul"));
    put(root, "aux/t.json", BulkTrees.AIB);
    put(root, "x./t.json", BulkTrees.AIB);
    put(root, "x_/t.json", BulkTrees.AIB);
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("r.json");

    CliRun r = bulk("-o", out.toString(), "--report", report.toString(), root.toString());

    // The folder x_ keeps its name; x. takes the next free one.
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        List.of(
            "aux/t.json | AIB JSON | converted | aux_/t.json",
            "con.json | AIB JSON | converted | con_.json",
            "hcl | HCL2 folder | converted with warnings | hcl/Nul_.json",
            "x./t.json | AIB JSON | converted | x_-2/t.json",
            "x_/t.json | AIB JSON | converted | x_/t.json"),
        rows(report));
    List<String> renamed = new ArrayList<>();
    for (JsonNode t : JSON.readTree(report.toFile()).get("templates")) {
      for (JsonNode d : t.get("diagnostics")) {
        if (d.get("code").asText().equals("CLI-N001")) {
          renamed.add(t.get("path").asText() + ": " + d.get("detail").asText());
        }
      }
    }
    assertEquals(
        List.of(
            "aux/t.json: The folder aux cannot be made on Windows, which holds none of the"
                + " characters \" * : < > ? \\ | nor control characters in a name, drops the dots"
                + " and spaces that end a name and takes CON, NUL, COM1 and the like for devices,"
                + " so the outputs of "
                + root
                + "/aux/t.json are written to aux_.",
            "con.json: The output name con.json names a device on Windows (as CON, NUL, COM1 and"
                + " the like do, whatever their case and extension), so this template of "
                + root
                + "/con.json is written to con_.json.",
            "hcl: The output name Nul.json names a device on Windows (as CON, NUL, COM1 and the"
                + " like do, whatever their case and extension), so this template of "
                + root
                + "/hcl is written to hcl/Nul_.json.",
            "x./t.json: The folder x. cannot be made on Windows, which holds none of the"
                + " characters \" * : < > ? \\ | nor control characters in a name, drops the dots"
                + " and spaces that end a name and takes CON, NUL, COM1 and the like for devices,"
                + " so the outputs of "
                + root
                + "/x./t.json are written to x_-2."),
        renamed);
  }

  /**
   * Input folders whose names differ only in case ({@code Linux/}, {@code linux/}) mirrored as they
   * are: one folder on Windows and macOS (or a case-insensitive volume), where one template's
   * output replaced the other's (found reviewing bulk runs). Files were kept apart so already: the
   * first folder keeps its name, the next is numbered, with a note, and so is every folder below.
   */
  @Test
  void foldersThatDifferOnlyInCaseAreKeptApartWithANote() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "Linux/t.json", BulkTrees.AIB);
    put(root, "linux/t.json", BulkTrees.AIB);
    put(root, "linux/sub/main.pkr.hcl", BulkTrees.hcl("web"));
    put(root, "linux-2/t.json", BulkTrees.AIB);
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("r.json");

    CliRun r = bulk("-o", out.toString(), "--report", report.toString(), root.toString());
    CliRun again = bulk("-o", tmp.resolve("out2").toString(), "--jobs", "3", root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        List.of(
            "Linux/t.json | AIB JSON | converted | Linux/t.json",
            "linux/sub | HCL2 folder | converted with warnings | linux-3/sub/web.json",
            "linux/t.json | AIB JSON | converted | linux-3/t.json",
            "linux-2/t.json | AIB JSON | converted | linux-2/t.json"),
        rows(report));
    assertEquals(BulkTrees.files(out), BulkTrees.files(tmp.resolve("out2")), again.err());
    List<String> renamed = new ArrayList<>();
    for (JsonNode t : JSON.readTree(report.toFile()).get("templates")) {
      for (JsonNode d : t.get("diagnostics")) {
        if (d.get("code").asText().equals("CLI-N001")) {
          renamed.add(t.get("path").asText() + ": " + d.get("detail").asText());
        }
      }
    }
    String why =
        " (Windows and macOS take such names for one folder, where the outputs of one would"
            + " replace the other's), so the outputs of ";
    assertEquals(
        List.of(
            "linux/sub: The folder linux/sub lies in linux, which differs only in case from"
                + " another input folder beside it"
                + why
                + root
                + "/linux/sub are written to linux-3/sub.",
            "linux/t.json: The folder linux differs only in case from another input folder beside"
                + " it"
                + why
                + root
                + "/linux/t.json are written to linux-3."),
        renamed);
  }

  @Test
  void oneFailingTemplateDoesNotStopTheOthers() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a.json", BulkTrees.AIB);
    put(root, "b.json", BulkTrees.BROKEN_AIB);
    put(root, "c.json", BulkTrees.AIB);
    Path out = tmp.resolve("out");

    CliRun r = bulk("-o", out.toString(), "--jobs", "2", root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertEquals(List.of("a.json", "c.json"), List.copyOf(BulkTrees.files(out).keySet()));
    assertTrue(r.err().contains("b.json:"), r.err());
    assertTrue(r.err().contains("error"), r.err());
    assertFalse(r.err().contains("a.json:"), r.err());
  }

  @Test
  void aBugInOneTemplateIsAnInternalErrorForItAloneAndExit70() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a.json", BulkTrees.AIB);
    put(root, "boom.json", BulkTrees.AIB);
    put(root, "c.json", BulkTrees.AIB);
    Path out = tmp.resolve("out");
    FakeEngine engine =
        new FakeEngine(
            f -> {
              if (f.name().endsWith("boom.json")) {
                throw new IllegalStateException("boom in the mapper");
              }
              return FakeEngine.ok(FakeEngine.template("x", "text of " + f.name() + "\n"));
            });

    CliRun r =
        bulkWith(
            CliRun.with().engine(engine), "-o", out.toString(), "--jobs", "3", root.toString());

    assertEquals(70, r.exitCode(), r.err());
    assertEquals(List.of("a.json", "c.json"), List.copyOf(BulkTrees.files(out).keySet()));
    assertTrue(
        r.err()
            .contains(
                "internal error while converting "
                    + root
                    + "/boom.json: boom in the mapper — please report this with the input that"
                    + " caused it\n"),
        r.err());
  }

  /**
   * Two templates upload the same installer, larger than any file the converter keeps whole: both
   * convert, with its checksum (a file of gigabytes made a bulk run's JVM run out of memory).
   */
  @Test
  void templatesUploadingALargeFileGetItsChecksum() throws Exception {
    Path root = tmp.resolve("repo");
    byte[] installer = new byte[16 * 1024 * 1024 + 3];
    installer[installer.length - 1] = 9;
    Files.createDirectories(root);
    Files.write(root.resolve("installer.bin"), installer);
    String upload =
        "  provisioner \"file\" {\n"
            + "    source      = \"../installer.bin\"\n"
            + "    destination = \"/tmp/installer.bin\"\n"
            + "  }\n}\n";
    for (String name : List.of("a", "b")) {
      String hcl = BulkTrees.hcl(name);
      put(root, name + "/main.pkr.hcl", hcl.substring(0, hcl.lastIndexOf('}')) + upload);
    }
    Path out = tmp.resolve("out");

    CliRun r =
        bulk("-o", out.toString(), "--file-base-uri", "https://x.example/f/", root.toString());

    assertEquals(0, r.exitCode(), r.err());
    String sha =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(installer));
    for (String name : List.of("a", "b")) {
      JsonNode file = JSON.readTree(out.resolve(name + "/" + name + ".json").toFile());
      JsonNode step = file.at("/properties/customize").get(1);
      assertEquals("File", step.get("type").asText(), step.toString());
      assertEquals(sha, step.get("sha256Checksum").asText());
    }
  }

  @Test
  void usageErrors() {
    Path root = tmp.resolve("repo");
    put(root, "a.json", BulkTrees.AIB);
    String dir = root.toString();
    String out = tmp.resolve("out").toString();

    assertUsage(CliRun.run("convert", "-r", dir), "-r/--recursive writes one file per template");
    assertUsage(
        CliRun.run("convert", "-r", "-o", out, "--jobs", "0", dir),
        "--jobs must be between 1 and 1024, not 0");
    // The thread pools' own limit is 32,767: past it was an internal error.
    assertUsage(
        CliRun.run("convert", "-r", "-o", out, "--jobs", "32768", dir),
        "--jobs must be between 1 and 1024, not 32768");
    assertUsage(
        CliRun.run("convert", "-r", "-o", out, "--include", "a[", dir),
        "--include 'a[' is not a valid glob");
    assertUsage(
        CliRun.run("convert", "-o", out, "--exclude", "x", dir),
        "--exclude applies only with -r/--recursive");
    assertUsage(
        CliRun.run("convert", "-r", "-o", out, "-"), "standard input ('-') cannot be given");
    // -o - made a folder named '-' (bulk review).
    assertUsage(
        CliRun.run("convert", "-r", "-o", "-", dir),
        "-o - (standard output) cannot be given with -r/--recursive, which writes one file per"
            + " template: pass -o DIR (./- for a folder named '-')");
    assertUsage(
        CliRun.run("convert", "-r", "-o", out, "--progress", "fancy", dir),
        "expected auto, bar, lines or none");
    assertUsage(CliRun.run("convert", "-r", "-o", dir, dir), "is also an input folder");
    // Overlapping roots converted the templates they share twice (bulk review).
    assertUsage(
        CliRun.run("convert", "-r", "-o", out, dir, dir + "/a.json"),
        "the inputs " + dir + " and " + dir + "/a.json overlap");
    assertUsage(CliRun.run("validate", "-r", dir, dir), "the input " + dir + " is given twice");
    // Empty arguments (an unset shell variable) once meant the current folder, silently.
    assertUsage(CliRun.run("convert", "-r", "-o", out, ""), "an input is empty");
    assertUsage(CliRun.run("convert", "-o", "", dir + "/a.json"), "--output is empty");
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  /**
   * Roots that overlap through a symbolic link are a usage error as well (found reviewing bulk
   * runs: {@code -r vv vvl -o out}, with {@code vvl} a link to {@code vv}, converted everything
   * twice, and so did {@code -r vv vvl/a.json}).
   */
  @Test
  void rootsThatOverlapThroughASymbolicLinkAreAUsageError() throws Exception {
    Path root = tmp.resolve("vv");
    put(root, "a.json", BulkTrees.AIB);
    put(root, "sub/b.json", BulkTrees.AIB);
    Path link = Files.createSymbolicLink(tmp.resolve("vvl"), root.getFileName());
    String dir = root.toString();
    String linked = link.toString();
    String out = tmp.resolve("out").toString();

    assertUsage(
        CliRun.run("convert", "-r", "-o", out, dir, linked),
        "the inputs "
            + dir
            + " and "
            + linked
            + " are the same folder (through a symbolic link), so the templates they share would"
            + " be converted twice; give one of them only");
    assertUsage(
        CliRun.run("convert", "-r", "-o", out, dir, linked + "/a.json"),
        "the inputs "
            + dir
            + " and "
            + linked
            + "/a.json overlap: one holds the other (through a symbolic link), so the templates"
            + " they share would be converted twice; give the outer one only");
    assertUsage(
        CliRun.run("validate", "-r", linked + "/sub", dir),
        "the inputs " + linked + "/sub and " + dir + " overlap: one holds the other (through");
    assertUsage(
        CliRun.run("convert", "-r", "-o", out, dir + "/a.json", linked + "/a.json"),
        " are the same file (through a symbolic link)");
    assertFalse(Files.exists(tmp.resolve("out")));
    // A link inside a root is not followed, so a root it leads to is no overlap.
    Path other = tmp.resolve("other");
    put(other, "c.json", BulkTrees.AIB);
    Files.createSymbolicLink(root.resolve("to-other"), other);
    CliRun r = bulk("-o", out, "--progress", "none", dir, other.toString());
    assertEquals(0, r.exitCode(), r.err());
  }

  /**
   * No output replaces a template the run reads (found reviewing bulk runs: each of these wrote a
   * Packer template's conversion over it and exited 0).
   */
  @Test
  void noOutputReplacesAnInput() throws Exception {
    Path repo = tmp.resolve("repo");
    Path legacy = put(repo, "packer/old.json", BulkTrees.legacy("old"));
    put(repo, "aib/image.json", BulkTrees.AIB);
    String original = Files.readString(legacy);
    // Several roots go to -o/<folder name>: -o their parent is each one's own folder.
    assertUsage(
        CliRun.run(
            "convert",
            "-r",
            "-o",
            repo.toString(),
            repo.resolve("packer").toString(),
            repo.resolve("aib").toString()),
        "the outputs of " + repo.resolve("packer") + " would be written to ");
    // A file given alone: its folder is its root.
    assertUsage(
        CliRun.run("convert", "-r", "-o", repo.resolve("packer").toString(), legacy.toString()),
        "the folder it is read from; write the output to another folder");
    // An output folder above the root mirrors x/t.json onto the root's own t.json.
    Path nested = tmp.resolve("t5");
    Path input = put(nested, "x/t.json", BulkTrees.AIB.replaceFirst("\\{", "{ \"name\": \"t\","));
    put(nested, "x/x/t.json", BulkTrees.AIB.replaceFirst("\\{", "{ \"name\": \"t\","));
    CliRun r = bulk("-o", nested.toString(), "--progress", "none", nested.resolve("x").toString());
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "error: cannot write "
                    + input
                    + ": it is a file this run reads as an input; write into another folder"
                    + " [CLI-E002]\n"),
        r.err());
    assertEquals(BulkTrees.AIB.replaceFirst("\\{", "{ \"name\": \"t\","), Files.readString(input));
    assertEquals(original, Files.readString(legacy));
  }

  /**
   * An output never replaces a file that packer2aib did not write (its output folder's list does
   * not hold it) and that is no image template (found reviewing bulk runs: {@code -r t/x -o t}
   * wrote the conversion of {@code t/x/x.yaml} over the Packer template {@code t/x.json}, exit 0);
   * with {@code --check} the template fails the same way. An image template there, or a file the
   * list holds, is replaced as before.
   */
  @Test
  void noOutputReplacesAFilePacker2aibDidNotWriteThatIsNoImageTemplate() throws Exception {
    Path t = tmp.resolve("t");
    Path packer = put(t, "x.json", BulkTrees.legacy("x"));
    put(t, "x/x.yaml", BulkTrees.AIB);
    String[] args = {"-o", t.toString(), "--progress", "none", t.resolve("x").toString()};
    String refused =
        "error: cannot write "
            + packer
            + ": it is not an image template, and packer2aib did not write it (its list of outputs"
            + " there, .packer2aib-outputs.json, does not hold it): it may be a template of yours;"
            + " write into another folder (-o) [CLI-E002]\n";

    CliRun r = bulk(args);

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains(refused), r.err());
    assertEquals(BulkTrees.legacy("x"), Files.readString(packer));
    assertFalse(Files.exists(t.resolve(OutputManifest.FILE_NAME)), "nothing was written");

    List<String> check = new ArrayList<>(List.of("--check"));
    check.addAll(List.of(args));
    CliRun checked = bulk(check.toArray(String[]::new));

    assertEquals(1, checked.exitCode(), checked.err());
    assertTrue(checked.err().contains(refused), checked.err());
    assertEquals(BulkTrees.legacy("x"), Files.readString(packer));

    // An image template there (converted by hand, or by a run before the list was kept) is
    // replaced, and then the list holds the output: replaced again, whatever it holds by then.
    put(t, "x.json", BulkTrees.BROKEN_AIB);
    CliRun template = bulk(args);
    assertEquals(0, template.exitCode(), template.err());
    String output = Files.readString(packer);
    assertTrue(output.contains("Microsoft.VirtualMachineImages/imageTemplates"), output);
    assertFalse(output.contains("NoSuchImage"), output);

    put(t, "x.json", "notes, not a template\n");
    CliRun listed = bulk(args);
    assertEquals(0, listed.exitCode(), listed.err());
    assertEquals(output, Files.readString(packer));
  }

  /**
   * An input reached through a symbolic link is still an input: {@code -r l/x -o a}, with {@code l}
   * a link to {@code a}, mirrors {@code l/x/x/t.json} onto {@code a/x/t.json}, which the run reads
   * as {@code l/x/t.json} (it was replaced).
   */
  @Test
  void noOutputReplacesAnInputReachedThroughALink() throws Exception {
    Path a = tmp.resolve("a");
    String named = BulkTrees.AIB.replaceFirst("\\{", "{ \"name\": \"t\",");
    String other = named.replace("westeurope", "northeurope");
    assertFalse(other.equals(named));
    Path input = put(a, "x/t.json", named);
    put(a, "x/x/t.json", other);
    Path link = Files.createSymbolicLink(tmp.resolve("l"), a.getFileName());

    CliRun r = bulk("-o", a.toString(), "--progress", "none", link.resolve("x").toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "error: cannot write "
                    + input
                    + ": it is a file this run reads as an input; write into another folder"
                    + " [CLI-E002]\n"),
        r.err());
    assertEquals(named, Files.readString(input));
  }

  /**
   * An input whose second output is blocked writes neither, and keeps the first one an earlier run
   * left (undoing the write deleted it).
   */
  @Test
  void aBlockedOutputKeepsTheEarlierOutputsOfItsInput() throws Exception {
    Path repo = tmp.resolve("repo");
    put(repo, "x/multi.json", BulkTrees.twoTemplates());
    Path out = tmp.resolve("out");
    assertEquals(0, bulk("-o", out.toString(), repo.toString()).exitCode());
    Path a = out.resolve("x/multi.a.json");
    String earlier = Files.readString(a);
    Files.delete(out.resolve("x/multi.b.json"));
    Files.createDirectories(out.resolve("x/multi.b.json"));
    put(repo, "x/multi.json", BulkTrees.twoTemplates().replace("install-packages", "install-them"));

    CliRun r = bulk("-o", out.toString(), repo.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("multi.b.json: it is a directory"), r.err());
    assertEquals(earlier, Files.readString(a));
  }

  @Test
  void anOutputFolderThatIsAnInputFolderThroughALinkIsAUsageErrorAndNothingIsDeleted()
      throws Exception {
    // The outputs of one run (with their list, which --prune trusts) taken as the next one's input.
    Path src = tmp.resolve("src");
    put(src, "a.json", BulkTrees.AIB);
    put(src, "sub/b.json", BulkTrees.AIB);
    Path root = tmp.resolve("out");
    assertEquals(0, bulk("-o", root.toString(), src.toString()).exitCode());
    Path link = Files.createSymbolicLink(tmp.resolve("link"), root);
    Path loop = Files.createSymbolicLink(root.resolve("sub/up"), root);
    TreeMap<String, String> before = BulkTrees.files(root);

    // Once: no template found (the output folder is never searched), exit 0, the templates
    // named as outputs of earlier runs, and with --prune deleted.
    assertUsage(bulk("--prune", "-o", link.toString(), root.toString()), "is also an input folder");
    assertUsage(bulk("--prune", "-o", root.toString(), link.toString()), "is also an input folder");
    assertUsage(bulk("--prune", "-o", loop.toString(), root.toString()), "is also an input folder");

    assertEquals(before, BulkTrees.files(root));
  }

  private static void assertUsage(CliRun r, String message) {
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains(message), r.err());
  }

  @Test
  void includeExcludeHiddenFoldersAndTheOutputFolderItself() throws Exception {
    Path root = mixedTree();
    Path out = root.resolve("converted");
    Path report = tmp.resolve("r.json");

    CliRun first = bulk("-o", out.toString(), root.toString());
    CliRun second = bulk("-o", out.toString(), "--report", report.toString(), root.toString());

    assertEquals(0, first.exitCode(), first.err());
    assertEquals(0, second.exitCode(), second.err());
    assertTrue(
        rows(report).stream().noneMatch(s -> s.startsWith("converted")), rows(report).toString());
    assertTrue(
        rows(report).stream().noneMatch(s -> s.contains(".hidden")), rows(report).toString());
    assertTrue(
        rows(report).stream().noneMatch(s -> s.contains(".github")), rows(report).toString());

    Path onlyAib = tmp.resolve("only-aib.json");
    bulk(
        "-o",
        tmp.resolve("o2").toString(),
        "--report",
        onlyAib.toString(),
        "--include",
        "aib/*",
        "--include",
        "hcl/*",
        "--exclude",
        "converted",
        root.toString());
    assertEquals(
        List.of(
            "aib/image.json | AIB JSON | converted | aib/image.json",
            "aib/image2.yml | AIB YAML | converted | aib/image2.json",
            "hcl/web | HCL2 folder | converted with warnings | hcl/web/web.json"),
        rows(onlyAib));

    Path noLegacy = tmp.resolve("no-legacy.json");
    bulk(
        "-o",
        tmp.resolve("o3").toString(),
        "--report",
        noLegacy.toString(),
        "--exclude",
        "converted",
        "--exclude",
        "legacy",
        "--exclude",
        "{scripts,vars}/**",
        "--exclude",
        "*.json",
        root.toString());
    assertEquals(
        List.of(
            "aib/image.json | AIB JSON | converted | aib/image.json",
            "aib/image2.yml | AIB YAML | converted | aib/image2.json",
            "hcl/web | HCL2 folder | converted with warnings | hcl/web/web.json",
            "hcl/web/values.auto.pkrvars.hcl | none | skipped: a Packer variable file | "),
        rows(noLegacy));
  }

  /** A mistyped --include selects nothing: said, not a silent "0 templates" (bulk review). */
  @Test
  void anIncludeThatMatchesNothingIsAWarning() throws Exception {
    Path root = BulkTrees.threeKinds(tmp.resolve("repo"));

    CliRun r = bulk("-o", tmp.resolve("out").toString(), "--include", "hlc/**", root.toString());
    CliRun json =
        bulk(
            "-o",
            tmp.resolve("out").toString(),
            "--include",
            "hlc/**",
            "--diagnostics-format",
            "json",
            root.toString());
    CliRun some = bulk("-o", tmp.resolve("out").toString(), "--include", "hcl/**", root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "\nwarning: --include 'hlc/**' matched nothing under the input folders, so nothing"
                    + " was converted."),
        r.err());
    assertTrue(json.err().contains("\"code\" : \"CLI-W005\""), json.err());
    assertFalse(some.err().contains("matched nothing"), some.err());
  }

  /**
   * Each --include pattern that selects nothing and each --exclude pattern that matches nothing is
   * a warning of its own, which says why (found reviewing bulk runs: --include x.json --exclude
   * x.json said the include "matched nothing", an --exclude that matched nothing said nothing, and
   * --include /x.json matched nothing without a word on the leading '/').
   */
  @Test
  void filterPatternsThatSelectOrMatchNothingAreWarningsThatSayWhy() throws Exception {
    Path root = BulkTrees.threeKinds(tmp.resolve("repo"));
    String out = tmp.resolve("out").toString();

    CliRun excluded =
        bulk(
            "-o",
            out,
            "--include",
            "legacy/old.json",
            "--exclude",
            "legacy/old.json",
            root.toString());
    CliRun slash = bulk("-o", out, "--include", "/aib/image.json", root.toString());
    CliRun partly =
        bulk(
            "-o",
            out,
            "--include",
            "aib/*",
            "--include",
            "hlc/**",
            "--exclude",
            "legacy/**",
            "--exclude",
            "lgacy/**",
            "--exclude",
            "/hcl/**",
            "--diagnostics-format",
            "json",
            root.toString());

    assertEquals(0, excluded.exitCode(), excluded.err());
    assertTrue(
        excluded
            .err()
            .contains(
                "\nwarning: Everything --include 'legacy/old.json' matched was excluded by"
                    + " --exclude, so nothing was converted. [CLI-W005]\n"),
        excluded.err());
    assertFalse(excluded.err().contains("matched nothing"), excluded.err());
    assertTrue(
        slash
            .err()
            .contains(
                "\nwarning: --include '/aib/image.json' matched nothing under the input folders,"
                    + " so nothing was converted. A pattern is matched against the path relative"
                    + " to each root, which never starts with '/': write 'aib/image.json' for that"
                    + " path under each root. [CLI-W005]\n"),
        slash.err());
    // With something selected, each pattern that did nothing is named on its own.
    List<String> warnings = new ArrayList<>();
    for (JsonNode d : JSON.readTree(partly.err())) {
      if (d.get("code").asText().matches("CLI-W00[56]")) {
        warnings.add(d.get("code").asText() + " " + d.get("detail").asText());
      }
    }
    assertEquals(0, partly.exitCode(), partly.err());
    assertEquals(3, warnings.size(), partly.err());
    assertTrue(
        warnings
            .get(0)
            .startsWith(
                "CLI-W005 --include 'hlc/**' matched nothing under the input folders. A pattern"),
        warnings.get(0));
    assertTrue(
        warnings.get(0).endsWith(" Folders that --exclude leaves out are not searched."),
        warnings.get(0));
    assertTrue(
        warnings
            .get(1)
            .startsWith(
                "CLI-W006 --exclude 'lgacy/**' matched nothing under the input folders, so it left"
                    + " nothing out. A pattern is matched"),
        warnings.get(1));
    assertTrue(
        warnings.get(2).startsWith("CLI-W006 --exclude '/hcl/**' matched nothing")
            && warnings.get(2).contains("write 'hcl/**' for that path under each root."),
        warnings.get(2));
  }

  /** The CLI-W005 and CLI-W006 warnings of a run over {@code root} with {@code filters}. */
  private List<String> filterWarnings(Path root, String... filters) throws Exception {
    List<String> args = new ArrayList<>(List.of("-o", tmp.resolve("out").toString()));
    args.addAll(List.of(filters));
    args.addAll(List.of("--diagnostics-format", "json", root.toString()));
    CliRun r = bulk(args.toArray(String[]::new));
    List<String> warnings = new ArrayList<>();
    for (JsonNode d : JSON.readTree(r.err())) {
      if (d.get("code").asText().matches("CLI-W00[56]")) {
        warnings.add(d.get("code").asText() + " " + d.get("detail").asText());
      }
    }
    return warnings;
  }

  /**
   * An --include that selected only files that are no templates (a var file, a package.json) gave
   * "0 templates", exit 0 and no warning (found reviewing bulk runs: a user who means "the template
   * of this var file" got a silent no-op run in CI). It is CLI-W005, naming what it selected and
   * why that was skipped; for a var file, the pattern that selects its template.
   */
  @Test
  void anIncludeThatSelectsOnlyFilesThatAreNoTemplatesIsAWarningThatSaysWhy() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "packer/lin/main.pkr.hcl", BulkTrees.hcl("lin"));
    put(root, "packer/lin/v.pkrvars.hcl", "a = 1\n");
    put(root, "packer/win/v.pkrvars.hcl", "a = 1\n");
    put(root, "misc/package.json", "{\"name\": \"x\"}\n");
    put(root, "misc/README.md", "# x\n");
    put(root, "aib/image.json", BulkTrees.AIB);
    put(root, "aib/README.md", "# x\n");

    assertEquals(
        List.of(
            "CLI-W005 --include '**/v.pkrvars.hcl' selected no template, only files that were"
                + " skipped: packer/lin/v.pkrvars.hcl (a Packer variable file) and 1 more. A"
                + " variable file is no template: it is read with the HCL2 template of its"
                + " folder. To select that template, write 'packer/lin' (its folder)."),
        filterWarnings(root, "--include", "**/v.pkrvars.hcl"));
    assertEquals(
        List.of(
            "CLI-W005 --include 'misc/*' selected no template, only files that were skipped:"
                + " misc/README.md (not a JSON or YAML file) and 1 more. The templates of a tree"
                + " are HCL2 template folders (of *.pkr.hcl or *.pkr.json files) and JSON or YAML"
                + " files that hold a template: select one by its file or its folder."),
        filterWarnings(root, "--include", "misc/*", "--include", "aib/*"));
    assertEquals(
        List.of(
            "CLI-W005 --include 'misc/package.json' selected no template, only a file that was"
                + " skipped: misc/package.json (not a template: an object of plain values (a"
                + " variable file)). The templates of a tree are HCL2 template folders (of"
                + " *.pkr.hcl or *.pkr.json files) and JSON or YAML files that hold a template:"
                + " select one by its file or its folder."),
        filterWarnings(root, "--include", "misc/package.json", "--jobs", "3"));
    // A template among what it selected: no warning.
    assertEquals(List.of(), filterWarnings(root, "--include", "aib/*"));
    assertEquals(List.of(), filterWarnings(root, "--include", "packer/lin/*"));
  }

  /**
   * The slips users bring from .gitignore and shells get the pattern that works, not the generic
   * advice; a pattern for hidden names, which are never searched, says so (an --include) or is no
   * warning (an --exclude: '.git/**' in a CI script warned on every run); an --exclude that another
   * one made redundant says so (found reviewing bulk runs).
   */
  @Test
  void filterWarningsNameTheSlipAndHiddenPathsAndRedundantExcludes() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "aib/image.json", BulkTrees.AIB);
    put(root, "aib/sub/b.json", BulkTrees.AIB);
    put(root, ".hidden/h.json", BulkTrees.AIB);
    put(root, ".git/config.json", "{}");

    assertEquals(
        List.of(
            "CLI-W005 --include './aib/**' matched nothing under the input folders, so nothing"
                + " was converted. A pattern is matched against the path relative to each root,"
                + " which never starts with './': write 'aib/**' for that path under each root."),
        filterWarnings(root, "--include", "./aib/**"));
    assertEquals(
        List.of(
            "CLI-W005 --include 'aib/' matched nothing under the input folders, so nothing was"
                + " converted. A pattern is matched against the path relative to each root, which"
                + " never ends with '/': write 'aib/**' for everything below the folder aib under"
                + " each root."),
        filterWarnings(root, "--include", "aib/"));
    assertEquals(
        List.of(
            "CLI-W005 --include 'aib' matched nothing under the input folders, so nothing was"
                + " converted. 'aib' is a folder, and --include selects files and template"
                + " folders (those holding *.pkr.hcl or *.pkr.json files), not a folder's files:"
                + " write 'aib/**' for everything below it."),
        filterWarnings(root, "--include", "aib"));
    assertEquals(
        List.of(
            "CLI-W005 --include '.hidden/*' matched nothing under the input folders, so nothing"
                + " was converted. Hidden files and folders (a name starting with '.') are never"
                + " searched."),
        filterWarnings(root, "--include", ".hidden/*"));
    assertEquals(
        List.of(), filterWarnings(root, "--exclude", ".git/**", "--exclude", "**/.hidden/**"));
    List<String> redundant =
        filterWarnings(
            root, "--include", "aib/**", "--exclude", "aib/sub/**", "--exclude", "aib/sub");
    assertEquals(1, redundant.size(), redundant.toString());
    assertTrue(
        redundant.get(0).startsWith("CLI-W006 --exclude 'aib/sub/**' matched nothing")
            && redundant
                .get(0)
                .endsWith(
                    " Folders that another --exclude leaves out are not searched, so a pattern"
                        + " for what lies in them is not needed."),
        redundant.get(0));
  }

  @Test
  void severalRootsGoUnderTheirFolderNamesAndAFileIsConvertedAlone() throws Exception {
    Path a = put(tmp.resolve("x/app"), "t.json", BulkTrees.AIB).getParent();
    Path b = put(tmp.resolve("y/app"), "t.json", BulkTrees.AIB).getParent();
    Path single = put(tmp.resolve("z"), "one.yaml", BulkTrees.AIB);
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("r.json");

    CliRun r =
        bulk(
            "-o",
            out.toString(),
            "--report",
            report.toString(),
            a.toString(),
            b.toString(),
            single.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        List.of(
            "app/t.json | AIB JSON | converted | app/t.json",
            "app-2/t.json | AIB JSON | converted | app-2/t.json",
            "z/one.yaml | AIB YAML | converted | z/one.json"),
        rows(report));
  }

  /**
   * A file named as a root that is no template is skipped with a warning on stderr (found reviewing
   * bulk runs: -r dir/package.json said "0 templates", exit 0, the reason only in the report); a
   * file skipped in a folder is not named.
   */
  @Test
  void aFileGivenAsARootThatIsNoTemplateIsAWarning() throws Exception {
    Path root = BulkTrees.threeKinds(tmp.resolve("repo"));
    Path pkg = put(root, "package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}\n");
    String out = tmp.resolve("out").toString();

    CliRun alone = bulk("-o", out, pkg.toString());
    CliRun json = bulk("-o", out, "--diagnostics-format", "json", pkg.toString());
    CliRun quiet = bulk("-o", out, "-q", pkg.toString());
    CliRun validate = CliRun.run("validate", "-r", pkg.toString());
    CliRun folder = bulk("-o", out, root.toString());

    assertEquals(0, alone.exitCode(), alone.err());
    assertTrue(
        alone
            .err()
            .contains(
                "warning: "
                    + pkg
                    + ", given as an input, was skipped: not a template: an object of plain"
                    + " values (a variable file); nothing was converted from it. [CLI-W007]\n"),
        alone.err());
    List<String> codes = new ArrayList<>();
    JSON.readTree(json.err()).forEach(d -> codes.add(d.get("code").asText()));
    assertEquals(List.of("CLI-W007"), codes, json.err());
    assertEquals("", quiet.err());
    assertTrue(
        validate.err().contains("; nothing was checked from it. [CLI-W007]\n"), validate.err());
    assertFalse(folder.err().contains("CLI-W007"), folder.err());
    assertFalse(folder.err().contains("given as an input"), folder.err());
  }

  @Test
  void aMissingRootFailsWithExit1AndTheOthersStillRun() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a.json", BulkTrees.AIB);
    Path out = tmp.resolve("out");

    CliRun r = bulk("-o", out.toString(), tmp.resolve("nope").toString(), root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains("error: cannot read " + tmp.resolve("nope") + ": no such file or directory"),
        r.err());
    assertEquals(List.of("repo/a.json"), List.copyOf(BulkTrees.files(out).keySet()));
  }

  @Test
  void progressLinesAndTheSummaryTable() throws Exception {
    Path root = tmp.resolve("repo");
    for (int i = 0; i < 20; i++) {
      put(root, String.format("t%02d.json", i), i == 7 ? BulkTrees.BROKEN_AIB : BulkTrees.AIB);
    }
    put(root, "notes.txt", "hello\n");

    CliRun r = bulk("-o", tmp.resolve("out").toString(), "--progress", "lines", root.toString());

    assertEquals(1, r.exitCode(), r.err());
    Pattern line =
        Pattern.compile(
            "progress: (\\d+)/20 \\((\\d+)%\\), \\d+\\.\\d/s, elapsed \\d+:\\d\\d, ETA"
                + " (\\d+:\\d\\d|-)");
    List<String> progress = r.err().lines().filter(l -> l.startsWith("progress: ")).toList();
    assertFalse(progress.isEmpty(), r.err());
    assertTrue(progress.size() <= 10, progress.toString());
    for (String l : progress) {
      assertTrue(line.matcher(l).matches(), l);
    }
    assertTrue(progress.get(progress.size() - 1).startsWith("progress: 20/20 (100%), "));
    String err = r.err();
    String table = err.substring(err.indexOf("\n  converted ") + 1);
    List<String> tableLines = table.lines().toList();
    assertEquals("  converted                    19", tableLines.get(0));
    assertEquals("  converted with warnings       0", tableLines.get(1));
    assertEquals("  failed                        1", tableLines.get(2));
    assertEquals("  skipped (not templates)       1", tableLines.get(3));
    assertEquals("", tableLines.get(4));
    assertEquals("most frequent diagnostics:", tableLines.get(5));
    assertTrue(tableLines.get(6).matches("  code +count  +inputs  summary"), tableLines.get(6));
    assertTrue(
        Pattern.compile("20 inputs, 19 templates in \\d+\\.\\d s \\(\\d+\\.\\d inputs/s\\)")
            .matcher(tableLines.get(tableLines.size() - 1))
            .matches(),
        tableLines.get(tableLines.size() - 1));
  }

  /**
   * The summary counted inputs as "templates": a tree of 3 files writing 9 image templates said "3
   * templates in 0.4 s", where a single convert says "converted 9 templates from 3 inputs" (found
   * reviewing YAML input). Inputs and templates are counted apart, on stderr and in the report.
   */
  @Test
  void theSummaryCountsInputsAndTemplatesApart() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a.json", BulkTrees.AIB);
    put(root, "arm.json", BulkTrees.twoTemplates());
    put(root, "broken.json", BulkTrees.BROKEN_AIB);
    put(root, "notes.txt", "hello\n");
    Path json = tmp.resolve("r.json");
    Path md = tmp.resolve("r.md");

    CliRun r =
        bulk("-o", tmp.resolve("out").toString(), "--report", json.toString(), root.toString());
    CliRun m =
        bulk("-o", tmp.resolve("out2").toString(), "--report", md.toString(), root.toString());

    assertEquals(1, r.exitCode(), r.err());
    String last = r.err().lines().reduce((a, b) -> b).orElse("");
    assertTrue(
        Pattern.compile("3 inputs, 3 templates in \\d+\\.\\d s \\(\\d+\\.\\d inputs/s\\)")
            .matcher(last)
            .matches(),
        last);
    JsonNode summary = JSON.readTree(json.toFile()).get("summary");
    assertEquals(3, summary.get("inputs").asInt(), summary.toString());
    assertEquals(3, summary.get("templates").asInt(), summary.toString());
    assertEquals(1, summary.get("failed").asInt(), summary.toString());
    assertTrue(summary.get("diagnostics").get(0).has("inputs"), summary.toString());
    String report = Files.readString(md);
    assertTrue(report.contains("| Verdict | Inputs |\n"), report);
    assertTrue(report.contains("| skipped | 1 |\n\n3 inputs, 3 templates.\n"), report);
    assertTrue(report.contains("| Code | Summary | Count | Inputs |\n"), report);
  }

  @Test
  void jsonDiagnosticsKeepStderrMachineReadable() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a.json", BulkTrees.AIB);
    put(root, "b.json", BulkTrees.BROKEN_AIB);

    CliRun r =
        bulk(
            "-o",
            tmp.resolve("out").toString(),
            "--diagnostics-format",
            "json",
            "--progress",
            "lines",
            root.toString());

    assertEquals(1, r.exitCode(), r.err());
    JsonNode array = JSON.readTree(r.err());
    assertTrue(array.isArray() && array.size() > 0, r.err());
    for (JsonNode d : array) {
      assertTrue(
          d.get("range").toString().contains("b.json") || d.toString().contains("b.json"),
          d.toString());
    }
  }

  @Test
  void quietPrintsOnlyTheErrors() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a.json", BulkTrees.AIB);
    put(root, "b.json", BulkTrees.BROKEN_AIB);

    CliRun r = bulk("-o", tmp.resolve("out").toString(), "-q", root.toString());

    assertEquals(1, r.exitCode());
    assertFalse(r.err().contains("progress:"), r.err());
    assertFalse(r.err().contains("converted"), r.err());
    assertTrue(r.err().contains(": error: Unknown type [SPEC-E120]\n"), r.err());
  }

  @Test
  void warningsAreCountedNotPrintedUnlessAskedForAndFailWithStrict() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "web/main.pkr.hcl", BulkTrees.hcl("web"));
    // A value for a variable the template does not declare: a warning.
    put(root, "web/values.auto.pkrvars.hcl", "location = \"westeurope\"\n");
    put(root, "a.json", BulkTrees.AIB);

    CliRun plain = bulk("-o", tmp.resolve("o1").toString(), "--progress", "none", root.toString());
    CliRun shown =
        bulk(
            "-o",
            tmp.resolve("o2").toString(),
            "--progress",
            "none",
            "--show-warnings",
            root.toString());
    CliRun strict =
        bulk("-o", tmp.resolve("o3").toString(), "--progress", "none", "--strict", root.toString());

    assertEquals(0, plain.exitCode(), plain.err());
    assertTrue(plain.err().startsWith("\n  converted "), plain.err());
    assertTrue(plain.err().contains("  converted with warnings       1\n"), plain.err());
    assertEquals(0, shown.exitCode(), shown.err());
    assertTrue(shown.err().contains("web/main.pkr.hcl:"), shown.err());
    assertTrue(shown.err().contains(": warning: "), shown.err());
    assertEquals(1, strict.exitCode(), strict.err());
    assertTrue(strict.err().contains(": warning: "), strict.err());
    assertEquals(List.of("a.json"), List.copyOf(BulkTrees.files(tmp.resolve("o3")).keySet()));
  }

  @Test
  void theMarkdownReportListsEveryCandidateAndIsNotReadBackAsInput() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a.json", BulkTrees.AIB);
    put(root, "b.json", BulkTrees.BROKEN_AIB);
    put(root, "notes.txt", "x\n");
    Path md = root.resolve("report.md");
    Path json = root.resolve("report.json");

    bulk("-o", tmp.resolve("o1").toString(), "--report", json.toString(), root.toString());
    CliRun r = bulk("-o", tmp.resolve("o2").toString(), "--report", md.toString(), root.toString());

    assertEquals(1, r.exitCode(), r.err());
    String text = Files.readString(md);
    assertTrue(
        text.startsWith(
            "# packer2aib conversion report\n\n| Verdict | Inputs |\n| --- | ---: |\n"
                + "| converted | 1 |\n| converted with warnings | 0 |\n| failed | 1 |\n"
                + "| skipped | 2 |\n\n2 inputs, 1 template.\n"),
        text);
    assertTrue(text.contains("| a.json | AIB JSON | converted | a.json |  |\n"), text);
    assertTrue(text.contains("| b.json | AIB JSON | failed | none | SPEC-E120 |\n"), text);
    assertTrue(
        text.contains("| notes.txt | none | skipped: not a JSON or YAML file | none |  |\n"), text);
    // The JSON report of the first run is in the tree: the second run lists it as no template.
    assertTrue(text.contains("| report.json | none | skipped: not a template: "), text);
    assertFalse(text.contains("| report.md |"), text);
    assertTrue(text.contains("\n### b.json\n"), text);
    assertTrue(
        text.contains(
            "| error | " + root + "/b.json:13:15 | /properties/source/type | SPEC-E120 |"),
        text);
  }

  @Test
  void aTemplateThatDoesNotParseFailsAndTheReportNamesTheEarlierKey() throws Exception {
    Path root = tmp.resolve("repo");
    put(
        root,
        "dup.yaml",
        "type: Microsoft.VirtualMachineImages/imageTemplates\n"
            + "apiVersion: 2024-02-01\n"
            + "location: westeurope\n"
            + "properties:\n"
            + "  customize: []\n"
            + "  customize: []\n");
    Path md = tmp.resolve("report.md");

    CliRun r = bulk("-o", tmp.resolve("o").toString(), "--report", md.toString(), root.toString());

    // A template that does not parse has failed (it is no "not a template" to skip).
    assertEquals(1, r.exitCode(), r.err());
    String text = Files.readString(md);
    assertTrue(text.contains("| dup.yaml | AIB YAML | failed | none | YAML-E101 |\n"), text);
    // As in the single-conversion report: the earlier key is named after the detail.
    assertTrue(
        text.contains(
            "Each key may appear only once in a mapping: remove one of them or rename it."
                + " (first defined here: "
                + root
                + "/dup.yaml:5:3) |"),
        text);
  }

  @Test
  void aReportNeverReplacesATemplateOrAnOutput() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a.json", BulkTrees.AIB);
    put(root, "b.json", BulkTrees.AIB);
    Path out = tmp.resolve("out");

    // An input of the tree: a usage error before anything is written (once, replaced by it).
    CliRun input =
        bulk("-o", out.toString(), "--report", root.resolve("b.json").toString(), root.toString());
    assertEquals(2, input.exitCode(), input.err());
    assertTrue(input.err().contains("exists and is not a packer2aib report"), input.err());
    assertEquals(BulkTrees.AIB, Files.readString(root.resolve("b.json")));
    assertFalse(Files.exists(out));

    // An output this run writes: the report is not written, the output stays.
    CliRun output =
        bulk("-o", out.toString(), "--report", out.resolve("a.json").toString(), root.toString());
    assertEquals(1, output.exitCode(), output.err());
    assertTrue(
        output.err().contains(": it would replace the output a.json of this run"), output.err());
    assertTrue(Files.readString(out.resolve("a.json")).contains("imageTemplates"));

    // An earlier report is replaced, as every run replaces its own.
    Path report = tmp.resolve("r.json");
    assertEquals(
        0, bulk("-o", out.toString(), "--report", report.toString(), root.toString()).exitCode());
    assertEquals(
        0, bulk("-o", out.toString(), "--report", report.toString(), root.toString()).exitCode());
  }

  @Test
  void linksToFoldersBrokenLinksAndPipesAreListedAsSkipped() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a.json", BulkTrees.AIB);
    put(root, "elsewhere/b.json", BulkTrees.AIB);
    Path outside = tmp.resolve("outside");
    put(outside, "c.json", BulkTrees.AIB);
    Files.createSymbolicLink(root.resolve("linked"), outside);
    Files.createSymbolicLink(root.resolve("gone.json"), tmp.resolve("nothing-here"));
    Files.createSymbolicLink(root.resolve("also.json"), root.resolve("a.json"));
    Path report = tmp.resolve("r.json");

    CliRun r =
        bulk("-o", tmp.resolve("o").toString(), "--report", report.toString(), root.toString());

    // Once left out without a word; a link to a file is converted as the file.
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        List.of(
            "a.json | AIB JSON | converted | a.json",
            "also.json | AIB JSON | converted | also.json",
            "elsewhere/b.json | AIB JSON | converted | elsewhere/b.json",
            "gone.json | none | skipped: a broken symbolic link | ",
            "linked | none | skipped: a symbolic link to a folder (not followed) | "),
        rows(report));
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aNamedPipeIsSkippedAndAPipeGivenAsARootFailsForWhatItIs() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a.json", BulkTrees.AIB);
    NamedPipes.make(root.resolve("pipe.json"));
    Path lonePipe = NamedPipes.make(tmp.resolve("lone.json"));
    Path report = tmp.resolve("r.json");

    CliRun r =
        bulk("-o", tmp.resolve("o").toString(), "--report", report.toString(), root.toString());
    CliRun alone = bulk("-o", tmp.resolve("o2").toString(), lonePipe.toString());

    // Never opened: nothing writes to these pipes, so reading one would wait for ever.
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        List.of(
            "a.json | AIB JSON | converted | a.json",
            "pipe.json | none | skipped: not a regular file (a named pipe) | "),
        rows(report));
    assertEquals(1, alone.exitCode(), alone.err());
    assertTrue(
        alone
            .err()
            .startsWith(
                "error: cannot read "
                    + lonePipe
                    + ": is not a regular file (a named pipe) [CLI-E001]\n"),
        alone.err());
  }

  @Test
  void aLegacyTemplateThatDoesNotParseFailsWithItsSyntaxErrors() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "broken.json", "{\"builders\": [");
    put(root, "broken.yaml", "builders:\n  - type: azure-arm\n    name: [x\n");
    Path report = tmp.resolve("r.json");

    CliRun r =
        bulk("-o", tmp.resolve("o").toString(), "--report", report.toString(), root.toString());

    // As a single convert reports them; once "Not a Packer template" (LEGACY-E032).
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(
        r.err().contains(root + "/broken.json:1:15: error: Unclosed array [JSON-E005]"), r.err());
    assertTrue(
        r.err().contains(root + "/broken.yaml:4:1: error: Unclosed flow collection [YAML-E007]"),
        r.err());
    assertFalse(r.err().contains("LEGACY-E032"), r.err());
    assertEquals(
        List.of("broken.json | legacy JSON | failed | ", "broken.yaml | legacy YAML | failed | "),
        rows(report));
  }

  @Test
  void aRootNamedRelativeToTheWorkingFolderFindsEachTemplatesFilesInItsOwnFolder()
      throws Exception {
    Path root = tmp.resolve("repo");
    put(
        root,
        "hcl/t.pkr.hcl",
        BulkTrees.hcl("web").replace("inline = [\"echo hello\"]", "script = \"scripts/setup.sh\""));
    put(root, "hcl/scripts/setup.sh", "echo hi\n");
    put(
        root,
        "legacy/t.json",
        BulkTrees.legacy("db")
            .replace("\"inline\": [\"echo hello\"]", "\"script\": \"scripts/setup.sh\""));
    put(root, "legacy/scripts/setup.sh", "echo hi\n");
    // The root as a user in another folder would name it: relative to this process's folder.
    String relative = Path.of("").toAbsolutePath().relativize(root).toString();

    CliRun r =
        bulk(
            "-o",
            tmp.resolve("o").toString(),
            "--show-warnings",
            "--script-base-uri",
            "https://example.blob.core.windows.net/build/",
            relative);

    assertEquals(0, r.exitCode(), r.err());
    // Each script is in its template's folder, the working folder of its conversion: no note that
    // it was found elsewhere, and no folder made of the root's path joined to itself.
    assertFalse(r.err().contains("PKRMAP-N309"), r.err());
    assertFalse(r.err().contains("PKRMAP-E306"), r.err());
    assertTrue(Files.readString(tmp.resolve("o/hcl/web.json")).contains("scripts/setup.sh"));
    assertTrue(Files.readString(tmp.resolve("o/legacy/t.json")).contains("scripts/setup.sh"));
  }

  @Test
  void aReportThatCannotBeWrittenIsExit1AndStaysInTheJsonArray() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a.json", BulkTrees.AIB);
    // Its folder would be a file: it can be neither created nor written into.
    Files.writeString(tmp.resolve("a-file"), "x");
    Path report = tmp.resolve("a-file/r.json");

    CliRun text =
        bulk("-o", tmp.resolve("o1").toString(), "--report", report.toString(), root.toString());
    CliRun json =
        bulk(
            "-o",
            tmp.resolve("o2").toString(),
            "--report",
            report.toString(),
            "--diagnostics-format",
            "json",
            root.toString());

    assertEquals(1, text.exitCode(), text.err());
    assertTrue(text.err().contains("\nerror: cannot write report " + report + ": "), text.err());
    assertEquals(List.of("a.json"), List.copyOf(BulkTrees.files(tmp.resolve("o1")).keySet()));
    assertEquals(1, json.exitCode(), json.err());
    JsonNode array = JSON.readTree(json.err());
    assertEquals(1, array.size(), json.err());
    assertEquals("CLI-E002", array.get(0).get("code").asText());
  }

  @Test
  void aDiagnosticWithoutALocationNamesItsTemplate() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "old.json", BulkTrees.legacy("old"));

    CliRun r =
        bulk(
            "-o",
            tmp.resolve("out").toString(),
            "--progress",
            "none",
            "--var-file",
            tmp.resolve("missing.json").toString(),
            root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(
        r.err().startsWith(root + "/old.json: error: Cannot read variable file [LEGACY-E030]\n"),
        r.err());
  }

  @Test
  void globsOnTheFilesOfAnHcl2FolderSelectTheFolder() throws Exception {
    Path root = mixedTree();
    Path included = tmp.resolve("included.json");
    Path excluded = tmp.resolve("excluded.json");

    bulk(
        "-o",
        tmp.resolve("o1").toString(),
        "--report",
        included.toString(),
        "--include",
        "**/*.pkr.hcl",
        root.toString());
    bulk(
        "-o",
        tmp.resolve("o2").toString(),
        "--report",
        excluded.toString(),
        "--exclude",
        "**/*.pkr.hcl",
        "--include",
        "{hcl,aib}/**",
        root.toString());

    assertEquals(
        List.of("hcl/web | HCL2 folder | converted with warnings | hcl/web/web.json"),
        rows(included));
    assertEquals(
        List.of(
            "aib/image.json | AIB JSON | converted | aib/image.json",
            "aib/image2.yml | AIB YAML | converted | aib/image2.json",
            "hcl/web/values.auto.pkrvars.hcl | none | skipped: a Packer variable file | "),
        rows(excluded));
  }

  @Test
  void scriptsAreReadFromTheTemplatesFolderAndUploadedUnderTheirPathInTheRoot() throws Exception {
    Path root = tmp.resolve("repo");
    put(
        root,
        "images/web/main.pkr.hcl",
        BulkTrees.hcl("web").replace("inline = [\"echo hello\"]", "script = \"scripts/setup.sh\""));
    put(root, "images/web/scripts/setup.sh", "#!/bin/sh\necho setup\n");
    Path out = tmp.resolve("out");

    CliRun r =
        bulk(
            "-o",
            out.toString(),
            "--script-base-uri",
            "https://acct.blob.core.windows.net/build/",
            root.toString());

    assertEquals(0, r.exitCode(), r.err());
    JsonNode web = JSON.readTree(out.resolve("images/web/web.json").toFile());
    assertEquals(
        "https://acct.blob.core.windows.net/build/images/web/scripts/setup.sh",
        web.at("/properties/customize/0/scriptUri").asText(),
        web.toString());
  }

  @Test
  void theOutputFolderIsRecognisedThroughASymbolicLink() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a.json", BulkTrees.AIB);
    Path out = root.resolve("out");
    Files.createDirectories(out);
    Path link = tmp.resolve("link");
    try {
      Files.createSymbolicLink(link, root);
    } catch (UnsupportedOperationException | java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.assumeTrue(false, "no symbolic links here");
    }
    Path report = tmp.resolve("r.json");

    bulk("-o", out.toString(), root.toString());
    CliRun second = bulk("-o", out.toString(), "--report", report.toString(), link.toString());

    assertEquals(0, second.exitCode(), second.err());
    assertEquals(List.of("a.json | AIB JSON | converted | a.json"), rows(report));
  }

  @Test
  void anHcl2FileGivenAloneIsOneTemplateNamedAfterItsSource() throws Exception {
    Path file = put(tmp.resolve("repo/web"), "main.pkr.hcl", BulkTrees.hcl("web"));
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("r.json");

    CliRun r = bulk("-o", out.toString(), "--report", report.toString(), file.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        List.of("main.pkr.hcl | HCL2 file | converted with warnings | web.json"), rows(report));
    assertTrue(Files.isRegularFile(out.resolve("web.json")));
  }

  /** A file where the output needs a folder: the message says so (it gave the path alone). */
  @Test
  void aFileWhereAnOutputFolderGoesIsNamedAsSuch() throws Exception {
    Path root = tmp.resolve("root");
    Templates.write(root.resolve("sub"), "t.json", Templates.VALID_AIB);
    Path out = tmp.resolve("out");
    Templates.write(out, "sub", "a file");

    CliRun r = CliRun.run("convert", "-r", "-q", "-o", out.toString(), root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertEquals(
        "error: cannot write "
            + out.resolve("sub").resolve("t.json")
            + ": "
            + out.resolve("sub")
            + " exists and is not a directory [CLI-E002]\n",
        r.err());
  }

  @Test
  void anOutputAndAReportWhoseNamesAreNearTheSystemsLimitAreWritten() throws Exception {
    // 250-byte names, which the file system takes: their temporary files beside them, named
    // ".NAME.PID.N.tmp", were not ("cannot write …: File name too long").
    String stem = "c".repeat(245);
    Path root = tmp.resolve("tree");
    put(root, stem + ".yaml", BulkTrees.legacyYaml("web"));
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("r".repeat(245) + ".json");

    CliRun r = bulk("-q", "-o", out.toString(), "--report", report.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
    assertTrue(Files.isRegularFile(out.resolve(stem + ".json")));
    assertEquals(
        List.of(stem + ".yaml | legacy YAML | converted with warnings | " + stem + ".json"),
        rows(report));
  }

  @Test
  void mirroredFoldersHoldNoCharacterWindowsRefuses() throws Exception {
    // A committed tree of outputs with out/x:y/ or a newline in a folder's name could not be
    // checked out on Windows (x:y names a stream of x on NTFS).
    Path root = tmp.resolve("repo");
    put(root, "x:y/t.pkr.hcl", BulkTrees.hcl("u"));
    put(root, "a*b/t.pkr.hcl", BulkTrees.hcl("u"));
    put(root, "c\n::warning::dir/t.pkr.hcl", BulkTrees.hcl("u"));
    put(root, "ok dir/t.pkr.hcl", BulkTrees.hcl("u"));
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("r.json");

    CliRun r = bulk("-o", out.toString(), "--report", report.toString(), root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        List.of(OutputManifest.FILE_NAME, "a_b", "c_warning_dir", "ok dir", "x_y"),
        AtomicFilesTest.listing(out));
    List<String> renamed = new ArrayList<>();
    for (JsonNode t : JSON.readTree(report.toFile()).get("templates")) {
      for (JsonNode d : t.get("diagnostics")) {
        if (d.get("code").asText().equals("CLI-N001")) {
          String detail = d.get("detail").asText();
          renamed.add(detail.substring(0, detail.indexOf(" cannot")) + " → " + t.get("outputs"));
        }
      }
    }
    assertEquals(
        List.of(
            "The folder a*b → [\"a_b/u.json\"]",
            "The folder c\n::warning::dir → [\"c_warning_dir/u.json\"]",
            "The folder x:y → [\"x_y/u.json\"]"),
        renamed);
  }
}
