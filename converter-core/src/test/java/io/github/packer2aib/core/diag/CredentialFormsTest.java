package io.github.packer2aib.core.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One rule for a credential written in a command: what {@link SecretScrubber#literalCredential}
 * finds in the command ({@code RULE-W329}) is what {@link SecretScrubber#scrub} masks, in the
 * command as {@code inspect} prints it and in the source line a diagnostic quotes, where an HCL or
 * JSON string escapes its double quotes and backslashes (credentials review, session 29). Each form
 * is one row: the command with {@code SECRET} where the value stands, and how the warning names it.
 */
class CredentialFormsTest {
  private static final String SECRET = "Xq7secretValue";

  private record Form(String command, String what) {}

  private static Form form(String command, String what) {
    return new Form(command, what);
  }

  static final List<Form> FORMS =
      List.of(
          form("mysql --password=SECRET", "a value for \"--password\""),
          form("export DB_PASSWORD=SECRET", "a value for \"DB_PASSWORD\""),
          form("docker login -u me -p SECRET r.io", "the -p password of docker login"),
          form(
              "git clone https://u:SECRET@github.com/o/r",
              "the password of a URL's user information (user:password@)"),
          form("echo 'SECRET' | sudo -S true", SecretScrubber.SUDO_PASSWORD),
          // JSON written by a command: in a quoted line its quotes are escaped (finding 1).
          form("echo '{\"api_token\": \"SECRET\"}' > /etc/app.json", "a value for \"api_token\""),
          form(
              "curl -X POST -d '{\"username\":\"admin\",\"password\":\"SECRET\"}' https://a/login",
              "a value for \"password\""),
          // The shell's own escapes of a double-quoted JSON text (a heredoc's line).
          form(
              "curl -d \"{\\\"password\\\":\\\"SECRET\\\"}\" https://a/login",
              "a value for \"password\""),
          form("echo \"API_TOKEN=SECRET\" >> /etc/app.env", "a value for \"API_TOKEN\""),
          // In single quotes a $ is text, in sh and PowerShell (finding 2).
          form("mysql -uroot -p'P@$$SECRET' -e 'select 1'", "the -p password of mysql"),
          form("docker login -u bob --password 'Xpw$SECRET' reg", "a value for \"--password\""),
          form("export DB_PASSWORD='Xpw$SECRET'", "a value for \"DB_PASSWORD\""),
          form("wget --password='Xpw$SECRET' https://e/f", "a value for \"--password\""),
          form("New-LocalUser -Name x -Password 'P@$$SECRET'", "a value for \"-Password\""));

  /** References and what is no credential: no warning. */
  static final List<String> NONE =
      List.of(
          "mysql -uroot -p'$DB_PW' -e 'select 1'",
          "mysql -uroot -p\"$DB_PW\" -e 'select 1'",
          "docker login -u bob --password '${var.pw}' reg",
          "export DB_PASSWORD='$(cat /run/pw)'",
          "New-LocalUser -Name x -Password '$env:ADMIN_PW'",
          "New-LocalUser -Name x -Password \"$pw\"",
          "export DB_PASSWORD=\"pre$SUFFIX\"");

  /** A command as an HCL or JSON string writes it, in double quotes, inside a line. */
  private static String quotedLine(String command) {
    return "    inline = [\"echo first\", \""
        + command.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\", \"echo last\"]";
  }

  @Test
  void eachFormIsFoundInTheCommandAndMaskedWhereverItIsQuoted() {
    for (Form f : FORMS) {
      String command = f.command().replace("SECRET", SECRET);
      assertEquals(Optional.of(f.what()), SecretScrubber.literalCredential(command), command);
      for (String text : List.of(command, quotedLine(command))) {
        String scrubbed = SecretScrubber.scrub(text);
        assertFalse(scrubbed.contains(SECRET), text + "\n -> " + scrubbed);
        assertFalse(scrubbed.contains("secretValue"), text + "\n -> " + scrubbed);
      }
    }
  }

  @Test
  void referencesAreNoCredentialWrittenAsText() {
    for (String command : NONE) {
      assertEquals(Optional.empty(), SecretScrubber.literalCredential(command), command);
    }
  }

  /** The masking keeps the line as written around the value: its quotes and brackets. */
  @Test
  void aQuotedLineKeepsItsQuotesAroundTheMask() {
    assertEquals(
        "    inline = [\"echo first\", \"echo '{\\\"api_token\\\": \\\"***\\\"}' > /etc/app.json\","
            + " \"echo last\"]",
        SecretScrubber.scrub(
            quotedLine("echo '{\"api_token\": \"" + SECRET + "\"}' > /etc/app.json")));
  }
}
