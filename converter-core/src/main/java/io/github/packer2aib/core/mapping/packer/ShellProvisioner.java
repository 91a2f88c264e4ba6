package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code shell} → {@code Shell} (mapping.md §B.2). Inline commands stay inline when Image Builder
 * would run them as Packer does; otherwise (sudo, another interpreter, exit codes) they are written
 * to a script that the step runs. Local scripts become {@code scriptUri} with a base URI, else they
 * are written out by the step itself.
 */
final class ShellProvisioner {
  private ShellProvisioner() {}

  static final String DEFAULT_SHEBANG = "/bin/sh -e";

  static final List<String> KNOWN =
      List.of(
          "inline",
          "script",
          "scripts",
          "environment_vars",
          "env",
          "execute_command",
          "inline_shebang",
          "valid_exit_codes",
          "expect_disconnect",
          "pause_after",
          "remote_folder",
          "remote_file",
          "remote_path",
          "skip_clean",
          "start_retry_timeout",
          "use_env_var_file",
          "env_var_format",
          "binary");

  private static final String INLINE = Steps.INLINE_DESTINATION;

  /**
   * Maps the provisioner. With {@code generalization} non-null the provisioner is a trailing
   * generalization step: nothing is emitted and its commands (with their environment) are added to
   * {@code generalization} for a possible {@code DeprovisioningScript}.
   */
  static List<Step> map(Prov pr, List<String> generalization) {
    Optional<Prov.Commands> commands = pr.commands(INLINE);
    ExecRead execRead = readExecuteCommand(pr);
    if (generalization == null) {
      explain(pr, execRead);
    }
    ExecuteCommand exec = execRead.exec();
    List<EnvVars.Entry> entries = EnvVars.entries(pr, INLINE, true);
    Map<String, String> declared = ShellEnvFormat.environment(pr, entries);
    Map<String, String> env = withAssignments(declared, exec);
    Map<String, Range> where = whereSet(pr, EnvVars.where(entries), declared, exec);
    Optional<String> shebang = pr.f.string("inline_shebang", INLINE);
    List<Long> exitCodes = Steps.exitCodes(pr);
    boolean binary = pr.f.bool("binary").orElse(false);
    if (pr.f.bool("expect_disconnect").orElse(false)) {
      pr.report()
          .add(
              PackerMapCode.APPROXIMATED,
              pr.f.nameRange("expect_disconnect"),
              "expect_disconnect = true says the commands reboot the VM. Image Builder has no Linux"
                  + " restart step and does not document what happens when a Shell step reboots;"
                  + " the step is kept as it is. Prefer to avoid the reboot, or check the build"
                  + " log.");
    }
    // After the generalization nothing runs: a sleep step there was announced (N210), never added.
    Optional<Step> pauseAfter =
        generalization == null ? Steps.pauseAfter(pr, Os.LINUX) : Steps.noPauseAfter(pr);
    pr.dropNote("remote_folder", "Image Builder chooses where its scripts are stored on the VM.");
    pr.dropNote("remote_file", "Image Builder chooses where its scripts are stored on the VM.");
    pr.dropNote("remote_path", "Image Builder chooses where its scripts are stored on the VM.");
    pr.dropNote("skip_clean", "Image Builder cleans up its own scripts.");
    pr.dropNote(
        "start_retry_timeout", "Image Builder connects to the build VM and retries by itself.");
    pr.dropNote("use_env_var_file", "the variables are set at the top of the step instead.");
    pr.unknownFields(KNOWN);
    if (commands.isEmpty()) {
      return List.of();
    }
    Prov.Commands c = commands.get();
    if (generalization != null && !c.isInline()) {
      // Run from the deprovisioning script as the step would run them: say so, as for a step.
      explain(pr, execRead);
      return Steps.deprovisioningScripts(
          pr,
          c,
          binary,
          (file, copy) -> {
            String text = file.text().orElse("");
            List<String> lines =
                new ArrayList<>(EnvVars.exports(EnvVars.withPackerVariables(env, pr, text)));
            if (!binary && ShellText.hasWindowsLineEndings(text)) {
              crlfNote(pr, c, file, pr.u.scriptBase.isPresent());
              if (pr.u.scriptBase.isPresent()) {
                lines.add(ShellText.stripCarriageReturns(copy));
              }
            }
            lines.addAll(run(copy, exec, exitCodes));
            return lines;
          },
          generalization);
    }
    String interpreterShebang = shebang.orElse(DEFAULT_SHEBANG);
    if (generalization != null) {
      generalizingInline(
          pr, c, env, execRead, interpreterShebang, shebang.isPresent(), exitCodes, generalization);
      return List.of();
    }
    List<Step> steps = new ArrayList<>();
    if (c.isInline()) {
      steps.add(
          inline(pr, c, env, where, exec, interpreterShebang, shebang.isPresent(), exitCodes));
    } else {
      steps.addAll(scripts(pr, c, env, where, exec, exitCodes, binary));
    }
    if (pauseAfter.isPresent()) {
      steps.add(pauseAfter.get());
    }
    return steps;
  }

