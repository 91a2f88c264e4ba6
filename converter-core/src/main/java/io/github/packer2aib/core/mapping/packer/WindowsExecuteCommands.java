package io.github.packer2aib.core.mapping.packer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises the {@code execute_command}s of {@code powershell} and {@code windows-shell} that only
 * restate Packer's default: templates copy the default from Packer's documentation, and dropping it
 * changes nothing, so it is a note rather than a warning. Compared with all blanks removed and in
 * lower case, the forms Packer's versions have written.
 */
final class WindowsExecuteCommands {
  private WindowsExecuteCommands() {}

  /**
   * Packer's PowerShell default, {@code powershell -executionpolicy bypass "& { if (Test-Path
   * variable:global:ProgressPreference){set-variable -name variable:global:ProgressPreference
   * -value 'SilentlyContinue'};. {{.Vars}}; &'{{.Path}}'; exit $LastExitCode }"}: with {@code
   * {{.ExecutionPolicy}}} (which execution_policy fills in, and the step rebuilds), the older
   * {@code $ProgressPreference=} form, or without the progress setting (it only hides progress
   * bars).
   */
  private static final Pattern POWERSHELL =
      Pattern.compile(
          "powershell(\\.exe)?-executionpolicy(bypass|\\{\\{\\.executionpolicy\\}\\})"
              + "\"&\\{(if\\(test-pathvariable:global:progresspreference\\)\\{"
              + "(set-variable-namevariable:global:progresspreference-value'silentlycontinue'"
              + "|\\$progresspreference='silentlycontinue');?\\};?)?"
              + "\\.\\{\\{\\.vars\\}\\};&'\\{\\{\\.path\\}\\}';exit\\$lastexitcode;?\\}\"");

  /**
   * Packer's windows-shell default {@code {{ .Vars }}"{{ .Path }}"}, or the batch file run by
   * {@code cmd /c} as the step runs it ({@code {{ .Vars }} cmd /c "{{ .Path }}"}).
   */
  private static final Pattern CMD =
      Pattern.compile(
          "\\{\\{\\.vars\\}\\}(cmd(\\.exe)?/c)?(\"\\{\\{\\.path\\}\\}\"|\\{\\{\\.path\\}\\})");

  static boolean isPowerShellDefault(String command) {
    return POWERSHELL.matcher(squeezed(command)).matches();
  }

  static boolean isCmdDefault(String command) {
    return CMD.matcher(squeezed(command)).matches();
  }

  /** Lower case without blanks: the default forms differ only in spacing and case. */
  private static String squeezed(String command) {
    StringBuilder b = new StringBuilder(command.length());
    for (int i = 0, n = command.length(); i < n; i++) {
      char c = command.charAt(i);
      if (!Character.isWhitespace(c)) {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
