package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commands of a {@code powershell} or {@code windows-shell} step that restart the VM ({@code
 * Restart-Computer}, {@code shutdown /r}, {@code Install-WindowsFeature -Restart}). Neither Packer
 * nor Image Builder waits for a restart inside such a step: the step runs on while Windows shuts
 * down, and either it fails when the connection drops or the next step starts on a VM that is going
 * down. Packer's maintainers send templates to the {@code windows-restart} provisioner, which
 * restarts the VM and waits for it, and Image Builder's counterpart is the {@code WindowsRestart}
 * step. So a last inline command that does nothing but restart the VM becomes a {@code
 * WindowsRestart} step after the step (what the template meant); any other restart command, inline
 * or in a script, is a warning saying to do that by hand.
 */
final class Restarts {
  private Restarts() {}

  /** The restart command Image Builder's WindowsRestart step runs when it is given none. */
  static final String DEFAULT_COMMAND = "shutdown /r /f /t 0 /c \"packer restart\"";

  // A restart anywhere in a line, as a command word (not part of another name).
  private static final Pattern RESTART_COMPUTER =
      Pattern.compile("(?i)(?<![\\w-])Restart-Computer(?![\\w-])");
  private static final Pattern SHUTDOWN_RESTART =
      Pattern.compile(
          "(?i)(?<![\\w-])shutdown(?:\\.exe)?"
              + "(?:\\s+(?:\"[^\"]*\"|'[^']*'|[^\\s;|&)\"']+))*?\\s+[/-][rg](?=[\\s;|&)\"']|$)");
  private static final Pattern FEATURE_RESTART =
      Pattern.compile(
          "(?i)(?<![\\w-])(?:Install|Add)-WindowsFeature(?![\\w-])[^;|\\n"
              + "]*?\\s-Restart(?![\\w:-])");

  // A whole command that only restarts the VM (its last inline command, converted).
  private static final Pattern ONLY_RESTART_COMPUTER =
      Pattern.compile("(?i)Restart-Computer(?:\\s+(?:-Force|-Confirm:\\$false))*\\s*;?");

  /**
   * {@code shutdown} with restart, force, delay, reason and comment switches only: a command that
   * runs the same from cmd.exe, as the WindowsRestart step runs its restartCommand. The comment may
   * not hold what PowerShell or cmd.exe would expand ($, `, %).
   */
  private static final Pattern ONLY_SHUTDOWN =
      Pattern.compile(
          "(?i)(shutdown(?:\\.exe)?(?:\\s+(?:[/-][rfg]|[/-]t\\s+\\d{1,6}"
              + "|[/-]d\\s+[pu]?:?\\d{1,3}:\\d{1,5}|[/-]c\\s+\"[^\"%$`]*\"))+)\\s*;?");

  private static final Pattern RESTART_SWITCH = Pattern.compile("(?i)\\s[/-][rg](?=\\s|$)");

  /**
   * The commands of an inline step whose last command only restarted the VM: {@code commands}
   * without it, and the {@code WindowsRestart} step that replaces it (null when there was none).
   */
  record Inline(List<String> commands, Step restart) {}

  /**
   * Checks the inline commands of a {@code powershell} step ({@code cmd} false) or {@code
   * windows-shell} step ({@code cmd} true), listed at {@code at}: a last command that only restarts
   * the VM is taken out and becomes a WindowsRestart step, and the first other command that
   * restarts it is a warning.
   */
  static Inline inline(Prov pr, List<String> commands, Range at, boolean cmd) {
    int last = commands.size() - 1;
    while (last >= 0 && commands.get(last).isBlank()) {
      last--;
    }
    Step restart = null;
    int checked = commands.size();
    if (last >= 0 && mayRestart(commands.get(last))) {
      String command = onlyRestarts(commands.get(last).strip(), cmd);
      if (command != null) {
        checked = last;
        boolean alone = last == 0;
        String runs = command.isEmpty() ? null : command;
        restart =
            Step.of(
                new Customizer.WindowsRestart(
                    alone ? pr.name() : null,
                    runs == null || runs.equals(DEFAULT_COMMAND) ? null : runs,
                    null,
                    null),
                pr.range());
        String word = named(commands.get(last));
        pr.report()
            .add(
                PackerMapCode.RESTART_IN_STEP,
                at,
                position(last, commands.size())
                    + " restarts the VM ("
                    + word
                    + "). Neither Image Builder nor Packer waits for a restart inside a step: the"
                    + " next step may start while Windows shuts down. "
                    + (alone ? "The step" : "The command")
                    + " became a WindowsRestart step"
                    + (alone ? "" : " after the others")
                    + ", which restarts the VM "
                    + (runs == null || runs.equals(DEFAULT_COMMAND)
                        ? "with Image Builder's default command (" + DEFAULT_COMMAND + ")"
                        : "with the same command")
                    + " and waits up to 5 minutes for it to come back, as Packer's windows-restart"
                    + " provisioner does. Use a windows-restart provisioner in the Packer template"
                    + " too.");
      }
    }
    for (int i = 0; i < checked; i++) {
      String found = restartIn(commands.get(i), cmd);
      if (found != null) {
        pr.report()
            .add(
                PackerMapCode.RESTART_IN_STEP,
                at,
                position(i, commands.size())
                    + " seems to restart the VM ("
                    + found
                    + "), and it is kept in the step. "
                    + WHY
                    + (found.endsWith(" -Restart")
                        ? " Remove -Restart and put a windows-restart provisioner after the step"
                        : " End the step before the restart and put a windows-restart provisioner"
                            + " after it")
                    + "; it becomes a WindowsRestart step, which restarts the VM and waits for"
                    + " it.");
        return new Inline(commands.subList(0, checked), restart);
      }
    }
    return new Inline(commands.subList(0, checked), restart);
  }

