package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.BoolValue;
import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.aib.IntValue;
import io.github.packer2aib.core.hcl.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code powershell} → {@code PowerShell} (mapping.md §B.3): inline commands or scripts, {@code
 * elevated_user} → {@code runElevated} ({@code runAsSystem} for SYSTEM), {@code valid_exit_codes} →
 * {@code validExitCodes}, the environment as {@code $env:} assignments, and the execution policy,
 * debug mode and {@code use_pwsh} rebuilt in the step.
 */
final class PowerShellProvisioner {
  private PowerShellProvisioner() {}

  static final List<String> KNOWN =
      List.of(
          "inline",
          "script",
          "scripts",
          "environment_vars",
          "env",
          "elevated_user",
          "elevated_password",
          "execution_policy",
          "valid_exit_codes",
          "use_pwsh",
          "debug_mode",
          "execute_command",
          "elevated_execute_command",
          "remote_path",
          "remote_env_var_path",
          "elevated_env_var_format",
          "env_var_format",
          "skip_clean",
          "start_retry_timeout",
          "binary",
          "pause_after");

  private static final String INLINE = Steps.INLINE_DESTINATION;
  static final String TEMP = "C:\\Windows\\Temp\\";

  /** The elevation settings of the step. */
  private record Elevation(BoolValue runElevated, BoolValue runAsSystem) {}

  /** Fields about where scripts and variables are put on the VM (a constant: no list per step). */
  private static final List<String> PLACEMENT_FIELDS =
      List.of("remote_path", "remote_env_var_path", "elevated_env_var_format", "env_var_format");

