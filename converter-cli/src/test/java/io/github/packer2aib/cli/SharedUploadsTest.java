package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk run warns when two of its templates upload different files to one address (CLI-W003):
 * scripts outside the folder converted are known by their file name alone.
 */
class SharedUploadsTest {
  private static final String BASE = "https://st.example.com/build/";

  @TempDir Path tmp;

  private int repos;

  /** Templates images/NAME that run {@code script}, relative to their folder. */
  private Path repo(String... scriptsByTemplate) {
    Path repo = tmp.resolve("repo-" + (++repos));
    for (int i = 0; i < scriptsByTemplate.length; i++) {
      String name = "t" + i;
      put(
          repo,
          "images/" + name + "/main.pkr.hcl",
          BulkTrees.hcl(name)
              .replace("inline = [\"echo hello\"]", "script = \"" + scriptsByTemplate[i] + "\""));
    }
    put(repo, "scripts/a/setup.sh", "#!/bin/sh\necho a\n");
    put(repo, "scripts/b/setup.sh", "#!/bin/sh\necho b\n");
    put(repo, "scripts/a/same.sh", "#!/bin/sh\necho same\n");
    put(repo, "scripts/b/same.sh", "#!/bin/sh\necho same\n");
    return repo;
  }

  private static CliRun bulk(Path out, Path root, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("--progress", "none", "--script-base-uri", BASE, "-o", out.toString()));
    args.addAll(List.of(extra));
    args.add(root.toString());
    return BulkTrees.bulk(CliRun.with(), args.toArray(String[]::new));
  }

  @Test
  void differentFilesGivenOneAddressAreNamed() {
    Path repo =
        repo("../../scripts/a/setup.sh", "../../scripts/b/setup.sh", "../../scripts/a/setup.sh");

    CliRun r = bulk(tmp.resolve("out"), repo.resolve("images"));

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "warning: 1 upload address is given to different files (CLI-W003): only one file"
                    + " can be uploaded there, so the steps of the other templates fail their"
                    + " checksums. A file outside the folder converted is known by its file name"
                    + " alone: convert from a folder that holds these files, or rename one:\n"
                    + "  "
                    + BASE
                    + "setup.sh: t0, t1\n"),
        r.err());
  }

  @Test
  void theReportListsThemToo() throws Exception {
    Path repo = repo("../../scripts/a/setup.sh", "../../scripts/b/setup.sh");
    Path json = tmp.resolve("report.json");
    Path md = tmp.resolve("report.md");

    bulk(tmp.resolve("out1"), repo.resolve("images"), "--report", json.toString());
    bulk(tmp.resolve("out2"), repo.resolve("images"), "--report", md.toString());

    JsonNode shared = new ObjectMapper().readTree(json.toFile()).get("sharedUploads");
    assertEquals(
        "[{\"address\":\"" + BASE + "setup.sh\",\"templates\":[\"t0\",\"t1\"]}]",
        shared.toString());
    assertTrue(
        java.nio.file.Files.readString(md).contains("\n- " + BASE + "setup.sh: t0, t1\n"),
        java.nio.file.Files.readString(md));
  }

  @Test
  void theSameBytesOrAFolderThatHoldsThemAreFine() {
    Path repo = repo("../../scripts/a/same.sh", "../../scripts/b/same.sh");
    Path distinct = repo("../../scripts/a/setup.sh", "../../scripts/b/setup.sh");

    CliRun same = bulk(tmp.resolve("out1"), repo.resolve("images"));
    CliRun fromTop = bulk(tmp.resolve("out2"), distinct);

    assertFalse(same.err().contains("CLI-W003"), same.err());
    assertFalse(fromTop.err().contains("CLI-W003"), fromTop.err());
  }

  @Test
  void jsonDiagnosticsHoldTheWarningWhateverTheJobs() throws Exception {
    Path repo =
        repo("../../scripts/b/setup.sh", "../../scripts/a/setup.sh", "../../scripts/b/setup.sh");
    List<String> first = null;
    for (String jobs : List.of("1", "4")) {
      CliRun r =
          bulk(
              tmp.resolve("out-" + jobs),
              repo.resolve("images"),
              "--jobs",
              jobs,
              "--diagnostics-format",
              "json");
      List<String> details = new ArrayList<>();
      for (JsonNode d : new ObjectMapper().readTree(r.err())) {
        if (d.get("code").asText().equals("CLI-W003")) {
          details.add(d.get("detail").asText());
        }
      }
      assertEquals(1, details.size(), r.err());
      assertTrue(
          details
              .get(0)
              .startsWith(BASE + "setup.sh is the upload address of different files in t0, t1"),
          details.get(0));
      if (first != null) {
        assertEquals(first, details);
      }
      first = details;
    }
  }

  @Test
  void severalInputsOfAPlainConvertOrValidateAreComparedToo() throws Exception {
    Path repo =
        repo("../../scripts/a/setup.sh", "../../scripts/b/setup.sh", "../../scripts/a/same.sh");
    String t0 = repo.resolve("images/t0").toString();
    String t1 = repo.resolve("images/t1").toString();
    String t2 = repo.resolve("images/t2").toString();
    String line = "  " + BASE + "setup.sh: " + t0 + ", " + t1 + "\n";

    for (String command : List.of("convert", "validate")) {
      List<String> args = new ArrayList<>(List.of(command, "--script-base-uri", BASE));
      if (command.equals("convert")) {
        args.addAll(List.of("--identity", BulkTrees.IDENTITY, "-o", tmp.resolve("out").toString()));
      }
      args.addAll(List.of(t2, t1, t0));
      CliRun r = CliRun.run(args.toArray(String[]::new));

      // A warning about the run, which fails no input; the summary counts it, with each
      // template's warning that no step generalizes the VM (PKRMAP-W407).
      assertEquals(0, r.exitCode(), r.err());
      assertTrue(r.err().contains("(CLI-W003): only one file can be uploaded there"), r.err());
      assertTrue(r.err().contains(line), r.err());
      if (command.equals("convert")) {
        assertTrue(r.err().endsWith(" 3 inputs; 4 warnings\n"), r.err());
      }

      List<String> quietArgs = new ArrayList<>(args);
      quietArgs.add(1, "-q");
      CliRun quiet = CliRun.run(quietArgs.toArray(String[]::new));
      assertEquals(0, quiet.exitCode(), quiet.err());
      assertFalse(quiet.err().contains("CLI-W003"), quiet.err());

      args.add(1, "--diagnostics-format");
      args.add(2, "sarif");
      JsonNode results =
          new ObjectMapper()
              .readTree(CliRun.run(args.toArray(String[]::new)).err())
              .get("runs")
              .get(0)
              .get("results");
      List<String> messages = new ArrayList<>();
      results.forEach(
          d -> {
            if (d.get("ruleId").asText().equals("CLI-W003")) {
              messages.add(d.get("message").get("text").asText());
            }
          });
      assertEquals(1, messages.size(), results.toString());
      assertTrue(
          messages
              .get(0)
              .startsWith(
                  BASE
                      + "setup.sh is the upload address of different files in "
                      + t0
                      + ", "
                      + t1
                      + ":"),
          messages.get(0));
    }
  }

  @Test
  void oneInputOfAPlainConvertIsNoCase() {
    Path repo = repo("../../scripts/a/setup.sh");

    CliRun r =
        CliRun.run(
            "convert",
            "--identity",
            BulkTrees.IDENTITY,
            "--script-base-uri",
            BASE,
            repo.resolve("images/t0").toString());

    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.err().contains("CLI-W003"), r.err());
  }

  @Test
  void imageTemplatesGivenToValidateAreComparedByTheirChecksums() {
    String step = "\"inline\": [\"sudo apt-get update\", \"sudo apt-get install -y nginx\"]";
    String a =
        Templates.VALID_AIB.replace(
            step,
            "\"scriptUri\": \""
                + BASE
                + "setup.sh\", \"sha256Checksum\": \""
                + "a".repeat(64)
                + "\"");
    String b = a.replace("a".repeat(64), "b".repeat(64));
    Path first = put(tmp, "a.json", a);
    Path second = put(tmp, "b.json", b);
    Path same = put(tmp, "c.json", a);

    CliRun differ = CliRun.run("validate", first.toString(), second.toString());
    CliRun agree = CliRun.run("validate", first.toString(), same.toString());

    assertEquals(0, differ.exitCode(), differ.err());
    assertTrue(
        differ.err().contains("  " + BASE + "setup.sh: " + first + ", " + second + "\n"),
        differ.err());
    assertFalse(agree.err().contains("CLI-W003"), agree.err());
  }
}
