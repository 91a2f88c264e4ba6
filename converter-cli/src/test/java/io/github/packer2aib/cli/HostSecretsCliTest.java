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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets of the machine running the converter stay out of what it writes and prints (security
 * review of session 28, findings 1 and 7): its system files ({@code /proc}, {@code /sys}, {@code
 * /dev}) and private files are never read into a template, whatever path leads there; the values of
 * its environment's credentials are withheld from the output, masked in messages and shown as
 * {@code "<sensitive>"} by inspect, whatever path they took; and a credential written as text in a
 * command is copied with a warning ({@code RULE-W329}) that never quotes it.
 */
class HostSecretsCliTest {
  /** A credential of the converter's environment, as a CI job has it. */
  private static final String TOKEN = "ghp_abcdefghijklmnop0123";

  @TempDir Path tmp;

  /** The template of {@link BulkTrees#hcl} with its one inline command replaced. */
  private static String withCommand(String command) {
    return BulkTrees.hcl("app").replace("\"echo hello\"", command);
  }

  /** A template whose provisioner is {@code provisioner} (a whole block's body). */
  private static String withProvisioner(String body) {
    return BulkTrees.hcl("app").replace("    inline = [\"echo hello\"]\n", body);
  }

  private Path template(String folder, String text) throws IOException {
    Path dir = tmp.resolve(folder);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("t.pkr.hcl"), text);
    return dir;
  }

  private static CliRun run(Map<String, String> env, String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.put("SOURCE_DATE_EPOCH", "1700000000");
    return CliRun.with().env(all).run(args);
  }

  /**
   * {@code convert} (text, JSON and SARIF diagnostics, with a Markdown and a JSON report) and
   * {@code inspect} of {@code dir}: none of what they print or write holds {@code secret}.
   *
   * @return the text run of convert
   */
  private CliRun assertNowhere(Path dir, Map<String, String> env, String secret)
      throws IOException {
    CliRun text = null;
    for (String format : List.of("text", "json", "sarif")) {
      Path out = tmp.resolve("out-" + format + "-" + dir.getFileName());
      Path md = tmp.resolve("r-" + format + "-" + dir.getFileName() + ".md");
      Path json = tmp.resolve("r-" + format + "-" + dir.getFileName() + ".json");
      for (Path report : List.of(md, json)) {
        CliRun c =
            run(
                env,
                "convert",
                "--identity",
                BulkTrees.IDENTITY,
                "--diagnostics-format",
                format,
                "--report",
                report.toString(),
                "-o",
                out.toString(),
                dir.toString());
        assertAbsent(secret, "convert's stdout", c.out());
        assertAbsent(secret, "convert's stderr", c.err());
        assertAbsent(secret, "the report", Files.readString(report));
        text = format.equals("text") ? c : text;
      }
      assertAbsent(secret, "the output folder", everything(out));
      CliRun i = run(env, "inspect", "--diagnostics-format", format, dir.toString());
      assertAbsent(secret, "inspect's stdout", i.out());
      assertAbsent(secret, "inspect's stderr", i.err());
    }
    Path bulk = tmp.resolve("bulk-" + dir.getFileName());
    CliRun r =
        run(
            env,
            "convert",
            "-r",
            "--identity",
            BulkTrees.IDENTITY,
            "-o",
            bulk.toString(),
            dir.toString());
    assertAbsent(secret, "convert -r's stdout", r.out());
    assertAbsent(secret, "convert -r's stderr", r.err());
    assertAbsent(secret, "convert -r's output folder", everything(bulk));
    return text;
  }

  private static String everything(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return "";
    }
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.append(f).append(":\n").append(Files.readString(f)).append('\n');
      }
    }
    return all.toString();
  }

  private static void assertAbsent(String secret, String what, String text) {
    assertFalse(text.contains(secret), () -> what + " holds the secret:\n" + text);
  }

  private static void assumeLinuxProc() {
    assumeTrue(Files.isRegularFile(Path.of("/proc/self/environ")), "no /proc on this system");
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  @Test
  void theFileFunctionsReadNoSystemFile() throws IOException {
    assumeLinuxProc();
    List<String> calls =
        List.of(
            "\"${replace(file(\"/proc/self/environ\"), \"\\u0000\", \"\\n\")}\"",
            "\"${filebase64(\"/proc/self/environ\")}\"",
            "\"${templatefile(\"/proc/self/environ\", {})}\"",
            "\"${join(\",\", fileset(\"/proc/self\", \"env*\"))}\"",
            "\"${join(\",\", fileset(\"/\", \"proc/self/env*\"))}\"",
            "\"${file(\"/dev/stdin\")}\"",
            "\"${file(\"/sys/kernel/hostname\")}\"");
    for (int i = 0; i < calls.size(); i++) {
      Path dir = template("f" + i, withCommand(calls.get(i)));
      CliRun c = assertNowhere(dir, Map.of("GITHUB_TOKEN", TOKEN), TOKEN);
      assertEquals(1, c.exitCode(), c.err());
      assertTrue(c.err().contains("[HCLFN-E007]"), c.err());
      assertTrue(
          c.err()
              .contains("is a file of the operating system of the machine running the converter"),
          c.err());
      assertTrue(c.err().contains("Put what the template needs into a file"), c.err());
      CliRun inspect = run(Map.of(), "inspect", dir.toString());
      assertEquals(1, inspect.exitCode(), inspect.err());
      assertTrue(inspect.err().contains("[HCLFN-E007]"), inspect.err());
      assertEquals("", inspect.out());
    }
  }

  @Test
  void aLinkInTheRepositoryToASystemFileIsRefusedWhereverItIsRead() throws IOException {
    assumeLinuxProc();
    Path dir = template("linked", withCommand("\"${file(\"x.txt\")}\""));
    Files.createSymbolicLink(dir.resolve("x.txt"), Path.of("/proc/self/environ"));
    CliRun c = assertNowhere(dir, Map.of("GITHUB_TOKEN", TOKEN), TOKEN);
    assertTrue(c.err().contains("[HCLFN-E007]"), c.err());
    assertTrue(c.err().contains("x.txt: it leads to /proc/"), c.err());

    Path script = template("script", withProvisioner("    script = \"x.sh\"\n"));
    Files.createSymbolicLink(script.resolve("x.sh"), Path.of("/proc/self/environ"));
    c = assertNowhere(script, Map.of("GITHUB_TOKEN", TOKEN), TOKEN);
    assertEquals(1, c.exitCode(), c.err());
    assertTrue(c.err().contains("[PKRMAP-E319]"), c.err());
    assertTrue(c.err().contains("The script x.sh leads to /proc/"), c.err());

    Path scripts = template("scripts", withProvisioner("    scripts = [\"/proc/self/environ\"]\n"));
    c = assertNowhere(scripts, Map.of("GITHUB_TOKEN", TOKEN), TOKEN);
    assertTrue(c.err().contains("[PKRMAP-E319]"), c.err());

    Path file =
        template(
            "file",
            BulkTrees.hcl("app")
                .replace(
                    "  provisioner \"shell\" {\n    inline = [\"echo hello\"]\n  }\n",
                    "  provisioner \"file\" {\n"
                        + "    source      = \"/proc/self/environ\"\n"
                        + "    destination = \"/tmp/env\"\n"
                        + "  }\n"));
    c = assertNowhere(file, Map.of("GITHUB_TOKEN", TOKEN), TOKEN);
    assertEquals(1, c.exitCode(), c.err());
    assertTrue(c.err().contains("[PKRMAP-E319]"), c.err());
    assertTrue(c.err().contains("The file /proc/self/environ is a file of the"), c.err());
  }

  @Test
  void aPrivateFileOutsideTheConvertedFoldersIsNotReadButTheRepositorysOwnIs() throws IOException {
    assumeTrue(posix(), "no POSIX file modes here");
    Path outside = tmp.resolve("home/.azure/token.json");
    Files.createDirectories(outside.getParent());
    String secret = "private-token-value-42";
    Files.writeString(outside, secret);
    Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-------"));

    Path dir = template("repo", withCommand("\"${file(\"" + outside + "\")}\""));
    CliRun c = assertNowhere(dir, Map.of(), secret);
    assertEquals(1, c.exitCode(), c.err());
    assertTrue(c.err().contains("[HCLFN-E007]"), c.err());
    assertTrue(c.err().contains("is a private file of the machine running the converter"), c.err());
    assertTrue(c.err().contains("mode 0600"), c.err());

    Path script = template("repo-script", withProvisioner("    script = \"link.sh\"\n"));
    Files.createSymbolicLink(script.resolve("link.sh"), outside);
    c = assertNowhere(script, Map.of(), secret);
    assertTrue(c.err().contains("[PKRMAP-E319]"), c.err());

    // The repository's own file, of the same mode, converts: a restrictive umask is no secret.
    Path own = template("own", withCommand("\"${file(\"own.txt\")}\""));
    Files.writeString(own.resolve("own.txt"), "echo own");
    Files.setPosixFilePermissions(
        own.resolve("own.txt"), PosixFilePermissions.fromString("rw-------"));
    Path out = tmp.resolve("own-out");
    CliRun ok =
        run(
            Map.of(),
            "convert",
            "--identity",
            BulkTrees.IDENTITY,
            "-o",
            out.toString(),
            own.toString());
    assertEquals(0, ok.exitCode(), ok.err());
    assertTrue(everything(out).contains("echo own"));
  }

  @Test
  void aCredentialOfTheEnvironmentIsWithheldMaskedAndShownAsSensitive() throws IOException {
    // A file a CI job wrote into the checkout, which the template reads: no mark follows it.
    Path dir = template("env", withCommand("\"echo ${file(\"ci.env\")}\""));
    Files.writeString(dir.resolve("ci.env"), TOKEN);
    Map<String, String> env = Map.of("GITHUB_TOKEN", TOKEN, "HOME", "/home/runner");
    CliRun c = assertNowhere(dir, env, TOKEN);
    assertEquals(1, c.exitCode(), c.err());
    assertTrue(c.err().contains("[PKRMAP-E405]"), c.err());
    assertTrue(c.err().contains("the environment variable GITHUB_TOKEN of the process"), c.err());
    CliRun inspect = run(env, "inspect", dir.toString());
    assertEquals(0, inspect.exitCode(), inspect.err());
    assertTrue(inspect.out().contains("\"<sensitive>\""), inspect.out());

    // A name the tool's own rule misses (glued, as Azure DevOps writes it) counts as well.
    c = assertNowhere(dir, Map.of("SYSTEM_ACCESSTOKEN", TOKEN), TOKEN);
    assertTrue(c.err().contains("SYSTEM_ACCESSTOKEN"), c.err());

    // A message quoting the value masks it.
    Path message = template("message", withCommand("\"echo ${parseint(file(\"ci.env\"), 10)}\""));
    Files.writeString(message.resolve("ci.env"), TOKEN);
    c = assertNowhere(message, env, TOKEN);
    assertTrue(c.err().contains("cannot parse \"***\" as a base 10 integer"), c.err());
  }

  @Test
  void onlyCredentialsLongEnoughAndNamedSoAreLookedFor() throws IOException {
    Path dir = template("plain", withCommand("\"echo ${file(\"ci.env\")}\""));
    Files.writeString(dir.resolve("ci.env"), "westeurope-build");
    Path out = tmp.resolve("plain-out");
    List<String> args =
        new ArrayList<>(List.of("convert", "--identity", BulkTrees.IDENTITY, "-o", out.toString()));
    args.add(dir.toString());
    // Named as a credential but short (a value such as "1" or "true" stands in any text), or
    // long but not named as one: converted as before.
    for (Map<String, String> env :
        List.of(
            Map.of("GITHUB_TOKEN", "westeur", "BUILD_REGION", "westeurope-build"),
            Map.of("SSH_PUBLIC_KEY", "westeurope-build"))) {
      CliRun c = run(env, args.toArray(String[]::new));
      assertEquals(0, c.exitCode(), c.err());
      assertTrue(everything(out).contains("westeurope-build"));
    }
  }

  @Test
  void aCredentialWrittenInACommandIsCopiedWithAWarningThatDoesNotQuoteIt() throws IOException {
    String[] commands = {
      "git clone https://x-access-token:Tok3nValue99@github.com/org/repo",
      "mysql --password=hunter2hunter2",
      "export DB_PASSWORD=hunter3hunter3",
      "az login --service-principal -u app -p hunter4hunter4 --tenant t",
      "docker login --username u --password hunter5hunter5 registry.example",
      "echo 'hunter6hunter6' | sudo -S apt-get update",
    };
    String[] named = {
      "the password of a URL's user information (user:password@)",
      "a value for \"--password\"",
      "a value for \"DB_PASSWORD\"",
      "the -p password of az login",
      "a value for \"--password\"",
      "the password fed to sudo -S on its standard input",
    };
    String[] values = {
      "Tok3nValue99",
      "hunter2hunter2",
      "hunter3hunter3",
      "hunter4hunter4",
      "hunter5hunter5",
      "hunter6hunter6"
    };
    for (int i = 0; i < commands.length; i++) {
      Path dir = template("cmd" + i, withCommand("\"echo first\", \"" + commands[i] + "\""));
      Path out = tmp.resolve("cmd-out" + i);
      for (String format : List.of("text", "json", "sarif")) {
        CliRun c =
            run(
                Map.of(),
                "convert",
                "--identity",
                BulkTrees.IDENTITY,
                "--diagnostics-format",
                format,
                "-o",
                out.toString(),
                dir.toString());
        assertEquals(0, c.exitCode(), c.err());
        assertAbsent(values[i], "stderr", c.err());
        assertTrue(c.err().contains("RULE-W329"), c.err());
        assertTrue(
            c.err().contains(named[i].replace("\"", "text".equals(format) ? "\"" : "\\\"")),
            c.err());
      }
      // The template is written as the user wrote it: the warning says what it holds.
      assertTrue(everything(out).contains(values[i]));
      CliRun text = run(Map.of(), "validate", "--identity", BulkTrees.IDENTITY, dir.toString());
      // At the command that holds it (the second), not at the list's bracket.
      assertTrue(
          text.err().contains("t.pkr.hcl:14:29: warning: Credential written as text [RULE-W329]"),
          text.err());
      assertTrue(text.err().contains("will be stored in the image template in Azure"), text.err());
      // The sudo password needs no replacement: the build user runs sudo without one.
      assertTrue(
          text.err().contains(values[i].startsWith("hunter6") ? "sudo alone" : "Key Vault"),
          text.err());
      CliRun inspect = run(Map.of(), "inspect", dir.toString());
      assertAbsent(values[i], "inspect's stdout", inspect.out());
    }
  }

  /**
   * The password that an execute_command pipes into {@code sudo -S} is dropped from the template
   * (PKRMAP-N206), but the source line quoted under N205 and N206 and inspect's copy of the command
   * showed it, in HCL2 and legacy JSON (mapping review, session 29).
   */
  @Test
  void thePasswordAnExecuteCommandPipesIntoSudoIsShownNowhere() throws IOException {
    String[] forms = {
      "echo 'Sudo1Passw0rd!' | sudo -S -E sh '{{ .Path }}'",
      "printf '%s\\n' Sudo1Passw0rd! | sudo --stdin -E sh '{{ .Path }}'",
      "sudo -S -E sh '{{ .Path }}' <<<'Sudo1Passw0rd!'",
    };
    for (int i = 0; i < forms.length; i++) {
      String hcl =
          withProvisioner(
              "    execute_command = \""
                  + forms[i].replace("\\", "\\\\")
                  + "\"\n    inline = [\"echo hello\"]\n");
      Path dir = template("sudo-hcl" + i, hcl);
      CliRun text = assertNowhere(dir, Map.of(), "Sudo1Passw0rd");
      if (i == 0) {
        assertTrue(text.err().contains("PKRMAP-N206"), text.err());
        assertTrue(text.err().contains("echo '***' | sudo -S"), text.err());
      }
      Path legacy = tmp.resolve("sudo-json" + i);
      Files.createDirectories(legacy);
      Files.writeString(
          legacy.resolve("t.json"),
          BulkTrees.legacy("app")
              .replace(
                  "\"inline\": [\"echo hello\"]",
                  "\"inline\": [\"echo hello\"], \"execute_command\": \""
                      + forms[i].replace("\\", "\\\\")
                      + "\""));
      assertTrue(Files.readString(legacy.resolve("t.json")).contains("execute_command"));
      assertNowhere(legacy, Map.of(), "Sudo1Passw0rd");
    }
  }

  @Test
  void referencesInCommandsAreNoCredentialWrittenAsText() throws IOException {
    String[] commands = {
      "git clone https://x-access-token:$GITHUB_TOKEN@github.com/org/repo",
      "mysql --password=\\\"$DB_PASSWORD\\\"",
      "export DB_PASSWORD=$(az keyvault secret show --vault-name v -n db --query value -o tsv)",
      "az login --service-principal -u app -p $SP_SECRET --tenant t",
      "docker login --username u --password-stdin registry.example",
      "mkdir -p /opt/app",
      "sed -i 's/^#PasswordAuthentication yes/PasswordAuthentication no/' /etc/ssh/sshd_config",
    };
    for (int i = 0; i < commands.length; i++) {
      Path dir = template("ref" + i, withCommand("\"" + commands[i] + "\""));
      CliRun c = run(Map.of(), "validate", "--identity", BulkTrees.IDENTITY, dir.toString());
      assertEquals(0, c.exitCode(), c.err());
      assertFalse(c.err().contains("RULE-W329"), commands[i] + "\n" + c.err());
    }
  }
}
