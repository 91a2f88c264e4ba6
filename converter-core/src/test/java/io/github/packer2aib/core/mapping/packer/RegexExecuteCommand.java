package io.github.packer2aib.core.mapping.packer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link ExecuteCommand} as it was before the parse skipped patterns by cheap checks (a copy kept
 * as the oracle of {@code ExecuteCommandProperties}).
 */
record RegexExecuteCommand(
    boolean sudo,
    Optional<String> interpreter,
    boolean passwordDropped,
    boolean recognised,
    boolean isDefault) {
  // Compiled once: these run for every step of every template.
  private static final Pattern SUDO_WORD =
      Pattern.compile("\\bsudo\\b");
  private static final Pattern COMMAND_SEPARATOR =
      Pattern.compile(";|&&");
  private static final Pattern CHMOD_PATH =
      Pattern.compile("^chmod\\s+(\\+x|[0-7]{3,4})\\s+['\"]?\uE001['\"]?$");
  private static final Pattern SUDO_OPTION =
      Pattern.compile("^-[SEHnk]+$|^--preserve-env$|^--stdin$");
  private static final Pattern ENV_PROGRAM =
      Pattern.compile("^(/usr)?/bin/env$|^env$");


  static final RegexExecuteCommand DEFAULT =
      new RegexExecuteCommand(false, Optional.empty(), false, true, true);

  private static final Pattern PATH = Pattern.compile("\\{\\{-?\\s*\\.Path\\s*-?\\}\\}");
  private static final Pattern VARS = Pattern.compile("\\{\\{-?\\s*\\.Vars\\s*-?\\}\\}");
  private static final Pattern ENV_FILE = Pattern.compile("\\{\\{-?\\s*\\.EnvVarFile\\s*-?\\}\\}");
  private static final Pattern PASSWORD_PIPE =
      Pattern.compile("^(.*?)\\becho\\s+(?:'[^']*'|\"[^\"]*\"|\\S+)\\s*\\|\\s*(.*)$");
  private static final Pattern PROGRAM =
      Pattern.compile(
          "^(/usr)?(/local)?(/s?bin/)?(sh|bash|dash|zsh|ksh|ash|pwsh|python3?|perl|ruby)$");
  private static final Pattern FLAGS = Pattern.compile("^-[A-Za-z]+$");
  private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=.*$");

  /** Parses an {@code execute_command}; unknown forms give {@code recognised = false}. */
  static RegexExecuteCommand parse(String text) {
    String t = PATH.matcher(text).replaceAll("\uE001");
    t = VARS.matcher(t).replaceAll("\uE002");
    if (ENV_FILE.matcher(t).find() || t.contains("{{")) {
      return unknown(false);
    }
    boolean password = false;
    Matcher pipe = PASSWORD_PIPE.matcher(t);
    if (pipe.matches() && SUDO_WORD.matcher(pipe.group(2)).find()) {
      password = true;
      t = pipe.group(1) + pipe.group(2);
    }
    List<String> commands = new ArrayList<>();
    for (String c : COMMAND_SEPARATOR.split(t)) {
      String trimmed = c.trim();
      if (trimmed.isEmpty()
          || CHMOD_PATH.matcher(trimmed).matches()) {
        continue;
      }
      commands.add(trimmed);
    }
    if (commands.size() != 1) {
      return unknown(password);
    }
    Optional<RegexExecuteCommand> run = command(tokens(commands.get(0)), password);
    if (run.isEmpty()) {
      return unknown(password);
    }
    RegexExecuteCommand r = run.get();
    boolean isDefault = !r.sudo() && r.interpreter().isEmpty() && !password;
    return new RegexExecuteCommand(r.sudo(), r.interpreter(), password, true, isDefault);
  }

  private static RegexExecuteCommand unknown(boolean password) {
    return new RegexExecuteCommand(false, Optional.empty(), password, false, false);
  }

  /** The run command: {@code [VARS] [sudo opts] [VARS] [env K=V…] [interp flags] PATH}. */
  private static Optional<RegexExecuteCommand> command(List<String> tokens, boolean password) {
    int i = 0;
    boolean sudo = false;
    i = skipVars(tokens, i);
    if (i < tokens.size() && tokens.get(i).equals("sudo")) {
      sudo = true;
      i++;
      while (i < tokens.size() && tokens.get(i).startsWith("-")) {
        String opt = tokens.get(i);
        if (!SUDO_OPTION.matcher(opt).matches()) {
          return Optional.empty(); // -u user, -i, … are not "run as root with this environment"
        }
        i++;
      }
    }
    i = skipVars(tokens, i);
    if (i < tokens.size() && ENV_PROGRAM.matcher(tokens.get(i)).matches()) {
      i++;
      i = skipVars(tokens, i);
    }
    if (i >= tokens.size()) {
      return Optional.empty();
    }
    if (tokens.get(i).equals("\uE001") && i == tokens.size() - 1) {
      return Optional.of(new RegexExecuteCommand(sudo, Optional.empty(), password, true, false));
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
          new RegexExecuteCommand(sudo, Optional.of(String.join(" ", interp)), password, true, false));
    }
    if (i == tokens.size() - 2 && tokens.get(i).equals("-c")) {
      // sh -c '{{ .Vars }} {{ .Path }}': the inner command runs the script itself.
      List<String> inner = tokens(tokens.get(i + 1));
      Optional<RegexExecuteCommand> nested = command(inner, password);
      if (nested.isPresent() && !nested.get().sudo()) {
        return Optional.of(
            new RegexExecuteCommand(sudo, nested.get().interpreter(), password, true, false));
      }
    }
    return Optional.empty();
  }

  private static int skipVars(List<String> tokens, int i) {
    while (i < tokens.size()
        && (tokens.get(i).equals("\uE002") || ASSIGNMENT.matcher(tokens.get(i)).matches())) {
      i++;
    }
    return i;
  }

  /** Splits on blanks, removing quotes (enough for the forms above). */
  static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean any = false;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
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
