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
          // A quoted prompt with blanks before -S (the code review's finding 3: the prompt's
          // "password: " was masked and the password piped in was shown).
          form(
              "echo \"SECRET\" | sudo -p \"[sudo] password: \" -S true",
              SecretScrubber.SUDO_PASSWORD),
          form(
              "echo 'SECRET' | sudo -u root -p 'Password for %u: ' -S true",
              SecretScrubber.SUDO_PASSWORD),
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
              "a token as the user name of a URL, before the placeholder password x-oauth-basic"),
          // The common forms that name no credential (widened RULE-W329, review item 6).
          form(
              "$pw = ConvertTo-SecureString 'SECRET' -AsPlainText -Force",
              "the text given to ConvertTo-SecureString -AsPlainText"),
          form(
              "ConvertTo-SecureString -String \"SECRET\" -AsPlainText -Force",
              "the text given to ConvertTo-SecureString -AsPlainText"),
          form(
              "ConvertTo-SecureString -AsPlainText -Force 'SECRET'",
              "the text given to ConvertTo-SecureString -AsPlainText"),
          form("net user builder SECRET /add", "the password of net user"),
          form("net user \"build er\" 'SECRET' /add /y", "the password of net user"),
          form("echo 'builder:SECRET' | chpasswd", "the password fed to chpasswd"),
          form("echo \"builder:SECRET\" | sudo chpasswd", "the password fed to chpasswd"),
          form("printf 'builder:SECRET\\n' | /usr/sbin/chpasswd", "the password fed to chpasswd"),
          form("chpasswd <<< 'builder:SECRET'", "the password fed to chpasswd"),
          form("curl -fsS -u admin:SECRET https://x/api", "the password of curl -u"),
          form("curl --user 'admin:SECRET' -o a https://x/api", "the password of curl -u"),
          form(
              "git clone https://ghp_SECRET00000000000000@github.com/o/r",
              "a token as the user name of a URL"),
          form(
              "git clone https://abcdefghijklmnopqrstuvwxyz234567SECRET@dev.azure.com/o/p/_git/r",
              "a token as the user name of a URL"),
          form(
              "az storage blob upload --account-name st --account-key SECRET -f x -c c -n x",
              "a value for \"--account-key\""),
          form(
              "New-AzStorageContext -StorageAccountName st -StorageAccountKey 'SECRET'",
              "a value for \"-StorageAccountKey\""),
          form("tool --api-key=SECRET run", "a value for \"--api-key\""),
          form(
              "export CONN='DefaultEndpointsProtocol=https;AccountName=st;AccountKey=SECRET;"
                  + "EndpointSuffix=core.windows.net'",
              "the AccountKey of a connection string"),
          form(
              "curl -H \"Authorization: Bearer SECRET\" https://x/api",
              "the credential of an Authorization header"),
          form(
              "git -c http.extraheader=\"AUTHORIZATION: basic SECRET\" clone https://x/r",
              "the credential of an Authorization header"),
          form(
              "Set-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows"
                  + " NT\\CurrentVersion\\Winlogon' -Name DefaultPassword -Value 'SECRET'",
              "the autologon password (DefaultPassword)"),
          form(
              "reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\" /v"
                  + " DefaultPassword /t REG_SZ /d SECRET /f",
              "the autologon password (DefaultPassword)"),
          form(
              "echo '-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUSECRET\\n"
                  + "-----END OPENSSH PRIVATE KEY-----' > /root/.ssh/id_ed25519",
              "a private key"),
          form("cmdkey /generic:srv /user:bob /pass:SECRET", "the password of cmdkey /pass"),
          form("net use Z: \\\\srv\\share SECRET /user:CORP\\bob", "the password of net use"),
          form("net use \"\\\\srv\\share\" \"SECRET\" /persistent:no", "the password of net use"),
          form(
              "aws configure set aws_secret_access_key SECRET",
              "a value for \"aws_secret_access_key\""),
          form(
              "aws configure set profile.ci.aws_session_token SECRET",
              "a value for \"aws_session_token\""),
          form(
              "[Environment]::SetEnvironmentVariable('DB_PASSWORD', 'SECRET', 'Machine')",
              "a value for \"DB_PASSWORD\""),
          form("docker login -u bob -pSECRET reg.example", "the -p password of docker login"),
          form("az acr login -n reg -u bob -p SECRET", "the -p password of az acr login"));

  /** References and what is no credential: no warning. */
  static final List<String> NONE =
      List.of(
          "mysql -uroot -p'$DB_PW' -e 'select 1'",
          "mysql -uroot -p\"$DB_PW\" -e 'select 1'",
          "docker login -u bob --password '${var.pw}' reg",
          "export DB_PASSWORD='$(cat /run/pw)'",
          "New-LocalUser -Name x -Password '$env:ADMIN_PW'",
          "New-LocalUser -Name x -Password \"$pw\"",
          "export DB_PASSWORD=\"pre$SUFFIX\"",
          // The widened forms: references, prompts, options and what is no credential.
          "$pw = ConvertTo-SecureString $env:ADMIN_PW -AsPlainText -Force",
          "$pw = ConvertTo-SecureString '01000000d08c9ddf0115d1118c7a00c04fc297eb'",
          "net user builder /add",
          "net user builder * /add",
          "net user %BUILD_USER% %BUILD_PW% /add",
          "net user administrator /active:yes",
          "echo \"builder:$BUILD_PW\" | chpasswd",
          "curl -u \"$API_USER:$API_PW\" https://x/api",
          "curl -u admin https://x/api",
          "docker run --user 1000:1000 img",
          "git clone https://build-agent-user-01@dev.azure.com/o/p/_git/r",
          "git clone https://contosoengineering2023@dev.azure.com/o/p/_git/r",
          "git clone https://git@github.com/o/r",
          "az storage blob upload --account-key $KEY -f x",
          "az storage blob upload --account-key \"$(az storage account keys list -n st)\" -f x",
          "export CONN=\"AccountName=st;AccountKey=$KEY;EndpointSuffix=core.windows.net\"",
          "curl -H \"Authorization: Bearer $TOKEN\" https://x/api",
          "curl -H \"Authorization: Bearer ${TOKEN}\" https://x/api",
          "curl -H \"Authorization: Bearer $(az account get-access-token -o tsv)\" https://x",
          "Set-ItemProperty -Path $winlogon -Name DefaultPassword -Value $pw",
          "echo \"-----BEGIN RSA PRIVATE KEY-----\\n${KEY}\\n-----END RSA PRIVATE KEY-----\"",
          "cmdkey /generic:srv /user:bob /pass",
          "net use Z: \\\\srv\\share /user:bob",
          "net use Z: \\\\srv\\share * /user:bob",
          "aws configure set aws_secret_access_key $AWS_SECRET",
          "ansible-playbook --private-key ~/.ssh/id_rsa site.yml",
          "[Environment]::SetEnvironmentVariable('DB_PASSWORD', $pw, 'Machine')",
          "[Environment]::SetEnvironmentVariable('PATH', 'C:\\tools', 'Machine')");

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
    // A form that reaches over later commands of the line to a reference (docker login … -p'$PW')
    // does not hide a literal inside it (--password 'x').
    assertEquals(
        "[\"docker login -u bob --password '***' reg\", \"mysql -p'$DB_PW'\"]",
        SecretScrubber.scrub(
            "[\"docker login -u bob --password '" + SECRET + "' reg\", \"mysql -p'$DB_PW'\"]"));
    // The token and its placeholder password: both masked, the user name of a URL being the token.
    assertEquals(
        "git clone https://***@github.com/o/r",
        SecretScrubber.scrub("git clone https://" + SECRET + ":x-oauth-basic@github.com/o/r"));
  }
}
