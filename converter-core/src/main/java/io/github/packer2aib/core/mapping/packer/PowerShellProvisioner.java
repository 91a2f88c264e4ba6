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
    Map<String, String> env = EnvVars.read(pr, INLINE);
    // A last command that only restarts the VM becomes a WindowsRestart step after the step; when
    // it is the only command, no PowerShell step is left to elevate.
    Restarts.Inline checked =
        generalization == null && commands.isPresent() && commands.get().isInline()
            ? Restarts.inline(pr, commands.get().inline(), commands.get().valueRange(), false)
            : null;
    Elevation elevation =
        generalization != null
            ? droppedElevation(pr, GENERALIZING)
            : checked != null && checked.commands().isEmpty()
                ? droppedElevation(pr, RESTARTING)
                : elevation(pr);
    pr.dropCredential("elevated_password");
    List<Long> exitCodes = Steps.exitCodes(pr);
    List<String> prelude = new ArrayList<>();
    String policy = executionPolicy(pr, prelude);
    debugMode(pr, prelude);
    boolean pwsh = pr.f.bool("use_pwsh").orElse(false);
    boolean binary = pr.f.bool("binary").orElse(false);
    Optional<Step> pauseAfter = Steps.pauseAfter(pr, Os.WINDOWS);
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
            lines.addAll(pwsh ? runPwsh(copy, policy) : List.of("& " + PowerShellText.quote(copy)));
            return lines;
          },
          generalization);
    }
    if (generalization != null) {
      generalization.addAll(EnvVars.powerShell(env));
      generalization.addAll(c.inline());
      return List.of();
    }
    if (pwsh) {
      pr.report()
          .add(
              PackerMapCode.APPROXIMATED,
              pr.f.nameRange("use_pwsh"),
              "Image Builder runs PowerShell steps with Windows PowerShell, so with use_pwsh the"
                  + " step writes the commands to a file and runs it with pwsh, which must be"
                  + " installed on the image by an earlier step.");
    }
    List<IntValue> validExitCodes = Steps.windowsExitCodes(pr, exitCodes);
    List<Step> steps = new ArrayList<>();
    if (c.isInline()) {
      List<String> inline = checked.commands();
      if (!inline.isEmpty()) {
        Map<String, String> all = EnvVars.withPackerVariables(env, pr, inline);
        EnvVars.note(pr, all, "$env: assignments");
        // using statements and a param block must start a script: they stay in front of the
        // lines the step adds (Packer sets those outside the script).
        int head = scriptHead(inline);
        List<String> lines = new ArrayList<>(pwsh ? List.of() : inline.subList(0, head));
        lines.addAll(EnvVars.powerShell(all));
        if (pwsh) {
          String path = TEMP + "packer2aib-" + pr.index + ".ps1";
          List<String> body = new ArrayList<>(inline.subList(0, head));
          body.addAll(prelude);
          body.addAll(inline.subList(head, inline.size()));
          byte[] bytes = (String.join("\r\n", body) + "\r\n").getBytes(StandardCharsets.UTF_8);
          lines.addAll(PowerShellText.writeFile(path, bytes));
          lines.addAll(runPwsh(path, policy));
        } else {
          lines.addAll(prelude);
          lines.addAll(inline.subList(head, inline.size()));
        }
        steps.add(
            Step.of(step(pr, null, null, lines, elevation, validExitCodes), pr.range())
                .with("/inline", c.valueRange()));
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
        if (text.isPresent() && Generalization.mentions(text.get())) {
          Steps.generalizationInScript(pr, file);
        }
        if (text.isPresent()) {
          Restarts.script(pr, file.path(), text.get(), c.valueRange(), false);
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
          lines.addAll(pwsh ? runPwsh(tmp, policy) : List.of("& " + PowerShellText.quote(tmp)));
          steps.add(Step.of(step(pr, null, null, lines, elevation, validExitCodes), pr.range()));
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
        if (!LocalFiles.inlinable(pr.report(), c.valueRange(), file, binary)) {
          continue;
        }
        lines.addAll(PowerShellText.writeFile(tmp, file.bytes()));
        lines.addAll(pwsh ? runPwsh(tmp, policy) : List.of("& " + PowerShellText.quote(tmp)));
        steps.add(
            Step.of(step(pr, null, null, lines, elevation, validExitCodes), pr.range())
                .with("/inline", c.valueRange()));
        pr.report()
            .add(
                PackerMapCode.SCRIPT_INLINED,
                c.valueRange(),
                "The script "
                    + file.path()
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

  private static List<String> runPwsh(String path, String policy) {
    return List.of(
        "& pwsh -NoProfile -NonInteractive -ExecutionPolicy "
            + policy
            + " -File "
            + PowerShellText.quote(path),
        "exit $LASTEXITCODE");
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
   * How many of the first inline commands must start the script: {@code using} statements, then a
   * {@code [CmdletBinding()]} attribute and a {@code param(…)} block written on one line each
   * (PowerShell refuses them after another statement). Blank lines and comments between them count
   * too.
   */
  static int scriptHead(List<String> inline) {
    int head = 0;
    int i = 0;
    boolean param = false;
    while (i < inline.size()) {
      String t = inline.get(i).strip().toLowerCase(Locale.ROOT);
      if (t.isEmpty() || t.startsWith("#")) {
        i++;
        continue;
      }
      if (!param && t.startsWith("using ")) {
        head = ++i;
      } else if (!param && t.startsWith("[cmdletbinding") && balanced(t)) {
        i++;
      } else if (!param
          && t.startsWith("param")
          && t.substring(5).strip().startsWith("(")
          && balanced(t)) {
        param = true;
        head = ++i;
      } else {
        break;
      }
    }
    return head;
  }

  /** Whether a line's round and square brackets close on it. */
  private static boolean balanced(String line) {
    int depth = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      depth += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
    }
    return depth == 0;
  }

  /** Packer runs with {@code -ExecutionPolicy Bypass} unless told otherwise. */
  private static String executionPolicy(Prov pr, List<String> prelude) {
    Optional<String> policy = pr.f.inspect("execution_policy");
    if (policy.isEmpty()) {
      return "Bypass";
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
                  + ".");
      return "Bypass";
    }
    if (p.equals("bypass")) {
      return "Bypass";
    }
    if (p.equals("none")) {
      pr.report()
          .add(
              PackerMapCode.APPROXIMATED,
              pr.f.nameRange("execution_policy"),
              "execution_policy = \"none\" leaves the machine's policy in force; Image Builder"
                  + " chooses the policy of its PowerShell steps itself (not documented), so the"
                  + " step may run under another policy than with Packer.");
      return "Bypass";
    }
    String name = POLICIES.get(p);
    prelude.add("Set-ExecutionPolicy -Scope Process -ExecutionPolicy " + name + " -Force");
    pr.report()
        .add(
            PackerMapCode.APPROXIMATED,
            pr.f.nameRange("execution_policy"),
            "Image Builder chooses the policy of its PowerShell steps itself (not documented), so"
                + " the step starts with Set-ExecutionPolicy -Scope Process to apply "
                + name
                + ".");
    return name;
  }

  private static void debugMode(Prov pr, List<String> prelude) {
    Optional<Long> level = pr.f.integer("debug_mode", null);
    if (level.isEmpty() || level.get() == 0) {
      return;
    }
    prelude.add("Set-PSDebug -Trace " + level.get());
    pr.report()
        .add(
            PackerMapCode.FIELD_REWRITTEN,
            pr.f.nameRange("debug_mode"),
            "debug_mode becomes Set-PSDebug -Trace " + level.get() + " at the top of the step.");
  }
}
