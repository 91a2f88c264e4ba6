package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.source.NameCharacters;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Control characters that a value cannot carry to the build VM although the image template, being
 * JSON, would hold them escaped: a NUL in a file's destination (no file name can hold one) or in an
 * inline command (Bash refuses to run a script with one: "cannot execute binary file", exit 126;
 * other interpreters cut or drop it), and on Windows any C0 control character in a destination,
 * which Windows refuses in file names. Each is an error at the value, found before the step is
 * written, instead of a build that fails on the VM or does something else than the template says.
 * Other control characters of commands (an escape sequence, a bell) may be meant and are kept.
 */
final class UnfitCharacters {
  private UnfitCharacters() {}

  /** Characters either side of the bad one that a message quotes from a long value. */
  private static final int EXCERPT = 24;

  /**
   * Whether the destination path of a file provisioner can be a file name on {@code os}, reporting
   * at {@code at} when it cannot.
   */
  static boolean destinationFits(Prov pr, String destination, Range at) {
    boolean windows = pr.u.os == Os.WINDOWS;
    int bad = windows ? firstC0(destination) : destination.indexOf('\0');
    String why;
    if (bad >= 0) {
      char c = destination.charAt(bad);
      why =
          "contains "
              + named(c)
              + (c == '\0'
                  ? ", which no file name can hold. Remove it from the path."
                  : ", which Windows does not allow in file names. Remove it from the path.");
    } else if (windows && ENV_VARIABLE.matcher(destination).find()) {
      // Before the colon check: "$env:APPDATA" holds a colon, but that is not why it fails.
      Matcher m = ENV_VARIABLE.matcher(destination);
      m.find();
      why =
          "names the PowerShell variable "
              + m.group()
              + ". Packer's WinRM upload puts the destination into a PowerShell string, so the"
              + " variable is expanded on the VM; Image Builder's File step, and the step that"
              + " writes content, take the path as written and do not expand it. Write the full"
              + " path, or put the file in a fixed place (C:\\Windows\\Temp\\…) and move it with a"
              + " powershell provisioner, which expands the variable.";
    } else if (windows && isRelativeWindowsPath(destination)) {
      why =
          "is relative. Packer's WinRM upload resolves it against the profile folder of the user"
              + " Packer signs in as, which Image Builder's build user does not share, and Image"
              + " Builder's File step needs an absolute path. Write the full path (C:\\…).";
    } else {
      String problem = windows ? windowsPathProblem(destination) : null;
      if (problem == null) {
        return true;
      }
      why =
          problem
              + ", so the File step would fail on the Windows build VM. Change the destination.";
    }
    pr.report()
        .add(
            PackerMapCode.INVALID_VALUE,
            at,
            "The destination " + ControlCharacters.quote(destination) + " " + why);
    return false;
  }

  /** A PowerShell environment variable: {@code $env:NAME} or {@code ${env:NAME}}. */
  private static final Pattern ENV_VARIABLE =
      Pattern.compile("(?i)\\$(\\{env:[^}]*\\}|env:[A-Za-z0-9_()]+)");

  /**
   * Whether a Windows path is relative: not from a drive's root ({@code C:\\}, {@code C:/}), not
   * from the current drive's root ({@code \\x}, {@code /x}) and no UNC path. {@code C:x}, relative
   * to the drive's current folder, is relative too.
   */
  static boolean isRelativeWindowsPath(String path) {
    if (path.startsWith("\\") || path.startsWith("/")) {
      return false;
    }
    return !(path.length() >= 3
        && FileProvisioner.isDrive(path.substring(0, 2))
        && (path.charAt(2) == '\\' || path.charAt(2) == '/'));
  }

  private static final String ON_LINUX =
      ". A script cannot hold one: Bash refuses to run it (\"cannot execute binary file\") and"
          + " other shells drop it, so the step would not run what the template says. Remove the"
          + " character, or have the command produce it (printf '\\0').";

  private static final String ON_WINDOWS =
      ". A script cannot hold one: the interpreter reads the script as text, so the step would not"
          + " run what the template says. Remove the character, or have the command produce it"
          + " ([char]0 in PowerShell).";

