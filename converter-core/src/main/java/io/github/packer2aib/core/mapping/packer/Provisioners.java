package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.value.Convert;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.NumberValue;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.Provisioner;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.TextMemo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A usage's provisioners → its customizers, in order (mapping.md §B): filtering by {@code
 * only}/{@code except}, merging {@code override}, the common fields, the trailing generalization
 * step, and refusing what Image Builder cannot run.
 */
final class Provisioners {
  private final Unit u;

  /** The provisioners' {@code timeout}s added up (those that are durations), and the first one. */
  private long timeoutNanos;

  private Setting firstTimeout;

  Provisioners(Unit u) {
    this.u = u;
  }

  /** Why each known but unsupported provisioner cannot be converted. */
  private static final Map<String, String> UNSUPPORTED =
      Map.ofEntries(
          Map.entry(
              "ansible",
              "runs ansible-playbook on the machine running Packer and connects into the build VM,"
                  + " which Image Builder does not allow. Install Ansible on the VM and run the"
                  + " playbook from a shell provisioner instead."),
          Map.entry(
              "ansible-local",
              "needs its playbooks uploaded and Ansible installed on the VM; convert it into file"
                  + " and shell provisioners by hand."),
          Map.entry("chef-solo", "has no Image Builder counterpart; run Chef from a step instead."),
          Map.entry(
              "chef-client", "has no Image Builder counterpart; run Chef from a step instead."),
          Map.entry(
              "puppet-masterless",
              "has no Image Builder counterpart; run Puppet from a step instead."),
          Map.entry(
              "puppet-server", "has no Image Builder counterpart; run Puppet from a step instead."),
          Map.entry(
              "salt-masterless", "has no Image Builder counterpart; run Salt from a step instead."),
          Map.entry(
              "converge", "has no Image Builder counterpart; run Converge from a step instead."),
          Map.entry(
              "inspec",
              "tests the VM from the machine running Packer; Image Builder cannot. Consider"
                  + " properties.validate for checks on the VM."),
          Map.entry(
              "shell-local",
              "runs on the machine running Packer, not on the build VM. Move it to the pipeline"
                  + " that deploys the image template."),
          Map.entry(
              "breakpoint",
              "pauses Packer for debugging; Image Builder cannot pause. Remove it (with API"
                  + " 2023-07-01 or later, errorHandling.onCustomizerError = \"abort\" keeps a"
                  + " failed build VM for inspection)."),
          Map.entry(
              "azure-dtlartifact",
              "installs DevTest Labs artifacts, which Image Builder cannot do."),
          Map.entry(
              "hcp-sbom",
              "collects a software bill of materials for HCP Packer, which Image"
                  + " Builder has no counterpart for."));

  /** The provisioner types that give steps on the build VM (the cases of {@link #mapOne}). */
  private static final Set<String> STEP_TYPES =
      Set.of(
          "shell",
          "powershell",
          "windows-shell",
          "file",
          "windows-restart",
          "windows-update",
          "sleep");

  private static final Set<String> LINUX_ONLY = Set.of("shell");
  private static final Set<String> WINDOWS_ONLY =
      Set.of("powershell", "windows-shell", "windows-restart", "windows-update");

  /** The operating system the provisioners suggest, when {@code os_type} is missing. */
  static Optional<Os> guessOs(List<Provisioner> provisioners) {
    for (Provisioner p : provisioners) {
      if (LINUX_ONLY.contains(p.type())) {
        return Optional.of(Os.LINUX);
      }
      if (WINDOWS_ONLY.contains(p.type())) {
        return Optional.of(Os.WINDOWS);
      }
    }
    return Optional.empty();
  }

  /** The diagnostics that say a step generalizes the VM (or may). */
  private static final Set<PackerMapCode> GENERALIZATION_SAID =
      Set.of(
          PackerMapCode.GENERALIZATION_DROPPED,
          PackerMapCode.GENERALIZATION_CUSTOM,
          PackerMapCode.GENERALIZATION_NOT_LAST,
          PackerMapCode.GENERALIZATION_IN_SCRIPT);

  List<Step> map() {
    int mark = u.report.mark();
    List<Step> steps = mapSteps();
    if (!u.report.anySince(mark, GENERALIZATION_SAID) && !writesDeprovisioningScript()) {
      generalizedByImageBuilder();
    }
    return steps;
  }

