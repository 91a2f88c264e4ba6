package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.diag.AsciiWords;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.Values;
import io.github.packer2aib.core.source.TextMemo;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generalization step Packer azure-arm templates end with (Sysprep on Windows, {@code waagent
 * -deprovision} on Linux). Image Builder generalizes the VM itself after the last customizer, so
 * the step is dropped; when it differs from Image Builder's own command it is kept as the {@code
 * DeprovisioningScript} Image Builder runs instead (mapping decision 8).
 */
final class Generalization {
  // Compiled once: these run for every step of every template.
  private static final Pattern EXPORT = Pattern.compile("^export\\s+[A-Za-z_][A-Za-z0-9_]*=.*$");

  /**
   * An environment variable set to a literal ({@code $env:NAME = 'value'}, as a step's
   * environment_vars become): a statement that only starts with {@code $env:} may run anything
   * ({@code $env:SystemRoot\…\Sysprep.exe /mode:vm}, {@code $env:ProgramData | … | Remove-Item}).
   */
  private static final Pattern ENV_ASSIGNMENT =
      Pattern.compile(
          "(?i)^\\$env:[A-Za-z_][A-Za-z0-9_]*\\s*=\\s*"
              + "('([^']|'')*'|\"[^\"`$]*\"|[^\\s'\"`$|&;(){}]*)$");

  private static final Pattern SYNC = Pattern.compile("^(sudo\\s+)?sync$");
  private static final Pattern UNATTEND = Pattern.compile("(?i).*unattend\\.xml.*");
  private static final Pattern REMOVE = Pattern.compile("(?i).*(remove-item|\\brm\\b|del\\b).*");

  /**
   * A message and nothing else: no {@code &}, {@code |}, redirection or backtick after the word, as
   * {@code echo Running sysprep & sysprep.exe /mode:vm} runs a command in cmd and POSIX shells.
   */
  private static final Pattern ECHO =
      Pattern.compile("(?i)^(write-output|write-host|echo)\\b[^&|<>`]*");

  private Generalization() {}

  static final String WINDOWS_SCRIPT = "c:\\DeprovisioningScript.ps1";
  static final String LINUX_SCRIPT = "/tmp/DeprovisioningScript.sh";

  /** The file whose commands Image Builder runs instead of its own generalization on {@code os}. */
  static String script(Os os) {
    return os == Os.WINDOWS ? WINDOWS_SCRIPT : LINUX_SCRIPT;
  }

  private static final Pattern WAAGENT = Pattern.compile("(?i)\\bwaagent\\b[^\\n]*-deprovision");
  private static final Pattern IMAGE_STATE = Pattern.compile("(?i)ImageState");

  /**
   * Whether commands in {@code language} generalize the VM (or wait for Sysprep to finish doing
   * so).
   */
  static boolean generalizes(List<String> lines, CommandLanguage language) {
    return hasKeyword(lines) && generalizesWithKeyword(lines, language);
  }

  /** {@link #generalizes} of lines already known to hold a keyword ({@link #hasKeyword}). */
  static boolean generalizesWithKeyword(List<String> lines, CommandLanguage language) {
    String all = code(String.join("\n", lines), language);
    if (!hasKeyword(all)) {
      return false; // the keyword was in a comment or a message only
    }
    if (mentionsAfterCheck(all)) {
      return true;
    }
    int state = AsciiWords.indexOf(all, "imagestate");
    return state >= 0
        && IMAGE_STATE.matcher(all).find(state)
        && onlyWaitsForSysprep(lines, language);
  }

  /** Whether text (a script in {@code language}) contains a generalization command. */
  static boolean mentions(String text, CommandLanguage language) {
    if (!hasKeyword(text)) {
      return false;
    }
    String code = code(text, language);
    return hasKeyword(code) && mentionsAfterCheck(code);
  }