  static List<Step> map(Prov pr, List<String> generalization) {
    Optional<Prov.Commands> commands = pr.commands(INLINE);
    EnvVars.Read read = EnvVars.readLocated(pr, INLINE);
    Map<String, String> env = read.env();
    // A last command that only restarts the VM becomes a WindowsRestart step after the step; when
    // it is the only command, no PowerShell step is left to elevate.
    Restarts.Inline checked =
        generalization == null && commands.isPresent() && commands.get().isInline()
            ? Restarts.inline(pr, commands.get().inline(), commands.get().valueRange(), false)
            : null;
    if (pr.f.has("elevated_password") && !pr.f.has("elevated_user")) {
      pr.report()
          .add(
              PackerMapCode.INVALID_VALUE,
              pr.f.valueRange("elevated_password"),
              "elevated_password is set without elevated_user, which Packer refuses (\"Must"
                  + " supply an 'elevated_user' if 'elevated_password' provided\"). Add the"
                  + " elevated_user the password belongs to, or remove elevated_password.");
    }
    Elevation elevation =
        generalization != null
            ? droppedElevation(pr, GENERALIZING)
            : checked != null && checked.commands().isEmpty()
                ? droppedElevation(pr, RESTARTING)
                : elevation(pr);
    pr.dropCredential("elevated_password");
    List<Long> exitCodes = Steps.exitCodes(pr);
    Policy policy = executionPolicy(pr);
    long debug = debugMode(pr);
    boolean pwsh = pr.f.bool("use_pwsh").orElse(false);
    // What the step adds before the commands in Windows PowerShell; with pwsh the policy and debug
    // mode are given to pwsh (runPwsh) instead.
    List<String> prelude = pwsh ? List.of() : prelude(policy, debug);
    Runner runner = new Runner(pwsh, policy, debug);
    boolean binary = pr.f.bool("binary").orElse(false);
    // After the generalization nothing runs: a sleep step there was announced (N210), never added.
    Optional<Step> pauseAfter =
        generalization == null ? Steps.pauseAfter(pr, Os.WINDOWS) : Steps.noPauseAfter(pr);
    if (pr.f.has("execute_command") || pr.f.has("elevated_execute_command")) {
      for (String k : List.of("execute_command", "elevated_execute_command")) {
        if (pr.f.inspect(k).map(WindowsExecuteCommands::isPowerShellDefault).orElse(false)) {
          pr.dropNote(
              k,
              "it is Packer's default command line, and Image Builder's PowerShell step runs"
                  + " the commands the same way.");
        } else {
          pr.dropWarning(
              k,
              "Image Builder runs PowerShell steps with its own command line. The converter"
                  + " rebuilds execution_policy, use_pwsh and debug_mode; any other effect of a"
                  + " custom command is lost.");
        }
      }
    }
    for (String k : PLACEMENT_FIELDS) {
      pr.dropNote(k, "Image Builder chooses how its scripts and variables reach the VM.");
    }
    pr.dropNote("skip_clean", "Image Builder cleans up its own scripts.");
    pr.dropNote(
        "start_retry_timeout", "Image Builder connects to the build VM and retries by itself.");
    pr.unknownFields(KNOWN);
    if (commands.isEmpty()) {
      return List.of();
    }
    Prov.Commands c = commands.get();
    if (generalization != null && !c.isInline()) {
      reportSettings(pr, policy, debug, pwsh, Generalization.WINDOWS_SCRIPT);
      dropExitCodes(pr, CUSTOM_GENERALIZATION);
      return Steps.deprovisioningScripts(
          pr,
          c,
          binary,
          (file, copy) -> {
            List<String> lines =
                new ArrayList<>(
                    EnvVars.powerShell(
                        EnvVars.withPackerVariables(env, pr, file.text().orElse(""))));
            lines.addAll(prelude);
            lines.addAll(runner.run(copy));
            return lines;
          },
          generalization);
    }
    if (generalization != null) {
      generalizingInline(pr, c.inline(), env, runner, prelude, generalization);
      return List.of();
    }
    reportSettings(pr, policy, debug, pwsh, "the step");
    List<IntValue> validExitCodes = Steps.windowsExitCodes(pr, exitCodes);
    List<Step> steps = new ArrayList<>();
    if (c.isInline()) {
      List<String> inline = checked.commands();
      if (!inline.isEmpty()) {
        Map<String, String> all = EnvVars.withPackerVariables(env, pr, inline);
        EnvVars.note(pr, all, "$env: assignments");
        List<String> lines = new ArrayList<>(EnvVars.powerShell(all));
        lines.addAll(prelude);
        boolean header = !lines.isEmpty() && startsWithScriptHeader(inline);
        if (pwsh || header) {
          // Packer writes the commands to a file and runs it after setting the environment; so
          // does the step when the commands must start a script (with pwsh, or after a using
          // statement or a param block, before which PowerShell accepts no other statement).
          String path = TEMP + "packer2aib-" + pr.index + ".ps1";
          lines.addAll(runner.writeAndRun(path, inline));
          if (header && !pwsh) {
            pr.report()
                .add(
                    PackerMapCode.FIELD_REWRITTEN,
                    c.nameRange(),
                    "The commands start with a using statement, an attribute or a param block,"
                        + " which PowerShell accepts only at the start of a script, so the step"
                        + " sets the environment first and then writes the commands to "
                        + path
                        + " and runs it, as Packer does.");
          }
        } else {
          lines.addAll(inline);
        }
        steps.add(
            EnvVars.locating(
                Step.of(step(pr, null, null, lines, elevation, validExitCodes), pr.range())
                    .with("/inline", c.valueRange()),
                all.keySet(),
                read.where(),
                0));
      }
      if (checked.restart() != null) {
        steps.add(checked.restart());
      }
    } else {
      boolean noted = false;
      for (int k = 0; k < c.scripts().size(); k++) {
        Optional<LocalFile> loaded =
            LocalFile.load(pr, c.scripts().get(k), c.valueRange(), "script");
        if (loaded.isEmpty()) {
          continue;
        }
        LocalFile file = loaded.get();
        Optional<String> text = file.text();
        if (text.isPresent() && Generalization.mentions(text.get(), CommandLanguage.POWERSHELL)) {
          Steps.generalizationInScript(pr, file);
        }
        if (text.isPresent()) {
          Restarts.script(pr, pr.u.files.shown(file.path()), text.get(), c.valueRange(), false);
        }
        Map<String, String> all = EnvVars.withPackerVariables(env, pr, text.orElse(""));
        if (k == 0) {
          EnvVars.note(pr, all, "$env: assignments");
        }
        List<String> lines = new ArrayList<>(EnvVars.powerShell(all));
        lines.addAll(prelude);
        String tmp =
            TEMP
                + "packer2aib-"
                + pr.index
                + (c.scripts().size() > 1 ? "-" + (k + 1) : "")
                + "-"
                + file.fileName();
        boolean wrapped = lines.size() > 0 || pwsh;
        if (pr.u.scriptBase.isPresent()) {
          String uri = pr.u.uploads.resolve(pr.u, pr.u.scriptBase.get(), file, c.valueRange());
          if (!wrapped) {
            steps.add(
                Step.of(step(pr, uri, file.sha256(), null, elevation, validExitCodes), pr.range())
                    .with("/scriptUri", c.valueRange()));
            continue;
          }
          steps.add(
              Step.of(new Customizer.File(pr.name(), uri, tmp, file.sha256()), pr.range())
                  .with("/sourceUri", c.valueRange()));
          lines.addAll(runner.run(tmp));
          steps.add(
              EnvVars.locating(
                  Step.of(step(pr, null, null, lines, elevation, validExitCodes), pr.range()),
                  all.keySet(),
                  read.where(),
                  0));
          if (!noted) {
            noted = true;
            pr.report()
                .add(
                    PackerMapCode.SCRIPT_WRAPPED,
                    c.nameRange(),
                    "A PowerShell step with scriptUri cannot set environment variables, the"
                        + " execution policy or the debug mode, or run pwsh, so each script is"
                        + " downloaded by a File step (checksum verified) and run by a PowerShell"
                        + " step that does those things.");
          }
          continue;
        }
        if (!pr.u.files.inlinable(pr.report(), c.valueRange(), file, binary)) {
          continue;
        }
        int header = lines.size();
        lines.addAll(PowerShellText.writeFile(tmp, file.bytes()));
        lines.addAll(runner.run(tmp));
        // The script's lines follow the header that starts writing it: a message names its line.
        steps.add(
            EnvVars.locating(
                    Step.of(step(pr, null, null, lines, elevation, validExitCodes), pr.range())
                        .with("/inline", c.valueRange()),
                    all.keySet(),
                    read.where(),
                    0)
                .withLines(
                    "/inline",
                    header + 1,
                    PowerShellText.lineCount(file.bytes()),
                    c.valueRange(),
                    file.written() + ":",
                    ""));
        pr.report()
            .add(
                PackerMapCode.SCRIPT_INLINED,
                c.valueRange(),
                "The script "
                    + pr.u.files.shown(file.path())
                    + " is written into the template, and the step saves it to "
                    + tmp
                    + " and runs it. Anyone who can read the template can read the script. Pass"
                    + " --script-base-uri to refer to an uploaded copy instead.");
      }
    }
    if (pauseAfter.isPresent()) {
      steps.add(pauseAfter.get());
    }
    return Steps.exitCodesAt(pr, steps);
  }

