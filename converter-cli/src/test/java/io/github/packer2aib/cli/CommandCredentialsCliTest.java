package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials written literally in commands, scripts and files (credentials review, session 29):
 * what {@code RULE-W329} finds is masked in every line the run quotes and in {@code inspect}, and
 * the warning points at where the credential is written.
 */
class CommandCredentialsCliTest {
  @TempDir Path tmp;

  /** The template of {@link BulkTrees#hcl} with its provisioner's body replaced. */
  private static String withProvisioner(String body) {
    return BulkTrees.hcl("app").replace("    inline = [\"echo hello\"]\n", body);
  }

  private Path folder(String name, String file, String text) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(file), text);
    return dir;
  }

  private static CliRun run(String... args) {
    return CliRun.with().env(Map.of("SOURCE_DATE_EPOCH", "1700000000")).run(args);
  }

  /** convert (text diagnostics) and validate of {@code dir} (a folder, or a legacy template). */
  private List<CliRun> convertAndValidate(Path dir) {
    Path out = tmp.resolve("out-" + dir.getFileName());
    CliRun convert =
        run("convert", "--identity", BulkTrees.IDENTITY, "-o", out.toString(), dir.toString());
    CliRun validate = run("validate", "--identity", BulkTrees.IDENTITY, dir.toString());
    return List.of(convert, validate);
  }

  private static void assertAbsent(String secret, String text) {
    assertFalse(text.contains(secret), () -> "holds " + secret + ":\n" + text);
  }

  private static int count(String text, String word) {
    int n = 0;
    for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      n++;
    }
    return n;
  }

  /**
   * A credential in JSON that a command writes was found by RULE-W329 but shown in the source line
   * quoted under the warning, whose string escapes the JSON's quotes (finding 1), in HCL2 and in
   * legacy JSON alike; a heredoc's shell-escaped JSON was neither warned about nor masked.
   */
  @Test
  void aCredentialInJsonWrittenByACommandIsMaskedInTheQuotedLine() throws IOException {
    String hcl =
        withProvisioner(
            "    inline = [\"echo '{\\\"api_token\\\": \\\"Json1Secret\\\"}' > /etc/app.json\","
                + " \"curl -d '{\\\"user\\\":\\\"a\\\",\\\"password\\\":\\\"Json2Secret\\\"}'"
                + " https://x/l\"]\n"
                + "  }\n"
                + "  provisioner \"shell\" {\n"
                + "    inline = [<<EOT\n"
                + "curl -d \"{\\\"password\\\":\\\"Json3Secret\\\"}\" https://x/l\n"
                + "EOT\n"
                + "    ]\n");
    Path dir = folder("hcl", "t.pkr.hcl", hcl);
    String legacy =
        BulkTrees.legacy("app")
            .replace(
                "\"inline\": [\"echo hello\"]",
                "\"inline\": [\"echo '{\\\"api_token\\\": \\\"Json1Secret\\\"}' > /etc/app.json\","
                    + " \"curl -d \\\"{\\\\\\\"password\\\\\\\":\\\\\\\"Json3Secret\\\\\\\"}\\\""
                    + " https://x/l\"]");
    Path json = folder("legacy", "t.json", legacy).resolve("t.json");
    for (Path d : List.of(dir, json)) {
      for (CliRun c : convertAndValidate(d)) {
        assertEquals(0, c.exitCode(), c.err());
        assertEquals(d == dir ? 3 : 2, count(c.err(), "[RULE-W329]"), c.err());
        assertTrue(c.err().contains("(a value for \"password\")"), c.err());
        for (String secret : List.of("Json1Secret", "Json2Secret", "Json3Secret")) {
          assertAbsent(secret, c.err());
        }
      }
      CliRun inspect = run("inspect", d.toString());
      assertEquals(0, inspect.exitCode(), inspect.err());
      for (String secret : List.of("Json1Secret", "Json2Secret", "Json3Secret")) {
        assertAbsent(secret, inspect.out());
      }
    }
    CliRun text = convertAndValidate(dir).get(0);
    assertTrue(
        text.err().contains("echo '{\\\"api_token\\\": \\\"***\\\"}' > /etc/app.json"), text.err());
  }

  /**
   * In single quotes a {@code $} is text in sh and PowerShell, so these passwords are literal; they
   * got no warning, and the quoted line showed the mysql and docker ones (finding 2). HCL writes a
   * {@code $} before a letter as {@code $$}.
   */
  @Test
  void aSingleQuotedPasswordWithADollarIsACredentialWrittenAsText() throws IOException {
    Path dir =
        folder(
            "dollar",
            "t.pkr.hcl",
            withProvisioner(
                "    inline = [\"mysql -uroot -p'Dollar1$$ecret' -e 'select 1'\","
                    + " \"docker login -u bob --password 'Dollar2$$ecret' reg\","
                    + " \"export DB_PASSWORD='Dollar3$$ecret'\","
                    + " \"wget --password='Dollar4$$ecret' https://example.com/f\","
                    + " \"mysql -uroot -p'$DB_PW' -e 'select 1'\"]\n"));
    for (CliRun c : convertAndValidate(dir)) {
      assertEquals(0, c.exitCode(), c.err());
      assertEquals(4, count(c.err(), "[RULE-W329]"), c.err());
      assertTrue(c.err().contains("(the -p password of mysql)"), c.err());
      assertAbsent("ecret'", c.err());
    }
    CliRun inspect = run("inspect", dir.toString());
    assertEquals(0, inspect.exitCode(), inspect.err());
    assertAbsent("ecret'", inspect.out());
  }

  /** validate's stderr for {@code dir}, which must succeed. */
  private static String validated(Path dir) {
    CliRun c = run("validate", "--identity", BulkTrees.IDENTITY, dir.toString());
    assertEquals(0, c.exitCode(), c.err());
    return c.err();
  }

  /**
   * The export lines of a step's environment were located at its first inline command, which held
   * no credential (finding 5): a warning about one is at its entry of environment_vars, its key of
   * env, or execute_command, for the variables the command sets itself.
   */
  @Test
  void aCredentialInAnEnvironmentVariableIsLocatedAtItsEntry() throws IOException {
    Path env =
        folder(
            "env",
            "t.pkr.hcl",
            withProvisioner(
                "    environment_vars ="
                    + " [\"SAS_URL=https://a.blob.core.windows.net/c/f?sv=1&sig=Env1Secret\","
                    + " \"REPO=https://bob:Env2Secret@example.com/r.git\"]\n"
                    + "    env = { OPTS = \"--password Env3Secret\" }\n"
                    + "    inline = [\"echo hi\"]\n"));
    String err = validated(env);
    assertTrue(
        err.contains("t.pkr.hcl:14:25: warning: Shared access signature in a URL [RULE-W317]"),
        err);
    assertTrue(
        err.contains("t.pkr.hcl:14:92: warning: Credential written as text [RULE-W329]"), err);
    assertTrue(
        err.contains("t.pkr.hcl:15:13: warning: Credential written as text [RULE-W329]"), err);
    assertFalse(err.contains(":16:"), err); // nothing at inline = ["echo hi"]
    Path exec =
        folder(
            "exec",
            "t.pkr.hcl",
            withProvisioner(
                "    execute_command = \"APPOPTS='--password Exec1Secret' {{ .Vars }} sudo -E bash"
                    + " '{{ .Path }}'\"\n"
                    + "    inline = [\"echo hi\"]\n"));
    err = validated(exec);
    assertTrue(
        err.contains("t.pkr.hcl:14:23: warning: Credential written as text [RULE-W329]"), err);
    for (String secret : List.of("Env1Secret", "Env2Secret", "Env3Secret", "Exec1Secret")) {
      assertAbsent(secret, err);
    }
  }

  /**
   * A credential in a file provisioner's content or source was located at its destination, and one
   * in a script the step writes at the script's name without saying which line (finding 6): it is
   * at content or source, and the warning names the line ({@code setup.sh:3}, never the value).
   */
  @Test
  void aCredentialInAWrittenFileOrScriptNamesItsLine() throws IOException {
    Path file =
        folder(
            "file",
            "t.pkr.hcl",
            BulkTrees.hcl("app")
                .replace(
                    "  provisioner \"shell\" {\n    inline = [\"echo hello\"]\n  }\n",
                    "  provisioner \"file\" {\n"
                        + "    content     = \"[db]\\npassword = File1Secret\\n\"\n"
                        + "    destination = \"/tmp/app.ini\"\n"
                        + "  }\n"
                        + "  provisioner \"file\" {\n"
                        + "    source      = \"app.env\"\n"
                        + "    destination = \"/tmp/app.env\"\n"
                        + "  }\n"
                        + "  provisioner \"file\" {\n"
                        + "    sources     = [\"a.conf\", \"b.conf\"]\n"
                        + "    destination = \"/tmp/\"\n"
                        + "  }\n"));
    Files.writeString(file.resolve("app.env"), "MODE=prod\nDB_PASSWORD=File2Secret\n");
    // One step writes both files: each line is named after its own file.
    Files.writeString(file.resolve("a.conf"), "x = 1\ntoken: File3Secret\n");
    Files.writeString(file.resolve("b.conf"), "api_token = File4Secret\n");
    String err = validated(file);
    assertTrue(
        err.contains("t.pkr.hcl:14:19: warning: Credential written as text [RULE-W329]"), err);
    assertTrue(err.contains("This command, from line 2 of the content, holds a credential"), err);
    assertTrue(
        err.contains("t.pkr.hcl:18:19: warning: Credential written as text [RULE-W329]"), err);
    assertTrue(err.contains("This command, from app.env:2, holds a credential"), err);
    assertTrue(err.contains("This command, from a.conf:2, holds a credential"), err);
    assertTrue(err.contains("This command, from b.conf:1, holds a credential"), err);
    Path script = folder("script", "t.pkr.hcl", withProvisioner("    script = \"setup.sh\"\n"));
    Files.writeString(
        script.resolve("setup.sh"),
        "#!/bin/sh\necho start\ndocker login -u bot -p Script1Secret reg.example\n");
    err = validated(script);
    assertTrue(
        err.contains("t.pkr.hcl:14:14: warning: Credential written as text [RULE-W329]"), err);
    assertTrue(
        err.contains(
            "This command, from setup.sh:3, holds a credential written as text (the -p password"
                + " of docker login)"),
        err);
    for (String secret :
        List.of("File1Secret", "File2Secret", "File3Secret", "File4Secret", "Script1Secret")) {
      assertAbsent(secret, err);
    }
  }

  /**
   * The common forms that name no credential were copied without a warning and shown by inspect
   * (review item 6): each is warned about and masked wherever a line is quoted.
   */
  @Test
  void theCommonFormsThatNameNoCredentialAreWarnedAboutAndMasked() throws IOException {
    Path dir =
        folder(
            "forms",
            "t.pkr.hcl",
            withProvisioner(
                "    inline = [\"echo 'builder:Form1Secret' | sudo chpasswd\","
                    + " \"curl -u admin:Form2Secret https://x/api\","
                    + " \"curl -H \\\"Authorization: Bearer Form3Secret\\\" https://x/api\","
                    + " \"git clone https://ghp_Form4Secret0123456789@github.com/o/r\","
                    + " \"export CONN='AccountName=st;AccountKey=Form5Secret;'\","
                    + " \"aws configure set aws_secret_access_key Form6Secret\","
                    + " \"curl -H \\\"Authorization: Bearer $TOKEN\\\" https://x/api\"]\n"));
    for (CliRun c : convertAndValidate(dir)) {
      assertEquals(0, c.exitCode(), c.err());
      assertEquals(6, count(c.err(), "[RULE-W329]"), c.err());
      assertTrue(c.err().contains("(the password fed to chpasswd)"), c.err());
      assertTrue(c.err().contains("(a token as the user name of a URL)"), c.err());
      for (int i = 1; i <= 6; i++) {
        assertAbsent("Form" + i + "Secret", c.err());
      }
    }
    CliRun inspect = run("inspect", dir.toString());
    assertEquals(0, inspect.exitCode(), inspect.err());
    for (int i = 1; i <= 6; i++) {
      assertAbsent("Form" + i + "Secret", inspect.out());
    }
  }
}
