package io.github.packer2aib.core.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets that can sit in plain sight in a source line before it is shown in a diagnostic:
 * the signature of an Azure SAS URL ({@code sig=…}) and Packer credential assignments such as
 * {@code client_secret = "…"}. Rendered diagnostics go to stderr and logs, where a secret must
 * never appear.
 */
public final class SecretScrubber {
  /**
   * The signature parameter of a SAS URL: after {@code ?} or {@code &}, also as a copy from HTML
   * writes it ({@code &amp;sig=}) or percent-encoded ({@code %26sig%3D}); the service may not take
   * such a URL, but the value after it is a signature all the same. A source line of a JSON or YAML
   * file may also write the {@code &} as {@code \\u0026}, as Go's JSON encoder does (the masking of
   * quoted lines reads the text as written).
   */
  private static final String SAS_PARAMETER_TEXT =
      "(?:[?&;]|%26|%3f|\\\\u0026|\\\\u003f)sig(?:=|%3d|\\\\u003d)";

  private static final Pattern SAS_SIGNATURE =
      Pattern.compile("(?i)(" + SAS_PARAMETER_TEXT + ")[^&\"'\\s]+");
  private static final Pattern SAS_PARAMETER = Pattern.compile("(?i)" + SAS_PARAMETER_TEXT);

  /**
   * A URL's user information ({@code https://user:password@host/}), whose password the base URI
   * options and settings refuse as a credential: groups "user" and "password" (none when only a
   * user is written).
   */
  private static final Pattern USER_INFO =
      Pattern.compile(
          "(?i)\\b[a-z][a-z0-9+.-]*://(?<user>[^/\\s:@\"']*)(?::(?<password>[^/\\s@\"']+))?@");

  /**
   * The passwords that stand for none, where the user name is the token: GitHub's documented {@code
   * https://TOKEN:x-oauth-basic@github.com/…}.
   */
  private static final Pattern PLACEHOLDER_PASSWORD = Pattern.compile("(?i)x-oauth-basic");

  /**
   * The names that say they hold a credential, as {@link CredentialNames} has them for variables
   * (one list for this, a template's environment_vars and the converter's own environment): a name
   * ending with {@code password}, {@code token}, {@code secret} or {@code apikey}, or with a
   * service's key ({@code secret_key}, {@code private_key}, {@code jwt}, {@code access_key}, {@code
   * account_key}, {@code api_key}, …) alone or after {@code _}. Every plugin setting that holds a
   * credential ({@code client_secret}, {@code ssh_private_key}) is one of them.
   */
  static final String NAMES =
      "(?:" + CredentialNames.GLUED_PATTERN + "|" + CredentialNames.WORDS_PATTERN + ")";

  /**
   * {@link #NAMES} as a setting's name, from a word's start: {@code [a-z0-9_]*} tried from every
   * letter of a long word was quadratic (a line of 20,000 letters before {@code password=} took 8
   * s). The letters before the name are the same match's, found from the word's start.
   */
  private static final String SETTING_NAME = "(?<![a-z0-9_])" + NAMES;

  /**
   * A credential assigned inside a quoted string, as {@code environment_vars} entries are ({@code
   * "ADMIN_PASSWORD=…"}, the value ending at the string's closing quote; groups 1 and 2 where the
   * string's quotes are escaped, {@code \\"ADMIN_PASSWORD=…\\"} inside a quoted JSON or HCL line, 3
   * and 4 otherwise), or a setting ({@code client_secret = "…"}, {@code "password": "…"}, {@code
   * token: …}, {@code \\"api_token\\": \\"…\\"}: groups 5 and 6). Tried in that order, so an
   * entry's closing quote is not read as the start of a value. The quotes of a name or value may be
   * escaped: a quoted source line writes a command's {@code "api_token": "…"} so, and a heredoc's
   * shell text {@code "{\\"password\\":\\"…\\"}"}; the value then ends at the escaped quote.
   */
  private static final Pattern CREDENTIAL = credentialPattern(SETTING_NAME);

  /**
   * {@link #CREDENTIAL} with {@code name} as the setting's name (tests compare it with an
   * unanchored one).
   */
  static Pattern credentialPattern(String name) {
    return Pattern.compile(
        "(?i)(?:(\\\\+\""
            + NAMES
            + "=)((?:[^\"\\\\]|\\\\+[^\"\\\\])*)|(\""
            + NAMES
            + "=)((?:[^\"\\\\]|\\\\.)*)|((?:\\\\*\")?"
            + name
            + "(?:\\\\*\")?\\s*[:=]\\s*)("
            + SETTING_VALUE
            + "))");
  }

  /**
   * The value of a setting: in escaped double quotes (a quoted line's, with as many backslashes as
   * the line's escapes give them), in double quotes, in single quotes, or unquoted, up to a blank
   * or a comma, and before a double quote that ends a string ({@code ["DB_PASSWORD=pw"]} in a
   * quoted line: the quote and bracket are the line's, not the value's). A quoted value that the
   * text cuts short runs to its end.
   */
  private static final String SETTING_VALUE =
      "\\\\+\"(?:[^\"\\\\]|\\\\+[^\"\\\\])*(?:\\\\+\"|$)|\"(?:[^\"\\\\]|\\\\.)*(?:\"|$)"
          + "|'[^']*'|(?:[^\\s,\"\\\\]|\\\\+[^\"\\s\\\\]|\"(?=[^\\s,\\]})]))+";

  /**
   * A value as a command writes it: escaped double quotes as a JSON or HCL string writes them in a
   * quoted source line ({@code \\"pw\\"}; read as one character, the backslash was masked and the
   * value shown), double-quoted without a {@code $} in it, single-quoted, or unquoted up to a blank
   * or a shell operator (never starting with {@code -}, the next option, nor with a closing bracket
   * or an operator: the text of a message, "(the password of sshpass -p), which …", read {@code ),}
   * as a value and was shown as {@code -p***}).
   */
  private static final String COMMAND_VALUE =
      "(?:\\\\+\"[^\"$\n]*?\\\\+\"|\"[^\"$\n]*\"|'[^'\n]*'"
          + "|(?!\\\\+\")[^\\s\"'$%()`;&|<>-][^\\s\"';&|)`]*)";

  /**
   * sudo told to read its password from standard input: {@code -S} alone or in a cluster ({@code
   * -kS}), or {@code --stdin}, after other options (with their argument for those that take one,
   * {@code -u root}). In this case only: {@code -s} runs a shell, whose input is commands.
   */
  /**
   * The argument of one of sudo's options that take one ({@code -u root}, {@code -p "[sudo]
   * password: "}): a word, or quoted text with blanks, its quotes also escaped as an HCL or JSON
   * line writes them ({@code \\"}). A quoted prompt read as a word ended the options before {@code
   * -S}, and the prompt's "password: " was masked in place of the password piped in.
   */
  private static final String SUDO_ARGUMENT =
      "(?:\\\\*\"[^\"\n]*?\\\\*\"|'[^'\n]*'|[^\\s;&|-]\\S*)";

