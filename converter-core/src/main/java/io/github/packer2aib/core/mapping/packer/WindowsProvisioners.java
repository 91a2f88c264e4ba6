package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.aib.IntValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code windows-restart} → {@code WindowsRestart}, {@code windows-update} → {@code WindowsUpdate}
 * and {@code windows-shell} → a {@code PowerShell} step running {@code cmd.exe} (mapping.md
 * §B.5–B.7).
 */
final class WindowsProvisioners {
  private WindowsProvisioners() {}

  static final List<String> RESTART_KNOWN =
      List.of(
          "restart_command",
          "restart_check_command",
          "restart_timeout",
          "check_registry",
          "registry_keys");

  static final List<String> UPDATE_KNOWN =
      List.of(
          "search_criteria",
          "filters",
          "update_limit",
          "restart_timeout",
          "update_max_retries",
          "username",
          "password");

  static final List<String> SHELL_KNOWN =
      List.of(
          "inline",
          "script",
          "scripts",
          "environment_vars",
          "env",
          "env_var_format",
          "execute_command",
          "valid_exit_codes",
          "remote_path",
          "start_retry_timeout",
          "binary");

  /** The registry checks of a restart step (a constant: no list per step). */
  private static final List<String> REGISTRY_FIELDS = List.of("check_registry", "registry_keys");

  static List<Step> restart(Prov pr) {
    // final, so that dest + "…" is a constant rather than a concatenation per step.
    final String dest = "properties.customize[].";
    Optional<String> command = pr.f.string("restart_command", dest + "restartCommand");
    Optional<String> check = pr.f.string("restart_check_command", dest + "restartCheckCommand");
    String timeout = null;
    Optional<Long> nanos = Steps.duration(pr, pr.f, "restart_timeout");
    if (nanos.isPresent()) {
      timeout = restartTimeout(pr, nanos.get());
    }
    for (int i = 0; i < REGISTRY_FIELDS.size(); i++) {
      String k = REGISTRY_FIELDS.get(i);
      pr.dropWarning(
          k,
          "Image Builder's restart step does not check registry keys before it goes on; add a"
              + " restartCheckCommand that waits for them if the next step depends on it.");
    }
    pr.unknownFields(RESTART_KNOWN);
    Step s =
        Step.of(
            new Customizer.WindowsRestart(
                pr.name(), command.orElse(null), check.orElse(null), timeout),
            pr.range());
    s = rangeOf(pr, s, "restart_command", "/restartCommand");
    s = rangeOf(pr, s, "restart_check_command", "/restartCheckCommand");
    return List.of(rangeOf(pr, s, "restart_timeout", "/restartTimeout"));
  }

  /**
   * A Go duration as Image Builder writes restart timeouts: one number and unit ({@code 90m},
   * {@code 2h}); seconds are rounded up to whole minutes, with a warning.
   */
  private static String restartTimeout(Prov pr, long nanos) {
    long hour = 3_600_000_000_000L;
    long minute = 60_000_000_000L;
    if (nanos < 0) {
      // As a negative provisioner timeout (PKRMAP-W212): Packer's wait for the restart (and its
      // retry of the restart command) is bounded by it, so it expires at once and Packer fails the
      // build at this step ("Timeout waiting for machine to restart."); Image Builder's step,
      // which takes no negative timeout, waits its default and goes on.
      pr.report()
          .add(
              PackerMapCode.APPROXIMATED,
              pr.f.nameRange("restart_timeout"),
              "restart_timeout is negative, so Packer gives up waiting for the restart as soon as"
                  + " it starts (\"Timeout waiting for machine to restart.\") and the build fails"
                  + " there. Image Builder takes no negative timeout, so restart_timeout was"
                  + " dropped and the step waits Image Builder's default of 5 minutes: the image"
                  + " template builds where the Packer template fails. Remove restart_timeout, or"
                  + " give the duration that was meant (such as 5m).");
      return null;
    }
    if (nanos == 0) {
      pr.report()
          .add(
              PackerMapCode.FIELD_DROPPED,
              pr.f.nameRange("restart_timeout"),
              "restart_timeout = 0 was dropped; Image Builder waits its default of 5 minutes.");
      return null;
    }
    if (nanos % hour == 0) {
      return nanos / hour + "h";
    }
    long minutes = (nanos + minute - 1) / minute;
    if (nanos % minute != 0) {
      pr.report()
          .add(
              PackerMapCode.DURATION_ROUNDED,
              pr.f.nameRange("restart_timeout"),
              "Image Builder takes restart timeouts in whole minutes or hours, so restart_timeout"
                  + " becomes "
                  + minutes
                  + "m (rounded up).");
    }
    return minutes + "m";
  }

