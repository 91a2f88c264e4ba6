package io.github.packer2aib.core.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link SecretScrubber#scrub} skips the patterns for text where they cannot match (no signature,
 * no credential word followed by an assignment); this compares it with the patterns alone ({@link
 * SecretScrubber#withPatterns}, the scrubber as it was) on texts made of those words in every case,
 * their neighbours, and letters that only Unicode case folding relates to them.
 */
class SecretScrubberProperties {
  @Property(tries = 3000)
  void scrubsAsThePatternsAloneDo(@ForAll("lines") String line) {
    assertEquals(SecretScrubber.withPatterns(line), SecretScrubber.scrub(line), line);
  }

  /**
   * The line with its columns mapped is the scrubbed line, and a code point the scrubbing left
   * alone maps to where it stands there: the caret under a quoted line follows it.
   */
  @Property(tries = 3000)
  void theMappedLineIsTheScrubbedOneAndKeptCharactersStayUnderTheirColumns(
      @ForAll("lines") String line) {
    ValueMask.MaskedLine mapped = SecretScrubber.scrubbedLine(line);
    String scrubbed = SecretScrubber.scrub(line);
    if (mapped == null) {
      assertEquals(line, scrubbed);
      return;
    }
    assertEquals(scrubbed, mapped.text(), line);
    int[] original = line.codePoints().toArray();
    int[] shown = scrubbed.codePoints().toArray();
    int previousEnd = 0;
    for (int i = 0; i < original.length; i++) {
      int start = mapped.startColumn(i + 1) - 1;
      int end = mapped.endColumn(i + 2) - 1;
      org.junit.jupiter.api.Assertions.assertTrue(
          start >= 0 && start <= end && end <= shown.length && end >= previousEnd, line);
      if (end == start + 1 && shown[start] == original[i] && original[i] != '*') {
        continue; // kept (or a masked character that happens to match: either is fine)
      }
      previousEnd = end;
    }
  }

  /** The signature test's quick look for "sig" never passes over what the pattern finds. */
  @Property(tries = 2000)
  void theSignatureTestAgreesWithItsPattern(@ForAll("lines") String line) {
    boolean pattern =
        java.util.regex.Pattern.compile(
                "(?i)(?:[?&;]|%26|%3f|\\\\u0026|\\\\u003f)sig(?:=|%3d|\\\\u003d)")
            .matcher(line)
            .find();
    assertEquals(pattern, SecretScrubber.hasSasSignature(line), line);
  }

  /**
   * The credential pattern as it was before its name was anchored at a word's start, where it tried
   * {@code [a-z_]*} from every letter of a word (quadratic in a long one): the anchored pattern
   * masks the same, with words glued before the credential names too ({@code myclient_secret}).
   */
  private static final java.util.regex.Pattern UNANCHORED =
      SecretScrubber.credentialPattern(
          "(?:"
              + CredentialNames.GLUED_PATTERN
              // A service's key stands alone or after "_": from no letter or digit on.
              + "|(?<![a-z0-9])"
              + CredentialNames.WORDS_PATTERN
              + ")");

  @Property(tries = 3000)
  void theAnchoredNameFindsWhatTheUnanchoredOneFound(@ForAll("glued") String line) {
    assertEquals(
        SecretScrubber.withPatterns(line, UNANCHORED), SecretScrubber.withPatterns(line), line);
  }

  /** Lines of {@link #lines} behind a run of letters, digits or underscores glued to them. */
  @Provide
  Arbitrary<String> glued() {
    return Arbitraries.strings()
        .withChars("abcmyXZ_09")
        .ofMaxLength(6)
        .flatMap(prefix -> lines().map(l -> prefix + l));
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> word =
        Arbitraries.of(
            "password",
            "secret",
            "token",
            "jwt",
            "sig=",
            "client_secret",
            "client_jwt",
            "client_cert_password",
            "secret_key",
            "private_key",
            "ssh_private_key_file",
            "access_key",
            "account_key",
            "api_key",
            "apikey",
            "sas_key",
            "storage_key",
            "monkey",
            "_",
            "admin_password",
            "access_token",
            "sig",
            "pass",
            "tok",
            "jw");
    Arbitrary<String> anyCase =
        word.flatMap(
            w ->
                Arbitraries.integers()
                    .between(0, (1 << Math.min(w.length(), 20)) - 1)
                    .map(bits -> recase(w, bits)));
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            anyCase,
            Arbitraries.of(
                " = ",
                "=",
                ":",
                ": ",
                " ",
                "\"",
                "'",
                "&",
                "?",
                "${var.x}",
                "var.p",
                "{{ user `p` }}",
                ",",
                "\\\"",
                "abc",
                "s3cr3t",
                "https://a.blob.core.windows.net/c/f?sv=1&",
                "&amp;",
                "%26",
                "%3F",
                "sig%3D",
                ";",
                "\u017Fecret",
                "\u212Aey",
                "p\u00E4ssword",
                "\u0130",
                "t\u00F6ken",
                "\n",
                "\t",
                "\r",
                "\f",
                "\u000B",
                "\u2003",
                "\"\"",
                // The options that take a credential as their next argument.
                "--",
                "-",
                " -p ",
                "-p",
                "login",
                "az login ",
                "docker login ",
                "sshpass ",
                "mysql ",
                "$PW",
                "|",
                // The password fed to sudo -S: echo or printf into it, or a here-string.
                "echo ",
                "printf ",
                "'%s\\n' ",
                "sudo",
                " sudo -S ",
                "-kS",
                "-u root ",
                "--stdin",
                "<<<",
                "\\\"",
                // The forms that name no credential, and a service's key.
                "key",
                "api_key",
                "--account-key ",
                "-StorageAccountKey ",
                "AccountKey=",
                "ConvertTo-SecureString ",
                " -AsPlainText",
                "net user bob ",
                "net use \\\\s\\x ",
                "/add",
                "chpasswd",
                " | chpasswd",
                "bob:",
                "curl ",
                " -u ",
                "Authorization: Bearer ",
                "DefaultPassword",
                " -Value ",
                " /d ",
                "-----BEGIN RSA PRIVATE KEY-----",
                "MIIEowIBAAKCAQEAx9",
                "cmdkey ",
                "/pass:",
                "aws configure set aws_secret_access_key ",
                "[Environment]::SetEnvironmentVariable(",
                "('PATH', 'x')",
                "https://",
                "@",
                "ghp_0123456789abcdefghij",
                ":x-oauth-basic"),
            Arbitraries.strings().withChars("sSjJpPtTaeoRrwWdgGiIkKnN=_\"' :").ofMaxLength(10));
    return piece.list().ofMaxSize(12).map(ps -> String.join("", ps));
  }

  /** {@code w} with the letters whose bit is set in upper case. */
  private static String recase(String w, int bits) {
    StringBuilder b = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      b.append(i < 20 && (bits >> i & 1) == 1 ? Character.toUpperCase(c) : c);
    }
    return b.toString();
  }

  @Example
  void masksLiteralCredentialsAndSignaturesInAnyCase() {
    assertEquals(
        "CLIENT_SECRET = \"***\" and ?SIG=***&sv=1",
        SecretScrubber.scrub("CLIENT_SECRET = \"hunter2\" and ?SIG=abc&sv=1"));
    assertEquals("admin_Password: ***", SecretScrubber.scrub("admin_Password: hunter2"));
    assertEquals("api_token = var.t", SecretScrubber.scrub("api_token = var.t"));
    // Every name Credentials counts as one; a path to a credential is shown.
    assertEquals(
        "azure_ad_secret = \"***\", \"_SECRET\": \"***\", secret_key: ***",
        SecretScrubber.scrub("azure_ad_secret = \"s1\", \"_SECRET\": \"s2\", secret_key: s3"));
    assertEquals(
        "ssh_private_key = \"***\" client_jwt=***",
        SecretScrubber.scrub("ssh_private_key = \"k\" client_jwt=j"));
    assertEquals(
        "ssh_private_key_file = \"~/.ssh/id\"",
        SecretScrubber.scrub("ssh_private_key_file = \"~/.ssh/id\""));
  }

  @Example
  void masksSignaturesCopiedFromHtmlOrPercentEncoded() {
    assertEquals("?sv=1&amp;sig=***", SecretScrubber.scrub("?sv=1&amp;sig=S1gn"));
    assertEquals("?sig%3D***", SecretScrubber.scrub("?sig%3DS1gn"));
    assertEquals("x%26SIG%3d***&a=b", SecretScrubber.scrub("x%26SIG%3dS1gn&a=b"));
    assertTrue(SecretScrubber.hasSasSignature("https://x/?sv=1&amp;sig=S1gn"));
    assertTrue(SecretScrubber.hasSasSignature("https://x/?sig%3DS1gn"));
    assertFalse(SecretScrubber.hasSasSignature("https://x/?design=1&signal=2"));
  }

  /**
   * A quoted JSON line as Go's encoder writes a URL: {@code &} as a Unicode escape (leak review).
   */
  @Example
  void masksSignaturesOfJsonLinesWithEscapedAmpersands() {
    String line = "\"sourceUri\": \"https://x/n.conf?sv=1\\u0026se=2\\u0026sig=Sg7Secret%2B\"";
    String scrubbed = SecretScrubber.scrub(line);
    assertFalse(scrubbed.contains("Sg7Secret"), scrubbed);
    assertTrue(scrubbed.contains("\\u0026sig=***"), scrubbed);
    assertTrue(SecretScrubber.hasSasSignature("https://x/?sv=1\\u0026sig\\u003dS1gn"));
  }

  /**
   * A credential-named key whose value is an object on the line: an ARM template's securestring
   * parameter. The pattern took {@code {"type":} for the value and showed the default (review).
   */
  @Example
  void aCredentialWhoseValueIsAnObjectIsMaskedToTheLinesEnd() {
    assertEquals(
        "    \"adminPassword\": ***",
        SecretScrubber.scrub(
            "    \"adminPassword\": {\"type\": \"securestring\", \"defaultValue\": \"P@ss-H2\"},"));
    assertEquals("token: ***", SecretScrubber.scrub("token: [\"a1\", \"b2\"]"));
    assertEquals(
        "\"u\": \"https://x/?sig\\u003d***\"",
        SecretScrubber.scrub("\"u\": \"https://x/?sig\\u003dS1gn\""));
  }

  /** A tag named by a SAS URL: the JSON pointer to it showed the signature (review). */
  @Example
  void aPointerThroughASasUrlKeyHasItsSignatureMasked() {
    DiagnosticCode code = () -> new DiagnosticCode.Text("TEST-E001", "Something wrong");
    Diagnostic d =
        Diagnostic.of(code, null, "Fix it.")
            .withPath("/tags/https:~1~1a.blob.core.windows.net~1c?sv=2022&sig=AbCdSecret1");
    assertEquals(
        "/tags/https:~1~1a.blob.core.windows.net~1c?sv=2022&sig=***", d.path().orElseThrow());
    assertEquals(
        "/tags/design", Diagnostic.of(code, null, "x").withPath("/tags/design").path().get());
  }

  /** A URL's password, which the base URI options refuse as a credential (found in bulk review). */
  @Example
  void masksThePasswordOfAUrlsUserInformation() {
    assertEquals(
        "file-base-uri: \"https://user:***@st.blob.core.windows.net/b/\"",
        SecretScrubber.scrub(
            "file-base-uri: \"https://user:UriPassw0rd99@st.blob.core.windows.net/b/\""));
    assertEquals("git+ssh://:***@host/x", SecretScrubber.scrub("git+ssh://:pw@host/x"));
    // A user name alone, an address after the host, a port: nothing to mask.
    for (String kept :
        new String[] {
          "https://user@host/x", "https://host/x?mail=a@b.c", "https://host:8443/x@y", "a@b.c"
        }) {
      assertEquals(kept, SecretScrubber.scrub(kept));
    }
  }

  @Example
  void keepsThePlaceholderOfTheAdviceToPassAValue() {
    // Messages about a required or undefined variable named as a credential say how to give it;
    // "--var admin_password=***" read as if *** were the value to type.
    assertEquals(
        "Pass it with --var admin_password=VALUE or in a --var-file.",
        SecretScrubber.scrub("Pass it with --var admin_password=VALUE or in a --var-file."));
    assertEquals("admin_password=***", SecretScrubber.scrub("admin_password=VALUE2"));
    assertEquals("admin_password=***", SecretScrubber.scrub("admin_password=value"));
  }

  @Example
  void masksEnvironmentEntriesUpToTheirClosingQuote() {
    // Each entry keeps its quotes, an empty value stays empty, a reference is shown.
    assertEquals(
        "environment_vars = [\"A=1\", \"DB_PASSWORD=***\", \"X=2\"]",
        SecretScrubber.scrub("environment_vars = [\"A=1\", \"DB_PASSWORD=p a\\\"ss\", \"X=2\"]"));
    assertEquals(
        "[\"DB_PASSWORD=\", \"GH_TOKEN=***\", \"T=${var.api_token}\"]",
        SecretScrubber.scrub("[\"DB_PASSWORD=\", \"GH_TOKEN=ghp_x\", \"T=${var.api_token}\"]"));
    assertEquals(
        "\"API_TOKEN=${var.api_token}\"", SecretScrubber.scrub("\"API_TOKEN=${var.api_token}\""));
    // A line cut inside the entry: masked to its end.
    assertEquals("\"SAS_TOKEN=***", SecretScrubber.scrub("\"SAS_TOKEN=sv=1&x"));
  }

  @Example
  void masksCredentialsGivenAsTheNextArgumentOfAnOption() {
    assertEquals(
        "docker login -u me --password *** r.io",
        SecretScrubber.scrub("docker login -u me --password hunter2 r.io"));
    assertEquals(
        "az login --service-principal -u app -p *** --tenant t",
        SecretScrubber.scrub("az login --service-principal -u app -p hunter2 --tenant t"));
    assertEquals("sshpass -p '***' ssh h", SecretScrubber.scrub("sshpass -p 'hunter2' ssh h"));
    assertEquals("mysql -u root -p*** db", SecretScrubber.scrub("mysql -u root -phunter2 db"));
    assertEquals(
        "New-LocalUser -Name x -Password \"***\"",
        SecretScrubber.scrub("New-LocalUser -Name x -Password \"hunter2\""));
    // References, flags that take no value, and -p of other commands stay as they are.
    for (String kept :
        List.of(
            "az login -u app -p $SP_SECRET",
            "docker login -u me --password \"$PW\" r.io",
            "docker login -u me --password-stdin r.io",
            "ansible-playbook --ask-vault-password site.yml",
            "mkdir -p /opt/app && docker run -p 80:80 nginx",
            "mysql -u root -p db",
            "the token and the password too")) {
      assertEquals(kept, SecretScrubber.scrub(kept), kept);
    }
  }

  /**
   * The password piped or written into {@code sudo -S}: it was shown in quoted source lines and by
   * inspect, and copied from an inline command without RULE-W329 (mapping review, session 29).
   */
  @Example
  void masksThePasswordFedToSudoOnItsStandardInput() {
    assertEquals(
        "execute_command = \"echo '***' | sudo -S -E sh '{{ .Path }}'\"",
        SecretScrubber.scrub(
            "execute_command = \"echo 'S3cr3tP4ss!' | sudo -S -E sh '{{ .Path }}'\""));
    assertEquals("echo *** | sudo -kS true", SecretScrubber.scrub("echo hunter2 | sudo -kS true"));
    assertEquals(
        "echo -n \"***\"|/usr/bin/sudo -u root -S id",
        SecretScrubber.scrub("echo -n \"hunter2\"|/usr/bin/sudo -u root -S id"));
    assertEquals(
        "printf '%s\\n' *** | sudo --stdin true",
        SecretScrubber.scrub("printf '%s\\n' hunter2 | sudo --stdin true"));
    assertEquals(
        "printf '***' | sudo -S true", SecretScrubber.scrub("printf 'hunter2\\n' | sudo -S true"));
    assertEquals(
        "sudo -S apt-get update <<<'***'",
        SecretScrubber.scrub("sudo -S apt-get update <<<'hunter2'"));
    // In a quoted HCL or JSON line, double quotes are escaped: the value is what they enclose, and
    // the escaped quotes stay, as the line writes them.
    assertEquals(
        "inline = [\"echo \\\"***\\\" | sudo -S true\", \"printf \\\"%s\\\\n"
            + "\\\" *** | sudo --stdin x\"]",
        SecretScrubber.scrub(
            "inline = [\"echo \\\"hunter2\\\" | sudo -S true\","
                + " \"printf \\\"%s\\\\n\\\" hunter2 | sudo --stdin x\"]"));
    assertEquals(
        "sshpass -p \\\"***\\\" ssh h", SecretScrubber.scrub("sshpass -p \\\"hunter2\\\" ssh h"));
    // Not a password: a reference, input of a shell (-s), a pipe into a command sudo runs, ||.
    for (String kept :
        List.of(
            "echo \"$SUDO_PW\" | sudo -S true",
            "echo $SUDO_PW | sudo -S true",
            "echo 'ls /root' | sudo -s",
            "echo hello | sudo tee /etc/motd",
            "echo hello | sudo tee -S x",
            "echo hello || sudo -S true",
            "echo 'deb x' | sudo -E apt-key add -",
            "sudo -E apt-get install -y x <<<'y'")) {
      assertEquals(kept, SecretScrubber.scrub(kept), kept);
      assertEquals(Optional.empty(), SecretScrubber.literalCredential(kept), kept);
    }
  }

  @Example
  void literalCredentialNamesWhatACommandWritesAsTextNeverItsValue() {
    assertEquals(
        Optional.of(SecretScrubber.SUDO_PASSWORD),
        SecretScrubber.literalCredential("echo 'hunter2' | sudo -S apt-get update"));
    assertEquals(
        Optional.of(SecretScrubber.SUDO_PASSWORD),
        SecretScrubber.literalCredential("sudo --stdin true <<< hunter2"));
    assertEquals(
        Optional.of("the password of a URL's user information (user:password@)"),
        SecretScrubber.literalCredential("git clone https://u:hunter2@github.com/o/r"));
    assertEquals(
        Optional.of("a value for \"--password\""),
        SecretScrubber.literalCredential("mysql --password=hunter2"));
    assertEquals(
        Optional.of("a value for \"DB_PASSWORD\""),
        SecretScrubber.literalCredential("export DB_PASSWORD=hunter2"));
    assertEquals(
        Optional.of("a value for \"API_TOKEN\""),
        SecretScrubber.literalCredential("echo \"API_TOKEN=hunter2\" >> /etc/app.env"));
    assertEquals(
        Optional.of("the -p password of docker login"),
        SecretScrubber.literalCredential("docker login -u me -p hunter2 r.io"));
    assertEquals(
        Optional.of("the password of sshpass -p"),
        SecretScrubber.literalCredential("sshpass -p hunter2 scp a h:/b"));
    assertEquals(
        Optional.of("a value for \"--client-secret\""),
        SecretScrubber.literalCredential("tool --client-secret hunter2"));
    for (String none :
        List.of(
            "git clone https://u:$TOKEN@github.com/o/r",
            "git clone https://u:${TOKEN}@github.com/o/r",
            "mysql --password=\"$DB_PASSWORD\"",
            "export DB_PASSWORD=$(az keyvault secret show -n db --query value -o tsv)",
            "export DB_PASSWORD=%DB_PASSWORD%",
            "export DB_PASSWORD=",
            "password: {{ vault_password }}",
            "az login --identity",
            "curl -o a 'https://a.blob.core.windows.net/c/a?sv=1&sig=abc'",
            "echo hello")) {
      assertEquals(Optional.empty(), SecretScrubber.literalCredential(none), none);
    }
  }

  @Example
  void thePreCheckSeesTheWordsInAnyAsciiCaseOnly() {
    assertTrue(SecretScrubber.mayHoldSecret("x PaSsWoRd:"));
    assertTrue(SecretScrubber.mayHoldSecret("?Sig=1"));
    assertTrue(SecretScrubber.mayHoldSecret("JWT\" \t="));
    assertTrue(SecretScrubber.mayHoldSecret("a token in words, then client_secret\r\n\u000B\f: x"));
    assertFalse(SecretScrubber.mayHoldSecret("location = \"westeurope\""));
    assertFalse(SecretScrubber.mayHoldSecret("\u017Fecret =")); // long s: no ASCII fold to s
    assertFalse(SecretScrubber.mayHoldSecret(""));
  }

  @Example
  void credentialsNamedButNotAssignedSkipThePatterns() {
    assertFalse(
        SecretScrubber.mayHoldSecret(
            "client_secret is not copied: pass it as a secret; the token and the password too"));
    assertFalse(SecretScrubber.mayHoldSecret("password \"\" = x")); // two quotes: no match
    assertFalse(SecretScrubber.mayHoldSecret("jwt"));
  }
}