  /**
   * The inline commands of a last, generalizing step, added to {@code generalization}. When they do
   * no more than Image Builder's default generalization ({@code waagent -force -deprovision+user},
   * through sudo or not) they are added as they are and dropped with it (PKRMAP-W401), and so is
   * what would have shaped them. Otherwise they go to the deprovisioning script as the step would
   * run them, as a last step's script does ({@link Steps#deprovisioningScripts}): with the
   * environment, and, for sudo, another interpreter or shebang, or exit codes, written to a script
   * that is run with them. Copied as they are, without the sudo of execute_command, they ran as
   * whoever runs the deprovisioning script, while the same commands in a script ran with sudo.
   */
  private static void generalizingInline(
      Prov pr,
      Prov.Commands c,
      Map<String, String> env,
      ExecRead execRead,
      String shebang,
      boolean shebangSet,
      List<Long> exitCodes,
      List<String> generalization) {
    List<String> commands = new ArrayList<>(EnvVars.exports(env));
    commands.addAll(c.inline());
    if (Generalization.isDefault(commands, CommandLanguage.POSIX_SHELL)) {
      // Provisioners drops the same commands; what would have shaped them goes with them.
      for (String k : List.of("inline_shebang", "valid_exit_codes")) {
        if (pr.f.has(k)) {
          pr.report()
              .add(
                  PackerMapCode.FIELD_DROPPED,
                  pr.f.nameRange(k),
                  k
                      + " was dropped: the commands that generalize the VM are dropped, as Image"
                      + " Builder runs its own generalization.");
        }
      }
      generalization.addAll(commands);
      return;
    }
    explain(pr, execRead);
    ExecuteCommand exec = execRead.exec();
    List<String> lines = new ArrayList<>(EnvVars.exports(exportedEnvironment(pr, env, c)));
    if (!wrapped(exec, shebang, exitCodes)) {
      lines.addAll(c.inline());
    } else {
      String path = "/tmp/packer2aib-" + pr.index + "-deprovision.sh";
      lines.addAll(ShellText.writeLines(path, "#!" + shebang, c.inline()));
      lines.addAll(run(path, exec, exitCodes));
      if (shebangSet && !shebang.equals(DEFAULT_SHEBANG) && exec.interpreter().isEmpty()) {
        pr.report()
            .add(
                PackerMapCode.INTERPRETER_KEPT,
                pr.f.nameRange("inline_shebang"),
                "The deprovisioning script writes the commands to a script starting with #!"
                    + shebang
                    + " and runs that, as Packer runs them.");
      }
    }
    generalization.addAll(lines);
  }