  /**
   * The commands as the generalization checks read them: without comments and without statements
   * that only print a message ({@code Write-Host 'Sysprep runs later'}, {@code echo …} with no
   * {@code &}, pipe or redirection), and with each line that is continued on the next (PowerShell's
   * backtick, the shell's backslash, cmd's caret before the line break) joined to it. A comment or
   * a message that names {@code sysprep /generalize} or {@code waagent -deprovision} runs nothing:
   * read as a command, it made an ordinary step the generalization, which replaced Image Builder's
   * own (so nothing generalized the VM) or was refused as not the last step. A text that cannot be
   * read by statement ({@link CommandStatements}) loses only its lines that are comments or
   * messages as a whole.
   */
  static String code(String text, CommandLanguage language) {
    StringBuilder out = new StringBuilder(text.length());
    if (language == CommandLanguage.CMD) {
      // cmd.exe reads line by line; REM and :: comment a whole line, @ only hides its echo.
      for (String line : LINE_BREAK.split(joinContinuations(text, language), -1)) {
        if (!isCmdComment(line) && !isMessage(withoutAt(line.trim()))) {
          out.append(line).append('\n');
        }
      }
      return out.toString();
    }
    boolean powerShell = language == CommandLanguage.POWERSHELL;
    String stripped = CommandStatements.withoutComments(text, powerShell);
    List<CommandStatements.Statement> statements =
        stripped == null ? null : CommandStatements.of(stripped, powerShell);
    if (statements == null) {
      for (String line : LINE_BREAK.split(text, -1)) {
        String t = line.trim();
        if (!t.startsWith("#") && !isMessage(t)) {
          out.append(line).append('\n');
        }
      }
    } else {
      for (int i = 0; i < statements.size(); i++) { // by index: no iterator (C1 code)
        String t = statements.get(i).text();
        if (!isMessage(t.trim())) {
          out.append(t).append('\n');
        }
      }
    }
    return joinContinuations(out.toString(), language);
  }

  private static final Pattern LINE_BREAK = Pattern.compile("\n");

  /**
   * A statement that only prints text: {@link #isEcho}, with no parenthesis (a subexpression or
   * {@code $( … )} runs a command) and no {@code ;} (in a line the statement reader could not
   * split, a command may follow it).
   */
  private static boolean isMessage(String t) {
    return isEcho(t) && t.indexOf('(') < 0 && t.indexOf(';') < 0;
  }

