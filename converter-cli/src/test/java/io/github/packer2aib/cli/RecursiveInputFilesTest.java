package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code convert} finds and reads its inputs' files when they are not plain regular files:
 * broken links, loops of links, named pipes and devices, links that lead out of the folders given
 * to {@code -r}, and names holding a backslash (found reviewing unusual file systems and security,
 * session 28).
 */
class RecursiveInputFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static CliRun bulk(String... extra) {
    return BulkTrees.bulk(CliRun.with(), extra);
  }

  private static CliRun single(String... args) {
    List<String> all = new ArrayList<>(List.of("convert", "-q", "--identity", BulkTrees.IDENTITY));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  /** path → "kind | verdict[: reason]" of every candidate in the JSON report. */
  private static List<String> rows(Path report) throws Exception {
    List<String> rows = new ArrayList<>();
    for (JsonNode t : JSON.readTree(report.toFile()).get("templates")) {
      rows.add(
          t.get("path").asText()
              + " | "
              + t.get("kind").asText()
              + " | "
              + t.get("verdict").asText()
              + (t.has("reason") ? ": " + t.get("reason").asText() : ""));
    }
    return rows;
  }

  /**
   * A folder whose only {@code *.pkr.hcl} is a link that broke (its target was moved) was skipped
   * as "not a template", exit 0: {@code --prune} deleted its last output and {@code --check} said
   * all was up to date, while the folder converted alone fails, as Packer does. It fails now, and
   * its output stays.
   */
  @Test
  void aTemplateFolderWhoseOnlyFileIsABrokenLinkFailsAndKeepsItsOutput() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "b/main.pkr.hcl", BulkTrees.hcl("other"));
    Path shared = put(root, "lib/web.hcl.txt", BulkTrees.hcl("web"));
    Files.createDirectories(root.resolve("a"));
    Files.createSymbolicLink(root.resolve("a/image.pkr.hcl"), Path.of("../lib/web.hcl.txt"));
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("r.json");

    CliRun first = bulk("--prune", "-o", out.toString(), root.toString());
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(Files.isRegularFile(out.resolve("a/web.json")), first.err());

    Files.move(shared, root.resolve("lib/moved.hcl.txt"));
    CliRun broken =
        bulk("--prune", "-o", out.toString(), "--report", report.toString(), root.toString());
    CliRun check = bulk("--check", "-o", out.toString(), root.toString());

    assertEquals(1, broken.exitCode(), broken.err());
    assertTrue(
        broken
            .err()
            .contains(
                "The file "
                    + root
                    + "/a/image.pkr.hcl of the template's folder could not be read: is a broken"
                    + " symbolic link."),
        broken.err());
    // The one true error: not also "holds no file whose name ends in .pkr.hcl".
    assertFalse(broken.err().contains("PKR-E001"), broken.err());
    assertTrue(rows(report).contains("a | HCL2 folder | failed"), rows(report).toString());
    assertTrue(Files.isRegularFile(out.resolve("a/web.json")), broken.err());
    assertEquals(1, check.exitCode(), check.err());
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aTemplateFolderWhoseOnlyFileIsANamedPipeFailsAsWhenConvertedAlone() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "ok/main.pkr.hcl", BulkTrees.hcl("web"));
    NamedPipes.make(root.resolve("only/t.pkr.hcl"));
    Path report = tmp.resolve("r.json");

    CliRun r =
        bulk("-o", tmp.resolve("o").toString(), "--report", report.toString(), root.toString());
    CliRun alone = single("-o", tmp.resolve("o2").toString(), root.resolve("only").toString());

    // Never opened (nothing writes to the pipe): the run would hang.
    String said =
        "The file "
            + root
            + "/only/t.pkr.hcl of the template's folder could not be read: is not a regular file"
            + " (a named pipe).";
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains(said), r.err());
    assertEquals(
        List.of("ok | HCL2 folder | converted with warnings", "only | HCL2 folder | failed"),
        rows(report));
    assertEquals(1, alone.exitCode(), alone.err());
    assertTrue(alone.err().contains(said), alone.err());
    assertFalse(alone.err().contains("PKR-E001"), alone.err());
  }

  /**
   * A folder whose only {@code *.pkr.hcl} could not be read was also told it "holds no file whose
   * name ends in .pkr.hcl" (PKR-E001), which contradicts the first error and adds nothing.
   */
  @Test
  void aFolderWhoseOnlyTemplateFileCannotBeReadHasThatOneError() throws Exception {
    Path folder = tmp.resolve("t");
    Files.createDirectories(folder);
    Files.createSymbolicLink(folder.resolve("t.pkr.hcl"), Path.of("nowhere.pkr.hcl"));

    CliRun r = single("-o", tmp.resolve("o").toString(), folder.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertEquals(
        folder
            + ": error: Cannot read file [PKR-E002]\n"
            + "  The file "
            + folder
            + "/t.pkr.hcl of the template's folder could not be read: is a broken symbolic link."
            + " Packer reads every such file of the folder and fails on it too: fix or remove it."
            + "\n",
        r.err());
  }

  /** "broken" sent the user looking for a missing target; the link leads back to itself. */
  @Test
  void aLoopOfSymbolicLinksIsCalledALoop() throws Exception {
    Path root = tmp.resolve("repo");
    Files.createDirectories(root);
    Path self = Files.createSymbolicLink(root.resolve("self.yaml"), Path.of("self.yaml"));
    put(root, "t/main.pkr.hcl", BulkTrees.hcl("web"));
    Files.createSymbolicLink(root.resolve("t/a.pkr.hcl"), Path.of("b.pkr.hcl"));
    Files.createSymbolicLink(root.resolve("t/b.pkr.hcl"), Path.of("a.pkr.hcl"));
    Path report = tmp.resolve("r.json");

    CliRun alone = single("-o", tmp.resolve("o").toString(), self.toString());
    CliRun r =
        bulk("-o", tmp.resolve("o2").toString(), "--report", report.toString(), root.toString());

    assertEquals(1, alone.exitCode(), alone.err());
    assertEquals(
        "error: cannot read "
            + self
            + ": is a loop of symbolic links (too many levels of symbolic links) [CLI-E001]\n",
        alone.err());
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "The file "
                    + root
                    + "/t/a.pkr.hcl of the template's folder could not be read: is a loop of"
                    + " symbolic links (too many levels of symbolic links)."),
        r.err());
    List<String> rows = rows(report);
    assertTrue(
        rows.contains(
            "self.yaml | none | skipped: a loop of symbolic links (too many levels of symbolic"
                + " links)"),
        rows.toString());
    assertTrue(rows.contains("t | HCL2 folder | failed"), rows.toString());
  }

  /**
   * A repository's link to a file outside the folders given to {@code -r} ({@code t.pkr.hcl ->
   * /etc/shadow}) had that file read as the template: each of its lines was shown, as the
   * template's source, in the errors on stderr (a CI log). Such a link is not followed, as links to
   * folders are not: a template's folder holding one fails, naming it; a JSON or YAML file is
   * skipped. A link inside the roots is read as ever, and so is a folder given alone.
   */
  @Test
  void aLinkToAFileOutsideTheRootsIsNotReadAndItsLinesAreNeverShown() throws Exception {
    Path host = tmp.resolve("host");
    Path secret = put(host, "shadow", "root:$6$saltsalt$hunter2hash:19000:0:99999:7:::\n");
    Path secretYaml = put(host, "env.yaml", "builders: [{type: azure-arm, pw: hunter2yaml\n");
    Path shared = put(tmp, "shared/web.pkr.hcl", BulkTrees.hcl("web"));
    Path root = tmp.resolve("repo");
    put(root, "inside/lib/web.txt", BulkTrees.hcl("inner"));
    Files.createDirectories(root.resolve("inside/t"));
    Files.createDirectories(root.resolve("leak"));
    Files.createDirectories(root.resolve("shared-link"));
    Files.createSymbolicLink(root.resolve("inside/t/t.pkr.hcl"), Path.of("../lib/web.txt"));
    Files.createSymbolicLink(root.resolve("leak/t.pkr.hcl"), secret);
    Files.createSymbolicLink(root.resolve("image.yaml"), secretYaml);
    Files.createSymbolicLink(root.resolve("shared-link/t.pkr.hcl"), shared);
    put(root, "vars/main.pkr.hcl", BulkTrees.hcl("vars"));
    Files.createSymbolicLink(root.resolve("vars/x.auto.pkrvars.hcl"), secret);
    Path report = tmp.resolve("r.json");

    CliRun r =
        bulk("-o", tmp.resolve("o").toString(), "--report", report.toString(), root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertFalse(r.err().contains("hunter2"), r.err());
    assertFalse(Files.readString(report).contains("hunter2"));
    assertTrue(
        r.err()
            .contains(
                "error: cannot read "
                    + root
                    + "/leak: its file t.pkr.hcl is a symbolic link to a file outside the folders"
                    + " searched ("
                    + secret
                    + "), not followed in a recursive run: give a folder that holds both as the"
                    + " root, or convert this folder alone if you trust the link [CLI-E001]\n"),
        r.err());
    assertTrue(
        r.err().contains("cannot read " + root + "/vars: its file x.auto.pkrvars.hcl is a"),
        r.err());
    String outside =
        "a symbolic link to a file outside the folders searched (%s), not followed in a"
            + " recursive run";
    assertEquals(
        List.of(
            "image.yaml | none | skipped: " + outside.formatted(secretYaml),
            "inside/lib/web.txt | none | skipped: not a JSON or YAML file",
            "inside/t | HCL2 folder | converted with warnings",
            "leak | HCL2 folder | failed",
            "shared-link | HCL2 folder | failed",
            "vars | HCL2 folder | failed",
            "vars/x.auto.pkrvars.hcl | none | skipped: " + outside.formatted(secret)),
        rows(report));

    // A root that holds the target makes it inside; a folder given alone is the user's choice.
    CliRun both =
        bulk("-o", tmp.resolve("o2").toString(), root.toString(), shared.getParent().toString());
    CliRun alone =
        single("-o", tmp.resolve("o3").toString(), root.resolve("shared-link").toString());
    assertFalse(both.err().contains("shared-link: its file"), both.err());
    assertTrue(Files.isRegularFile(tmp.resolve("o2/repo/shared-link/web.json")), both.err());
    assertEquals(0, alone.exitCode(), alone.err());
    assertTrue(Files.isRegularFile(tmp.resolve("o3/web.json")), alone.err());
  }

  /**
   * A folder {@code p\q} (one name on Linux) was looked up as {@code p/q}: "no such file or
   * directory", and the folder alone "is a directory".
   */
  @Test
  void aTemplateFolderWhoseNameHoldsABackslashConverts() throws Exception {
    assumeTrue(File.separatorChar == '/', "a backslash separates folders on Windows");
    Path root = tmp.resolve("repo");
    Path folder = root.resolve("p\\q");
    put(folder, "main.pkr.hcl", BulkTrees.hcl("web"));

    CliRun r = bulk("-q", "-o", tmp.resolve("o").toString(), root.toString());
    CliRun alone = single("-o", tmp.resolve("o2").toString(), folder.toString());

    assertEquals(0, r.exitCode(), r.err());
    // Its mirrored output folder takes a name Windows can hold (FolderNames): p_q.
    assertTrue(Files.isRegularFile(tmp.resolve("o").resolve("p_q").resolve("web.json")));
    assertEquals(0, alone.exitCode(), alone.err());
    assertTrue(Files.isRegularFile(tmp.resolve("o2/web.json")));
  }

  /** A script that is a named pipe or a device was "Local file not found: check the path". */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aScriptThatIsAPipeOrADeviceIsCalledWhatItIs() throws Exception {
    Path folder = tmp.resolve("t");
    String template = BulkTrees.hcl("web");
    put(
        folder,
        "main.pkr.hcl",
        template.replace(
            "inline = [\"echo hello\"]",
            "script = \"fifo\"\n  }\n  provisioner \"shell\" {\n" + "    script = \"/dev/zero\""));
    NamedPipes.make(folder.resolve("fifo"));
    assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");

    CliRun r = single("-o", tmp.resolve("o").toString(), folder.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "The script "
                    + folder.resolve("fifo")
                    + " is not a regular file (a named pipe). Give the path of a regular file."),
        r.err());
    // A device is a file of the converting machine, never read: PKRMAP-E319 says so before its
    // kind is asked for.
    assertTrue(r.err().contains("[PKRMAP-E307]"), r.err());
    assertTrue(r.err().contains("[PKRMAP-E319]"), r.err());
    assertTrue(r.err().contains("The script /dev/zero "), r.err());
    assertFalse(r.err().contains("PKRMAP-E306"), r.err());
  }
}
