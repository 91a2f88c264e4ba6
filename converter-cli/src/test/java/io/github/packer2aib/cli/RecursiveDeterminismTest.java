package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same tree converted with {@code --jobs 1} and {@code --jobs 4} gives the same output files,
 * the same reports (Markdown and JSON) and the same stderr apart from the closing timing line.
 */
class RecursiveDeterminismTest {
  @TempDir Path tmp;

  private Path tree() {
    Path root = tmp.resolve("repo");
    for (int i = 0; i < 6; i++) {
      put(root, "hcl/h" + i + "/main.pkr.hcl", BulkTrees.hcl("h" + i));
      put(root, "legacy/l" + i + ".json", BulkTrees.legacy("l" + i));
      put(root, "aib/a" + i + ".json", i == 3 ? BulkTrees.BROKEN_AIB : BulkTrees.AIB);
      put(root, "aib/a" + i + ".yaml", BulkTrees.AIB);
    }
    // uuidv4() depends on how many UUIDs the run made before: each template must count alone.
    for (String name : new String[] {"uuid", "uuid0"}) {
      put(
          root,
          "hcl/" + name + "/main.pkr.hcl",
          BulkTrees.hcl(name).replace("echo hello", "echo ${uuidv4()} ${uuidv4()}"));
    }
    put(root, "d/t.json", BulkTrees.twoTemplates());
    put(root, "d/main.pkr.hcl", BulkTrees.hcl("t"));
    put(root, "scripts/run.sh", "#!/bin/sh\n");
    put(root, "vars.json", "{\"a\": 1}\n");
    return root;
  }

  private record Run(CliRun cli, Map<String, String> files, String md, String json) {}

  private Run run(Path root, String jobs) throws Exception {
    Path base = tmp.resolve("jobs-" + jobs);
    Path out = base.resolve("out");
    Path md = base.resolve("report.md");
    Path json = base.resolve("report.json");
    CliRun first =
        CliRun.with()
            .env(Map.of("SOURCE_DATE_EPOCH", "1700000000"))
            .run(
                "convert",
                "-r",
                "--identity",
                BulkTrees.IDENTITY,
                "--jobs",
                jobs,
                "--show-warnings",
                "-o",
                out.toString(),
                "--report",
                md.toString(),
                root.toString());
    CliRun second =
        CliRun.with()
            .env(Map.of("SOURCE_DATE_EPOCH", "1700000000"))
            .run(
                "convert",
                "-r",
                "--identity",
                BulkTrees.IDENTITY,
                "--jobs",
                jobs,
                "--progress",
                "none",
                "-o",
                base.resolve("out2").toString(),
                "--report",
                json.toString(),
                root.toString());
    assertEquals(1, first.exitCode(), first.err());
    assertEquals(1, second.exitCode(), second.err());
    TreeMap<String, String> files = BulkTrees.files(out);
    assertEquals(files, BulkTrees.files(base.resolve("out2")));
    return new Run(first, files, Files.readString(md), Files.readString(json));
  }

  /** Stderr without the lines that hold timing figures. */
  private static String untimed(String err) {
    StringBuilder out = new StringBuilder();
    for (String line : err.split("\n", -1)) {
      if (!line.startsWith("progress: ") && !line.contains(" inputs/s")) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  @Test
  void outputsReportsAndStderrDoNotDependOnJobs() throws Exception {
    Path root = tree();

    Run one = run(root, "1");
    Run four = run(root, "4");

    assertEquals(28, one.files().size(), one.files().keySet().toString());
    assertEquals(one.files(), four.files());
    assertEquals(one.md(), four.md());
    assertEquals(one.json(), four.json());
    assertEquals(untimed(one.cli().err()), untimed(four.cli().err()));
    assertTrue(one.cli().err().contains("Unknown type [SPEC-E120]"), one.cli().err());
    String uuid = one.files().get("hcl/uuid/uuid.json");
    assertTrue(uuid != null && uuid.matches("(?s).*echo [0-9a-f-]{36} [0-9a-f-]{36}.*"), uuid);
    // Two templates get UUIDs of their own: "img-${uuidv4()}" named every template's image alike.
    String uuid0 = one.files().get("hcl/uuid0/uuid0.json");
    assertNotEquals(echoed(uuid), echoed(uuid0));
  }

  /** The two UUIDs the template's step echoes. */
  private static String echoed(String output) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("echo ([0-9a-f-]{36} [0-9a-f-]{36})").matcher(output);
    assertTrue(m.find(), output);
    return m.group(1);
  }

  @Test
  void aTemplateConvertedInBulkIsTheTemplateConvertedAlone() throws Exception {
    Path root = tree();
    Path alone = tmp.resolve("alone");
    CliRun single =
        CliRun.with()
            .env(Map.of("SOURCE_DATE_EPOCH", "1700000000"))
            .run(
                "convert",
                "--identity",
                BulkTrees.IDENTITY,
                "-o",
                alone.toString(),
                root.resolve("hcl/uuid0").toString());
    assertEquals(0, single.exitCode(), single.err());

    Run bulk = run(root, "4");

    assertEquals(
        Files.readString(alone.resolve("uuid0.json")), bulk.files().get("hcl/uuid0/uuid0.json"));
  }
}