  /**
   * {@code text} with each line break that a continuation character ends ({@link
   * CommandLanguage#continuation}, maybe before a CR) replaced by a blank, as the shell reads the
   * two lines as one.
   */
  static String joinContinuations(String text, CommandLanguage language) {
    char mark = language.continuation();
    if (text.indexOf(mark) < 0) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length());
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == mark) {
        int k = i + 1;
        if (k < n && text.charAt(k) == '\r') {
          k++;
        }
        if (k < n && text.charAt(k) == '\n') {
          b.append(' ');
          i = k;
          continue;
        }
      }
      b.append(c);
    }
    return b.toString();
  }

  /** Whether a cmd.exe line is a comment: {@code REM …} or {@code :: …} (also after {@code @}). */
  private static boolean isCmdComment(String line) {
    String t = withoutAt(line.trim());
    if (t.startsWith("::")) {
      return true;
    }
    return t.length() >= 3
        && t.regionMatches(true, 0, "rem", 0, 3)
        && (t.length() == 3 || !isCmdWordCharacter(t.charAt(3)));
  }

  /** Whether a character goes on a cmd.exe word ({@code remove.exe} is no {@code rem}). */
  private static boolean isCmdWordCharacter(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '\\';
  }

  /** A cmd.exe line without the {@code @} that keeps it from being echoed. */
  private static String withoutAt(String t) {
    return t.startsWith("@") ? t.substring(1).trim() : t;
  }

  /**
   * The case-insensitive patterns run only where their keyword occurs: every step of every template
   * is checked, and scanning all of them with the patterns was a visible cost.
   */
  private static boolean mentionsAfterCheck(String text) {
    // Each pattern starts with its keyword (WAAGENT with a \b before it, which find(from) still
    // sees), so it is run from the keyword's first occurrence: case-insensitive patterns try every
    // position, and a script's generalization command is often near its end. No lowercased copy:
    // AsciiWords finds what toLowerCase(Locale.ROOT).contains finds (see hasKeyword).
    if (sysprepGeneralizes(text)) {
      return true;
    }
    int waagent = AsciiWords.indexOf(text, "waagent");
    return waagent >= 0 && WAAGENT.matcher(text).find(waagent);
  }

  /**
   * Whether the Sysprep pattern finds a match in the text ("sysprep", an optional ".exe" and quote,
   * blanks, then "/generalize" later on the line; GeneralizationProperties holds the regex),
   * without a regex: a generalization step's commands come here twice (the step, then its lines),
   * and the pattern tries every position of the rest of the line after each "sysprep". Read as the
   * pattern reads: "sysprep" in any ASCII case (no UNICODE_CASE), an optional ".exe" and quote
   * (each taken when present, as the whitespace that must follow matches neither), at least one
   * {@code \s} character (the run may span lines), then "/generalize" before the next line break:
   * from the end of the run, whose rest of line holds whatever a shorter run's could reach beyond
   * blanks.
   */
  static boolean sysprepGeneralizes(String text) {
    int n = text.length();
    for (int p = 0; p + 7 <= n; p++) {
      if ((text.charAt(p) | 0x20) != 's' || !asciiAt(text, p, "sysprep")) {
        continue;
      }
      int q = p + 7;
      if (asciiAt(text, q, ".exe")) {
        q += 4;
      }
      if (q < n && (text.charAt(q) == '\'' || text.charAt(q) == '"')) {
        q++;
      }
      int r = q;
      while (r < n && isRegexSpace(text.charAt(r))) {
        r++;
      }
      if (r == q) {
        continue; // \s+ needs one
      }
      for (int t = r; t < n && text.charAt(t) != '\n'; t++) {
        if (text.charAt(t) == '/' && asciiAt(text, t, "/generalize")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code lower} (small letters and other ASCII) stands at {@code i}, in any ASCII case.
   */
  private static boolean asciiAt(String text, int i, String lower) {
    if (i + lower.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < lower.length(); k++) {
      char c = text.charAt(i + k);
      char w = lower.charAt(k);
      if (c != w && !(w >= 'a' && w <= 'z' && c == w - 0x20)) {
        return false;
      }
    }
    return true;
  }

  /** The pattern's {@code \s}: {@code [ \t\n\x0B\f\r]}. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /**
   * Whether a line holds "sysprep", "waagent" or "imagestate" in any ASCII case: every check here
   * needs one of them in the lowercased text, and most steps have none, so this scan, which copies
   * nothing, spares joining and lowercasing every step's commands. It finds exactly what {@code
   * toLowerCase(Locale.ROOT).contains} finds: the only characters beyond ASCII that lowercase into
   * ASCII are the Kelvin sign (to "k", in no keyword) and "İ" (to "i" and a combining dot, which no
   * keyword letter follows).
   */
  static boolean hasKeyword(List<String> lines) {
    for (String line : lines) {
      if (hasKeyword(line)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a string inside a value has a keyword ({@link #hasKeyword(List)} of its texts is the
   * same: numbers and bools, which the texts hold too, spell none).
   */
  static boolean hasKeyword(Value value) {
    Value v = Values.unmarked(value);
    if (v instanceof StringValue s) {
      return hasKeyword(s.asString());
    }
    // One buffer for all the texts of the value: this thread's buffer is a ThreadLocal, and taking
    // and handing it back for each line of each step was a visible part of the scan in C1 code.
    byte[][] buffer = {LowBytes.take("")};
    try {
      return hasKeyword(v, buffer);
    } finally {
      LowBytes.release(buffer[0]);
    }
  }

  /** {@link #hasKeyword(Value)} of an unmarked value, scanning in {@code buffer[0]} (grown). */
  private static boolean hasKeyword(Value v, byte[][] buffer) {
    if (v instanceof StringValue s) {
      String text = s.asString();
      int n = text.length();
      if (buffer[0].length < n) {
        buffer[0] = new byte[Math.max(n, 2 * buffer[0].length)];
      }
      LowBytes.copy(text, n, buffer[0]);
      return hasKeyword(buffer[0], n);
    }
    List<Value> children = Values.children(v);
    for (int i = 0; i < children.size(); i++) { // by index: no iterator (C1 code)
      Value child = children.get(i);
      if (hasKeyword(Values.unmarked(child), buffer)) {
        return true;
      }
    }
    return false;
  }

  /** The generalization keywords; the exact tests follow a yes. */
  private static final WordScan KEYWORDS = new WordScan("sysprep", "waagent", "imagestate");

  static boolean hasKeyword(String text) {
    // A character beyond Latin-1 may give a letter's byte: then this says yes where the text has no
    // keyword, never the other way, and every caller checks the text itself after a yes.
    return KEYWORDS.in(text);
  }

  /**
   * Whether the local file at the resolved {@code path} is text that {@link #mentions} a
   * generalization; no when it cannot be read (its provisioner reports that when it is mapped).
   * Read through the conversion's memo of file contents, which the provisioner reads anyway.
   */
  static boolean fileMentions(LocalFiles files, String path, CommandLanguage language) {
    try {
      LocalFiles.Content c = files.content(path);
      // The keywords are ASCII, so a file whose bytes spell none is not decoded.
      if (c.bytes() == null || !mayMention(c.bytes())) {
        return false;
      }
      Optional<String> text = new LocalFile(path, path, c).text();
      return text.isPresent() && mentions(text.get(), language);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Whether UTF-8 {@code bytes} may hold a text that {@link #mentions} (no means it does not): the
   * keywords are ASCII, and every byte of a character beyond ASCII is beyond it too.
   */
  static boolean mayMention(byte[] bytes) {
    return hasKeyword(bytes, bytes.length);
  }

  /**
   * {@link #hasKeyword(String)} of the text whose low bytes are the first {@code n} of {@code b}.
   */
  private static boolean hasKeyword(byte[] b, int n) {
    return KEYWORDS.in(b, n);
  }

  private static boolean onlyWaitsForSysprep(List<String> lines, CommandLanguage language) {
    for (String line : lines) {
      String l = code(line, language).trim();
      if (!l.isEmpty() && !isWait(l) && !isEcho(l)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the commands do no more than Image Builder's default generalization: Sysprep with /oobe
   * /generalize /quiet /quit (no /mode:vm, no /unattend), the wait for the image state, removing
   * unattend.xml, messages; or waagent -force -deprovision+user with the usual HISTSIZE/sync.
   * Judged statement by statement ({@link CommandStatements}) over all the commands, as Packer
   * writes them into one script: an inline element may hold a whole script (a heredoc, a {@code
   * ;}-joined line), and one that waits for the image state but also sets a service, or runs
   * Sysprep with /mode:vm, is no default. Commands the reader cannot follow are no default either:
   * they are kept in the deprovisioning script.
   */
  static boolean isDefault(List<String> lines, CommandLanguage language) {
    String text = String.join("\n", lines);
    if (text.length() > MEMO_LINE_LIMIT) {
      return isDefaultText(text, language);
    }
    return DEFAULTS.get(language).get(text);
  }

  /**
   * Whether each text does no more than the default generalization, for the texts met so far, one
   * memo per language: the templates of a bulk run end with the same few generalization steps, and
   * the patterns run for each statement were a visible part of mapping them.
   */
  private static final Map<CommandLanguage, TextMemo<Boolean>> DEFAULTS = defaultMemos();

  private static Map<CommandLanguage, TextMemo<Boolean>> defaultMemos() {
    Map<CommandLanguage, TextMemo<Boolean>> memos = new EnumMap<>(CommandLanguage.class);
    for (CommandLanguage language : CommandLanguage.values()) {
      memos.put(language, new TextMemo<>(256, text -> isDefaultText(text, language)));
    }
    return memos;
  }

  /** Longer texts are checked every time, so that the memo stays small. */
  private static final int MEMO_LINE_LIMIT = 4096;

  /**
   * {@link #isDefault} of the commands joined into one text: comments left out (a comment after
   * Image Builder's own Sysprep command is no flag of it), continued lines joined. A cmd.exe text
   * is read by statement as PowerShell reads it (its {@code &&} parts), once its comment lines are
   * out.
   */
  private static boolean isDefaultText(String text, CommandLanguage language) {
    String commands;
    if (language == CommandLanguage.CMD) {
      StringBuilder b = new StringBuilder(text.length());
      for (String line : LINE_BREAK.split(joinContinuations(text, language), -1)) {
        if (!isCmdComment(line)) {
          b.append(withoutAt(line.trim())).append('\n');
        }
      }
      commands = b.toString();
    } else {
      commands = CommandStatements.withoutComments(text, language == CommandLanguage.POWERSHELL);
      if (commands == null) {
        return false;
      }
    }
    List<CommandStatements.Statement> statements =
        CommandStatements.of(commands, language != CommandLanguage.POSIX_SHELL);
    if (statements == null) {
      return false;
    }
    for (int i = 0; i < statements.size(); i++) { // by index: no iterator (C1 code)
      String p = statements.get(i).text().trim();
      if (p.isEmpty()) {
        continue;
      }
      if (language != CommandLanguage.CMD) {
        p = joinContinuations(p, language);
      }
      if (p.indexOf('{') >= 0 ? !isWaitBlock(p) && !isUnattendBlock(p) : !isDefaultStatement(p)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a statement without a block does no more than the default generalization. */
  private static boolean isDefaultStatement(String p) {
    if (isEcho(p) || isWait(p) || defaultSysprep(p) || defaultWaagent(p)) {
      return true;
    }
    // Each pattern only where its match must start or end as it does, or hold its word.
    if ((p.startsWith("export") && EXPORT.matcher(p).matches())
        || (p.startsWith("$") && ENV_ASSIGNMENT.matcher(p).matches())
        || (p.endsWith("sync") && SYNC.matcher(p).matches())) {
      return true;
    }
    return isUnattendRemoval(p);
  }

  /** Whether a statement removes unattend.xml (and does nothing else on its line). */
  private static boolean isUnattendRemoval(String p) {
    return AsciiWords.contains(p, "unattend.xml")
        && UNATTEND.matcher(p).matches()
        && REMOVE.matcher(p).matches();
  }

  private static final Pattern IF_PIECE = Pattern.compile("(?i)^(else)?if\\s*\\(.*\\)$");

  /**
   * Whether a statement with a block only removes unattend.xml when it is there, as templates write
   * it before Sysprep (an {@code if} that tests for the file with Test-Path and removes it with rm
   * -Force in its braces): each of its pieces (between braces, {@code ;} and line breaks) is a
   * condition that names the file, an {@code else}, or a command that removes it, and nothing else.
   */
  private static boolean isUnattendBlock(String p) {
    if (!AsciiWords.contains(p, "unattend.xml")) {
      return false;
    }
    int start = 0;
    boolean removes = false;
    for (int i = 0; i <= p.length(); i++) {
      char c = i < p.length() ? p.charAt(i) : '\n';
      if (c == '{' || c == '}' || c == ';' || c == '\n') {
        String piece = p.substring(start, i).trim();
        start = i + 1;
        if (piece.isEmpty() || piece.equalsIgnoreCase("else")) {
          continue;
        }
        if (IF_PIECE.matcher(piece).matches()) {
          if (!AsciiWords.contains(piece, "unattend.xml")) {
            return false;
          }
          continue;
        }
        if (!isUnattendRemoval(piece)) {
          return false;
        }
        removes = true;
      }
    }
    return removes;
  }

  /**
   * Whether commands in {@code language} only remove unattend.xml (comments and messages aside):
   * Image Builder's own generalization removes it before it runs Sysprep (mapping.md §B.8), so such
   * commands right before the generalization belong to it and are dropped with Image Builder's
   * command, or run before the kept one, rather than kept as a step of their own.
   */
  static boolean removesUnattend(String text, CommandLanguage language) {
    if (!AsciiWords.contains(text, "unattend.xml")) {
      return false;
    }
    List<CommandStatements.Statement> statements =
        CommandStatements.of(code(text, language), language != CommandLanguage.POSIX_SHELL);
    if (statements == null) {
      return false;
    }
    boolean any = false;
    for (int i = 0; i < statements.size(); i++) { // by index: no iterator (C1 code)
      String p = statements.get(i).text().trim();
      if (p.isEmpty()) {
        continue;
      }
      String q = language == CommandLanguage.CMD ? withoutAt(p) : p;
      if (q.indexOf('{') >= 0 ? !isUnattendBlock(q) : !isUnattendRemoval(q)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /**
   * Whether a statement with a block (a loop, an if) only waits for Sysprep to finish: it reads the
   * image state, and each of its pieces (between braces, {@code ;} and line breaks) reads the image
   * state, loops, sleeps, prints or breaks. Packer's documentation waits with such a loop on one
   * line; anything else in it (a Remove-Item in the loop) is no default.
   */
  private static boolean isWaitBlock(String p) {
    if (!AsciiWords.contains(p, "imagestate")) {
      return false;
    }
    int start = 0;
    for (int i = 0; i <= p.length(); i++) {
      char c = i < p.length() ? p.charAt(i) : '\n';
      if (c == '{' || c == '}' || c == ';' || c == '\n') {
        if (!isWaitPiece(p.substring(start, i).trim())) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  private static final Pattern WAIT_PIECE =
      Pattern.compile(
          "(?i)^(|else|break|do|while\\s*\\(\\s*\\$true\\s*\\)|(else)?if\\s*\\(.*\\)"
              + "|start-sleep\\b.*)$");

  private static boolean isWaitPiece(String piece) {
    return piece.startsWith("#")
        || AsciiWords.contains(piece, "imagestate")
        || AsciiWords.contains(piece, "image_state")
        || isEcho(piece)
        || WAIT_PIECE.matcher(piece).matches();
  }

  private static boolean isEcho(String p) {
    return startsWithAny(p, "we") && ECHO.matcher(p).matches();
  }

  /**
   * The wait loop of Packer's documentation, or any line only about ImageState. Every line of a
   * generalization step is asked, most of them neither: their first letter, or the lack of the
   * word, tells without the patterns.
   */
  private static boolean isWait(String p) {
    return AsciiWords.contains(p, "imagestate")
        || (startsWithAny(p, "}we") && WAIT_LOOP_LINE.matcher(p).matches());
  }

  /**
   * Whether {@code text} starts with one of {@code lowerFirsts} in any ASCII case: each pattern it
   * stands for is anchored at the start and begins with one of them, case-insensitively in ASCII
   * alone (no UNICODE_CASE), as {@link AsciiWords} matches.
   */
  private static boolean startsWithAny(String text, String lowerFirsts) {
    if (text.isEmpty()) {
      return false;
    }
    char c = text.charAt(0);
    return c < 0x80 && lowerFirsts.indexOf(c | 0x20) >= 0;
  }

  private static final Pattern WAIT_LOOP_LINE =
      Pattern.compile(
          "(?i)^(while\\s*\\(\\$true\\)\\s*\\{|\\}|else\\s*\\{\\s*break\\s*\\}\\s*\\}?)$");

  private static final Set<String> DEFAULT_SYSPREP_FLAGS =
      Set.of("/oobe", "/generalize", "/quiet", "/quit");

  private static final Pattern SYSPREP_ARGUMENTS =
      Pattern.compile("(?i)sysprep(\\.exe)?['\"]?\\s+(.*)$");

  /** What String.split("\\s+") splits at, compiled once (split compiles it on every call). */
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private static boolean defaultSysprep(String p) {
    int keyword = AsciiWords.indexOf(p, "sysprep");
    if (keyword < 0) {
      return false;
    }
    // A match starts at a "sysprep" (in ASCII case only, as the check above): none before the
    // first, so the case-insensitive pattern is not tried at every position before it.
    Matcher m = SYSPREP_ARGUMENTS.matcher(p);
    if (!m.find(keyword)) {
      return false;
    }
    for (String flag : WHITESPACE.split(m.group(2).trim())) {
      if (!DEFAULT_SYSPREP_FLAGS.contains(flag.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  private static final Pattern SYSPREP_STOPS =
      Pattern.compile("(?i)sysprep(?:\\.exe)?['\"]?\\s[^\\n]*?(/shutdown|/reboot)(?![\\w:])");

  /**
   * The Sysprep switch ({@code /shutdown} or {@code /reboot}) with which the commands stop or
   * restart the VM once it is generalized, instead of {@code /quit}; null when they use none.
   */
  static String sysprepStops(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (AsciiWords.contains(line, "sysprep")) {
        Matcher m = SYSPREP_STOPS.matcher(line);
        if (m.find()) {
          return m.group(1).toLowerCase(Locale.ROOT);
        }
      }
    }
    return null;
  }

  private static boolean defaultWaagent(String p) {
    return p.contains("waagent") && DEFAULT_WAAGENT.matcher(p).matches();
  }

  /** {@code waagent -force -deprovision+user}, the flags in either order, maybe through sudo. */
  private static final Pattern DEFAULT_WAAGENT =
      Pattern.compile(
          "^(sudo\\s+(-\\S+\\s+)*)?(/usr/sbin/)?waagent\\s+"
              + "(-force\\s+-deprovision\\+user|-deprovision\\+user\\s+-force)$");
}