  private static final String SUDO_STDIN =
      "(?-i:(?:[\\w./-]*/)?sudo(?:[ \t]+(?:-[A-Za-z]*[ugpCDhrtTUR][ \t]+"
          + SUDO_ARGUMENT
          + "|-[A-Za-z]+|--[a-z-]+(?:=[^\\s;&|]*)?))*?"
          + "[ \t]+(?:-[A-Za-z]*S[A-Za-z]*|--stdin)(?![\\w-]))";

  /** What follows a value that {@code echo} or {@code printf} pipes into {@link #SUDO_STDIN}. */
  private static final String INTO_SUDO =
      "(?=" + COMMAND_VALUE + "[ \t]*\\|(?!\\|)[ \t]*" + SUDO_STDIN + ")";

  /** A printf format ({@code '%s\\n'}): the value is the argument after it. */
  private static final String PRINTF_FORMAT =
      "(?:'[^'\n]*%[^'\n]*'|\"[^\"\n]*%[^\"\n]*\"|\\\\+\"[^\"\n]*?%[^\"\n]*?\\\\+\""
          + "|[^\\s\"'|;&]*%[^\\s|;&]*)";

  /**
   * The keys of services as the last words of an option's name ({@code --account-key}, {@code
   * --api-key}, PowerShell's {@code -StorageAccountKey}), as {@link CredentialNames#WORDS} has them
   * for variables, with a dash, an underscore or nothing between the words. Not {@code
   * --private-key}: by convention (ansible, ssh tools) that option takes the path of a key file.
   */
  private static final String OPTION_KEYS =
      "(?:access|account|api|storage|shared|master|sas|secret)[-_]?key";

  /**
   * A credential given to a command as an option's separate argument (or after {@code =}): a long
   * option named as one ({@code --password hunter2}, {@code --client-secret …}, {@code
   * --account-key …}, PowerShell's {@code -Password …}, {@code -StorageAccountKey …}), or the
   * {@code -p} of the commands that take a password there ({@code az login}, {@code az acr login},
   * {@code docker login} and its kin, also glued, {@code sshpass -p}, and {@code mysql -pPASSWORD},
   * glued); or the password fed to {@code sudo -S} on its standard input ({@code echo 'pw' | sudo
   * -S …}, {@code printf '%s\n' pw | sudo --stdin …}, {@code printf 'pw\n' | sudo -S …}, {@code
   * sudo -S … <<<'pw'}), where a lookahead in group 1 checks that the echoed value goes into such a
   * sudo. Group 1 is what stands before the value, group 2 the value ({@link #COMMAND_VALUE}). A
   * value that is a reference ({@code $PW}, {@code "$PW"}, {@code $(…)}, {@code %PW%}) is never
   * matched or never literal ({@link #isLiteral}).
   */
  private static final Pattern OPTION_CREDENTIAL =
      Pattern.compile(
          "(?i)((?<![\\w-])(?:--?[a-z0-9_-]*(?:password|secret|token|jwt|"
              + OPTION_KEYS
              + ")(?:[ \t]+|=)"
              + "|(?:(?:az(?:[ \t]+acr)?|docker|podman|buildah|nerdctl|oras|skopeo"
              + "|helm[ \t]+registry)[ \t]+login\\b[^;&|\n]*?[ \t]-p[ \t]*"
              + "|sshpass[ \t]+-p[ \t]*"
              + "|(?:mysql|mysqldump|mysqladmin|mariadb)\\b[^;&|\n]*?[ \t]-p"
              + "|echo(?:[ \t]+-[neE]+)*[ \t]+"
              + INTO_SUDO
              + "|printf[ \t]+(?:"
              + PRINTF_FORMAT
              + "[ \t]+)?"
              + INTO_SUDO
              + "|"
              + SUDO_STDIN
              + "[^;&|\n]*?<<<[ \t]*)))"
              + "("
              + COMMAND_VALUE
              + ")");

  /**
   * PowerShell's {@code ConvertTo-SecureString '…' -AsPlainText}, the switch before or after the
   * text.
   */
  private static final Pattern SECURE_STRING =
      Pattern.compile(
          "(?i)\\bConvertTo-SecureString(?<pre>(?:[ \\t]+-(?:AsPlainText|Force)\\b)*)"
              + "[ \\t]+(?:-String[ \\t]+)?(?<v>"
              + COMMAND_VALUE
              + ")(?<post>(?:[ \\t]+-(?:AsPlainText|Force)\\b)*)");

  /**
   * {@code net user NAME PASSWORD}: a password that is no option ({@code /add}) and no prompt
   * ({@code *}).
   */
  private static final Pattern NET_USER =
      Pattern.compile(
          "(?i)\\bnet(?:\\.exe)?[ \\t]+user[ \\t]+(?:\\\\*\"[^\"\\n]*?\\\\*\""
              + "|'[^'\\n]*'|[^\\s\"'\\\\/][^\\s\"']*)[ \\t]+(?![/*])(?<v>"
              + COMMAND_VALUE
              + ")");

  /** {@code echo 'user:password' | chpasswd} (also with printf, and through sudo). */
  private static final Pattern CHPASSWD_PIPE =
      Pattern.compile(
          "(?i)\\b(?:echo(?:[ \\t]+-[neE]+)*|printf)[ \\t]+(?<q>\\\\*[\"'])?"
              + "[^\\s:\"'\\\\|;&]+:(?<v>[^\\s\"'\\\\|;&]+)(?:\\\\{1,2}n)?(?:\\\\*[\"'])?"
              + "[ \\t]*\\|[ \\t]*(?:sudo(?:[ \\t]+-\\S+)*[ \\t]+)?"
              + "(?:/usr/sbin/)?chpasswd\\b");

  /** {@code chpasswd <<< 'user:password'}. */
  private static final Pattern CHPASSWD_HERE =
      Pattern.compile(
          "(?i)\\bchpasswd\\b[^;&|\\n]*?<<<[ \\t]*(?<q>\\\\*[\"'])?"
              + "[^\\s:\"'\\\\]+:(?<v>[^\\s\"'\\\\|;&]+)");