  private static final String WHY =
      "Neither Image Builder nor Packer waits for a restart inside a step: the step may fail when"
          + " the VM goes down, or the next step start before Windows is back.";

  /**
   * Warns at {@code at} (where the script is named) when the text of the script {@code path} seems
   * to restart the VM: a script is run whole, so the restart cannot be taken out of it.
   */
  static void script(Prov pr, String path, String text, Range at, boolean cmd) {
    if (!mayRestart(text)) {
      return;
    }
    String[] lines = text.split("\r?\n|\r", -1);
    boolean block = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (!cmd) {
        // A PowerShell block comment (<# … #>), as scripts start with one.
        if (block) {
          int end = line.indexOf("#>");
          if (end < 0) {
            continue;
          }
          block = false;
          line = line.substring(end + 2);
        }
        int open = line.indexOf("<#");
        if (open >= 0 && line.indexOf("#>", open + 2) < 0) {
          block = true;
          line = line.substring(0, open);
        }
      }
      String found = restartIn(line, cmd);
      if (found != null) {
        pr.report()
            .add(
                PackerMapCode.RESTART_IN_STEP,
                at,
                "The script "
                    + path
                    + " seems to restart the VM ("
                    + found
                    + " on its line "
                    + (i + 1)
                    + "). "
                    + WHY
                    + " Take the restart out of the script and put a windows-restart provisioner"
                    + " after this one; it becomes a WindowsRestart step, which restarts the VM and"
                    + " waits for it.");
        return;
      }
    }
  }

  /**
   * Whether text may hold a restart command: "restart" or "shutdown" in any ASCII case, the word
   * each pattern needs (a cheap check before them: every inline command of every step comes here;
   * it may say yes too often, never too rarely).
   */
  static boolean mayRestart(String text) {
    return WORDS.in(text);
  }

  private static final WordScan WORDS = new WordScan("restart", "shutdown");

  /**
   * The command a line that only restarts the VM becomes: "" for Restart-Computer (Image Builder's
   * default command restarts the same way, forced), the shutdown command itself, or null when the
   * line does something else too.
   */
  private static String onlyRestarts(String line, boolean cmd) {
    if (!cmd && ONLY_RESTART_COMPUTER.matcher(line).matches()) {
      return "";
    }
    String rest = line;
    if (!cmd && rest.startsWith("&")) {
      rest = rest.substring(1).strip();
    }
    Matcher m = ONLY_SHUTDOWN.matcher(rest);
    if (!m.matches() || !RESTART_SWITCH.matcher(m.group(1)).find()) {
      return null;
    }
    return m.group(1);
  }

  /** The name of the restart command in a line that is known to hold one, for messages. */
  private static String named(String line) {
    return RESTART_COMPUTER.matcher(line).find() ? "Restart-Computer" : "shutdown /r";
  }

  /**
   * The restart command in one line, named for a message ("Restart-Computer", "shutdown /r",
   * "Install-WindowsFeature -Restart"), or null. Comment lines are skipped. Only the command's name
   * is quoted: the rest of a line may hold a secret.
   */
  static String restartIn(String line, boolean cmd) {
    if (!mayRestart(line)) {
      return null;
    }
    String t = line.strip();
    String lower = t.toLowerCase(Locale.ROOT);
    if (cmd
        ? lower.startsWith("::")
            || lower.equals("rem")
            || lower.startsWith("rem ")
            || lower.startsWith("@rem")
        : t.startsWith("#")) {
      return null;
    }
    // Each pattern only where its word is (the patterns read ASCII letters in any case, which the
    // small letters of the line hold wherever the pattern could match).
    if (lower.contains("restart-computer") && RESTART_COMPUTER.matcher(t).find()) {
      return "Restart-Computer";
    }
    if (lower.contains("shutdown") && SHUTDOWN_RESTART.matcher(t).find()) {
      return "shutdown /r";
    }
    if (!cmd && lower.contains("-restart") && FEATURE_RESTART.matcher(t).find()) {
      return "Install-WindowsFeature -Restart";
    }
    return null;
  }

  private static String position(int i, int n) {
    return "Inline command " + (i + 1) + (n > 1 ? " of " + n : "");
  }
}