  /** The step's environment (Packer's own variables added) that its export lines set, noted. */
  private static Map<String, String> exportedEnvironment(
      Prov pr, Map<String, String> declared, Prov.Commands c) {
    Map<String, String> env = EnvVars.withPackerVariables(declared, pr, c.inline());
    EnvVars.note(pr, env, "export lines");
    return env;
  }

  /**
   * Where each variable of the step's environment is set: its entry of environment_vars or key of
   * env ({@code entries}), or execute_command for one the command sets itself that is exported
   * ({@link #withAssignments}).
   */
  private static Map<String, Range> whereSet(
      Prov pr, Map<String, Range> entries, Map<String, String> declared, ExecuteCommand exec) {
    if (exec.assignments().isEmpty()) {
      return entries;
    }
    Map<String, Range> out = new java.util.HashMap<>(entries);
    Range at = pr.f.take("execute_command").map(Field::valueRange).orElse(null);
    for (String name : exec.assignments().keySet()) {
      if (at != null && !(exec.beforeVars().contains(name) && declared.containsKey(name))) {
        out.put(name, at);
      }
    }
    return out;
  }

  /**
   * Whether inline commands must be written to a script and run through it (sudo, an interpreter,
   * another shebang or other exit codes), rather than run as lines of Image Builder's own script.
   */
  private static boolean wrapped(ExecuteCommand exec, String shebang, List<Long> exitCodes) {
    return exec.sudo()
        || exec.interpreter().isPresent()
        || !shebang.equals(DEFAULT_SHEBANG)
        || !Steps.isDefaultExitCodes(exitCodes);
  }

  private static Step inline(
      Prov pr,
      Prov.Commands c,
      Map<String, String> declared,
      Map<String, Range> where,
      ExecuteCommand exec,
      String shebang,
      boolean shebangSet,
      List<Long> exitCodes) {
    Map<String, String> env = exportedEnvironment(pr, declared, c);
    List<String> lines = new ArrayList<>(EnvVars.exports(env));
    int firstCommand = lines.size();
    boolean wrapped = wrapped(exec, shebang, exitCodes);
    if (!wrapped) {
      lines.addAll(c.inline());
      if (c.inline().size() > 1) {
        inlineAssumed(pr, c);
      }
    } else {
      String path = "/tmp/packer2aib-" + pr.index + ".sh";
      lines.addAll(ShellText.writeLines(path, "#!" + shebang, c.inline()));
      lines.addAll(run(path, exec, exitCodes));
      if (shebangSet && !shebang.equals(DEFAULT_SHEBANG) && exec.interpreter().isEmpty()) {
        pr.report()
            .add(
                PackerMapCode.INTERPRETER_KEPT,
                pr.f.nameRange("inline_shebang"),
                "Image Builder is assumed to run inline commands as Packer does by default, as"
                    + " one script with /bin/sh -e (how it runs them is not documented), so the"
                    + " step writes them to a script starting with #!"
                    + shebang
                    + " and runs that, whatever interpreter Image Builder uses.");
      }
      Steps.exitCodesNote(pr, exitCodes);
    }
    Customizer.Shell shell = new Customizer.Shell(pr.name(), null, null, lines);
    Step step =
        EnvVars.locating(
            Step.of(shell, pr.range()).with("/inline", c.valueRange()), env.keySet(), where, 0);
    // Copied as they are, the commands keep their places after the export lines.
    return wrapped ? step : c.locatingEach(step, firstCommand);
  }