  /**
   * Whether a provisioner of this usage names Image Builder's deprovisioning script in its commands
   * or as the destination of a file: a template written with Image Builder in mind may write it
   * itself, and is then told nothing about Image Builder's own generalization, which that file
   * replaces (the warning would ask for what it does).
   */
  private boolean writesDeprovisioningScript() {
    String name = u.os == Os.WINDOWS ? "deprovisioningscript.ps1" : "deprovisioningscript.sh";
    String key = UsageFilter.key(u.usage);
    for (Provisioner p : u.build.provisioners()) {
      if (!UsageFilter.applies(p.only(), p.except(), key)) {
        continue;
      }
      Config body = UsageFilter.merged(p.config(u.usage), p.override(), u.usage);
      for (String k : DEPROVISIONING_SCRIPT_FIELDS) {
        Optional<Setting> s = body.setting(k);
        if (s.isEmpty()) {
          continue;
        }
        for (String text : Secrets.texts(s.get().value())) {
          if (text.toLowerCase(Locale.ROOT).contains(name)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Where a provisioner may name the deprovisioning script it writes. */
  private static final List<String> DEPROVISIONING_SCRIPT_FIELDS = List.of("inline", "destination");

  /**
   * Says, once per image template, that no step generalizes the VM: the Azure plugin then only
   * calls the Compute API's generalize on the VM when it captures it (StepCaptureImage), which runs
   * nothing on it, while Image Builder always runs its own generalization after the last step
   * (mapping.md §0.1 4), so the image differs from Packer's.
   */
  private void generalizedByImageBuilder() {
    boolean windows = u.os == Os.WINDOWS;
    u.report.add(
        PackerMapCode.GENERALIZED_BY_IMAGE_BUILDER,
        u.usage.range(),
        "No step of this build generalizes the VM (no "
            + (windows ? "Sysprep /generalize" : "waagent -deprovision")
            + " that the converter can see). Packer then only marks the VM generalized when it"
            + " captures the image, which runs nothing on the VM, while Image Builder always"
            + " generalizes it after the last step with its own command, "
            + (windows
                ? "Sysprep /oobe /generalize /quiet /quit (which fails, for instance, when an"
                    + " app is installed for one user only)"
                : "waagent -force -deprovision+user (which also deletes the build VM's user"
                    + " account and its home directory)")
            + ", so the image is generalized where Packer's was not. To run other commands in its"
            + " place, write them to "
            + Generalization.script(u.os)
            + " in a last step: Image Builder runs that file instead of its own command.");
  }

  private List<Step> mapSteps() {
    String key = UsageFilter.key(u.usage);
    List<Prov> applicable = new ArrayList<>();
    for (Provisioner p : u.build.provisioners()) {
      if (!UsageFilter.applies(p.only(), p.except(), key)) {
        continue;
      }
      Config body = UsageFilter.merged(p.config(u.usage), p.override(), u.usage);
      for (String name : UsageFilter.overlaidLists(p.config(u.usage), p.override(), u.usage)) {
        overlaid(p, name);
      }
      if (p.name().isPresent() && p.isSensitive(p.name().get())) {
        // The name would name the step in the template: refused, as any sensitive value is.
        u.secrets.refuse(
            u.report,
            Value.string(p.name().get()).mark(Mark.SENSITIVE),
            "the " + p.type() + " provisioner's name",
            p.range(),
            "the name of its step in the image template");
      }
      Prov pr = new Prov(u, p, body, applicable.size() + 1);
      // As written, before the generalization may cut its commands apart or drop them.
      UncalledPrograms.check(pr);
      applicable.add(pr);
    }
    boolean[] generalizes = new boolean[applicable.size()];
    // Provisioners that never give a step on the VM (a disabled breakpoint, shell-local and the
    // other unsupported ones, dropped or refused on their own) do not follow a generalization:
    // Sysprep before a disabled breakpoint is still the last thing the VM runs.
    boolean[] inVm = new boolean[applicable.size()];
    int lastOther = -1;
    for (int i = 0; i < applicable.size(); i++) {
      generalizes[i] = generalizes(applicable.get(i));
      inVm[i] = STEP_TYPES.contains(applicable.get(i).p.type());
      if (!generalizes[i] && inVm[i]) {
        lastOther = i;
      }
    }
    // The last steps may generalize by running a script that an earlier file provisioner put on
    // the VM (& C:\sysprep.ps1): the script's text is their command text (mapping.md §B.8), so
    // they are generalization steps too. Elsewhere such a step is a warning.
    // So are last steps whose last local script generalizes (scripts[i]: its path).
    UploadedScripts uploaded = new UploadedScripts(applicable, u.os);
    UploadedScripts.Upload[] runs = new UploadedScripts.Upload[applicable.size()];
    String[] scripts = new String[applicable.size()];
    while (lastOther >= 0) {
      Optional<String> local = generalizingScript(applicable.get(lastOther));
      if (local.isPresent()) {
        scripts[lastOther] = local.get();
      } else {
        Optional<UploadedScripts.Upload> run = uploaded.runBy(lastOther);
        if (run.isEmpty()) {
          break;
        }
        runs[lastOther] = run.get();
      }
      generalizes[lastOther] = true;
      do {
        lastOther--;
      } while (lastOther >= 0 && (generalizes[lastOther] || !inVm[lastOther]));
    }
    List<Step> steps = new ArrayList<>();
    List<String> script = new ArrayList<>();
    Range customAt = null;
    for (int i = 0; i < applicable.size(); i++) {
      Prov pr = applicable.get(i);
      if (generalizes[i] && i < lastOther) {
        u.report.add(
            PackerMapCode.GENERALIZATION_NOT_LAST,
            pr.range(),
            "This step generalizes the VM (Sysprep or waagent -deprovision), but more steps"
                + " follow it. Image Builder generalizes the VM itself after the last step and"
                + " cannot run steps on a generalized VM. Move the generalization to the end, or"
                + " remove it."
                + (u.build.sources().size() > 1
                    ? " (The build runs several sources; this is so for "
                        + u.usage.reference()
                        + ".)"
                    : ""),
            applicable.get(lastOther).range(),
            "a later step");
        continue;
      }
      if (generalizes[i]) {
        UploadedScripts.Upload run = runs[i];
        String local = scripts[i];
        CommandLanguage language = CommandLanguage.ofProvisioner(pr.p.type(), u.os);
        Optional<Prov[]> parts =
            local != null
                ? lastScriptApart(pr)
                : split(
                    pr,
                    texts ->
                        Generalization.generalizes(texts, language)
                            || (run != null && uploaded.runs(texts, run)),
                    // Only a command's own text is read by statement; a run of an uploaded script
                    // is found by its element.
                    run == null,
                    language);
        if (parts.isPresent()) {
          // Commands (or scripts) before the generalization stay a normal step.
          common(parts.get()[0], steps, false);
          steps.addAll(mapOne(parts.get()[0], null));
          pr = parts.get()[1];
        } else {
          // pause_before, max_retries and timeout of the provisioner, as for any other (they were
          // dropped without a word): a pause becomes a sleep step before the generalization,
          // Image Builder's own or the one kept in the deprovisioning script.
          common(pr, steps, true);
        }
        List<String> commands = new ArrayList<>();
        // Inline commands give no step; a script gives the steps that put it on the VM.
        steps.addAll(mapOne(pr, commands));
        if (local == null && run == null && Generalization.isDefault(commands, language)) {
          u.report.add(
              PackerMapCode.GENERALIZATION_DROPPED,
              pr.range(),
              parts.isPresent()
                  ? "The last commands of this step generalize the VM, which Image Builder does"
                      + " itself after the last step (with the same command); they were dropped so"
                      + " the VM is not generalized twice, and the commands before them are kept."
                  : "This step generalizes the VM, which Image Builder does itself after the last"
                      + " step (with the same command); it was dropped so the VM is not"
                      + " generalized twice.");
          continue;
        }
        script.addAll(commands);
        customAt = customAt == null ? pr.range() : customAt;
        if (local != null) {
          u.report.add(
              PackerMapCode.GENERALIZATION_CUSTOM,
              pr.range(),
              (parts.isPresent()
                      ? "The last script of this step, " + u.files.shown(local) + ", generalizes"
                      : "This step runs " + u.files.shown(local) + ", which generalizes")
                  + " the VM (Sysprep or waagent -deprovision). Image Builder generalizes the VM"
                  + " itself after the last step, and a VM generalized twice fails the build, so"
                  + " the script is put on the VM and run from "
                  + Generalization.script(u.os)
                  + ", which Image Builder runs instead of its own generalization"
                  + (parts.isPresent() ? "; the scripts before it stay a step." : "."));
        } else if (run != null) {
          u.report.add(
              PackerMapCode.GENERALIZATION_CUSTOM,
              pr.range(),
              (parts.isPresent() ? "The last commands of this step run " : "This step runs ")
                  + run.path()
                  + ", which "
                  + run.by().what()
                  + " puts on the VM and which generalizes it (Sysprep or waagent -deprovision)."
                  + " Image Builder generalizes the VM itself after the last step, and a VM"
                  + " generalized twice fails the build, so "
                  + replacedBy(parts.isPresent())
                  + ", which Image Builder runs instead of its own commands (the uploaded file"
                  + " stays on the VM for it).",
              run.by().range(),
              run.path() + " uploaded here");
        } else {
          u.report.add(
              PackerMapCode.GENERALIZATION_CUSTOM,
              pr.range(),
              (parts.isPresent()
                      ? "The last commands of this step generalize"
                      : "This step generalizes")
                  + " the VM differently from Image Builder's default (for instance Sysprep with"
                  + " /mode:vm, or other commands). Image Builder generalizes the VM itself after"
                  + " the last step, so "
                  + replacedBy(parts.isPresent())
                  + ", which Image Builder runs instead of its own commands."
                  // The commands as written: the deprovisioning script may hold them written into a
                  // file (a windows-shell step's batch file, from base64 when not plain ASCII).
                  + stopsNote(
                      Generalization.sysprepStops(UploadedScripts.inline(pr).orElse(commands))));
        }
        continue;
      }
      Optional<UploadedScripts.Upload> runsUpload = uploaded.runBy(i);
      if (runsUpload.isPresent()) {
        UploadedScripts.Upload up = runsUpload.get();
        u.report.add(
            PackerMapCode.GENERALIZATION_IN_SCRIPT,
            pr.range(),
            "This step runs "
                + up.path()
                + ", which "
                + up.by().what()
                + " puts on the VM and which seems to generalize it (Sysprep or waagent"
                + " -deprovision), but more steps follow it. Image Builder generalizes"
                + " the VM itself after the last step, and a VM generalized twice"
                + " fails the build: remove that command from the script, or run the"
                + " script in the last step, whose commands then go to "
                + Generalization.script(u.os)
                + ", which Image Builder runs instead of its own generalization.",
            up.by().range(),
            up.path() + " uploaded here");
      }
      common(pr, steps, false);
      steps.addAll(mapOne(pr, null));
    }
    if (!script.isEmpty()) {
      steps.add(deprovisioningScript(script, customAt));
    }
    checkTimeouts();
    return steps;
  }

  /** Where the build's timeout comes from, for messages. */
  private String buildTimeoutSaid() {
    int given = u.options.buildTimeout().orElse(0);
    return given == 0
        ? "240 minutes by default; --build-timeout sets it"
        : given + " minutes, from --build-timeout";
  }

  /** Image Builder's build timeout when the template sets none (or 0). */
  private static final long DEFAULT_BUILD_MINUTES = 240;

  private static final long MAX_BUILD_MINUTES = 960;

  private static final long NANOS_PER_MINUTE = 60_000_000_000L;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /**
   * Warns when the provisioners' timeouts add up to more than the build's timeout: Packer lets each
   * step run that long, but Image Builder stops the whole build at buildTimeoutInMinutes.
   */
  private void checkTimeouts() {
    if (firstTimeout == null) {
      return;
    }
    long minutes = (timeoutNanos + NANOS_PER_MINUTE - 1) / NANOS_PER_MINUTE;
    int given = u.options.buildTimeout().orElse(0);
    if (minutes <= (given == 0 ? DEFAULT_BUILD_MINUTES : given)) {
      return;
    }
    u.report.add(
        PackerMapCode.STEP_TIMEOUTS_EXCEED_BUILD,
        firstTimeout.nameRange(),
        Words.concat(
            "The provisioners' timeouts add up to ",
            String.valueOf(minutes),
            " minutes, more than the build's timeout (properties.buildTimeoutInMinutes: ",
            buildTimeoutSaid(),
            "), which bounds the whole build: steps that take as long as Packer allows them would"
                + " fail it. ",
            minutes < MAX_BUILD_MINUTES
                ? "If they may, pass a --build-timeout above "
                    + minutes
                    + ", with room for creating the VM and distributing the image (at most 960)."
                : "Image Builder allows at most 960 minutes: make the steps shorter, or build the"
                    + " image in stages (one template's image the next one's source)."));
  }

  /**
   * Warns that the override gives {@code name} a shorter list than the provisioner, merged by
   * position as Packer merges it ({@link UsageFilter#overlay}): rarely what was meant, and the
   * converter had replaced the whole list. Counts only: the elements may hold secrets.
   */
  private void overlaid(Provisioner p, String name) {
    Setting given = p.override().get(u.usage.name()).setting(name).orElseThrow();
    int over = UsageFilter.length(given.value());
    int all = UsageFilter.length(p.config(u.usage).setting(name).orElseThrow().value());
    u.report.add(
        PackerMapCode.OVERRIDE_LIST_OVERLAID,
        given.nameRange(),
        "The override for "
            + u.usage.name()
            + " gives "
            + name
            + " "
            + over
            + (over == 1 ? " element" : " elements")
            + ", the provisioner "
            + all
            + ": Packer replaces only the first "
            + over
            + " and keeps the "
            + (all - over == 1 ? "last one" : "last " + (all - over))
            + ", and so does the step. To replace the whole list, give it as many elements, or"
            + " use provisioners of their own with only and except instead of the override.");
  }

  /**
   * A sentence on Sysprep run with {@code /shutdown} or {@code /reboot} in the commands that become
   * the deprovisioning script ("" for none): Packer's documentation and Image Builder's own command
   * run it with {@code /quit} and wait for the image state, and the VM then goes down, or comes
   * back specialized, while Image Builder still runs the script.
   */
  private static String stopsNote(String flag) {
    if (flag == null) {
      return "";
    }
    return " Sysprep runs with "
        + flag
        + ", so the VM "
        + (flag.equals("/reboot") ? "restarts" : "shuts down")
        + " while Image Builder still runs the script; Image Builder's own command, like Packer's"
        + " documentation, runs Sysprep with /quit and waits until ImageState is"
        + " IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE. Use /quit and that wait instead.";
  }

  /**
   * What becomes of a last step's generalizing commands: {@code parts} when they are the last
   * commands of the step, not all of it. ("Them" needs the commands named first: "the step is
   * replaced by a step that writes them" had nothing for "them" to point at.)
   */
  private String replacedBy(boolean parts) {
    return (parts
            ? "those commands are replaced by a step that writes them to "
            : "the step is replaced by one that writes its commands to ")
        + Generalization.script(u.os);
  }

  /**
   * A generalization step whose first commands do not generalize (Packer's documentation puts
   * {@code waagent} after other commands in one provisioner): the provisioner with those commands,
   * and the provisioner with the rest. With {@code byLine} the first generalizing element is split
   * too, before the physical line whose statement first names Sysprep, waagent or the image state
   * ({@link #linesApart}): a heredoc that sets a service and then runs Sysprep keeps the service as
   * a step, as separate elements do.
   */
  private static Optional<Prov[]> split(
      Prov pr, Predicate<List<String>> generalizing, boolean byLine, CommandLanguage language) {
    Optional<Setting> inline = pr.config.setting("inline");
    if (inline.isEmpty() || !inline.get().value().isWhollyKnown()) {
      return Optional.empty();
    }
    Value.Unmarked list = inline.get().value().unmark();
    if (!isList(list)) {
      return Optional.empty();
    }
    List<Value> items = list.value().elements();
    int first = -1;
    for (int i = 0; i < items.size() && first < 0; i++) {
      if (generalizing.test(Secrets.texts(items.get(i)))) {
        first = i;
      }
    }
    if (first < 0) {
      return Optional.empty();
    }
    Value[] halves = byLine ? linesApart(items.get(first), language) : null;
    // Commands that only remove unattend.xml right before it belong to the generalization: Image
    // Builder's own removes the file too (mapping.md §B.8), so with its command they are dropped.
    while (halves == null
        && first > 0
        && Generalization.removesUnattend(
            String.join("\n", Secrets.texts(items.get(first - 1))), language)) {
      first--;
    }
    List<Value> before = new ArrayList<>(items.subList(0, first));
    List<Value> rest = new ArrayList<>(items.subList(first, items.size()));
    if (halves != null) {
      before.add(halves[0]);
      rest.set(0, halves[1]);
    }
    if (before.isEmpty()) {
      return Optional.empty();
    }
    // Packer runs the commands as one script: ones that leave a variable, a function, a folder or
    // the like for the rest stay with it (the whole provisioner is then the generalization).
    List<String> beforeTexts = new ArrayList<>();
    for (Value v : before) {
      beforeTexts.addAll(Secrets.texts(v));
    }
    StringBuilder restText = new StringBuilder();
    for (Value v : rest) {
      Secrets.texts(v).forEach(t -> restText.append(t).append('\n'));
    }
    if (ScriptState.mayCarry(
        beforeTexts, restText.toString(), language != CommandLanguage.POSIX_SHELL)) {
      return Optional.empty();
    }
    return Optional.of(
        new Prov[] {
          pr.withConfig(withoutPauseAfter(withItems(pr.config, inline.get(), before, list))),
          pr.withConfig(withItems(pr.config, inline.get(), rest, list))
        });
  }

  /**
   * An inline element of several lines cut before the physical line on which the first statement
   * naming a generalization keyword (outside comments and messages) starts, or before the lines
   * right above it that only remove unattend.xml, which go with it: the lines before (which do not
   * generalize) and the rest, each with the element's marks. Null when there are no such lines, or
   * the element cannot be read by statement ({@link CommandStatements}: a cut inside a loop or a
   * string would break it), and then the element stays whole.
   */
  private static Value[] linesApart(Value item, CommandLanguage language) {
    Value.Unmarked unmarked = item.unmark();
    if (!(unmarked.value() instanceof StringValue s)) {
      return null;
    }
    String text = s.asString();
    List<CommandStatements.Statement> statements =
        CommandStatements.of(text, language != CommandLanguage.POSIX_SHELL);
    if (statements == null) {
      return null;
    }
    int lineStart = 0;
    // Where the lines that only remove unattend.xml right before the statement start (-1: none);
    // they go with the generalization (see split).
    int removals = -1;
    for (CommandStatements.Statement statement : statements) {
      if (statement.startsLine()) {
        lineStart = statement.start();
      }
      String t = statement.text();
      // A comment or a message that names a keyword is no generalization (Generalization.code).
      if (Generalization.hasKeyword(t)
          && Generalization.hasKeyword(Generalization.code(t, language))) {
        int cut = removals >= 0 ? removals : lineStart;
        return cut == 0
            ? null
            : new Value[] {
              unmarked.remark(Value.string(text.substring(0, cut))),
              unmarked.remark(Value.string(text.substring(cut)))
            };
      }
      if (Generalization.code(t, language).isBlank()) {
        continue; // a comment, a message or a blank line
      }
      if (statement.startsLine() && Generalization.removesUnattend(t, language)) {
        removals = removals < 0 ? lineStart : removals;
      } else {
        removals = -1;
      }
    }
    return null;
  }

  /**
   * A provisioner whose {@code scripts} are several: the provisioner with all but the last, and the
   * provisioner with the last.
   */
  private static Optional<Prov[]> lastScriptApart(Prov pr) {
    Optional<Setting> scripts = pr.config.setting("scripts");
    if (scripts.isEmpty()) {
      return Optional.empty();
    }
    Value.Unmarked list = scripts.get().value().unmark();
    if (!isList(list)) {
      return Optional.empty();
    }
    List<Value> items = list.value().elements();
    if (items.size() < 2) {
      return Optional.empty();
    }
    int last = items.size() - 1;
    return Optional.of(
        new Prov[] {
          pr.withConfig(
              withoutPauseAfter(withItems(pr.config, scripts.get(), items.subList(0, last), list))),
          pr.withConfig(withItems(pr.config, scripts.get(), items.subList(last, last + 1), list))
        });
  }

  private static boolean isList(Value.Unmarked v) {
    return v.value().type() instanceof io.github.packer2aib.core.hcl.value.TupleType
        || v.value().type() instanceof io.github.packer2aib.core.hcl.value.ListType;
  }

  /** {@code config} with the list {@code setting} holding only {@code items}. */
  /**
   * {@code config} without pause_after, for the first part of a split generalization step: Packer
   * pauses after the whole provisioner, that is after the generalization, where nothing runs; the
   * generalizing part says it is dropped (a sleep step after the first part said otherwise).
   */
  private static Config withoutPauseAfter(Config config) {
    List<Setting> settings = new ArrayList<>();
    for (Setting s : config.settings()) {
      if (!s.name().equals("pause_after")) {
        settings.add(s);
      }
    }
    return new Config(settings, config.blocks(), config.range());
  }

  private static Config withItems(
      Config config, Setting setting, List<Value> items, Value.Unmarked original) {
    List<Setting> settings = new ArrayList<>();
    for (Setting s : config.settings()) {
      settings.add(s == setting ? s.withValue(original.remark(Value.tuple(items))) : s);
    }
    return new Config(settings, config.blocks(), config.range());
  }

  /**
   * The resolved path of the local script a shell or powershell provisioner runs last, when its
   * text generalizes the VM: a script's text is its step's command text (mapping.md §B.8), so such
   * a last step is a generalization step too. Read without diagnostics: the provisioner reports
   * problems with its fields and files when it is mapped.
   */
  private static Optional<String> generalizingScript(Prov pr) {
    String type = pr.p.type();
    if (!type.equals("shell") && !type.equals("powershell")
        || pr.config.setting("inline").isPresent()) {
      return Optional.empty();
    }
    Optional<Setting> one = pr.config.setting("script");
    Optional<Setting> many = pr.config.setting("scripts");
    if (one.isPresent() == many.isPresent()) {
      return Optional.empty(); // none, or both (a conflict, reported when mapped)
    }
    Value v = (one.isPresent() ? one : many).get().value();
    if (!v.isWhollyKnown() || v.deepMarks().contains(Mark.SENSITIVE)) {
      return Optional.empty();
    }
    List<String> paths = Secrets.texts(v);
    if (paths.isEmpty() || LocalFiles.nameless(paths.get(paths.size() - 1))) {
      return Optional.empty();
    }
    LocalFiles.Resolved r = pr.u.files.resolve(paths.get(paths.size() - 1));
    return r.kind() == FileSystemView.Kind.FILE
            && Generalization.fileMentions(
                pr.u.files, r.path(), CommandLanguage.ofProvisioner(type, pr.u.os))
        ? Optional.of(r.path())
        : Optional.empty();
  }

  /** Whether a provisioner's inline commands generalize the VM (read without diagnostics). */
  private static boolean generalizes(Prov pr) {
    Optional<Setting> inline = pr.inlineCommands();
    if (inline.isEmpty()) {
      return false;
    }
    // Most steps name no generalization keyword; then their texts need not be collected, nor the
    // value walked once more to see that it is wholly known (the scan passes unknowns by).
    if (!Generalization.hasKeyword(inline.get().value()) || !inline.get().value().isWhollyKnown()) {
      return false;
    }
    return Generalization.generalizesWithKeyword(
        Secrets.texts(inline.get().value()), CommandLanguage.ofProvisioner(pr.p.type(), pr.u.os));
  }

  private Step deprovisioningScript(List<String> commands, Range at) {
    Customizer c;
    if (u.os == Os.WINDOWS) {
      String text = String.join("\r\n", commands).concat("\r\n");
      c =
          new Customizer.PowerShell(
              null,
              null,
              null,
              text.length() <= SCRIPT_MEMO_LIMIT
                  ? WINDOWS_SCRIPT_LINES.get(text)
                  : windowsScriptLines(text),
              null,
              null,
              null);
    } else {
      String content = String.join("\n", commands) + "\n";
      c =
          new Customizer.Shell(
              null,
              null,
              null,
              content.length() <= SCRIPT_MEMO_LIMIT
                  ? LINUX_SCRIPT_LINES.get(content)
                  : linuxScriptLines(content));
    }
    return Step.of(c, at);
  }

  /**
   * The lines that write a deprovisioning script, for the scripts met so far: the templates of a
   * bulk run end with the same few generalization steps, and quoting every line of the script again
   * for each was a visible part of mapping them. Longer scripts are written every time, so that the
   * memos stay small.
   */
  private static final TextMemo<List<String>> WINDOWS_SCRIPT_LINES =
      new TextMemo<>(64, Provisioners::windowsScriptLines);

  private static final TextMemo<List<String>> LINUX_SCRIPT_LINES =
      new TextMemo<>(64, Provisioners::linuxScriptLines);

  private static final int SCRIPT_MEMO_LIMIT = 4096;

  /** The lines that write the Windows script {@code text} (lines ending in CRLF). */
  private static List<String> windowsScriptLines(String text) {
    return List.copyOf(
        PowerShellText.writeFile(
            Generalization.WINDOWS_SCRIPT, text.getBytes(StandardCharsets.UTF_8)));
  }

  /** The lines that write the Linux script with {@code content} (lines ending in LF). */
  private static List<String> linuxScriptLines(String content) {
    // How Image Builder starts the script is not documented: give it a shebang and the x bit.
    List<String> lines =
        new ArrayList<>(
            ShellText.writeFile(Generalization.LINUX_SCRIPT, "#!/bin/sh -e\n" + content));
    lines.add("chmod +x " + Generalization.LINUX_SCRIPT);
    return List.copyOf(lines);
  }

  /**
   * pause_before, max_retries and timeout, which every provisioner accepts. Plain ifs: every
   * provisioner comes here, and in the C1 code of bulk runs each capturing lambda was an allocation
   * through a method handle. The steps are added to {@code out}: most provisioners have none of
   * these fields, and a list per provisioner copied into the steps was allocation for nothing.
   * {@code generalizing}: the provisioner is the last step's generalization, given no step.
   */
  private void common(Prov pr, List<Step> out, boolean generalizing) {
    Optional<Setting> pause = pr.p.pauseBefore();
    if (pause.isPresent()) {
      Optional<Step> step = pauseBefore(pr, pause.get(), generalizing);
      if (step.isPresent()) {
        out.add(step.get());
      }
    }
    Optional<Setting> retries = pr.p.maxRetries();
    if (retries.isPresent()) {
      Setting s = retries.get();
      if (!isZero(s)) {
        u.report.add(
            PackerMapCode.NO_RETRIES,
            s.nameRange(),
            "Image Builder does not retry a failed step, so max_retries was dropped: the"
                + " first failure fails the build. Make the commands retry themselves if"
                + " they are flaky.");
      }
    }
    Optional<Setting> continueOnError = pr.p.continueOnError();
    if (continueOnError.isPresent()) {
      continueOnError(pr, continueOnError.get());
    }
    Optional<Setting> timeout = pr.p.timeout();
    if (timeout.isPresent()) {
      // Packer wraps a step in a pause or else a timeout: with a pause_before that is not 0 it
      // applies no timeout at all (getCoreBuildProvisioner, legacy and HCL2 alike).
      boolean paused =
          pause.isPresent()
              && !pause.get().value().containsSensitive()
              && durationNanos(pause.get()).nanos().filter(n -> n != 0).isPresent();
      if (paused) {
        u.report.add(
            PackerMapCode.FIELD_DROPPED,
            timeout.get().nameRange(),
            "Packer applies no timeout to a provisioner that also has a pause_before (it wraps"
                + " the step in a pause or else a timeout), so timeout changes nothing here; it"
                + " was dropped.");
      } else {
        timeout(pr, timeout.get());
      }
    }
  }

  /**
   * Refuses {@code continue_on_error = true} of an HCL2 provisioner block (newer Packer, PR
   * #13674): Packer then logs the step's failure and goes on with the next one, while Image Builder
   * fails the build at the first step that fails and has no setting to go on (mapping.md B.1:
   * emulate only on opt-in, else refuse). Which commands may fail is the user's to say, so the
   * advice fits the step: {@code || true} in a shell command, the exit codes a step may end with
   * ({@code valid_exit_codes}). {@code false} is what Image Builder does anyway.
   */
  private void continueOnError(Prov pr, Setting s) {
    Value v = s.value().unmarked();
    if (v.type() == Type.BOOL && !v.asBoolean()) {
      return;
    }
    String advice =
        switch (pr.p.type()) {
          case "shell" ->
              "Let the commands that may fail do so without failing the step (end each with ||"
                  + " true, or list the exit codes the step may end with in valid_exit_codes), ";
          case "powershell", "windows-shell" ->
              "Let the step succeed where a failure is acceptable (list the exit codes it may end"
                  + " with in valid_exit_codes, which become the step's validExitCodes), ";
          default -> "";
        };
    u.report.add(
        PackerMapCode.FIELD_REFUSED,
        s.nameRange(),
        "continue_on_error = true lets the build go on when this provisioner fails (a setting of"
            + " newer Packer's HCL2 provisioner blocks, hashicorp/packer PR #13674), but Image"
            + " Builder stops the build at the first step that fails and has no setting to go on."
            + " "
            + (advice.isEmpty()
                ? "Remove continue_on_error"
                : advice + "or remove continue_on_error")
            + " and let a failure of this step fail the build.");
  }

  /**
   * A provisioner's timeout, which Image Builder has no place for. Packer wraps the step in a
   * timeout only when it is not 0 (packer/provisioner_timeout.go through the build's provisioner
   * list), so 0 loses nothing. A negative one has expired before the step starts, and one under a
   * second expires before a remote command can answer: the provisioners that run commands stop at
   * the cancellation (RemoteCmd.RunWithUi returns the context's error), so Packer's build fails
   * there, while the converted step runs; the file provisioner ignores it (its upload takes no
   * context).
   */
  private void timeout(Prov pr, Setting t) {
    Optional<Long> nanos =
        t.value().containsSensitive() ? Optional.empty() : durationNanos(t).nanos();
    if (nanos.isPresent() && nanos.get() == 0) {
      return;
    }
    if (nanos.isPresent() && nanos.get() < NANOS_PER_SECOND) {
      u.report.add(
          PackerMapCode.NO_STEP_TIMEOUT, t.nameRange(), cancelledAtOnce(pr, t, nanos.get()));
      return;
    }
    u.report.add(
        PackerMapCode.NO_STEP_TIMEOUT,
        t.nameRange(),
        "Image Builder has no timeout per step, so timeout was dropped; the whole build is"
            + " bounded by properties.buildTimeoutInMinutes ("
            + buildTimeoutSaid()
            + ").");
    if (nanos.isPresent()) {
      // Capped: a sum past 960 minutes says all there is to say.
      long cap = (MAX_BUILD_MINUTES + 1) * NANOS_PER_MINUTE;
      timeoutNanos = Math.min(timeoutNanos + Math.min(nanos.get(), cap), cap);
      if (firstTimeout == null) {
        firstTimeout = t;
      }
    }
  }

  /** What a negative or sub-second timeout does in Packer, which the converted step does not. */
  private String cancelledAtOnce(Prov pr, Setting t, long nanos) {
    String why =
        nanos < 0
            ? "timeout is negative, so Packer cancels this step as soon as it starts"
            : "timeout is shorter than a second"
                + (durationNanos(t).bareNumber() ? " (a number is nanoseconds)" : "")
                + ", so Packer cancels this step before a command on the VM can answer";
    if (pr.p.type().equals("file")) {
      return why
          + " (\"Cancelling provisioner after a timeout...\"); the file provisioner does not stop"
          + " for it, so the upload goes on, as the converted step does. Image Builder has no"
          + " timeout per step, so timeout was dropped; remove it from the Packer template too.";
    }
    return why
        + " (\"Cancelling provisioner after a timeout...\") and the build fails there."
        + " Image Builder has no timeout per step, so timeout was dropped and the converted step"
        + " runs to its end: the image template builds where the Packer template fails."
        + " Remove timeout, or give the duration that was meant (such as 5m).";
  }

  /**
   * A duration setting in nanoseconds (empty when it is not one, or not known), and whether it was
   * a legacy template's bare number, which Packer's weak decoding reads as nanoseconds.
   */
  private record DurationRead(Optional<Long> nanos, boolean bareNumber) {}

  private DurationRead durationNanos(Setting s) {
    Value plain = s.value().unmarked();
    if (UsageFilter.isLegacy(u.template.syntax()) && plain instanceof NumberValue) {
      return new DurationRead(
          plain
              .asNumber()
              .toBigInteger()
              .filter(b -> b.bitLength() < 64)
              .map(java.math.BigInteger::longValue),
          true);
    }
    return new DurationRead(string(s).flatMap(GoDuration::parseNanos), false);
  }

  /**
   * The sleep step of pause_before; {@code generalizing} when the step is the generalization, which
   * Image Builder runs after the last step (as its own command or the deprovisioning script).
   */
  private Optional<Step> pauseBefore(Prov pr, Setting s, boolean generalizing) {
    if (s.value().containsSensitive()) {
      // Its seconds would be written into the sleep step.
      u.secrets.refuse(
          u.report, s.value(), "pause_before", s.valueRange(), "the sleep step before this one");
      return Optional.empty();
    }
    DurationRead read = durationNanos(s);
    Optional<Long> nanos = read.nanos();
    boolean bareNumber = read.bareNumber();
    if (nanos.isEmpty()) {
      u.report.add(
          PackerMapCode.INVALID_VALUE,
          s.valueRange(),
          "pause_before must be a duration such as 30s or 5m. Fix the value in the template.");
      return Optional.empty();
    }
    if (nanos.get() < 0 || (bareNumber && nanos.get() != 0 && nanos.get() < NANOS_PER_SECOND)) {
      // Packer does not pause for a negative duration, and a legacy template's bare number is
      // nanoseconds: no pause worth a sleep step either way.
      u.report.add(
          PackerMapCode.FIELD_DROPPED,
          s.valueRange(),
          "pause_before is "
              + (nanos.get() < 0 ? "negative" : "shorter than a second (a number is nanoseconds)")
              + ", so Packer "
              + (nanos.get() < 0 ? "does not pause" : "pauses for no noticeable time")
              + "; no sleep step was added.");
      return Optional.empty();
    }
    if (nanos.get() == 0) {
      return Optional.empty();
    }
    u.report.add(
        PackerMapCode.PAUSE_CONVERTED,
        s.nameRange(),
        Words.concat(
            "Image Builder has no pause between steps, so pause_before becomes a step that sleeps ",
            Steps.seconds(nanos.get()),
            generalizing ? " seconds before the VM is generalized." : " seconds before this one."));
    return Optional.of(Steps.sleep(u.os, nanos.get(), null, s.nameRange()));
  }

  private static Optional<String> string(Setting s) {
    Value v = s.value();
    if (!v.isWhollyKnown() || v.isNull()) {
      return Optional.empty();
    }
    Convert.Result r = Convert.to(v, Type.STRING);
    return r.isOk() ? Optional.of(r.value().unmarkDeep().value().asString()) : Optional.empty();
  }

  /**
   * Whether a setting reads as the whole number 0. A plain number needs no text: only zero's text
   * ("0", or "-0") reads as 0, a nonzero number's shortest decimal never does (max_retries is set
   * in many steps, and the conversion to text was most of reading it in C1 code).
   */
  private static boolean isZero(Setting s) {
    if (s.value() instanceof NumberValue plain) {
      return plain.asNumber().isZero();
    }
    Optional<Long> n = number(s);
    return n.isPresent() && n.get() == 0;
  }

  private static Optional<Long> number(Setting s) {
    return string(s)
        .flatMap(
            t -> {
              try {
                return Optional.of(Long.parseLong(t.trim()));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  /** Maps one provisioner by type; {@code generalization} as in {@link ShellProvisioner#map}. */
  private List<Step> mapOne(Prov pr, List<String> generalization) {
    String type = pr.p.type();
    if (LINUX_ONLY.contains(type) && u.os == Os.WINDOWS
        || WINDOWS_ONLY.contains(type) && u.os == Os.LINUX) {
      u.report.add(
          PackerMapCode.WRONG_OS,
          pr.range(),
          "The "
              + type
              + " provisioner runs only on "
              + (u.os == Os.WINDOWS ? "Linux" : "Windows")
              + (u.osGuessed
                  ? ", but this build is converted as "
                      + u.os.label()
                      + " (os_type is missing or invalid; the provisioners before it suggest "
                      + u.os.label()
                      + ")"
                  : ", but os_type is " + u.os.label())
              + ", and Image Builder refuses such a step. Remove it, or use "
              + (u.os == Os.WINDOWS ? "a powershell" : "a shell")
              + " provisioner.");
      return List.of();
    }
    return switch (type) {
      case "shell" -> ShellProvisioner.map(pr, generalization);
      case "powershell" -> PowerShellProvisioner.map(pr, generalization);
      case "windows-shell" -> windowsShell(pr, generalization);
      case "file" -> FileProvisioner.map(pr);
      case "windows-restart" -> WindowsProvisioners.restart(pr);
      case "windows-update" -> WindowsProvisioners.update(pr);
      case "sleep" -> WindowsProvisioners.sleep(pr);
      case "breakpoint" -> breakpoint(pr);
      default -> unsupported(pr);
    };
  }

  private static List<Step> windowsShell(Prov pr, List<String> generalization) {
    return generalization == null
        ? WindowsProvisioners.shell(pr)
        : WindowsProvisioners.generalizing(pr, generalization);
  }

  /**
   * A breakpoint with {@code disable = true} only prints that it is disabled and goes on (Packer's
   * breakpoint provisioner returns at once), so it is dropped with a note; templates keep such a
   * breakpoint ready for debugging. An enabled one waits for someone to press enter: unsupported.
   */
  private List<Step> breakpoint(Prov pr) {
    if (!pr.f.has("disable") || !pr.f.bool("disable").orElse(false)) {
      return unsupported(pr);
    }
    pr.f.consume("note");
    pr.unknownFields(List.of("disable", "note"));
    u.report.add(
        PackerMapCode.DISABLED_BREAKPOINT_DROPPED,
        pr.range(),
        "This breakpoint has disable = true, so Packer only prints that it is disabled and goes"
            + " on; it was dropped. Remove it from the template if it is no longer needed.");
    return List.of();
  }

  private List<Step> unsupported(Prov pr) {
    String type = pr.p.type();
    String reason = UNSUPPORTED.get(type);
    // A type the converter does not know that is close to one it does ("shel", "Shell") is most
    // likely a typo, which Packer refuses as well unless a plugin happens to provide that type.
    String close = reason == null ? Words.closest(type, KNOWN_TYPES) : null;
    // A typo of a type that becomes steps is an error even with --skip-unsupported: dropping it
    // would silently lose a step the template means to run.
    boolean mistypedStep = close != null && STEP_TYPES.contains(close);
    if (reason == null) {
      reason =
          close == null
              ? "is not a provisioner the converter knows (it may come from a plugin), so it"
                  + " cannot be converted. Rewrite it as shell, powershell or file provisioners."
              : "is not a provisioner the converter knows. Did you mean \""
                  + close
                  + "\"? Unless a plugin provides a provisioner of this very name, Packer refuses"
                  + " the template too; correct the type.";
    }
    if (u.options.skipUnsupported() && !mistypedStep) {
      u.report.add(
          PackerMapCode.UNSUPPORTED_PROVISIONER_SKIPPED,
          pr.range(),
          "The " + type + " provisioner " + reason + " It was dropped (--skip-unsupported).");
    } else {
      u.report.add(
          PackerMapCode.UNSUPPORTED_PROVISIONER,
          pr.range(),
          "The "
              + type
              + " provisioner "
              + reason
              + (mistypedStep
                  ? (u.options.skipUnsupported()
                      ? " --skip-unsupported does not drop it: the step it was most likely meant"
                          + " to be would be lost."
                      : "")
                  : " Pass --skip-unsupported to convert the template without it."));
    }
    return List.of();
  }

  /**
   * Every provisioner type the converter knows, converted or not: the "did you mean" candidates.
   */
  private static final List<String> KNOWN_TYPES = knownTypes();

  private static List<String> knownTypes() {
    TreeSet<String> all = new TreeSet<>(STEP_TYPES);
    all.addAll(UNSUPPORTED.keySet());
    return List.copyOf(all);
  }
}
