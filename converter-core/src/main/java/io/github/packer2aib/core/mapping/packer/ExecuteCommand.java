package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.source.TextMemo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a shell provisioner's {@code execute_command} does with the script: run it through {@code
 * sudo} or not, with which interpreter, and whether a password is piped into {@code sudo -S}. Image
 * Builder has no {@code execute_command}; the mapper rebuilds these effects in the step (mapping
 * decision 6). Only the recognised parts are kept, never the text itself, so a password in it
 * cannot reach the template.
 *
 * @param sudo the script runs as root
 * @param interpreter the interpreter command ({@code bash}, {@code sh -eux}); empty when the script
 *     is executed directly (its shebang decides)
 * @param passwordDropped a password was piped into {@code sudo -S}
 * @param recognised false when the command is not understood (the default is used)
 * @param isDefault the command is Packer's default
 * @param assignments variables the command itself sets for the script, in order ({@code CLOUD=azure
 *     sudo -E bash '{{ .Path }}'}): the step must export them, as it does environment_vars
 * @param setsHome sudo runs with {@code -H} ({@code sudo -HE bash}): HOME is root's, not the build
 *     user's that {@code -E} would keep
 * @param beforeVars the names of {@code assignments} that stand before {@code {{ .Vars }}} ({@code
 *     FOO=default {{ .Vars }} bash …}): an environment_vars entry of the same name wins over them,
 *     as the later assignment on Packer's command line does
 */
