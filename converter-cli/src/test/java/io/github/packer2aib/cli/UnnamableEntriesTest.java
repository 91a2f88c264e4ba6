package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries of a tree whose names Java cannot spell as paths (bytes that are no text in the file-name
 * encoding, which Java 17 takes from the locale): each is listed, as failed (a JSON or YAML file, a
 * folder, an HCL2 folder holding one) or skipped (a file that its name says is no template), with
 * what to do; never an internal error for the whole run, never silently left out.
 */
class UnnamableEntriesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static boolean linux() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
  }

  /** Makes a file (or, ending in '/', a folder) whose name holds raw bytes, through the shell. */
  private static void makeRaw(Path folder, String printfName, boolean directory) throws Exception {
    String command =
        directory
            ? "mkdir \"$(printf '" + printfName + "')\""
            : "printf '{}' > \"$(printf '" + printfName + "')\"";
    Process p =
        new ProcessBuilder("sh", "-c", command).directory(folder.toFile()).inheritIO().start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
  }

  /** path → "verdict[: reason]" of every candidate in the JSON report. */
  private static Map<String, String> rows(Path report) throws Exception {
    Map<String, String> rows = new TreeMap<>();
    for (JsonNode t : JSON.readTree(report.toFile()).get("templates")) {
      rows.put(
          t.get("path").asText(),
          t.get("verdict").asText() + (t.has("reason") ? ": " + t.get("reason").asText() : ""));
    }
    return rows;
  }

  /**
   * An HCL2 folder that fails in discovery (a file of it cannot be opened) keeps its earlier
   * outputs under --prune, and a removed template's output beside it goes: it was exactly the other
   * way round, as the failed folder was taken for a file of the folder above (found reviewing
   * folder sync).
   */
  @Test
  void pruneKeepsTheOutputsOfAFolderThatCannotBeReadAndNotThoseBesideIt() throws Exception {
    assumeTrue(linux(), "raw file names: Linux only");
    assumeTrue(
        "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")), "a UTF-8 test JVM");
    Path root = tmp.resolve("repo");
    put(root, "old.json", BulkTrees.legacy("old"));
    put(root, "keep.json", BulkTrees.legacy("keep"));
    put(root, "h/main.pkr.hcl", BulkTrees.hcl("web"));
    put(root, "h/sub/t.json", BulkTrees.legacy("t"));
    Path out = tmp.resolve("out");
    assertEquals(
        0, BulkTrees.bulk(CliRun.with(), "-o", out.toString(), root.toString()).exitCode());
    Files.delete(root.resolve("old.json"));
    makeRaw(root.resolve("h"), "z\\377.pkr.hcl", false);

    CliRun r = BulkTrees.bulk(CliRun.with(), "-o", out.toString(), "--prune", root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(Files.exists(out.resolve("h/web.json")), r.err());
    assertTrue(Files.exists(out.resolve("h/sub/t.json")), r.err());
    assertTrue(Files.exists(out.resolve("keep.json")), r.err());
    assertFalse(Files.exists(out.resolve("old.json")), r.err());
    assertTrue(r.err().contains("(--prune, CLI-N002):\n  old.json\n"), r.err());
    // Its input could not be read: the advice is to fix that, not the template (CLI-W001).
    assertTrue(
        r.err()
            .contains("whose input could not be read this run (CLI-E001), so it is left as it is"),
        r.err());
  }

  @Test
  void namesThatAreNotUtf8AreListedUnderAUtf8Locale() throws Exception {
    assumeTrue(linux(), "raw file names: Linux only");
    assumeTrue(
        "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")), "a UTF-8 test JVM");
    Path root = tmp.resolve("repo");
    put(root, "good.json", BulkTrees.legacy("good"));
    put(root, "h/main.pkr.hcl", BulkTrees.hcl("web"));
    makeRaw(root, "bad\\377name.json", false);
    makeRaw(root, "setup\\377.sh", false);
    makeRaw(root.resolve("h"), "z\\377.pkr.hcl", false);
    makeRaw(root, "dir\\377", true);
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");

    CliRun r =
        BulkTrees.bulk(
            CliRun.with(),
            root.toString(),
            "-o",
            out.toString(),
            "--report",
            report.toString(),
            "--progress",
            "none");

    assertEquals(1, r.exitCode(), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    String why = "its name is not valid UTF-8, so it cannot be opened: rename it";
    assertEquals(
        Map.of(
            "bad\uFFFDname.json", "failed",
            "dir\uFFFD", "failed",
            "good.json", "converted with warnings",
            "h", "failed",
            "setup\uFFFD.sh", "skipped: not a JSON or YAML file"),
        rows(report));
    for (String failed :
        List.of("bad\uFFFDname.json: ", "dir\uFFFD: ", "h: its file z\uFFFD.pkr.hcl: ")) {
      assertTrue(r.err().contains("error: cannot read " + root + "/" + failed + why), r.err());
    }
    // The rest of the tree is converted; the HCL2 folder is not, without part of its template.
    assertEquals(List.of("good.json"), new ArrayList<>(BulkTrees.files(out).keySet()));
  }

  @Test
  void aFolderNotAsciiUnderAnAsciiLocaleFailsAloneAndSaysWhatToDo() throws Exception {
    assumeTrue(linux(), "the C locale's ASCII file names: Linux only");
    Path root = tmp.resolve("repo");
    put(root, "ok.json", BulkTrees.legacy("ok"));
    // Written by this (UTF-8) JVM; the child runs under the C locale, which cannot spell it.
    assumeTrue(
        "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")), "a UTF-8 test JVM");
    put(root, "\u00fc/t.json", BulkTrees.legacy("t"));
    Path out = tmp.resolve("out");

    Map<String, String> cLocale = new HashMap<>();
    cLocale.put("LANG", null);
    cLocale.put("LC_CTYPE", null);
    cLocale.put("LC_ALL", "C");
    ChildCli.Run run =
        ChildCli.run(
            List.of(),
            cLocale,
            List.of(
                "convert",
                "-r",
                "--identity",
                BulkTrees.IDENTITY,
                "--progress",
                "none",
                root.toString(),
                "-o",
                out.toString()));
    String output = run.output();

    assertFalse(output.contains("internal error"), output);
    assertEquals(1, run.exitCode(), output);
    assertTrue(
        output.contains(
            "its name is not text in this locale's encoding of file names (ANSI_X3.4-1968), so it"
                + " cannot be opened: run under a UTF-8 locale (LC_ALL=C.UTF-8, as the packer2aib"
                + " launcher does) or rename it"),
        output);
    assertTrue(Files.isRegularFile(out.resolve("ok.json")), output);
  }
}
