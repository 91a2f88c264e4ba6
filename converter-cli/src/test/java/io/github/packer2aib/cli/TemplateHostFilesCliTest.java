package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No entry point reads a file of the operating system of the machine running the converter as a
 * template, var file, settings file or argument file (linkvars review, session 29): converting a
 * folder whose {@code a.auto.pkrvars.hcl} is a link to {@code /proc/self/environ} quoted the lines
 * of the converting process's environment on stderr, in HCL's syntax errors, and a {@code .json},
 * {@code .yaml}, {@code --var-file}, settings {@code var-files} entry or {@code @file} named so did
 * the same through their own readers. The runs here are in-process, so {@code /proc/self/environ}
 * is this JVM's environment, and no line of it ({@code NAME=VALUE}) may appear anywhere.
 */
class TemplateHostFilesCliTest {
  @TempDir Path tmp;

  private static final Path ENVIRON = Path.of("/proc/self/environ");

  private static void assumeLinuxProc() {
    assumeTrue(Files.isRegularFile(ENVIRON), "no /proc on this system");
  }

  private static CliRun cli(String... args) {
    return CliRun.run(args);
  }

  /**
   * Asserts that {@code r} printed no line of this JVM's environment and failed with {@code code}.
   */
  private static void assertRefused(CliRun r, int code, String... expected) {
    for (String name : System.getenv().keySet()) {
      assertFalse(r.err().contains(name + "="), () -> "stderr shows " + name + ":\n" + r.err());
      assertFalse(r.out().contains(name + "="), () -> "stdout shows " + name + ":\n" + r.out());
    }
    assertEquals(code, r.exitCode(), r.err());
    for (String e : expected) {
      assertTrue(r.err().contains(e), () -> "expected «" + e + "» in:\n" + r.err());
    }
  }

