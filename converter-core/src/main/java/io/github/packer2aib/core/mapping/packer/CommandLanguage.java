package io.github.packer2aib.core.mapping.packer;

import java.util.Locale;

/**
 * The language a step's commands (or a script) are written in, as far as the generalization checks
 * must know it: what a comment is, how a line is continued on the next. A {@code shell} step's
 * commands are a POSIX shell's, a {@code powershell} step's PowerShell's, a {@code windows-shell}
 * step's cmd.exe's; the same text means different things in each (a {@code #} starts a comment in
 * the first two only, a backtick continues a PowerShell line, a caret a cmd.exe line).
 */
enum CommandLanguage {
  POSIX_SHELL,
  POWERSHELL,
  CMD;

  /** The language of the inline commands and scripts of a provisioner of this type. */
  static CommandLanguage ofProvisioner(String type, Os os) {
    return switch (type) {
      case "shell" -> POSIX_SHELL;
      case "powershell" -> POWERSHELL;
      case "windows-shell" -> CMD;
      default -> os == Os.WINDOWS ? POWERSHELL : POSIX_SHELL;
    };
  }

  /**
   * The language of a script that a file provisioner puts on the VM at {@code path}: on Windows a
   * batch file by its extension ({@code .cmd}, {@code .bat}), else PowerShell; on Linux a shell
   * script.
   */
  static CommandLanguage ofScript(String path, Os os) {
    if (os != Os.WINDOWS) {
      return POSIX_SHELL;
    }
    String p = path.toLowerCase(Locale.ROOT);
    return p.endsWith(".cmd") || p.endsWith(".bat") ? CMD : POWERSHELL;
  }

  /**
   * The character that continues a line on the next when it ends the line (the backtick, the
   * backslash, the caret).
   */
  char continuation() {
    return switch (this) {
      case POSIX_SHELL -> '\\';
      case POWERSHELL -> '`';
      case CMD -> '^';
    };
  }
}
