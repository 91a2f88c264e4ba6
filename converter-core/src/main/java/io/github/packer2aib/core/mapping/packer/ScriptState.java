package io.github.packer2aib.core.mapping.packer;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether commands leave state behind for the commands after them in the same script. Packer runs
 * all the inline commands of a provisioner as one script, so a variable, a function, a preference,
 * a working folder or an environment variable set by an earlier command holds for the later ones;
 * cutting them into two steps (two processes) would lose it, as {@code $u = "unattend.xml"} before
 * {@code Sysprep.exe /unattend:$u} would. Read from the text without running it: any sign of such
 * state keeps the commands together, which is always what Packer ran; a plain variable counts only
 * when the later commands name it (a deadline for a wait loop before Sysprep does not).
 */
final class ScriptState {
  /** A PowerShell assignment to a variable ({@code $x =}, {@code ${x} +=}, {@code $env:X =}). */
  private static final Pattern POWERSHELL_ASSIGNMENT =
      Pattern.compile("\\$\\{?([\\w:]+)\\}?\\s*[-+*/%]?=(?!=)");

  /**
   * Other PowerShell state: a function or filter, a location or module change, a strict or debug
   * mode, a type, a using statement, a variable set by a cmdlet, dot-sourcing; cmd's {@code set}.
   */
  private static final Pattern POWERSHELL =
      Pattern.compile(
          "(?im)(?<![\\w-])(function|filter|set-location|push-location|pop-location|cd|chdir|sl"
              + "|pushd|popd|import-module|ipmo|set-strictmode|set-psdebug|set-variable"
              + "|new-variable|sv|add-type|using)(?![\\w-])"
              + "|(?<![\\w-])set\\s+\\w+="
              + "|(^|[;{(])\\s*\\.\\s");

  /** A shell assignment where a command starts, exported or not. */
  private static final Pattern SHELL_ASSIGNMENT =
      Pattern.compile("(?m)(?:^|[;&|({\\s])(export\\s+)?([A-Za-z_]\\w*)\\+?=");

  /**
   * Other POSIX shell state: a folder change, sourcing, shell options, aliases, functions, umask,
   * traps, declarations, each where a command starts (so that {@code /usr/local/bin} or {@code
   * --source} are none).
   */
  private static final Pattern SHELL =
      Pattern.compile(
          "(?m)(^|[;&|({\\s])(cd|pushd|popd|source|set|alias|umask|trap|function|shopt|declare"
              + "|typeset|local|readonly|ulimit|export|unset)(?=\\s|;|$)"
              + "|(^|[;&|{(])\\s*\\.\\s"
              + "|\\w+\\s*\\(\\)\\s*\\{");

  private ScriptState() {}

  /**
   * Whether {@code commands}, run first in a script, may leave state for {@code rest}, the commands
   * that follow them.
   */
  static boolean mayCarry(List<String> commands, String rest, boolean powerShell) {
    String later = rest.toLowerCase(Locale.ROOT);
    for (String c : commands) {
      if (c == null) {
        continue;
      }
      if ((powerShell ? POWERSHELL : SHELL).matcher(c).find()) {
        return true;
      }
      Matcher m = (powerShell ? POWERSHELL_ASSIGNMENT : SHELL_ASSIGNMENT).matcher(c);
      while (m.find()) {
        if (powerShell ? powerShellCarries(m.group(1), later) : shellCarries(m, later)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A PowerShell variable: a preference or an environment or scoped variable acts without being
   * named; another one when a later command names it.
   */
  private static boolean powerShellCarries(String variable, String later) {
    String name = variable.toLowerCase(Locale.ROOT);
    return name.contains(":")
        || name.endsWith("preference")
        || names(later, "$" + name, "${" + name);
  }

  /** A shell variable: exported ones reach every later program; others when named. */
  private static boolean shellCarries(Matcher m, String later) {
    String name = m.group(2).toLowerCase(Locale.ROOT);
    return m.group(1) != null || names(later, "$" + name, "${" + name);
  }

  /** Whether {@code text} holds {@code plain} as a whole name, or {@code braced}. */
  private static boolean names(String text, String plain, String braced) {
    if (text.contains(braced)) {
      return true;
    }
    for (int i = text.indexOf(plain); i >= 0; i = text.indexOf(plain, i + 1)) {
      int end = i + plain.length();
      if (end == text.length() || !isNameChar(text.charAt(end))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