record ExecuteCommand(
    boolean sudo,
    Optional<String> interpreter,
    boolean passwordDropped,
    boolean recognised,
    boolean isDefault,
    Map<String, String> assignments,
    boolean setsHome,
    Set<String> beforeVars) {
  ExecuteCommand {
    // In order (Map.copyOf would lose it), and unchangeable: parses are shared through the memo.
    assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
    beforeVars = Set.copyOf(beforeVars);
  }

  /** A command whose own variables all come after {@code {{ .Vars }}} (or where it has none). */
  ExecuteCommand(
      boolean sudo,
      Optional<String> interpreter,
      boolean passwordDropped,
      boolean recognised,
      boolean isDefault,
      Map<String, String> assignments,
      boolean setsHome) {
    this(
        sudo, interpreter, passwordDropped, recognised, isDefault, assignments, setsHome, Set.of());
  }

  /** A command that sets no variables of its own, without sudo -H. */
  ExecuteCommand(
      boolean sudo,
      Optional<String> interpreter,
      boolean passwordDropped,
      boolean recognised,
      boolean isDefault) {
    this(sudo, interpreter, passwordDropped, recognised, isDefault, Map.of(), false);
  }

  /** The same command without its own variables (they hold a secret and are not copied). */
  ExecuteCommand withoutAssignments() {
    return new ExecuteCommand(
        sudo, interpreter, passwordDropped, recognised, isDefault, Map.of(), setsHome);
  }

  /** The same command without the variables {@code names} (credentials, not copied). */
  ExecuteCommand without(List<String> names) {
    Map<String, String> kept = new LinkedHashMap<>(assignments);
    kept.keySet().removeAll(names);
    Set<String> before = new HashSet<>(beforeVars);
    before.removeAll(names);
    return new ExecuteCommand(
        sudo, interpreter, passwordDropped, recognised, isDefault, kept, setsHome, before);
  }

  // Compiled once: these run for every step of every template. Package-private: a property test
  // checks the literal each one's cheap pre-check looks for (ExecuteCommandProperties).
  private static final Pattern SUDO_WORD = Pattern.compile("\\bsudo\\b");
  static final Pattern CHMOD_PATH =
      Pattern.compile("^chmod\\s+(\\+x|[0-7]{3,4})\\s+['\"]?\uE001['\"]?$");
  private static final Pattern SUDO_OPTION =
      Pattern.compile("^-[SEHnk]+$|^--preserve-env$|^--stdin$|^--set-home$");
  static final Pattern ENV_PROGRAM = Pattern.compile("^(/usr)?/bin/env$|^env$");

  /** sudo's -u, alone, with its user ({@code -upostgres}) or after other flags ({@code -iu}). */
  private static final Pattern SUDO_USER_OPTION = Pattern.compile("^-[A-Za-z]*u.*$");

  static final ExecuteCommand DEFAULT =
      new ExecuteCommand(false, Optional.empty(), false, true, true);

  static final Pattern PATH = Pattern.compile("\\{\\{-?\\s*\\.Path\\s*-?\\}\\}");
  static final Pattern VARS = Pattern.compile("\\{\\{-?\\s*\\.Vars\\s*-?\\}\\}");
  static final Pattern PASSWORD_PIPE =
      Pattern.compile("^(.*?)\\becho\\s+(?:'[^']*'|\"[^\"]*\"|\\S+)\\s*\\|\\s*(.*)$");
  private static final Pattern PROGRAM =
      Pattern.compile(
          "^(/usr)?(/local)?(/s?bin/)?(sh|bash|dash|zsh|ksh|ash|pwsh|python3?|perl|ruby)$");
  private static final Pattern FLAGS = Pattern.compile("^-[A-Za-z]+$");
  static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=.*$");

  /**
   * The templates of a bulk run use a few execute_commands, and running the patterns below for
   * every shell step of every template was a visible part of mapping in C1 code.
   */
  private static final TextMemo<ExecuteCommand> PARSED =
      new TextMemo<>(256, ExecuteCommand::parseText);

  /** Parses an {@code execute_command}; unknown forms give {@code recognised = false}. */
  static ExecuteCommand parse(String text) {
    return PARSED.get(text);
  }

  /** {@link #parse} without the memory. */
  private static ExecuteCommand parseText(String text) {
    // Each pattern runs only where the text it must match occurs: every shell provisioner of
    // every template comes here, most with Packer's default or one of a few common commands.
    String t = action(text, ".Path", "{{ .Path }}", PATH, "\uE001");
    t = action(t, ".Vars", "{{ .Vars }}", VARS, "\uE002");
    if (t.contains("{{")) {
      return unknown(false); // {{ .EnvVarFile }} or another template action
    }
    boolean password = false;
    if (t.contains("echo") && t.indexOf('|') >= 0) {
      Matcher pipe = PASSWORD_PIPE.matcher(t);
      if (pipe.matches() && SUDO_WORD.matcher(pipe.group(2)).find()) {
        password = true;
        t = pipe.group(1) + pipe.group(2);
      }
    }
    List<String> commands = new ArrayList<>();
    for (String c : commands(t)) {
      String trimmed = c.trim();
      if (trimmed.isEmpty()
          || (trimmed.startsWith("chmod") && CHMOD_PATH.matcher(trimmed).matches())) {
        continue;
      }
      commands.add(trimmed);
    }
    if (commands.size() != 1) {
      return unknown(password);
    }
    Optional<ExecuteCommand> run = command(tokens(commands.get(0)), password);
    if (run.isEmpty()) {
      return unknown(password);
    }
    ExecuteCommand r = run.get();
    boolean isDefault =
        !r.sudo() && r.interpreter().isEmpty() && !password && r.assignments().isEmpty();
    return new ExecuteCommand(
        r.sudo(),
        r.interpreter(),
        password,
        true,
        isDefault,
        r.assignments(),
        r.setsHome(),
        r.beforeVars());
  }

  /**
   * {@code text} with every match of {@code pattern} (the action that names {@code field}) replaced
   * by {@code marker}. Commands write the action as {@code usual}, one of its matches: replacing
   * that text is enough when no {@code field} is left after it, as every match holds the field (and
   * then each match is exactly one of the replaced texts), and cheaper than the pattern.
   */
  static String action(String text, String field, String usual, Pattern pattern, String marker) {
    if (!text.contains(field)) {
      return text;
    }
    String replaced = text.replace(usual, marker);
    return replaced.contains(field) ? pattern.matcher(text).replaceAll(marker) : replaced;
  }

  /**
   * The text split at {@code ;} and {@code &&}, leftmost first (as the pattern {@code ;|&&} splits
   * it, without dropping trailing empty parts: the caller skips empty parts anyway).
   */
  static List<String> commands(String t) {
    return split(t, false);
  }

  /**
   * {@link #commands}, also split at line breaks when {@code atLineBreaks} (as the pattern {@code
   * &&|;|\n} splits, but for trailing empty parts).
   */
  static List<String> split(String t, boolean atLineBreaks) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == ';' || (c == '\n' && atLineBreaks)) {
        out.add(t.substring(start, i));
        start = i + 1;
      } else if (c == '&' && i + 1 < t.length() && t.charAt(i + 1) == '&') {
        out.add(t.substring(start, i));
        start = i + 2;
        i++;
      }
    }
    out.add(t.substring(start));
    return out;
  }

  private static ExecuteCommand unknown(boolean password) {
    return new ExecuteCommand(false, Optional.empty(), password, false, false);
  }

  /** The run command: {@code [VARS] [sudo opts] [VARS] [env K=V…] [interp flags] PATH}. */
  private static Optional<ExecuteCommand> command(List<String> tokens, boolean password) {
    int i = 0;
    boolean sudo = false;
    boolean home = false;
    Map<String, String> assigned = new LinkedHashMap<>();
    Set<String> before = new HashSet<>();
    int lastVars = tokens.lastIndexOf("\uE002");
    i = skipVars(tokens, i, assigned, lastVars, before);
    if (i < 0) {
      return Optional.empty();
    }
    if (i < tokens.size() && tokens.get(i).equals("sudo")) {
      sudo = true;
      i++;
      while (i < tokens.size() && tokens.get(i).startsWith("-")) {
        String opt = tokens.get(i);
        if (!SUDO_OPTION.matcher(opt).matches()) {
          return Optional.empty(); // -u user, -i, … are not "run as root with this environment"
        }
        home |= opt.equals("--set-home") || (!opt.startsWith("--") && opt.indexOf('H') > 0);
        i++;
      }
    }
    i = skipVars(tokens, i, assigned, lastVars, before);
    if (i >= 0
        && i < tokens.size()
        && tokens.get(i).endsWith("env")
        && ENV_PROGRAM.matcher(tokens.get(i)).matches()) {
      i++;
      i = skipVars(tokens, i, assigned, lastVars, before);
    }
    if (i < 0 || i >= tokens.size()) {
      return Optional.empty();
    }
    if (tokens.get(i).equals("\uE001") && i == tokens.size() - 1) {
      return Optional.of(
          new ExecuteCommand(
              sudo, Optional.empty(), password, true, false, assigned, home, before));
    }
    if (!PROGRAM.matcher(tokens.get(i)).matches()) {
      return Optional.empty();
    }
    List<String> interp = new ArrayList<>();
    interp.add(tokens.get(i++));
    while (i < tokens.size()
        && FLAGS.matcher(tokens.get(i)).matches()
        && !tokens.get(i).equals("-c")) {
      interp.add(tokens.get(i++));
    }
    if (i == tokens.size() - 1 && tokens.get(i).equals("\uE001")) {
      return Optional.of(
          new ExecuteCommand(
              sudo,
              Optional.of(String.join(" ", interp)),
              password,
              true,
              false,
              assigned,
              home,
              before));
    }
    if (i == tokens.size() - 2 && tokens.get(i).equals("-c")) {
      // sh -c '{{ .Vars }} {{ .Path }}': the inner command runs the script itself.
      List<String> inner = tokens(tokens.get(i + 1));
      Optional<ExecuteCommand> nested = command(inner, password);
      if (nested.isPresent() && !nested.get().sudo()) {
        assigned.putAll(nested.get().assignments());
        before.removeAll(nested.get().assignments().keySet());
        before.addAll(nested.get().beforeVars());
        return Optional.of(
            new ExecuteCommand(
                sudo, nested.get().interpreter(), password, true, false, assigned, home, before));
      }
    }
    return Optional.empty();
  }

  /**
   * Skips {@code {{ .Vars }}} and {@code NAME=value} words from {@code i}; the assignments are put
   * into {@code assigned} (a later one wins, as in the shell), and the names of those before the
   * last {@code {{ .Vars }}} (at {@code lastVars}) into {@code before}. Returns the index after
   * them, or -1 when an assignment's value holds {@code {{ .Path }}} or {@code {{ .Vars }}}: the
   * command is then not understood.
   */
  private static int skipVars(
      List<String> tokens, int i, Map<String, String> assigned, int lastVars, Set<String> before) {
    while (i < tokens.size()) {
      String t = tokens.get(i);
      if (t.equals("\uE002")) {
        i++;
      } else if (t.indexOf('=') > 0 && ASSIGNMENT.matcher(t).matches()) {
        int eq = t.indexOf('=');
        String value = t.substring(eq + 1);
        if (value.indexOf('\uE001') >= 0 || value.indexOf('\uE002') >= 0) {
          return -1;
        }
        String name = t.substring(0, eq);
        assigned.put(name, value);
        if (i < lastVars) {
          before.add(name); // {{ .Vars }} comes later and sets environment_vars over it
        } else {
          before.remove(name);
        }
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  /**
   * Whether {@code text} runs the commands as another user: through {@code su} or {@code runuser},
   * or {@code sudo -u USER} (also inside a quoted {@code sh -c '...'}). Such a command is not
   * understood (a build user other than root cannot be written), but the advice differs.
   */
  static boolean switchesUser(String text) {
    List<String> words = tokens(text);
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.equals("su") || w.endsWith("/su") || w.equals("runuser") || w.endsWith("/runuser")) {
        return true;
      }
      if (w.equals("sudo")) {
        for (int j = i + 1; j < words.size() && words.get(j).startsWith("-"); j++) {
          String opt = words.get(j);
          if (opt.startsWith("--user") || SUDO_USER_OPTION.matcher(opt).matches()) {
            return true;
          }
        }
      }
      if (w.indexOf(' ') >= 0 && switchesUser(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A {@code $} or backquote the shell expands (outside single quotes), as {@link #tokens} marks it
   * in a word: an assignment such as {@code PATH=$PATH:/opt/bin} in execute_command must be
   * exported for the shell to expand, not as the literal text.
   */
  static final char EXPANDING_DOLLAR = '\uE003';

  static final char EXPANDING_BACKTICK = '\uE004';

  /**
   * Splits on blanks, removing quotes and the backslashes of escapes (enough for the forms above);
   * a {@code $} or backquote outside single quotes becomes its mark ({@link #EXPANDING_DOLLAR}).
   */
  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean any = false;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != '\'' && c == '\\' && i + 1 < s.length()) {
        // An escaped character is itself, never an expansion (in double quotes only these).
        char next = s.charAt(i + 1);
        if (quote == 0 || "$`\"\\".indexOf(next) >= 0) {
          cur.append(next);
          i++;
          continue;
        }
      }
      if (quote != '\'' && (c == '$' || c == '`')) {
        // The shell expands these; the marks keep that known (ShellText.exportValue).
        cur.append(c == '$' ? EXPANDING_DOLLAR : EXPANDING_BACKTICK);
        continue;
      }
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        any = true;
      } else if (Character.isWhitespace(c)) {
        if (any || cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
          any = false;
        }
      } else {
        cur.append(c);
      }
    }
    if (any || cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }
}