  /**
   * Whether no inline command of {@code inline} holds a NUL character, reporting the first that
   * does at that command (where the list is written out element by element).
   */
  static boolean commandsFit(Prov pr, List<String> commands, Field inline) {
    // A plain loop with indexOf: every inline step of every template comes here.
    for (int i = 0; i < commands.size(); i++) {
      String command = commands.get(i);
      int nul = command.indexOf('\0');
      if (nul < 0) {
        continue;
      }
      pr.report()
          .add(
              PackerMapCode.INVALID_VALUE,
              TemplateFields.element(inline, i, commands.size()),
              "Inline command "
                  + (i + 1)
                  + (commands.size() > 1 ? " of " + commands.size() : "")
                  + ", "
                  + excerpt(command, nul)
                  + ", contains "
                  + named('\0')
                  + (pr.u.os == Os.WINDOWS ? ON_WINDOWS : ON_LINUX));
      return false;
    }
    return true;
  }

  /**
   * Whether {@code text}, which the mapper writes into a script of its own (a file's {@code
   * content}, written by a here-document or a PowerShell string; an environment variable's value,
   * exported before the commands), holds no NUL character; reports at {@code at} when it does,
   * without quoting the text, which may come from a sensitive value (a file's content often does).
   *
   * @param what what the text is, as the message starts: "The content", "The value of A"
   * @param remedy what to do instead, a sentence
   */
  static boolean scriptTextFits(Prov pr, String what, String text, Range at, String remedy) {
    int nul = text.indexOf('\0');
    if (nul < 0) {
      return true;
    }
    pr.report()
        .add(
            PackerMapCode.INVALID_VALUE,
            at,
            what
                + " contains "
                + named('\0')
                + " at character "
                + (nul + 1)
                + ", and Image Builder gets it into the VM only inside a "
                + (pr.u.os == Os.WINDOWS ? "PowerShell" : "Shell")
                + " script, which cannot hold one. "
                + remedy);
    return false;
  }

  /** Characters Windows refuses anywhere in a path (the colon is checked on its own). */
  private static final String WINDOWS_RESERVED = "<>\"|?*";

  /**
   * Why Windows cannot have a file at {@code path}, as the end of a sentence about it, or null: a
   * reserved character, a colon other than a drive's, a device name (CON, NUL, COM1, ...) or a name
   * ending in a dot or space (Windows drops them, so the file lands elsewhere) as a folder or file
   * name. A {@code \\?\} prefix is taken as Windows takes it.
   */
  static String windowsPathProblem(String path) {
    String p = path.startsWith("\\\\?\\") ? path.substring(4) : path;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      boolean drive = c == ':' && i == 1 && Character.isLetter(p.charAt(0));
      if (WINDOWS_RESERVED.indexOf(c) >= 0 || (c == ':' && !drive)) {
        return "contains \"" + c + "\", which Windows does not allow in paths";
      }
    }
    for (String name : p.split("[/\\\\]")) {
      if (name.isEmpty() || name.equals(".") || name.equals("..") || name.endsWith(":")) {
        continue;
      }
      if (NameCharacters.isWindowsDevice(name)) {
        return "names the Windows device "
            + ControlCharacters.quote(name)
            + ", which cannot be a file or folder";
      }
      if (name.endsWith(".") || name.endsWith(" ")) {
        return "has the name "
            + ControlCharacters.quote(name)
            + ", which ends in a dot or space that Windows drops";
      }
    }
    return null;
  }

  /** The index of the first C0 control character (U+0000 to U+001F, tab included), or -1. */
  private static int firstC0(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < 0x20) {
        return i;
      }
    }
    return -1;
  }

  /** "a NUL character (\u0000)", "a control character (\t)". */
  private static String named(char c) {
    String escaped = ControlCharacters.quote(String.valueOf(c));
    String shown = escaped.substring(1, escaped.length() - 1);
    return (c == '\0' ? "a NUL character (" : "a control character (") + shown + ")";
  }

  /**
   * {@code text} quoted with its control characters escaped, cut to the characters around {@code
   * at} when it is long, so that the bad character shows however long the command.
   */
  static String excerpt(String text, int at) {
    int from = Math.max(0, at - EXCERPT);
    int to = Math.min(text.length(), at + EXCERPT + 1);
    // Never between the two halves of a surrogate pair.
    if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
      from--;
    }
    if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
      to++;
    }
    String quoted = ControlCharacters.quote(text.substring(from, to));
    String body = quoted.substring(1, quoted.length() - 1);
    return "\"" + (from > 0 ? "…" : "") + body + (to < text.length() ? "…" : "") + "\"";
  }
}