  /**
   * Says, once per image template, that inline commands copied as they are rely on Image Builder
   * running them as Packer does: as one script with /bin/sh -e, stopping at the first failure.
   * mapping.md §B.2 marks this uncertain (Image Builder does not document its interpreter); only
   * steps of several commands depend on it, and one note explains them all.
   */
  private static void inlineAssumed(Prov pr, Prov.Commands c) {
    if (pr.u.inlineAssumptionSaid) {
      return;
    }
    pr.u.inlineAssumptionSaid = true;
    pr.report()
        .add(
            PackerMapCode.INLINE_SEMANTICS_ASSUMED,
            c.valueRange(),
            "Packer runs a shell provisioner's inline commands as one script with /bin/sh -e, so"
                + " the first command that fails stops the step and fails the build. The inline"
                + " commands of this template's Shell steps are copied as they are, assuming that"
                + " Image Builder runs them the same way; how it runs them (interpreter, -e) is not"
                + " documented. Where a command must not run after an earlier one failed, join them"
                + " with && so that it holds either way.");
  }

  private static List<Step> scripts(
      Prov pr,
      Prov.Commands c,
      Map<String, String> declared,
      Map<String, Range> where,
      ExecuteCommand exec,
      List<Long> exitCodes,
      boolean binary) {
    List<Step> steps = new ArrayList<>();
    boolean wrapperNoted = false;
    boolean envNoted = false;
    for (int k = 0; k < c.scripts().size(); k++) {
      String written = c.scripts().get(k);
      Optional<LocalFile> loaded = LocalFile.load(pr, written, c.valueRange(), "script");
      if (loaded.isEmpty()) {
        continue;
      }
      LocalFile file = loaded.get();
      Optional<String> text = file.text();
      if (text.isPresent() && Generalization.mentions(text.get(), CommandLanguage.POSIX_SHELL)) {
        Steps.generalizationInScript(pr, file);
      }
      Map<String, String> env = EnvVars.withPackerVariables(declared, pr, text.orElse(""));
      if (!envNoted) {
        EnvVars.note(pr, env, "export lines");
        envNoted = true;
      }
      List<String> exports = EnvVars.exports(env);
      // Packer uploads a script that is not binary with LF line endings; a CR left at the end of
      // the shebang line would make it "/bin/bash\r", which no system has.
      boolean crlf = !binary && text.isPresent() && ShellText.hasWindowsLineEndings(text.get());
      boolean wrapped =
          !exports.isEmpty()
              || exec.sudo()
              || exec.interpreter().isPresent()
              || !Steps.isDefaultExitCodes(exitCodes)
              || crlf;
      String tmp =
          "/tmp/packer2aib-"
              + pr.index
              + (c.scripts().size() > 1 ? "-" + (k + 1) : "")
              + "-"
              + file.fileName();
      if (pr.u.scriptBase.isPresent()) {
        String uri = pr.u.uploads.resolve(pr.u, pr.u.scriptBase.get(), file, c.valueRange());
        if (!wrapped) {
          steps.add(
              Step.of(new Customizer.Shell(pr.name(), uri, file.sha256(), null), pr.range())
                  .with("/scriptUri", c.valueRange()));
          continue;
        }
        steps.add(
            Step.of(new Customizer.File(pr.name(), uri, tmp, file.sha256()), pr.range())
                .with("/sourceUri", c.valueRange()));
        List<String> lines = new ArrayList<>(exports);
        if (crlf) {
          lines.add(ShellText.stripCarriageReturns(tmp));
          crlfNote(pr, c, file, true);
        }
        lines.addAll(run(tmp, exec, exitCodes));
        steps.add(
            EnvVars.locating(
                Step.of(new Customizer.Shell(pr.name(), null, null, lines), pr.range()),
                env.keySet(),
                where,
                0));
        if (!wrapperNoted) {
          wrapperNoted = true;
          pr.report()
              .add(
                  PackerMapCode.SCRIPT_WRAPPED,
                  c.nameRange(),
                  "A Shell step with scriptUri cannot set environment variables, use sudo, check"
                      + " exit codes or change a script's line endings, so each script is"
                      + " downloaded by a File step (checksum verified) to /tmp and run by a Shell"
                      + " step that does those things.");
        }
        continue;
      }
      if (!pr.u.files.inlinable(pr.report(), c.valueRange(), file, binary)) {
        continue;
      }
      List<String> lines = new ArrayList<>(exports);
      if (crlf) {
        crlfNote(pr, c, file, false);
      }
      int header = lines.size();
      String content = crlf ? ShellText.unixLineEndings(text.get()) : text.get();
      lines.addAll(ShellText.writeFile(tmp, content));
      lines.addAll(run(tmp, exec, exitCodes));
      Step step =
          Step.of(new Customizer.Shell(pr.name(), null, null, lines), pr.range())
              .with("/inline", c.valueRange());
      // The script's lines follow the here-document's header: a message about one names it.
      steps.add(
          EnvVars.locating(step, env.keySet(), where, 0)
              .withLines(
                  "/inline",
                  header + 1,
                  ShellText.lineCount(content),
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
                  + " and runs it"
                  + (exec.interpreter().isPresent()
                      ? " with " + exec.interpreter().get()
                      : " (its own shebang line chooses the interpreter)")
                  + ". Anyone who can read the template can read the script. Pass"
                  + " --script-base-uri to refer to an uploaded copy instead.");
    }
    if (!wrapperNoted) {
      Steps.exitCodesNote(pr, exitCodes);
    }
    return steps;
  }

  /** Says that a script's Windows line endings become LF, as Packer's upload makes them. */
  private static void crlfNote(Prov pr, Prov.Commands c, LocalFile file, boolean onTheVm) {
    pr.report()
        .add(
            PackerMapCode.FIELD_REWRITTEN,
            c.valueRange(),
            "The script "
                + pr.u.files.shown(file.path())
                + " has Windows line endings (CR LF), which Packer's shell provisioner turns into"
                + " LF when it uploads a script (binary = false)"
                + (onTheVm
                    ? ", so the step removes the CRs from the downloaded copy before running it"
                    : ", so the step writes it with LF line endings")
                + "; otherwise its first line would name an interpreter ending in a CR. Set"
                + " binary = true if the CRs must stay.");
  }

  /** The sudo command of a step: the environment kept, and HOME root's when -H asked for it. */
  private static String sudo(ExecuteCommand exec) {
    return exec.setsHome() ? "sudo -E -H" : "sudo -E";
  }

  /** The lines that run a script file as the execute_command would. */
  static List<String> run(String path, ExecuteCommand exec, List<Long> exitCodes) {
    List<String> out = new ArrayList<>();
    String prefix = exec.sudo() ? sudo(exec) + " " : "";
    String command;
    if (exec.interpreter().isPresent()) {
      command = prefix + exec.interpreter().get() + " " + ShellText.quote(path);
    } else {
      out.add("chmod +x " + ShellText.quote(path));
      command = prefix + ShellText.quote(path);
    }
    if (Steps.isDefaultExitCodes(exitCodes)) {
      out.add(command);
    } else {
      StringBuilder codes = new StringBuilder();
      for (Long code : exitCodes) {
        codes.append(codes.length() == 0 ? "" : "|").append(code);
      }
      // A name of our own: rc could be one of the step's exported variables, which the script
      // would then see as 0. An exit code 0 that the list leaves out fails the step, as in Packer
      // (exit 0 would pass it).
      out.add("packer2aib_rc=0");
      out.add(command + " || packer2aib_rc=$?");
      out.add(
          "case $packer2aib_rc in "
              + codes
              + ") ;; *) exit "
              + (exitCodes.contains(0L)
                  ? "$packer2aib_rc"
                  : "$((packer2aib_rc == 0 ? 1 : packer2aib_rc))")
              + " ;; esac");
    }
    return out;
  }

  /**
   * The environment with the variables execute_command sets itself ({@code CLOUD=azure sudo -E bash
   * '{{ .Path }}'}), which Packer's script sees as well: the step exports them too, over
   * environment_vars of the same name when they stand after {@code {{ .Vars }}}, as on Packer's
   * command line, and under them when they stand before it.
   */
  private static Map<String, String> withAssignments(Map<String, String> env, ExecuteCommand exec) {
    if (exec.assignments().isEmpty()) {
      return env;
    }
    Map<String, String> out = new TreeMap<>(env);
    for (Map.Entry<String, String> a : exec.assignments().entrySet()) {
      // FOO=default {{ .Vars }}: an environment_vars entry of the same name comes later and wins.
      if (!(exec.beforeVars().contains(a.getKey()) && env.containsKey(a.getKey()))) {
        out.put(a.getKey(), a.getValue());
      }
    }
    return out;
  }

  /**
   * execute_command as read, before anything is said about it: what the step does with it ({@code
   * exec}), its text (null when it is not set or not known), and whether the variables it sets were
   * left out for holding a secret ({@link #explain} refuses them).
   */
  private record ExecRead(
      ExecuteCommand exec, String text, boolean secretAssignments, List<String> credentials) {}

  private static final ExecRead NO_EXECUTE_COMMAND =
      new ExecRead(ExecuteCommand.DEFAULT, null, false, List.of());

  /**
   * Reads execute_command without a diagnostic: a last, generalizing step's commands are judged
   * first, and what became of the command is said ({@link #explain}) only when they are kept.
   */
  private static ExecRead readExecuteCommand(Prov pr) {
    if (!pr.f.has("execute_command")) {
      pr.f.consume("execute_command");
      return NO_EXECUTE_COMMAND;
    }
    Optional<String> text = pr.f.inspect("execute_command");
    if (text.isEmpty()) {
      return NO_EXECUTE_COMMAND;
    }
    ExecuteCommand exec = ExecuteCommand.parse(text.get());
    if (exec.interpreter().isPresent() && leaksSecret(pr, exec.interpreter().get())) {
      exec =
          new ExecuteCommand(
              exec.sudo(),
              Optional.empty(),
              exec.passwordDropped(),
              true,
              false,
              exec.assignments(),
              exec.setsHome(),
              exec.beforeVars());
    }
    boolean secretAssignments =
        !exec.assignments().isEmpty()
            && (leaksSecret(pr, assignmentsText(exec))
                || assignmentsMayHoldSecret(pr, exec, text.get()));
    if (secretAssignments) {
      exec = exec.withoutAssignments();
    }
    // A variable named as a credential and given a value here is left out, as the same entry of
    // environment_vars is: exported, it would be written into the step.
    List<String> credentials = new ArrayList<>();
    for (Map.Entry<String, String> a : exec.assignments().entrySet()) {
      String value =
          a.getValue()
              .replace(ExecuteCommand.EXPANDING_DOLLAR, '$')
              .replace(ExecuteCommand.EXPANDING_BACKTICK, '`');
      if (EnvVars.namedCredential(a.getKey(), value)) {
        credentials.add(a.getKey());
      }
    }
    if (!credentials.isEmpty()) {
      exec = exec.without(credentials);
    }
    return new ExecRead(exec, text.get(), secretAssignments, List.copyOf(credentials));
  }

  /** Explains what became of execute_command ({@link #readExecuteCommand}). */
  private static void explain(Prov pr, ExecRead read) {
    if (read.text() == null) {
      return;
    }
    ExecuteCommand exec = read.exec();
    Range at = pr.f.nameRange("execute_command");
    if (read.secretAssignments()) {
      // Exported, they would be written into the step: refused, as sensitive environment_vars.
      pr.u.secrets.refuse(
          pr.report(),
          pr.f.take("execute_command").get().value(),
          "execute_command",
          pr.f.take("execute_command").get().valueRange(),
          "the export lines of the step (properties.customize[].inline)");
    }
    for (String name : read.credentials()) {
      EnvVars.refuseCredential(
          pr,
          "The variable " + name + " that execute_command sets",
          "the export lines of the step (properties.customize[].inline)",
          pr.f.take("execute_command").get().valueRange());
    }
    if (exec.passwordDropped()) {
      pr.report()
          .add(
              PackerMapCode.SUDO_PASSWORD_DROPPED,
              at,
              "The password that execute_command pipes into sudo -S was dropped: Image Builder's"
                  + " build user runs sudo without a password, and credentials are never copied"
                  + " into the template.");
    }
    if (!exec.recognised()) {
      pr.report()
          .add(
              PackerMapCode.EXECUTE_COMMAND_DROPPED,
              at,
              "The converter does not recognise this execute_command, so it was dropped and the"
                  + " commands run as Image Builder runs Shell steps: as its unprivileged build"
                  + " user, with /bin/sh -e for inline commands and the script's own shebang for"
                  + " scripts. "
                  + (ExecuteCommand.switchesUser(read.text())
                      ? "It ran them as another user (su, runuser or sudo -u): run the commands"
                          + " that need that user with sudo -u USER (or sudo -iu USER for its"
                          + " login environment), and put bash -c around those that need bash."
                      : "If the command ran them as root, add sudo where it is needed."));
    } else if (exec.sudo()) {
      pr.report()
          .add(
              PackerMapCode.SUDO_KEPT,
              at,
              Words.concat(
                  "execute_command runs the commands as root through sudo, but Image Builder runs"
                      + " Shell steps as an unprivileged build user; the step runs them with ",
                  sudo(exec),
                  exec.interpreter().isPresent() ? " " : "",
                  exec.interpreter().orElse(""),
                  " instead (the environment is kept)."));
    } else if (exec.interpreter().isPresent()) {
      pr.report()
          .add(
              PackerMapCode.INTERPRETER_KEPT,
              at,
              Words.concat(
                  "execute_command runs the commands with ",
                  exec.interpreter().get(),
                  "; the step does the same."));
    } else if (!exec.assignments().isEmpty()) {
      pr.report()
          .add(
              PackerMapCode.ENVIRONMENT_SET,
              at,
              Words.concat(
                  "execute_command sets ",
                  Words.andQuoted(exec.assignments().keySet()),
                  " for the commands and runs them as Packer's default does; the step exports"
                      + " the variables at its top instead."));
    }
  }

  /** The variables execute_command sets, as {@code NAME=value} words, for the secret check. */
  private static String assignmentsText(ExecuteCommand exec) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : exec.assignments().entrySet()) {
      b.append(e.getKey()).append('=').append(e.getValue()).append(' ');
    }
    // As written: a secret holding "$" is found with its "$", not with the expansion marks.
    return b.toString()
        .replace(ExecuteCommand.EXPANDING_DOLLAR, '$')
        .replace(ExecuteCommand.EXPANDING_BACKTICK, '`');
  }

  /**
   * Whether the variables execute_command sets may come from a sensitive value that their text does
   * not show: the value carries the sensitive mark, which covers the whole command, so {@code
   * FOO=${lower(var.pw)}} or {@code P_${var.pw}=1} (a secret changed by a function, or shorter than
   * the texts searched for) is found only by the mark. The one use of a secret the mark can be put
   * down to is the sudo password piped in ({@code echo '…' | sudo -S …}, dropped): when that is the
   * only place the secret's text stands, the assignments are the template's own.
   */
  private static boolean assignmentsMayHoldSecret(Prov pr, ExecuteCommand exec, String text) {
    if (!Fields.sensitive(pr.f.take("execute_command").get().value())) {
      return false;
    }
    return !(exec.passwordDropped() && leaksSecret(pr, text));
  }

  /** Whether text taken from execute_command contains a sensitive value (it is then not used). */
  private static boolean leaksSecret(Prov pr, String text) {
    List<String> secrets = pr.u.secrets.allTexts();
    for (int i = 0; i < secrets.size(); i++) {
      if (text.contains(secrets.get(i))) {
        return true;
      }
    }
    return false;
  }
}