  /**
   * curl's {@code -u user:password} ({@code --user}, {@code --proxy-user}, {@code -U}); only
   * curl's: docker's {@code --user uid:gid} is none.
   */
  private static final Pattern CURL_USER =
      Pattern.compile(
          "(?i)\\bcurl\\b[^;&|\\n]*?[ \\t](?:-u|--user|--proxy-user|-U)"
              + "(?:[ \\t]+|=)?(?<q>\\\\*[\"'])?[^\\s:\"'\\\\]*:"
              + "(?<v>[^\\s\"'\\\\;&|]+)");

  /**
   * The key of a storage or Service Bus connection string: {@code AccountKey=…}, {@code
   * SharedAccessKey=…}.
   */
  private static final Pattern CONNECTION_KEY =
      Pattern.compile("(?i)(?<![\\w])(?<n>AccountKey|SharedAccessKey)=(?<v>[^;\\s\"'\\\\]+)");

  /**
   * The credential of an {@code Authorization} header, after {@code Bearer}, {@code Basic} or
   * {@code token} (a header, or git's {@code http.extraheader}); possessive, so that {@code abc$X}
   * gives no value {@code ab}.
   */
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "(?i)\\bauthorization(?:\\\\*[\"'])?[ \\t]*[:=][ \\t]*(?:\\\\*[\"'])?"
              + "[ \\t]*(?:bearer|basic|token)[ \\t]+(?<v>[A-Za-z0-9._~+/=-]++)(?![$%{(`])");

  /**
   * Windows autologon's {@code DefaultPassword}: {@code Set-ItemProperty … -Name DefaultPassword
   * -Value …}, {@code reg add … /v DefaultPassword … /d …}.
   */
  private static final Pattern AUTOLOGON =
      Pattern.compile(
          "(?i)\\bDefaultPassword(?:\\\\*[\"'])?[^;|\\n]*?[ \\t](?:-Value|/d)"
              + "[ \\t]+(?<v>"
              + COMMAND_VALUE
              + ")");

  /**
   * A private key block: the text after {@code -----BEGIN … PRIVATE KEY-----}, up to its end line
   * or the text's end.
   */
  private static final Pattern PRIVATE_KEY =
      Pattern.compile(
          "(?s)-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?<v>.*?)"
              + "(?=-----END [A-Z0-9 ]*PRIVATE KEY-----|\\z)");

  /** {@code cmdkey /pass:…}. */
  private static final Pattern CMDKEY =
      Pattern.compile(
          "(?i)\\bcmdkey(?:\\.exe)?\\b[^;&|\\n]*?[ \\t]/pass:(?<v>" + COMMAND_VALUE + ")");

  /** {@code net use [X:] \\server\share PASSWORD}: the share a path or quoted. */
  private static final Pattern NET_USE =
      Pattern.compile(
          "(?i)\\bnet(?:\\.exe)?[ \\t]+use[ \\t]+(?:[a-z]:[ \\t]+|\\*[ \\t]+)?"
              + "(?:\\\\*\"[^\"\\n]*?\\\\*\"|\\\\[^\\s\"']*)[ \\t]+(?![/*])(?<v>"
              + COMMAND_VALUE
              + ")");

  /**
   * {@code aws configure set aws_secret_access_key …} (also {@code aws_session_token}, and a
   * profile's).
   */
  private static final Pattern AWS_CONFIGURE =
      Pattern.compile(
          "(?i)\\baws[ \\t]+configure[ \\t]+set[ \\t]+(?:[\\w.-]*\\.)?"
              + "(?<n>aws_secret_access_key|aws_session_token)[ \\t]+(?<v>"
              + COMMAND_VALUE
              + ")");

  /** PowerShell's {@code [Environment]::SetEnvironmentVariable('DB_PASSWORD', '…', …)}. */
  private static final Pattern SET_ENVIRONMENT =
      Pattern.compile(
          "(?i)\\[(?:System\\.)?Environment\\]::SetEnvironmentVariable\\([ \\t]*"
              + "(?<q0>\\\\*[\"'])(?<n>"
              + NAMES
              + ")\\k<q0>[ \\t]*,[ \\t]*(?<v>"
              + COMMAND_VALUE
              + ")");

  /**
   * A credential that a command gives in a form of its own, which neither a name ({@link
   * #CREDENTIAL}) nor an option ({@link #OPTION_CREDENTIAL}) tells: the pattern that finds it,
   * whose group "v" is the value and, where {@code quoted}, group "q" the quote it stands in (in
   * single quotes a $ is text); a word every match holds, in lower case and without "_" (which
   * {@link AsciiWords} does not fold), which a text is searched for before the pattern is run; and
   * how the warning names it.
   */
  private record Form(
      String word, Pattern pattern, boolean quoted, Function<Matcher, String> what) {
    Form(String word, Pattern pattern, String what) {
      this(word, pattern, false, m -> what);
    }
  }

  /**
   * The forms of {@link Form}, common in Windows and Linux templates, that name no credential:
   * PowerShell's {@code ConvertTo-SecureString '…' -AsPlainText}, {@code net user U PW}, {@code
   * echo 'u:pw' | chpasswd} (and {@code chpasswd <<< 'u:pw'}), curl's {@code -u u:pw}, a connection
   * string's {@code AccountKey=}, an {@code Authorization: Bearer} header, the autologon {@code
   * DefaultPassword} set with {@code Set-ItemProperty … -Value} or {@code reg add … /d}, a private
   * key block, {@code cmdkey /pass:}, {@code net use \\srv\share PW}, {@code aws configure set
   * aws_secret_access_key …} and {@code [Environment]::SetEnvironmentVariable('NAME', '…')} for a
   * name of {@link #NAMES}. A reference ({@code $PW}, {@code %PW%}, {@code $(…)}) is none, as
   * everywhere ({@link #isLiteral}).
   */
  private static final List<Form> FORMS =
      List.of(
          new Form(
              "securestring",
              SECURE_STRING,
              "the text given to ConvertTo-SecureString -AsPlainText"),
          new Form("net", NET_USER, "the password of net user"),
          new Form("chpasswd", CHPASSWD_PIPE, true, m -> "the password fed to chpasswd"),
          new Form("chpasswd", CHPASSWD_HERE, true, m -> "the password fed to chpasswd"),
          new Form("curl", CURL_USER, true, m -> "the password of curl -u"),
          new Form(
              "key=",
              CONNECTION_KEY,
              false,
              m -> "the " + m.group("n") + " of a connection string"),
          new Form("authorization", AUTHORIZATION, "the credential of an Authorization header"),
          new Form("defaultpassword", AUTOLOGON, "the autologon password (DefaultPassword)"),
          new Form("private key", PRIVATE_KEY, "a private key"),
          new Form("cmdkey", CMDKEY, "the password of cmdkey /pass"),
          new Form("net", NET_USE, "the password of net use"),
          new Form("aws", AWS_CONFIGURE, false, m -> "a value for \"" + m.group("n") + "\""),
          new Form(
              "setenvironmentvariable",
              SET_ENVIRONMENT,
              false,
              m -> "a value for \"" + m.group("n") + "\""));

  /**
   * How {@link #literalCredential} names a password fed to {@code sudo -S}: the advice of its
   * warning differs (Image Builder's build user needs none).
   */
  public static final String SUDO_PASSWORD = "the password fed to sudo -S on its standard input";

  /** A value in escaped double quotes, as a quoted line writes it: group 2 is what they enclose. */
  private static final Pattern ESCAPED_QUOTES = Pattern.compile("(?s)(\\\\+)\"(.*)\\1\"");

  /** The stand-in for a value in the advice of messages ({@code --var NAME=VALUE}). */
  private static final String PLACEHOLDER = "VALUE";

  private SecretScrubber() {}

  /**
   * Whether {@code url} holds the signature parameter of an Azure shared access signature ({@code
   * sig=}, in any case), a credential: the one test of the base URI options, the service rule on
   * signed URLs and the masking of source lines.
   */
  public static boolean hasSasSignature(String url) {
    // Every command of every step is asked (RULE-W317): most hold no "sig", which the word check
    // tells faster than the pattern's search, which tries its alternatives at every character.
    return AsciiWords.contains(url, "sig") && SAS_PARAMETER.matcher(url).find();
  }

  /** {@code text} with the signature of every SAS URL in it masked, and nothing else changed. */
  static String maskSignatures(String text) {
    return hasSasSignature(text) ? SAS_SIGNATURE.matcher(text).replaceAll("$1***") : text;
  }

  public static String scrub(String line) {
    return hasUserInfo(line) || mayHoldSecret(line) ? withPatterns(line) : line;
  }

  /**
   * The credential that {@code command} (a command of a step, a URL) writes as text, named without
   * its value: {@code the password of a URL's user information (user:password@)}, {@code a value
   * for "--password"}, {@code a value for "DB_PASSWORD"}, {@code the -p password of docker login};
   * empty when it holds none, or only references ({@code https://x:$TOKEN@host}, {@code --password
   * "$PW"}, {@code DB_PASSWORD=${var.pw}}). The first of {@link #find}, which is what {@link
   * #scrub} masks: a warning and the masking of the line it quotes cannot disagree. The image
   * template keeps the value in plain text; a SAS signature is told apart ({@link
   * #hasSasSignature}).
   */
  public static Optional<String> literalCredential(String command) {
    // Every command of every step is asked: most hold neither, and are answered without a list.
    boolean userInfo = hasUserInfo(command);
    boolean patterns = mayHoldSecret(command);
    if (!userInfo && !patterns) {
      return Optional.empty();
    }
    List<Found> found = find(command, CREDENTIAL, userInfo, patterns);
    for (int i = 0; i < found.size(); i++) {
      if (found.get(i).literal()) {
        return Optional.of(found.get(i).what());
      }
    }
    return Optional.empty();
  }

  /**
   * A credential found in a text: where its value stands ({@code start} inclusive, {@code end}
   * exclusive), how a message names it, whether it is literal text ({@code RULE-W329}), and whether
   * it is masked (every literal value, and a setting's value that is no plain reference, in doubt).
   */
  record Found(int start, int end, String what, boolean literal, boolean masked) {}

  /**
   * Every credential of {@code text}, in the order of their values, those that overlap merged into
   * one: the one rule that both {@link #literalCredential} (on a command) and {@link #scrub} (on a
   * quoted source line or a message, where the same command is written with escaped quotes) follow.
   * With {@code quick}, the patterns are run only where {@link #mayHoldSecret} or {@link
   * #hasUserInfo} says they may match.
   */
  static List<Found> find(String text, Pattern credential, boolean quick) {
    return find(text, credential, !quick || hasUserInfo(text), !quick || mayHoldSecret(text));
  }

  /**
   * {@link #find(String, Pattern, boolean)}, running the user information's pattern with {@code
   * userInfo} and the others with {@code patterns}.
   */
  private static List<Found> find(
      String text, Pattern credential, boolean userInfo, boolean patterns) {
    List<Found> out = new ArrayList<>();
    if (userInfo) {
      userInfo(text, out);
    }
    if (patterns) {
      assignments(text, credential, out);
      options(text, out);
      forms(text, out);
    }
    return merged(out);
  }

  /** The literal values of {@link #FORMS}, each form run where its word stands. */
  private static void forms(String text, List<Found> out) {
    byte[] bytes = null;
    for (int i = 0; i < FORMS.size(); i++) {
      Form f = FORMS.get(i);
      if (bytes == null) {
        bytes = AsciiWords.bytes(text);
      }
      if (AsciiWords.indexOf(bytes, f.word()) < 0) {
        continue;
      }
      Matcher m = f.pattern().matcher(text);
      int from = 0;
      while (from <= text.length() && m.find(from)) {
        from = next(m);
        String value = m.group("v");
        boolean literal;
        if (f.pattern() == PRIVATE_KEY) {
          literal = holdsKey(value);
        } else if (f.pattern() == SECURE_STRING) {
          // Without -AsPlainText the text is an encrypted standard string, no password.
          literal =
              (AsciiWords.contains(m.group("pre"), "asplaintext")
                      || AsciiWords.contains(m.group("post"), "asplaintext"))
                  && isLiteral(value);
        } else {
          String q = f.quoted() ? m.group("q") : null;
          literal = isLiteral(q == null ? value : q + value + q);
        }
        if (literal) {
          out.add(new Found(m.start("v"), m.end("v"), f.what().apply(m), true, true));
          from = m.end();
        }
      }
    }
  }

  /**
   * Whether the text of a private key block holds a key: a run of 16 or more Base64 characters, and
   * no reference ({@code ${KEY}}, {@code $KEY}, {@code {{ … }}}) that a template or the shell would
   * put there.
   */
  private static boolean holdsKey(String body) {
    if (body.indexOf('$') >= 0 || body.contains("{{")) {
      return false;
    }
    int run = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      boolean base64 =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      run = base64 ? run + 1 : 0;
      if (run >= 16) {
        return true;
      }
    }
    return false;
  }

  /**
   * The passwords of URLs' user information ({@code https://user:password@host/}); where the user
   * name is a token the whole user information: a placeholder password ({@code
   * TOKEN:x-oauth-basic@}; masking it alone showed the token), or a user name that looks like one
   * ({@link #looksLikeToken}), with a password or without ({@code https://TOKEN@github.com}, as
   * GitHub and Azure DevOps take a personal access token).
   */
  private static void userInfo(String text, List<Found> out) {
    Matcher m = USER_INFO.matcher(text);
    while (m.find()) {
      String user = m.group("user");
      String password = m.group("password");
      boolean token = looksLikeToken(user);
      if (password == null) {
        if (token) {
          out.add(
              new Found(
                  m.start("user"),
                  m.end("user"),
                  "a token as the user name of a URL",
                  isLiteral(user),
                  true));
        }
        continue;
      }
      boolean placeholder = PLACEHOLDER_PASSWORD.matcher(password).matches() && !user.isEmpty();
      if (placeholder || token) {
        out.add(
            new Found(
                m.start("user"),
                m.end("password"),
                placeholder
                    ? "a token as the user name of a URL, before the placeholder password "
                        + password
                    : "a token as the user name of a URL",
                isLiteral(user) || isLiteral(password),
                true));
        continue;
      }
      // As before: the password is masked whatever it is, a reference too.
      out.add(
          new Found(
              m.start("password"),
              m.end("password"),
              "the password of a URL's user information (user:password@)",
              isLiteral(password),
              true));
    }
  }

  /**
   * Whether a URL's user name looks like a token rather than a user's or an organization's name:
   * letters, digits, {@code _} and {@code -} only (no dots: no address or host), both letters and
   * digits, and either the prefix of a GitHub or GitLab token ({@code ghp_}, {@code github_pat_},
   * {@code glpat-}) and 20 characters or more, or 30 characters or more with 16 letters and digits
   * in a row (a name of words has dashes between them; an Azure DevOps token has 52 characters, an
   * older GitHub token 40). A conservative rule: {@code build-agent-user-01} or {@code
   * contosoengineering2023} is no token, and a short token without a known prefix is missed.
   */
  static boolean looksLikeToken(String user) {
    if (user.length() < 20) {
      return false;
    }
    boolean letter = false;
    boolean digit = false;
    int run = 0;
    int longest = 0;
    for (int i = 0; i < user.length(); i++) {
      char c = user.charAt(i);
      boolean isLetter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      boolean isDigit = c >= '0' && c <= '9';
      if (!isLetter && !isDigit && c != '_' && c != '-') {
        return false;
      }
      letter |= isLetter;
      digit |= isDigit;
      run = isLetter || isDigit ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return letter
        && digit
        && (TOKEN_PREFIX.matcher(user).lookingAt() || (user.length() >= 30 && longest >= 16));
  }

  /** The prefixes of GitHub's and GitLab's tokens. */
  private static final Pattern TOKEN_PREFIX = Pattern.compile("gh[pousr]_|github_pat_|glpat-");

  /**
   * The values of {@link #CREDENTIAL}: a setting's value that is an object or list ({@code
   * "adminPassword": {"type": "securestring", "defaultValue": "…"}}, an ARM securestring parameter)
   * ends nowhere a line shows, so it is masked to the text's end, and no warning names it.
   */
  private static void assignments(String text, Pattern credential, List<Found> out) {
    Matcher m = credential.matcher(text);
    while (m.find()) {
      int group = m.group(2) != null ? 2 : m.group(4) != null ? 4 : 6;
      String value = m.group(group);
      int nameStart = m.start(group - 1);
      String name = nameOf(text, nameStart, m.end(group - 1), group == 6);
      if (group == 6 && (value.startsWith("{") || value.startsWith("["))) {
        out.add(
            new Found(m.start(group), text.length(), "a value for \"" + name + "\"", false, true));
        return;
      }
      boolean literal = isLiteral(value);
      // A reference such as var.x or "${var.x}" shows no secret, nor does the placeholder of the
      // advice "pass it with --var admin_password=VALUE" (masked, it read as if *** were what to
      // type); anything else of a setting is masked in doubt ($PW is shown to no harm either way).
      boolean masked =
          literal
              || (!value.isEmpty()
                  && !value.contains("${")
                  && !value.startsWith("var.")
                  && !value.contains("{{")
                  && !value.equals(PLACEHOLDER));
      if (masked) {
        out.add(
            new Found(m.start(group), m.end(group), "a value for \"" + name + "\"", literal, true));
      }
    }
  }

  /**
   * The name a setting or an entry is written with, from {@code from} to {@code to}, without its
   * quotes, blanks and sign: for a setting the whole word, with what stands before the credential's
   * word joined to it by {@code -} ({@code --http-password}, {@code PRIVATE-TOKEN}, {@code
   * X-Api-Token}; the name's pattern starts after a {@code -}, and the warning named {@code
   * -password} and {@code -TOKEN}).
   */
  private static String nameOf(String text, int from, int to, boolean setting) {
    int start = from;
    while (setting && start > 0 && isNameCharacter(text.charAt(start - 1))) {
      start--;
    }
    return text.substring(start, to).replaceAll("[\\s\"=:\\\\]", "");
  }

  private static boolean isNameCharacter(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-';
  }

  /** The literal values of {@link #OPTION_CREDENTIAL}. */
  private static void options(String text, List<Found> out) {
    Matcher o = OPTION_CREDENTIAL.matcher(text);
    int from = 0;
    while (from <= text.length() && o.find(from)) {
      if (isLiteral(o.group(2)) && !isFlagOption(o.group(1))) {
        out.add(new Found(o.start(2), o.end(2), optionNamed(o.group(1)), true, true));
        from = o.end();
      } else {
        from = next(o);
      }
    }
  }

  /**
   * Where to look on after a match that holds no literal value: from its second character, not its
   * end. The commands' forms reach over the words between a command and its option ({@code docker
   * login … -p}), across the commands of a quoted line too, and a match that ended at a later
   * command's reference ({@code -p'$PW'}) hid the literal {@code --password 'x'} inside it.
   */
  private static int next(Matcher m) {
    return m.start() + 1;
  }

  /**
   * {@code found} in the order of their starts (of two at one place, the first found first), those
   * that overlap joined: the text masked is the union of their values, and the warning names the
   * first literal one.
   */
  private static List<Found> merged(List<Found> found) {
    if (found.size() < 2) {
      return found;
    }
    List<Found> sorted = new ArrayList<>(found);
    sorted.sort(java.util.Comparator.comparingInt(Found::start));
    List<Found> out = new ArrayList<>(sorted.size());
    Found last = sorted.get(0);
    for (int i = 1; i < sorted.size(); i++) {
      Found f = sorted.get(i);
      if (f.start() < last.end()) {
        last =
            new Found(
                last.start(),
                Math.max(last.end(), f.end()),
                last.literal() || !f.literal() ? last.what() : f.what(),
                last.literal() || f.literal(),
                last.masked() || f.masked());
      } else {
        out.add(last);
        last = f;
      }
    }
    out.add(last);
    return out;
  }

  /**
   * Whether a value as written in a command is literal text, no reference to where a value is kept:
   * not empty, and not a variable of the shell, PowerShell or cmd ({@code $PW}, {@code "$PW"},
   * {@code %PW%}), a command substitution ({@code $(…)}, {@code `…`}, PowerShell's {@code (…)}), a
   * Packer or HCL reference ({@code ${var.pw}}, {@code var.pw}, {@code {{user `pw`}}}) or the
   * placeholder of the advice of messages ({@code VALUE}). In single quotes a {@code $} is text, in
   * sh and PowerShell alike ({@code -p'P@$$w0rd'}, common in passwords): only a variable's name
   * alone ({@code '$PW'}, a slip that sends those characters), an HCL interpolation ({@code
   * '${var.pw}'}, as a quoted source line writes it) or a command substitution there is none.
   */
  private static boolean isLiteral(String value) {
    String v = value;
    boolean single = false;
    Matcher escaped = ESCAPED_QUOTES.matcher(v);
    if (escaped.matches()) {
      v = escaped.group(2); // a quoted line's escaped quotes
    } else if (v.length() >= 2
        && (v.charAt(0) == '"' || v.charAt(0) == '\'')
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      single = v.charAt(0) == '\'';
      v = v.substring(1, v.length() - 1);
    }
    boolean text =
        !v.isEmpty()
            && !v.equals(PLACEHOLDER)
            && !v.equals("***")
            && !v.startsWith("var.")
            && !v.startsWith("local.")
            && !v.startsWith("%")
            && !v.startsWith("(")
            && !v.contains("{{");
    if (single) {
      return text && !v.contains("${") && !v.contains("$(") && !SHELL_VARIABLE.matcher(v).matches();
    }
    return text && v.indexOf('$') < 0 && v.indexOf('`') < 0;
  }

  /** A variable of the shell or PowerShell alone: {@code $PW}, {@code $env:PW}. */
  private static final Pattern SHELL_VARIABLE = Pattern.compile("(?i)\\$(?:env:)?[a-z_][a-z0-9_]*");

  /**
   * Whether the long option before a value takes none: one that asks for the credential ({@code
   * --ask-vault-password}, {@code --prompt-password}) or reads it from elsewhere ({@code
   * --no-password}), which the next word only follows.
   */
  private static boolean isFlagOption(String before) {
    String b = before.toLowerCase(Locale.ROOT);
    return b.startsWith("--ask") || b.startsWith("--no-") || b.startsWith("--prompt");
  }

  /** How {@link #literalCredential} names the option of an {@link #OPTION_CREDENTIAL} match. */
  private static String optionNamed(String before) {
    String b = before.strip();
    if (b.startsWith("-")) {
      return "a value for \"" + (b.endsWith("=") ? b.substring(0, b.length() - 1) : b) + "\"";
    }
    String command = b.split("[ \t]+")[0].toLowerCase(Locale.ROOT);
    if (command.equals("echo") || command.equals("printf") || command.endsWith("sudo")) {
      return SUDO_PASSWORD;
    }
    if (command.equals("sshpass")) {
      return "the password of sshpass -p";
    }
    if (command.equals("helm")) {
      return "the -p password of helm registry login";
    }
    if (command.equals("az") && b.toLowerCase(Locale.ROOT).matches("az[ \t]+acr[ \t].*")) {
      return "the -p password of az acr login";
    }
    if (b.toLowerCase(Locale.ROOT).contains("login")) {
      return "the -p password of " + command + " login";
    }
    return "the -p password of " + command;
  }

  /**
   * Whether {@code s} may hold a URL with user information: {@code ://} with an {@code @} after.
   */
  private static boolean hasUserInfo(String s) {
    int scheme = s.indexOf("://");
    return scheme >= 0 && s.indexOf('@', scheme) >= 0;
  }

  /** What {@link #scrub} does to a text that may hold a secret: every pattern replaces. */
  static String withPatterns(String line) {
    return withPatterns(line, CREDENTIAL);
  }

  /** {@link #withPatterns(String)} with another credential pattern of the same groups (tests). */
  static String withPatterns(String line, Pattern credential) {
    return withPatterns(line, credential, null);
  }

  /**
   * {@code line} as {@link #scrub} shows it, with where each of its code points went there (as
   * {@link ValueMask} maps a masked line), or null when nothing on it is masked: the caret under a
   * quoted line is placed by it, as a masked value is shorter or longer than what it stands for.
   */
  static ValueMask.MaskedLine scrubbedLine(String line) {
    if (!hasUserInfo(line) && !mayHoldSecret(line)) {
      return null;
    }
    List<int[][]> passes = new ArrayList<>();
    String shown = withPatterns(line, CREDENTIAL, passes);
    if (passes.stream().allMatch(p -> p.length == 0)) {
      return null;
    }
    int count = line.codePointCount(0, line.length());
    int[] starts = new int[count];
    int[] ends = new int[count];
    int offset = 0;
    for (int i = 0; i < count; i++) {
      starts[i] = offset;
      offset += Character.charCount(line.codePointAt(offset));
      ends[i] = offset;
    }
    // Each pass replaced parts of what the one before made: offsets are carried through them in
    // turn, then counted in code points of the text shown.
    for (int[][] edits : passes) {
      shift(starts, edits, false);
      shift(ends, edits, true);
    }
    toCodePoints(shown, starts);
    toCodePoints(shown, ends);
    return new ValueMask.MaskedLine(shown, starts, ends);
  }

  /**
   * Moves ascending UTF-16 offsets of a text to where they are after {@code edits} (each {@code
   * {from, to, length}}: the text from {@code from} to {@code to} replaced by {@code length}
   * characters, in order). An offset inside a replaced part goes to the replacement's start, or,
   * for an exclusive end ({@code end}), to its end.
   */
  private static void shift(int[] offsets, int[][] edits, boolean end) {
    int e = 0;
    int delta = 0;
    for (int i = 0; i < offsets.length; i++) {
      int x = offsets[i];
      while (e < edits.length && (end ? x > edits[e][1] : x >= edits[e][1])) {
        delta += edits[e][2] - (edits[e][1] - edits[e][0]);
        e++;
      }
      boolean inside = e < edits.length && (end ? x > edits[e][0] : x >= edits[e][0]);
      offsets[i] = inside ? edits[e][0] + delta + (end ? edits[e][2] : 0) : x + delta;
    }
  }

  /** Ascending UTF-16 offsets of {@code text} made code point indexes, in place. */
  private static void toCodePoints(String text, int[] offsets) {
    int offset = 0;
    int index = 0;
    for (int i = 0; i < offsets.length; i++) {
      int target = Math.min(offsets[i], text.length());
      while (offset < target) {
        offset += Character.charCount(text.codePointAt(offset));
        index++;
      }
      offsets[i] = index;
    }
  }

  /** A pattern's matches replaced by group 1 and {@code ***}, each recorded in {@code edits}. */
  private static String maskAfterGroup(Pattern pattern, String text, List<int[]> edits) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      out.append(text, last, m.end(1)).append("***");
      edits.add(new int[] {m.end(1), m.end(), 3});
      last = m.end();
    } while (m.find());
    return out.append(text, last, text.length()).toString();
  }

  /**
   * {@link #withPatterns(String, Pattern)}, adding what each of its two passes replaced to {@code
   * passes} when it is not null ({@link #scrubbedLine}): the signatures of SAS URLs, then every
   * credential {@link #find} finds.
   */
  private static String withPatterns(String line, Pattern credential, List<int[][]> passes) {
    List<int[]> signatures = new ArrayList<>();
    String s = maskAfterGroup(SAS_SIGNATURE, line, signatures);
    List<int[]> credentials = new ArrayList<>();
    String result = masked(s, find(s, credential, false), credentials);
    if (passes != null) {
      passes.add(signatures.toArray(int[][]::new));
      passes.add(credentials.toArray(int[][]::new));
    }
    return result;
  }

  /**
   * {@code text} with the value of each masked {@code found} replaced, each recorded in {@code
   * edits}.
   */
  private static String masked(String text, List<Found> found, List<int[]> edits) {
    StringBuilder out = null;
    int last = 0;
    for (int i = 0; i < found.size(); i++) {
      Found f = found.get(i);
      if (!f.masked()) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      String masked = mask(text.substring(f.start(), f.end()));
      out.append(text, last, f.start()).append(masked);
      edits.add(new int[] {f.start(), f.end(), masked.length()});
      last = f.end();
    }
    return out == null ? text : out.append(text, last, text.length()).toString();
  }

  /**
   * Whether either pattern could match, from what every match holds, in any ASCII case (the
   * patterns' {@code (?i)} folds ASCII only, as {@link AsciiWords} does): {@code sig=} for a
   * signature; for a credential, the last word of its name ({@code password}, {@code token}, {@code
   * secret}, {@code jwt} or {@code key}) followed by an optional quote, blanks and {@code :} or
   * {@code =}, or by a blank after an option; the commands whose {@code -p} takes a password; and
   * the word of each of {@link #FORMS} ({@code curl}, {@code net}, {@code chpasswd}, …). Most text
   * has neither: diagnostics name credentials ("client_secret is not copied") without assigning
   * them. The credential pattern's {@code [a-z_]*} prefixes backtrack at every letter: scrubbing
   * the strings of a bulk run's JSON report with the patterns alone was 60% of a {@code convert -r
   * --report} run's CPU, and still 15% when any of the words sent a text to them.
   */
  static boolean mayHoldSecret(String s) {
    byte[] b = AsciiWords.bytes(s);
    // Whether -p, -S or --stdin, or -u follows a command's word in the same command (each made
    // when first needed; see OptionAhead), and where the last credential word stands (found once).
    OptionAhead dashP = null;
    OptionAhead stdin = null;
    OptionAhead dashU = null;
    int lastWord = UNSEEN;
    for (int i = 0; i < b.length; i++) {
      switch (b[i] | 0x20) {
        case 's' -> {
          if (AsciiWords.at(b, i, "sig=")
              || AsciiWords.at(b, i, "sig%3d")
              // sig and a JSON escape (sig\\u003d): a backslash has no case to fold for at().
              || (AsciiWords.at(b, i, "sig") && i + 3 < b.length && b[i + 3] == '\\')
              || (AsciiWords.at(b, i, "secret")
                  && (assigned(b, i + "secret".length())
                      || underscoreKey(b, i + "secret".length())
                      || optionValue(b, i, "secret".length())))
              || (AsciiWords.at(b, i, "sshpass")
                  && (dashP == null ? dashP = new OptionAhead(OptionAhead.DASH_P) : dashP)
                      .after(b, i))
              || (AsciiWords.at(b, i, "sudo")
                  && (stdin == null ? stdin = new OptionAhead(OptionAhead.STDIN) : stdin)
                      .after(b, i))
              // The forms of FORMS, each by its word.
              || AsciiWords.at(b, i, "securestring")
              // A step's own $env: lines set variables so: only a credential's name matters.
              || (AsciiWords.at(b, i, "setenvironmentvariable")
                  && (lastWord = lastWord == UNSEEN ? lastCredentialWord(b) : lastWord) > i)) {
            return true;
          }
        }
        case 'p' -> {
          if ((AsciiWords.at(b, i, "password")
                  && (assigned(b, i + "password".length())
                      || optionValue(b, i, "password".length())
                      || (i >= 7 && AsciiWords.at(b, i - 7, "default"))))
              || (AsciiWords.at(b, i, "private")
                  && (underscoreKey(b, i + "private".length())
                      || AsciiWords.at(b, i, "private key")))) {
            return true;
          }
        }
        // A service's key assigned or given to an option (api_key=, AccountKey=, --account-key).
        case 'k' -> {
          if (AsciiWords.at(b, i, "key")
              && (assigned(b, i + "key".length()) || optionValue(b, i, "key".length()))) {
            return true;
          }
        }
        case 'n' -> {
          // net user, net use: a word of its own (not "internet", "dotnet").
          if (AsciiWords.at(b, i, "net")
              && (i == 0 || !isLetter(b[i - 1]))
              && i + 3 < b.length
              && (b[i + 3] == ' ' || b[i + 3] == '\t' || AsciiWords.at(b, i, "net.exe"))) {
            return true;
          }
        }
        case 'c' -> {
          if (AsciiWords.at(b, i, "chpasswd")
              || AsciiWords.at(b, i, "cmdkey")
              || (AsciiWords.at(b, i, "curl")
                  && (dashU == null ? dashU = new OptionAhead(OptionAhead.DASH_U) : dashU)
                      .after(b, i))) {
            return true;
          }
        }
        case 'a' -> {
          // aws configure set: "aws" and a blank (at() folds "_" into another byte, so not more).
          if (AsciiWords.at(b, i, "authorization")
              || (AsciiWords.at(b, i, "aws")
                  && i + 3 < b.length
                  && (b[i + 3] == ' ' || b[i + 3] == '\t'))) {
            return true;
          }
        }
        case 't' -> {
          if (AsciiWords.at(b, i, "token")
              && (assigned(b, i + "token".length()) || optionValue(b, i, "token".length()))) {
            return true;
          }
        }
        case 'j' -> {
          if (AsciiWords.at(b, i, "jwt")
              && (assigned(b, i + "jwt".length()) || optionValue(b, i, "jwt".length()))) {
            return true;
          }
        }
        // The commands whose -p takes a password (OPTION_CREDENTIAL).
        case 'l' -> {
          if (AsciiWords.at(b, i, "login")
              && (dashP == null ? dashP = new OptionAhead(OptionAhead.DASH_P) : dashP)
                  .after(b, i)) {
            return true;
          }
        }
        case 'm' -> {
          if ((AsciiWords.at(b, i, "mysql") || AsciiWords.at(b, i, "mariadb"))
              && (dashP == null ? dashP = new OptionAhead(OptionAhead.DASH_P) : dashP)
                  .after(b, i)) {
            return true;
          }
        }
        default -> {}
      }
    }
    return false;
  }

  /**
   * Whether the word of {@code length} bytes at {@code i} may end an option that a value follows
   * ({@code --password VALUE}): a blank after it, and the run of letters, digits, {@code _} and
   * {@code -} it ends starts with {@code -}. A message names credentials in words ("the token and
   * the password"), which no pattern needs to read.
   */
  private static boolean optionValue(byte[] b, int i, int length) {
    int after = i + length;
    if (after >= b.length || (b[after] != ' ' && b[after] != '\t')) {
      return false;
    }
    int start = i;
    while (start > 0 && isOptionByte(b[start - 1])) {
      start--;
    }
    return start < i && b[start] == '-';
  }

  /** A byte of {@code [A-Za-z0-9_-]}, as {@code [\w-]} has them. */
  private static boolean isOptionByte(byte c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-';
  }

  /**
   * Where the last word of a credential's name ({@link CredentialNames}: password, token, secret,
   * jwt, or a key) stands, in any case, or -1.
   */
  private static int lastCredentialWord(byte[] b) {
    for (int k = b.length - 1; k >= 0; k--) {
      switch (b[k] | 0x20) {
        case 'p' -> {
          if (AsciiWords.at(b, k, "password")) {
            return k;
          }
        }
        case 't' -> {
          if (AsciiWords.at(b, k, "token")) {
            return k;
          }
        }
        case 's' -> {
          if (AsciiWords.at(b, k, "secret")) {
            return k;
          }
        }
        case 'j' -> {
          if (AsciiWords.at(b, k, "jwt")) {
            return k;
          }
        }
        case 'k' -> {
          if (AsciiWords.at(b, k, "key")) {
            return k;
          }
        }
        default -> {}
      }
    }
    return -1;
  }

  /** {@link #mayHoldSecret}'s mark of a place not looked for yet. */
  private static final int UNSEEN = -2;

  /**
   * Whether an option follows a command's word within the same command, for {@link #mayHoldSecret}:
   * {@code -p} (any case) for the commands that take a password so, {@code -u} for curl, sudo's
   * {@code -S} (in a cluster of short options, in this case only) or {@code --stdin}. A command
   * ends where the patterns let it end ({@code ;}, {@code &}, {@code |} or a line's end; for sudo
   * only a line's end, as its quoted prompt may hold the others), so a {@code -fsSL} of a later
   * curl no longer sent a script's every sudo line to the patterns. Each command is read once:
   * where its last such option stands is kept for the next word in it (asked after every sudo of a
   * long heredoc, a scan each made the text quadratic).
   */
  private static final class OptionAhead {
    static final int DASH_P = 0;
    static final int DASH_U = 1;
    static final int STDIN = 2;

    private final int option;

    /** The end of the command read last (exclusive), and where its last option stands, or -1. */
    private int end = -1;

    private int last = -1;

    OptionAhead(int option) {
      this.option = option;
    }

    /** Whether the option stands after {@code i} in the command that holds {@code i}. */
    boolean after(byte[] b, int i) {
      if (i >= end) {
        last = -1;
        int k = i + 1;
        for (; k < b.length && !ends(b[k]); k++) {
          if (b[k] == '-' && isOption(b, k)) {
            last = k;
          }
        }
        end = k;
      }
      return last > i;
    }

    private boolean ends(byte c) {
      return c == '\n' || (option != STDIN && (c == ';' || c == '&' || c == '|'));
    }

    private boolean isOption(byte[] b, int k) {
      switch (option) {
        case DASH_P:
          return k + 1 < b.length && (b[k + 1] | 0x20) == 'p';
        case DASH_U:
          return k + 1 < b.length && (b[k + 1] | 0x20) == 'u';
        default:
          if (AsciiWords.at(b, k, "--stdin")) {
            return true;
          }
          for (int j = k + 1; j < b.length && isLetter(b[j]); j++) {
            if (b[j] == 'S') {
              return true;
            }
          }
          return false;
      }
    }
  }

  private static boolean isLetter(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * Whether {@code _key} and an assignment follow at {@code i} (AsciiWords folds case with {@code
   * 0x20}, which would turn an underscore into DEL: it is compared apart).
   */
  private static boolean underscoreKey(byte[] b, int i) {
    return i < b.length && b[i] == '_' && AsciiWords.at(b, i + 1, "key") && assigned(b, i + 4);
  }

  /**
   * Whether the credential pattern's {@code \\?"?\s*[:=]} matches at {@code i}: one optional quote
   * (escaped or not), then blanks as {@code \s} has them, then a colon or an equals sign.
   */
  private static boolean assigned(byte[] b, int i) {
    int quote = i;
    while (quote < b.length && b[quote] == '\\') {
      quote++; // an escaped quote, as a quoted JSON or HCL line writes a command's
    }
    if (quote < b.length && b[quote] == '"') {
      i = quote + 1;
    }
    while (i < b.length
        && (b[i] == ' '
            || b[i] == '\t'
            || b[i] == '\n'
            || b[i] == 0x0B
            || b[i] == '\f'
            || b[i] == '\r')) {
      i++;
    }
    return i < b.length && (b[i] == ':' || b[i] == '=');
  }

  /**
   * The stand-in for a value: {@code ***}, inside the value's own quotes when it has them (escaped
   * ones too), so that the line still reads as written.
   */
  private static String mask(String value) {
    int backslashes = 0;
    while (backslashes < value.length() && value.charAt(backslashes) == '\\') {
      backslashes++;
    }
    String q =
        backslashes < value.length() && value.charAt(backslashes) == '"'
            ? value.substring(0, backslashes + 1)
            : value.startsWith("'") ? "'" : "";
    if (q.isEmpty()) {
      return "***";
    }
    boolean closed = value.length() >= 2 * q.length() && value.endsWith(q);
    return q + "***" + (closed ? q : "");
  }
}