  private static Customizer.PowerShell step(
      Prov pr,
      String uri,
      String sha,
      List<String> inline,
      Elevation e,
      List<IntValue> validExitCodes) {
    return new Customizer.PowerShell(
        pr.name(), uri, sha, inline, e.runElevated(), e.runAsSystem(), validExitCodes);
  }

  /**
   * How the step runs a script file: with pwsh, which is given the policy and the debug mode
   * ({@link #runPwsh}), or by Windows PowerShell's call operator, after the step's prelude.
   */
  private record Runner(boolean pwsh, Policy policy, long debug) {
    /** The lines that run the script at {@code path}. */
    List<String> run(String path) {
      return pwsh ? runPwsh(path, policy.run(), debug) : List.of("& " + PowerShellText.quote(path));
    }

    /**
     * The lines that write {@code commands} to the script at {@code path}, one per line with CRLF
     * as Packer writes a .ps1, and run it.
     */
    List<String> writeAndRun(String path, List<String> commands) {
      byte[] bytes = (String.join("\r\n", commands) + "\r\n").getBytes(StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>(PowerShellText.writeFile(path, bytes));
      out.addAll(run(path));
      return out;
    }
  }

  /**
   * The lines that run the script at {@code path} with pwsh, under {@code policy}, with {@code
   * debug} as the Set-PSDebug trace level (0: none) set in pwsh itself: a Set-PSDebug in the
   * Windows PowerShell step that starts pwsh does not trace the script.
   */
  private static List<String> runPwsh(String path, String policy, long debug) {
    String run =
        debug == 0
            ? " -File " + PowerShellText.quote(path)
            : " -Command "
                + PowerShellText.quote(
                    "Set-PSDebug -Trace "
                        + debug
                        + "; & "
                        + PowerShellText.quote(path)
                        + "; exit $LASTEXITCODE");
    return List.of(
        "& pwsh -NoProfile -NonInteractive -ExecutionPolicy " + policy + run, "exit $LASTEXITCODE");
  }