  static List<Step> update(Prov pr) {
    // final, so that dest + "…" is a constant rather than a concatenation per step.
    final String dest = "properties.customize[].";
    Optional<String> criteria = pr.f.string("search_criteria", dest + "searchCriteria");
    Optional<List<String>> filters = pr.f.strings("filters", dest + "filters");
    Optional<Long> limit = pr.f.integer("update_limit", dest + "updateLimit");
    pr.dropWarning(
        "restart_timeout", "Image Builder's update step restarts the VM with its own timeout.");
    pr.dropWarning(
        "update_max_retries", "Image Builder's update step retries with its own policy.");
    pr.dropNote("username", "Image Builder runs the update step as its own build user.");
    pr.dropCredential("password");
    pr.unknownFields(UPDATE_KNOWN);
    if (!pr.u.supports("properties.customize[WindowsUpdate]")) {
      pr.report()
          .add(
              PackerMapCode.REFUSED_IN_API_VERSION,
              pr.range(),
              "WindowsUpdate steps exist "
                  + Unit.availability("properties.customize[WindowsUpdate]")
                  + ", not in "
                  + pr.u.api.id()
                  + ". Choose a newer API version.");
      return List.of();
    }
    if (limit.isPresent() && limit.get() < 0) {
      pr.report()
          .add(
              PackerMapCode.INVALID_VALUE,
              pr.f.take("update_limit").get().valueRange(),
              "update_limit must be 0 or more.");
      return List.of();
    }
    Step s =
        Step.of(
            new Customizer.WindowsUpdate(
                pr.name(),
                criteria.orElse(null),
                filters.orElse(null),
                limit.map(IntValue::of).orElse(null)),
            pr.range());
    s = rangeOf(pr, s, "search_criteria", "/searchCriteria");
    s = rangeOf(pr, s, "filters", "/filters");
    return List.of(rangeOf(pr, s, "update_limit", "/updateLimit"));
  }

