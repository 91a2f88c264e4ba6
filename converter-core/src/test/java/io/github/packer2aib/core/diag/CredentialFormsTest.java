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
          form("New-LocalUser -Name x -Password 'P@$$SECRET'", "a value for \"-Password\""),
          // Named as written, with the word before the credential's (finding 7).
          form("wget --http-password=SECRET https://e/f", "a value for \"--http-password\""),
          form("curl -H \"PRIVATE-TOKEN: SECRET\" https://g/api", "a value for \"PRIVATE-TOKEN\""),
          form("curl -H 'X-Api-Token: SECRET' https://g/api", "a value for \"X-Api-Token\""),
          form("sshpass -p SECRET ssh user@host true", "the password of sshpass -p"),
          // GitHub's token as the user name, with a placeholder password (finding 8).
          form(
              "git config --global url.https://SECRET:x-oauth-basic@github.com/.insteadOf"
                  + " https://github.com/",
              "a token as the user name of a URL, before the placeholder password x-oauth-basic"));

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

  /**
   * The warning's own words are no credential: its messages are masked as every message is, and
   * "(the password of sshpass -p), which" read as {@code -p} with the value {@code ),} (finding 4).
   */
  @Test
  void theWarningsWordsAreLeftAsTheyAre() {
    for (Form f : FORMS) {
      String detail =
          "This command holds a credential written as text ("
              + f.what()
              + "), which will be stored in the image template in Azure, in plain text for anyone"
              + " who can read the template.";
      assertEquals(detail, SecretScrubber.scrub(detail));
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
    // An unquoted value ends before the string's closing quote (finding 7).
    assertEquals(
        "    inline = [\"echo first\", \"mysql -u root --password=***\", \"echo last\"]",
        SecretScrubber.scrub(quotedLine("mysql -u root --password=" + SECRET)));
    assertEquals(
        "    inline = [\"echo first\", \"curl -H \\\"PRIVATE-TOKEN: ***\\\" https://g/api\","
            + " \"echo last\"]",
        SecretScrubber.scrub(
            quotedLine("curl -H \"PRIVATE-TOKEN: " + SECRET + "\" https://g/api")));
    assertEquals(
        "  \"inline\": [\"export DB_PASSWORD=***\", \"x\"]",
        SecretScrubber.scrub("  \"inline\": [\"export DB_PASSWORD=" + SECRET + "\", \"x\"]"));
    // The token and its placeholder password: both masked, the user name of a URL being the token.
    assertEquals(
        "git clone https://***@github.com/o/r",
        SecretScrubber.scrub("git clone https://" + SECRET + ":x-oauth-basic@github.com/o/r"));
  }
}