  /**
   * The inline commands of a last, generalizing step, added to {@code generalization}. When they do
   * no more than Image Builder's default generalization they are dropped (PKRMAP-W401), and the
   * settings that would have shaped the step with them; otherwise they go to the deprovisioning
   * script as the step would run them: with the environment, the policy, the debug mode, pwsh.
   */
  private static void generalizingInline(
      Prov pr,
      List<String> inline,
      Map<String, String> env,
      Runner runner,
      List<String> prelude,
      List<String> generalization) {
    List<String> commands = new ArrayList<>(EnvVars.powerShell(env));
    commands.addAll(inline);
    if (Generalization.isDefault(commands, CommandLanguage.POWERSHELL)) {
      // Provisioners drops the same commands; what would have shaped them goes with them.
      String why =
          "the commands that generalize the VM are dropped, as Image Builder runs its own"
              + " generalization.";
      for (String k : List.of("execution_policy", "debug_mode", "use_pwsh", "valid_exit_codes")) {
        if (pr.f.has(k)) {
          pr.report()
              .add(PackerMapCode.FIELD_DROPPED, pr.f.nameRange(k), k + " was dropped: " + why);
        }
      }
      generalization.addAll(commands);
      return;
    }
    reportSettings(
        pr, runner.policy(), runner.debug(), runner.pwsh(), Generalization.WINDOWS_SCRIPT);
    dropExitCodes(pr, CUSTOM_GENERALIZATION);
    List<String> lines = new ArrayList<>(EnvVars.powerShell(env));
    lines.addAll(prelude);
    if (runner.pwsh() || (!lines.isEmpty() && startsWithScriptHeader(inline))) {
      lines.addAll(
          runner.writeAndRun(TEMP + "packer2aib-" + pr.index + "-deprovision.ps1", inline));
    } else {
      lines.addAll(inline);
    }
    generalization.addAll(lines);
  }

  private static final String CUSTOM_GENERALIZATION =
      "Image Builder runs "
          + Generalization.WINDOWS_SCRIPT
          + " itself, and which exit codes fail it is Image Builder's choice (not documented).";

  /** Reports valid_exit_codes dropped from commands that become the deprovisioning script. */
  private static void dropExitCodes(Prov pr, String why) {
    if (pr.f.has("valid_exit_codes")) {
      pr.report()
          .add(
              PackerMapCode.NO_EQUIVALENT,
              pr.f.nameRange("valid_exit_codes"),
              "valid_exit_codes was dropped: " + why);
    }
  }

  /**
   * No elevation, for a step Image Builder runs itself, elevated: the commands that generalize the
   * VM (dropped, or the deprovisioning script) or one that only restarts it (a WindowsRestart
   * step). There is no PowerShell step to elevate, and a warning that "the step runs with
   * runElevated" described one the template does not have; elevated_user is dropped, {@code why}.
   */
  private static Elevation droppedElevation(Prov pr, String why) {
    Optional<Field> user = pr.f.take("elevated_user");
    if (user.isPresent()) {
      pr.report()
          .add(
              PackerMapCode.FIELD_DROPPED,
              user.get().nameRange(),
              "elevated_user was dropped" + why);
    }
    return new Elevation(null, null);
  }

  private static final String GENERALIZING =
      " for the commands that generalize the VM: Image Builder generalizes it itself, elevated,"
          + " with its own command or "
          + Generalization.WINDOWS_SCRIPT
          + ".";

  private static final String RESTARTING =
      ": the step only restarts the VM, which the WindowsRestart step it becomes does by itself.";