  private Path template(String folder) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(folder));
    Files.writeString(dir.resolve("t.pkr.hcl"), BulkTrees.hcl("app"));
    return dir;
  }

  private List<String> convert(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "convert", "--identity", BulkTrees.IDENTITY, "-o", tmp.resolve("out").toString()));
    all.addAll(List.of(args));
    return all;
  }

  @Test
  void aFolderWhoseFileLeadsToTheProcessEnvironmentFailsForEveryCommand() throws IOException {
    assumeLinuxProc();
    for (String name :
        List.of("a.auto.pkrvars.hcl", "a.auto.pkrvars.json", "b.pkr.hcl", "b.pkr.json")) {
      Path dir = template("f-" + name);
      Files.createSymbolicLink(dir.resolve(name), ENVIRON);
      String says =
          "The file "
              + dir
              + "/"
              + name
              + " of the template's folder is not read: it leads to /proc/";
      for (List<String> args :
          List.of(
              convert(dir.toString()),
              List.of("validate", dir.toString()),
              List.of("inspect", dir.toString()))) {
        CliRun r = cli(args.toArray(String[]::new));
        assertRefused(r, 1, "[PKR-E006]", says, "Replace the link with a copy of the file");
        assertFalse(r.err().contains("HCL-E001"), r.err());
      }
    }
  }

  @Test
  void aRecursiveRunSaysThatConvertingTheFolderAloneDoesNotReadTheLinkEither() throws IOException {
    assumeLinuxProc();
    Path root = tmp.resolve("repo");
    Path dir = Files.createDirectories(root.resolve("t"));
    Files.writeString(dir.resolve("t.pkr.hcl"), BulkTrees.hcl("app"));
    Files.createSymbolicLink(dir.resolve("a.auto.pkrvars.hcl"), ENVIRON);

    CliRun r = cli(convert("-r", root.toString()).toArray(String[]::new));

    assertRefused(
        r,
        1,
        "its file a.auto.pkrvars.hcl is a symbolic link to a file outside the folders searched"
            + " (/proc/self/environ), not followed in a recursive run: that is a file of the"
            + " operating system of the machine running the converter, which is never read:"
            + " replace the link with a copy of the file the template needs [CLI-E001]");
    assertFalse(r.err().contains("if you trust the link"), r.err());
  }

  /**
   * A root in {@code /dev/shm}, the shared-memory tmpfs where people and CI jobs keep scratch
   * copies of repositories: its templates are users' files and convert as anywhere else (the
   * refusal of files below {@code /dev} first made every template there fail, PKR-E006), while a
   * link inside it to the process's environment is still not followed.
   */
  @Test
  void aRecursiveRunInDevShmConvertsItsTemplatesAsAnywhereElse() throws IOException {
    Path shm = Path.of("/dev/shm");
    assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no writable /dev/shm");
    assumeLinuxProc();
    Path root = Files.createTempDirectory(shm, "packer2aib-test");
    try {
      Files.writeString(root.resolve("image.json"), BulkTrees.legacy("old"));
      Files.createDirectories(root.resolve("hcl"));
      Files.writeString(root.resolve("hcl/t.pkr.hcl"), BulkTrees.hcl("app"));
      Files.createDirectories(root.resolve("linked"));
      Files.writeString(root.resolve("linked/t.pkr.hcl"), BulkTrees.hcl("app"));
      Files.createSymbolicLink(root.resolve("linked/a.auto.pkrvars.hcl"), ENVIRON);

      CliRun r = cli(convert("-r", root.toString()).toArray(String[]::new));

      assertEquals(1, r.exitCode(), r.err());
      assertTrue(Files.exists(tmp.resolve("out/image.json")), r.err());
      assertTrue(Files.exists(tmp.resolve("out/hcl/app.json")), r.err());
      assertFalse(Files.exists(tmp.resolve("out/linked")), r.err());
      assertTrue(r.err().contains("a.auto.pkrvars.hcl"), r.err());
      assertFalse(r.err().contains("PATH="), r.err());
    } finally {
      try (var files = Files.walk(root)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  void aVarFileASettingsFileOrItsVarFilesThatLeadToTheProcessEnvironmentAreNotRead()
      throws IOException {
    assumeLinuxProc();
    Path dir = template("vars");
    Path varFile = Files.createSymbolicLink(tmp.resolve("v.pkrvars.hcl"), ENVIRON);
    Path legacy = Files.writeString(tmp.resolve("old.json"), BulkTrees.legacy("old"));

    assertRefused(
        cli(convert("--var-file", varFile.toString(), dir.toString()).toArray(String[]::new)),
        1,
        "[PKR-E006]",
        "The var file " + varFile + " is not read: it leads to /proc/");
    assertRefused(
        cli(convert("--var-file", ENVIRON.toString(), dir.toString()).toArray(String[]::new)),
        1,
        "[PKR-E006]",
        "The var file /proc/self/environ is not read: it is a file of the operating system");
    assertRefused(
        cli("validate", "--var-file", varFile.toString(), legacy.toString()),
        1,
        "[LEGACY-E033]",
        "The variable file " + varFile + " is not read: it leads to /proc/");

    Path settings =
        Files.writeString(
            tmp.resolve("settings.yaml"), "defaults:\n  var-files: [v.pkrvars.hcl]\n");
    assertRefused(
        cli(
            convert("-r", "--settings", settings.toString(), dir.toString())
                .toArray(String[]::new)),
        1,
        "[PKR-E006]",
        "The var file " + varFile + " is not read: it leads to /proc/");

    Path linkedSettings = Files.createSymbolicLink(tmp.resolve("s.yaml"), ENVIRON);
    assertRefused(
        cli(
            convert("-r", "--settings", linkedSettings.toString(), dir.toString())
                .toArray(String[]::new)),
        1,
        "error: cannot read settings file " + linkedSettings + ": it leads to /proc/");
  }

  @Test
  void aJsonOrYamlInputOrArgumentFileThatLeadsToTheProcessEnvironmentIsNotRead()
      throws IOException {
    assumeLinuxProc();
    Path json = Files.createSymbolicLink(tmp.resolve("t.json"), ENVIRON);
    Path yaml = Files.createSymbolicLink(tmp.resolve("t.yaml"), ENVIRON);
    for (Path input : List.of(json, yaml)) {
      for (List<String> args :
          List.of(
              convert(input.toString()),
              List.of("validate", input.toString()),
              List.of("inspect", input.toString()))) {
        CliRun r = cli(args.toArray(String[]::new));
        assertRefused(
            r,
            1,
            "error: cannot read " + input + ": it leads to /proc/",
            "which is a file of the operating system of the machine running the converter (under"
                + " /proc)",
            "[CLI-E001]");
        assertFalse(r.err().contains("JSON-E") || r.err().contains("YAML-E"), r.err());
      }
    }
    assertRefused(
        cli(convert(ENVIRON.toString()).toArray(String[]::new)),
        1,
        "error: cannot read /proc/self/environ: it is a file of the operating system");
  }

  /** {@code @args.txt -> /proc/self/environ} made the environment's lines arguments. */
  @Test
  void anArgumentFileThatLeadsToTheProcessEnvironmentIsNotRead() throws IOException {
    assumeLinuxProc();
    Path args = Files.createSymbolicLink(tmp.resolve("args.txt"), ENVIRON);
    assertRefused(
        cli("convert", "@" + args),
        2,
        "error: cannot read argument file " + args + ": it leads to /proc/");
  }

  @Test
  void aPrivateVarFileTheUserNamesIsReadButNotThroughALinkOfTheFolder() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path home = Files.createDirectories(tmp.resolve("home/.secrets"));
    Path key = Files.writeString(home.resolve("k.pkrvars.hcl"), "x = \"TOPSECRET-42\"\n");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Path linked = template("linked");
    Files.createSymbolicLink(linked.resolve("k.auto.pkrvars.hcl"), key);
    Path plain = template("plain");

    CliRun refused = cli(convert(linked.toString()).toArray(String[]::new));
    CliRun named =
        cli(convert("--var-file", key.toString(), plain.toString()).toArray(String[]::new));

    assertRefused(
        refused,
        1,
        "[PKR-E006]",
        "k.auto.pkrvars.hcl of the template's folder is not read: it leads to "
            + key.toRealPath()
            + ", which is a private file of the machine running the converter");
    assertFalse(refused.err().contains("TOPSECRET"), refused.err());
    // Read: it sets a variable the template does not declare, which is only a warning.
    assertEquals(0, named.exitCode(), named.err());
    assertTrue(named.err().contains("[PKR-W026]"), named.err());
  }
}