  /**
   * {@code windows-shell} runs its commands with {@code cmd /c} from a batch file; the step writes
   * that batch file and runs it the same way.
   */
  static List<Step> shell(Prov pr) {
    String inline = Steps.INLINE_DESTINATION;
    Optional<Prov.Commands> commands = pr.commands(inline);
    EnvVars.Read read = EnvVars.readLocated(pr, inline);
    Map<String, String> env = read.env();
    List<Long> exitCodes = Steps.exitCodes(pr);
    boolean binary = pr.f.bool("binary").orElse(false);
    shellFields(pr, env);
    if (commands.isEmpty()) {
      return List.of();
    }
    Prov.Commands c = commands.get();
    List<IntValue> validExitCodes = Steps.windowsExitCodes(pr, exitCodes);
    // A last inline command that only restarts the VM becomes a WindowsRestart step after the
    // step; the step itself is left out when it had no other command.
    Restarts.Inline checked =
        c.isInline() ? Restarts.inline(pr, c.inline(), c.valueRange(), true) : null;
    List<Step> steps = new ArrayList<>();
    // Packer sets PACKER_BUILD_NAME and PACKER_BUILDER_TYPE for windows-shell too; a batch file
    // that reads %PACKER_BUILD_NAME% got the text as written.
    Map<String, String> inlineEnv =
        checked != null ? EnvVars.withPackerVariables(env, pr, checked.commands()) : env;
    if (checked == null || !checked.commands().isEmpty()) {
      EnvVars.note(pr, inlineEnv, "$env: assignments");
      pr.report()
          .add(
              PackerMapCode.APPROXIMATED,
              pr.range(),
              "Image Builder has no cmd.exe step, so a PowerShell step writes the commands to a"
                  + " batch file and runs it with cmd /c, passing its exit code on.");
    }
    if (checked != null) {
      if (!checked.commands().isEmpty()) {
        String path = PowerShellProvisioner.TEMP + "packer2aib-" + pr.index + ".cmd";
        byte[] bytes =
            (String.join("\r\n", checked.commands()) + "\r\n").getBytes(StandardCharsets.UTF_8);
        steps.add(
            EnvVars.locating(
                Step.of(powerShell(pr, batch(inlineEnv, path, bytes), validExitCodes), pr.range())
                    .with("/inline", c.valueRange()),
                EnvVars.cmdExpandedNames(inlineEnv),
                read.where(),
                0));
      }
      if (checked.restart() != null) {
        steps.add(checked.restart());
      }
      return Steps.exitCodesAt(pr, steps);
    }
    for (int k = 0; k < c.scripts().size(); k++) {
      Optional<LocalFile> loaded = LocalFile.load(pr, c.scripts().get(k), c.valueRange(), "script");
      if (loaded.isEmpty()) {
        continue;
      }
      LocalFile file = loaded.get();
      Optional<String> text = file.text();
      Map<String, String> scriptEnv = EnvVars.withPackerVariables(env, pr, text.orElse(""));
      if (text.isPresent()) {
        Restarts.script(pr, pr.u.files.shown(file.path()), text.get(), c.valueRange(), true);
        // A batch file that runs Sysprep generalizes as a PowerShell script does (W404 there).
        if (Generalization.mentions(text.get(), CommandLanguage.CMD)) {
          Steps.generalizationInScript(pr, file);
        }
      }
      String path =
          PowerShellProvisioner.TEMP
              + "packer2aib-"
              + pr.index
              + (c.scripts().size() > 1 ? "-" + (k + 1) : "")
              + "-"
              + file.fileName();
      if (pr.u.scriptBase.isPresent()) {
        String uri = pr.u.uploads.resolve(pr.u, pr.u.scriptBase.get(), file, c.valueRange());
        steps.add(
            Step.of(new Customizer.File(pr.name(), uri, path, file.sha256()), pr.range())
                .with("/sourceUri", c.valueRange()));
        steps.add(
            EnvVars.locating(
                Step.of(powerShell(pr, batch(scriptEnv, path, null), validExitCodes), pr.range()),
                EnvVars.cmdExpandedNames(scriptEnv),
                read.where(),
                0));
        continue;
      }
      if (file.bytes() == null
          || !LocalFiles.isText(file.bytes())
          || binary
          || file.size() > LocalFiles.INLINE_SCRIPT_LIMIT) {
        pr.report()
            .add(
                PackerMapCode.BINARY_FILE,
                c.valueRange(),
                "The script "
                    + pr.u.files.shown(file.path())
                    + " is not UTF-8 text of a size that can be written into the template. Upload"
                    + " it and pass --script-base-uri with the address it is uploaded under.");
        continue;
      }
      List<String> names = EnvVars.cmdExpandedNames(scriptEnv);
      // The batch file's lines follow the header that starts writing it: a message names its line.
      steps.add(
          EnvVars.locating(
                  Step.of(
                          powerShell(pr, batch(scriptEnv, path, file.bytes()), validExitCodes),
                          pr.range())
                      .with("/inline", c.valueRange()),
                  names,
                  read.where(),
                  0)
              .withLines(
                  "/inline",
                  names.size() + 1,
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
                  + path
                  + " and runs it. Anyone who can read the template can read the script. Pass"
                  + " --script-base-uri to refer to an uploaded copy instead.");
    }
    return Steps.exitCodesAt(pr, steps);
  }

  /** What becomes of the windows-shell fields that no step holds. */
  private static void shellFields(Prov pr, Map<String, String> env) {
    if (pr.f.inspect("execute_command").map(WindowsExecuteCommands::isCmdDefault).orElse(false)) {
      pr.dropNote(
          "execute_command",
          "it runs the batch file as Packer's default does, and the step runs it the same way with"
              + " cmd /c.");
    } else {
      pr.dropWarning(
          "execute_command",
          "Image Builder has no execute_command; the step runs the batch file with cmd /c.");
    }
    pr.dropNote("remote_path", "Image Builder chooses where its scripts are stored on the VM.");
    pr.dropNote(
        "start_retry_timeout", "Image Builder connects to the build VM and retries by itself.");
    cmdEnvFormat(pr, !env.isEmpty());
    pr.unknownFields(SHELL_KNOWN);
  }

  /**
   * The inline commands of a last windows-shell step that generalizes the VM, added to {@code
   * generalization} (Image Builder's deprovisioning script, a PowerShell script). When they do no
   * more than Image Builder's default generalization they are added as they are, and dropped with
   * it (PKRMAP-W401). Otherwise they are cmd.exe commands, which PowerShell cannot run as they are
   * ({@code %SystemRoot%} is not expanded, Windows PowerShell refuses {@code &&}, {@code del /f} is
   * Remove-Item with bad arguments), so the deprovisioning script writes them to a batch file and
   * runs it with {@code cmd /c}, with the step's environment, as the step would: a failure ends the
   * script with cmd's exit code, as it failed Packer's build. Gives no step.
   */
  static List<Step> generalizing(Prov pr, List<String> generalization) {
    String inline = Steps.INLINE_DESTINATION;
    Optional<Prov.Commands> commands = pr.commands(inline);
    Map<String, String> env = EnvVars.read(pr, inline);
    Steps.exitCodes(pr);
    pr.f.bool("binary"); // for scripts only
    // As for a step: the commands before these, when they are a step of their own, get the same.
    shellFields(pr, env);
    List<String> lines =
        commands.isPresent() && commands.get().isInline() ? commands.get().inline() : List.of();
    if (!lines.isEmpty() && Generalization.isDefault(lines, CommandLanguage.CMD)) {
      // Provisioners drops the same commands.
      pr.dropNote(
          "valid_exit_codes",
          "the commands that generalize the VM are dropped, as Image Builder runs its own"
              + " generalization.");
      generalization.addAll(lines);
      return List.of();
    }
    if (lines.isEmpty()) {
      return List.of(); // a batch file is no generalization step (PKRMAP-W404 elsewhere)
    }
    pr.dropWarning(
        "valid_exit_codes",
        "Image Builder runs "
            + Generalization.WINDOWS_SCRIPT
            + " itself, which stops at the batch file's first exit code other than 0.");
    Map<String, String> all = EnvVars.withPackerVariables(env, pr, lines);
    EnvVars.note(pr, all, "$env: assignments");
    String path = PowerShellProvisioner.TEMP + "packer2aib-" + pr.index + "-deprovision.cmd";
    pr.report()
        .add(
            PackerMapCode.APPROXIMATED,
            pr.range(),
            "These are cmd.exe commands, and "
                + Generalization.WINDOWS_SCRIPT
                + " is a PowerShell script, which cannot run them as they are (%SystemRoot% is not"
                + " expanded, && is refused), so it writes them to "
                + path
                + " and runs that with cmd /c, stopping with its exit code when it fails.");
    byte[] bytes = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    generalization.addAll(EnvVars.cmdExpanded(all));
    generalization.addAll(PowerShellText.writeFile(path, bytes));
    generalization.add("& cmd.exe /c " + PowerShellText.quote(path));
    generalization.add("if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }");
    return List.of();
  }

  /**
   * Packer's default env_var_format of {@code windows-shell}, {@code set "%s=%s" && } (also with
   * {@code &}, and without the final space: cmd.exe reads the operator either way), which the
   * step's assignments imitate ({@link EnvVars#cmdExpanded}).
   */
  private static final Pattern CMD_FORMAT = Pattern.compile("set \"%s=%s\" &&?[ \t]*");

  /**
   * Says what became of env_var_format: the step sets each value as Packer's default format does,
   * which is what the format said (a note), or what it may not have said while the step sets {@code
   * variables} (a warning: {@code set %s=%s && } gives each value a trailing space and lets cmd.exe
   * read {@code & | < >} in it).
   */
  private static void cmdEnvFormat(Prov pr, boolean variables) {
    if (!pr.f.has("env_var_format")) {
      return;
    }
    Optional<String> format = pr.f.inspect("env_var_format");
    if (!variables || format.isEmpty() || CMD_FORMAT.matcher(format.get()).matches()) {
      pr.dropNote(
          "env_var_format",
          variables
              ? "the step sets the variables at its top as Packer's default format, set"
                  + " \"NAME=value\" && , does."
              : "the step sets no environment variables of the template.");
      return;
    }
    pr.dropWarning(
        "env_var_format",
        "the converter imitates only Packer's default format, set \"%s=%s\" && , so the step"
            + " sets each value as that does (a %NAME% in it expanded as cmd.exe expands it, all"
            + " else as written), which may differ from what this format set (set %s=%s && , for"
            + " one, adds a space to each value and lets cmd.exe read & | < > in it). If a value"
            + " relied on it, set the variable with a command of the step.");
  }

  private static List<String> batch(Map<String, String> env, String path, byte[] write) {
    List<String> lines = new ArrayList<>(EnvVars.cmdExpanded(env));
    if (write != null) {
      lines.addAll(PowerShellText.writeFile(path, write));
    }
    lines.add("& cmd.exe /c " + PowerShellText.quote(path));
    lines.add("exit $LASTEXITCODE");
    return lines;
  }

  private static Customizer.PowerShell powerShell(
      Prov pr, List<String> lines, List<IntValue> validExitCodes) {
    return new Customizer.PowerShell(pr.name(), null, null, lines, null, null, validExitCodes);
  }

  static List<Step> sleep(Prov pr) {
    Optional<Long> nanos = Steps.duration(pr, pr.f, "duration");
    pr.unknownFields(List.of("duration"));
    if (!pr.f.has("duration")) {
      pr.report()
          .add(
              PackerMapCode.MISSING_FIELD,
              pr.range(),
              "The sleep provisioner needs a duration such as 30s. Add duration = \"…\".");
      return List.of();
    }
    if (nanos.isEmpty() || Steps.negativePause(pr, "duration", nanos.get())) {
      return List.of();
    }
    return List.of(Steps.sleep(pr.u.os, nanos.get(), pr.name(), pr.range()));
  }

  private static Step rangeOf(Prov pr, Step s, String key, String member) {
    // No Optional chain: every Windows step comes here, and in C1 code each capturing lambda is an
    // allocation through a method handle.
    Optional<Field> f = pr.f.take(key);
    return f.isPresent() ? s.with(member, f.get().valueRange()) : s;
  }
}