  private static Elevation elevation(Prov pr) {
    Optional<Field> user = pr.f.take("elevated_user");
    if (user.isEmpty()) {
      return new Elevation(null, null);
    }
    Value v = user.get().value();
    if (!v.isWhollyKnown()) {
      pr.report()
          .add(
              PackerMapCode.ELEVATED_AS_BUILD_USER,
              user.get().nameRange(),
              "elevated_user is only known while Packer runs (usually the communicator's user),"
                  + " so the step runs elevated as Image Builder's own build user"
                  + " (runElevated).");
      return new Elevation(BoolValue.TRUE, null);
    }
    String name = pr.f.text(user.get(), null).orElse("");
    String n = name.toLowerCase(Locale.ROOT);
    boolean system = n.equals("system") || n.equals("nt authority\\system");
    if (system) {
      if (pr.u.supports("properties.customize[PowerShell].runAsSystem")) {
        return new Elevation(BoolValue.TRUE, BoolValue.TRUE);
      }
      pr.report()
          .add(
              PackerMapCode.NOT_IN_API_VERSION,
              user.get().nameRange(),
              "elevated_user = \""
                  + (v.containsSensitive() ? "(sensitive)" : name)
                  + "\" would become runAsSystem, which exists "
                  + Unit.availability("properties.customize[PowerShell].runAsSystem")
                  + ", not in "
                  + pr.u.api.id()
                  + "; the step runs elevated as the build user instead. Choose a newer API"
                  + " version to keep it.");
      return new Elevation(BoolValue.TRUE, null);
    }
    if (!v.containsSensitive()) {
      pr.report()
          .add(
              PackerMapCode.ELEVATED_AS_BUILD_USER,
              user.get().nameRange(),
              "Image Builder elevates as its own build user, not as \""
                  + name
                  + "\"; the step runs with runElevated. If the commands depend on that user's"
                  + " profile or rights, adapt them.");
    } else {
      pr.report()
          .add(
              PackerMapCode.ELEVATED_AS_BUILD_USER,
              user.get().nameRange(),
              "Image Builder elevates as its own build user, not as the user elevated_user names;"
                  + " the step runs with runElevated.");
    }
    return new Elevation(BoolValue.TRUE, null);
  }

  private static final Map<String, String> POLICIES =
      Map.of(
          "bypass", "Bypass",
          "allsigned", "AllSigned",
          "default", "Default",
          "remotesigned", "RemoteSigned",
          "restricted", "Restricted",
          "undefined", "Undefined",
          "unrestricted", "Unrestricted");

  /**
   * Whether the commands, read as one script (Packer writes them into one file), start with what
   * PowerShell accepts only at the start of a script, after blank lines and comments: a {@code
   * using} statement, an attribute such as {@code [CmdletBinding()]}, or a {@code param} block.
   * Nothing more is parsed: such commands are written to a file and run after the lines the step
   * adds, wherever their header ends.
   */
  static boolean startsWithScriptHeader(List<String> inline) {
    String text = String.join("\n", inline);
    int i = 0;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
      } else if (text.startsWith("<#", i)) {
        int end = text.indexOf("#>", i + 2);
        if (end < 0) {
          return false;
        }
        i = end + 2;
      } else if (ch == '#') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end + 1;
      } else {
        return SCRIPT_HEADER.matcher(text).region(i, text.length()).lookingAt();
      }
    }
    return false;
  }

  /** {@code using …}, {@code param(}, or an attribute {@code [Name(}. */
  private static final java.util.regex.Pattern SCRIPT_HEADER =
      java.util.regex.Pattern.compile("(?i)(using\\s|param\\s*\\(|\\[\\s*[A-Za-z_][\\w.]*\\s*\\()");

  /**
   * execution_policy: the policy pwsh runs with ({@code run}: Packer runs with {@code
   * -ExecutionPolicy Bypass} unless told otherwise), the one a Set-ExecutionPolicy line applies
   * ({@code applied}; null for Bypass, "none" or none given), and whether it is "none".
   */
  private record Policy(String run, String applied, boolean none) {}

  private static final Policy BYPASS = new Policy("Bypass", null, false);

  /** Reads execution_policy; reports an invalid one (what it means is reported by the caller). */
  private static Policy executionPolicy(Prov pr) {
    Optional<String> policy = pr.f.inspect("execution_policy");
    if (policy.isEmpty()) {
      return BYPASS;
    }
    String p = policy.get().toLowerCase(Locale.ROOT);
    if (!p.equals("none") && !POLICIES.containsKey(p)) {
      pr.report()
          .add(
              PackerMapCode.INVALID_VALUE,
              pr.f.take("execution_policy").get().valueRange(),
              "execution_policy must be one of Bypass, AllSigned, Default, RemoteSigned,"
                  + " Restricted, Undefined, Unrestricted or None, but it is "
                  + pr.f.shown("execution_policy", policy.get())
                  + ". Use one of them (Packer refuses any other), or remove the field for"
                  + " Bypass.");
      return BYPASS;
    }
    if (p.equals("bypass")) {
      return BYPASS;
    }
    if (p.equals("none")) {
      return new Policy("Bypass", null, true);
    }
    String name = POLICIES.get(p);
    return new Policy(name, name, false);
  }

  /** debug_mode as a Set-PSDebug trace level (0: none); one Packer refuses is an error. */
  private static long debugMode(Prov pr) {
    Optional<Long> level = pr.f.integer("debug_mode", null);
    if (level.isEmpty() || level.get() == 0) {
      return 0;
    }
    if (level.get() < 0 || level.get() > 2) {
      pr.report()
          .add(
              PackerMapCode.INVALID_VALUE,
              pr.f.valueRange("debug_mode"),
              "debug_mode must be 0, 1 or 2 (the trace levels of Set-PSDebug), but it is "
                  + level.get()
                  + "; Packer refuses any other. Use 1 to trace lines, 2 to also trace variable"
                  + " assignments and calls, or remove the field.");
      return 0;
    }
    return level.get();
  }

  /** The lines that apply the policy and the debug mode in Windows PowerShell. */
  private static List<String> prelude(Policy policy, long debug) {
    List<String> out = new ArrayList<>(2);
    if (policy.applied() != null) {
      out.add(
          "Set-ExecutionPolicy -Scope Process -ExecutionPolicy " + policy.applied() + " -Force");
    }
    if (debug != 0) {
      out.add("Set-PSDebug -Trace " + debug);
    }
    return out;
  }

  /**
   * Reports how the policy and the debug mode are applied where the commands run ({@code where}:
   * the step, or the deprovisioning script), in Windows PowerShell or given to pwsh.
   */
  private static void reportSettings(
      Prov pr, Policy policy, long debug, boolean pwsh, String where) {
    if (pwsh) {
      pr.report()
          .add(
              PackerMapCode.APPROXIMATED,
              pr.f.nameRange("use_pwsh"),
              where.equals(Generalization.WINDOWS_SCRIPT)
                  ? "Image Builder runs "
                      + where
                      + " with Windows PowerShell, so with use_pwsh it runs the commands with"
                      + " pwsh, which must be installed on the image by an earlier step."
                  : "Image Builder runs PowerShell steps with Windows PowerShell, so with use_pwsh"
                      + " the step writes the commands to a file and runs it with pwsh, which"
                      + " must be installed on the image by an earlier step.");
    }
    if (policy.none()) {
      pr.report()
          .add(
              PackerMapCode.APPROXIMATED,
              pr.f.nameRange("execution_policy"),
              "execution_policy = \"none\" leaves the machine's policy in force; Image Builder"
                  + " chooses the policy of its PowerShell steps itself (not documented), so the"
                  + " commands may run under another policy than with Packer.");
    } else if (policy.applied() != null) {
      pr.report()
          .add(
              PackerMapCode.APPROXIMATED,
              pr.f.nameRange("execution_policy"),
              pwsh
                  ? "pwsh runs the commands with -ExecutionPolicy " + policy.applied() + "."
                  : "Image Builder chooses the policy of its PowerShell steps itself (not"
                      + " documented), so "
                      + where
                      + " starts with Set-ExecutionPolicy -Scope Process to apply "
                      + policy.applied()
                      + ".");
    }
    if (debug != 0) {
      pr.report()
          .add(
              PackerMapCode.FIELD_REWRITTEN,
              pr.f.nameRange("debug_mode"),
              "debug_mode becomes Set-PSDebug -Trace "
                  + debug
                  + (pwsh
                      ? " in the pwsh command that runs the commands."
                      : " at the top of " + where + "."));
    }
  }
}
