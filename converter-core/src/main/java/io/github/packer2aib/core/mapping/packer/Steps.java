package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.aib.IntValue;
import io.github.packer2aib.core.source.Range;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** Pieces several provisioner mappers share: sleep steps, exit codes, durations. */
final class Steps {
  private Steps() {}

  /** Where commands of a step end up, for messages about sensitive values. */
  static final String INLINE_DESTINATION =
      "the step's inline commands (properties.customize[].inline)";

  /** Packer's default exit codes (one list for all steps). */
  private static final List<Long> DEFAULT_EXIT_CODES = List.of(0L);

  /** {@code valid_exit_codes}, or Packer's default {@code [0]}. */
  static List<Long> exitCodes(Prov pr) {
    Optional<List<String>> codes =
        pr.f.strings(
            "valid_exit_codes",
            "the step's exit code check (validExitCodes, or the check in its commands)");
    if (codes.isEmpty()) {
      return DEFAULT_EXIT_CODES;
    }
    List<Long> out = new ArrayList<>();
    for (String c : codes.get()) {
      try {
        out.add(Long.parseLong(c.trim()));
      } catch (NumberFormatException e) {
        pr.f.invalid(
            pr.f.take("valid_exit_codes").get(),
            "a list of whole numbers",
            pr.f.take("valid_exit_codes").get().value());
        return DEFAULT_EXIT_CODES;
      }
    }
    return out;
  }

  /**
   * {@code valid_exit_codes} of a powershell or windows-shell step as Image Builder's {@code
   * validExitCodes} (null when the field is not set), which are 32-bit signed numbers. A Windows
   * exit code is a 32-bit number that Packer's WinRM connection reports unsigned, so templates
   * write the code -1 as 4294967295 (ngen.exe, for one): such a code is written as the same 32-bit
   * number signed, with a warning, as whether Image Builder reports it signed is not documented. A
   * number that is no 32-bit code is an error.
   */
  static List<IntValue> windowsExitCodes(Prov pr, List<Long> codes) {
    if (!pr.f.has("valid_exit_codes")) {
      return null;
    }
    List<IntValue> out = new ArrayList<>(codes.size());
    List<String> signed = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      long c = codes.get(i);
      if (c >= Integer.MIN_VALUE && c <= Integer.MAX_VALUE) {
        out.add(IntValue.of(c));
      } else if (c > Integer.MAX_VALUE && c <= 0xFFFF_FFFFL) {
        out.add(IntValue.of(c - (1L << 32)));
        signed.add(c + " becomes " + (c - (1L << 32)));
      } else {
        pr.report()
            .add(
                PackerMapCode.INVALID_VALUE,
                pr.f.valueRange("valid_exit_codes"),
                "valid_exit_codes holds "
                    + c
                    + ", which no Windows process can exit with (exit codes are 32-bit numbers)."
                    + " Remove it.");
      }
    }
    if (!signed.isEmpty()) {
      pr.report()
          .add(
              PackerMapCode.APPROXIMATED,
              pr.f.valueRange("valid_exit_codes"),
              "Image Builder takes validExitCodes as 32-bit signed numbers, while Packer reads a"
                  + " Windows exit code unsigned: "
                  + Words.and(signed)
                  + ", the same 32-bit exit code. How Image Builder reports such a code is not"
                  + " documented; if the step fails on it, check the code in its log.");
    }
    return List.copyOf(out);
  }

  /**
   * {@code steps} with the PowerShell steps' validExitCodes traced to the {@code valid_exit_codes}
   * value, so that a later problem with them points there.
   */
  static List<Step> exitCodesAt(Prov pr, List<Step> steps) {
    if (!pr.f.has("valid_exit_codes")) {
      return steps;
    }
    Range at = pr.f.valueRange("valid_exit_codes");
    List<Step> out = new ArrayList<>(steps.size());
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      out.add(
          s.customizer() instanceof Customizer.PowerShell p && p.validExitCodes() != null
              ? s.with("/validExitCodes", at)
              : s);
    }
    return out;
  }

  /**
   * Whether the codes are {@code [0]} ({@code codes.equals(List.of(0L))} without a list and two
   * iterators: asked several times for every step).
   */
  static boolean isDefaultExitCodes(List<Long> codes) {
    return codes.size() == 1 && codes.get(0) == 0L;
  }

  static void exitCodesNote(Prov pr, List<Long> codes) {
    if (!isDefaultExitCodes(codes)) {
      pr.report()
          .add(
              PackerMapCode.EXIT_CODES_CHECKED,
              pr.f.nameRange("valid_exit_codes"),
              "Shell steps have no validExitCodes, so the step checks the exit code itself and"
                  + " fails for any code not in valid_exit_codes.");
    }
  }

  /**
   * A duration field in nanoseconds; reported when it is not a Go duration. A negative one is a Go
   * duration (Packer takes it), so it is given back: what it does depends on the field, read as for
   * pause_before and timeout (README): a pause does not happen ({@link #negativePause}), a timeout
   * expires at once ({@code restart_timeout}).
   */
  static Optional<Long> duration(Prov pr, Fields f, String key) {
    Optional<String> text = f.inspect(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Long> nanos = GoDuration.parseNanos(text.get());
    if (nanos.isEmpty()) {
      pr.report()
          .add(
              PackerMapCode.INVALID_VALUE,
              f.take(key).get().valueRange(),
              key
                  + " must be a duration such as 30s, 5m or 1h30m, but it is "
                  + f.shown(key, text.get())
                  + ". Fix the value in the template.");
      return Optional.empty();
    }
    return nanos;
  }

  /**
   * Whether the pause {@code key} of {@code nanos} is negative, which is then reported: Packer
   * pauses with {@code time.After} or {@code time.Sleep} (pause_after, the sleep provisioner, as
   * pause_before), which return at once for a negative duration, so there is no pause to convert.
   */
  static boolean negativePause(Prov pr, String key, long nanos) {
    if (nanos >= 0) {
      return false;
    }
    pr.report()
        .add(
            PackerMapCode.FIELD_DROPPED,
            pr.f.valueRange(key),
            key + " is negative, so Packer does not pause; no sleep step was added.");
    return true;
  }

  /** A step that waits, in the operating system's shell. */
  static Step sleep(Os os, long nanos, String name, Range origin) {
    Customizer c;
    if (os == Os.LINUX) {
      c = new Customizer.Shell(name, null, null, List.of("sleep " + seconds(nanos)));
    } else if (nanos % 1_000_000_000L == 0) {
      c =
          new Customizer.PowerShell(
              name,
              null,
              null,
              List.of("Start-Sleep -Seconds " + nanos / 1_000_000_000L),
              null,
              null,
              null);
    } else {
      c =
          new Customizer.PowerShell(
              name,
              null,
              null,
              List.of("Start-Sleep -Milliseconds " + (nanos + 999_999L) / 1_000_000L),
              null,
              null,
              null);
    }
    return Step.of(c, origin);
  }

  /** Seconds as {@code sleep} takes them: {@code 90}, {@code 1.5}. */
  static String seconds(long nanos) {
    if (nanos % 1_000_000_000L == 0) {
      return Long.toString(nanos / 1_000_000_000L); // whole seconds (most pauses) need no decimal
    }
    return BigDecimal.valueOf(nanos).movePointLeft(9).stripTrailingZeros().toPlainString();
  }

  /**
   * {@code pause_after} of a last step that generalizes the VM: dropped, as nothing of the build
   * runs after the generalization (Packer only waited before it captured the image). Gives none.
   */
  static Optional<Step> noPauseAfter(Prov pr) {
    pr.dropNote(
        "pause_after",
        "Image Builder generalizes the VM after the last step, and nothing of the build runs"
            + " after that.");
    return Optional.empty();
  }

  /** {@code pause_after}: a sleep step after the provisioner's steps. */
  static Optional<Step> pauseAfter(Prov pr, Os os) {
    Optional<Long> nanos = duration(pr, pr.f, "pause_after");
    if (nanos.isEmpty() || nanos.get() == 0 || negativePause(pr, "pause_after", nanos.get())) {
      return Optional.empty();
    }
    pr.report()
        .add(
            PackerMapCode.PAUSE_CONVERTED,
            pr.f.nameRange("pause_after"),
            "Image Builder has no pause between steps, so pause_after becomes a step that sleeps "
                + seconds(nanos.get())
                + " seconds after this one.");
    return Optional.of(sleep(pr.u.os, nanos.get(), null, pr.f.nameRange("pause_after")));
  }

  /**
   * Puts the local script of a last, generalizing step on the VM at {@code path} without running it
   * (Image Builder's deprovisioning script runs it): downloaded by a File step from the script base
   * URI, or written by a step from the template. False when it cannot be written into the template
   * (reported).
   */
  static boolean placeScript(
      Prov pr, Prov.Commands c, LocalFile file, String path, boolean binary, List<Step> out) {
    if (pr.u.scriptBase.isPresent()) {
      String uri = pr.u.uploads.resolve(pr.u, pr.u.scriptBase.get(), file, c.valueRange());
      out.add(
          Step.of(new Customizer.File(pr.name(), uri, path, file.sha256()), pr.range())
              .with("/sourceUri", c.valueRange()));
      return true;
    }
    if (!pr.u.files.inlinable(pr.report(), c.valueRange(), file, binary)) {
      return false;
    }
    Customizer writer =
        pr.u.os == Os.WINDOWS
            ? new Customizer.PowerShell(
                pr.name(),
                null,
                null,
                PowerShellText.writeFile(path, file.bytes()),
                null,
                null,
                null)
            : new Customizer.Shell(
                pr.name(), null, null, ShellText.writeFile(path, linuxScriptText(file, binary)));
    out.add(Step.of(writer, pr.range()).with("/inline", c.valueRange()));
    pr.report()
        .add(
            PackerMapCode.SCRIPT_INLINED,
            c.valueRange(),
            "The script "
                + pr.u.files.shown(file.path())
                + " is written into the template, and a step saves it to "
                + path
                + " for the deprovisioning script to run. Anyone who can read the template can"
                + " read the script. Pass --script-base-uri to refer to an uploaded copy instead.");
    return true;
  }

  /**
   * The scripts of a last, generalizing step: each is put on the VM ({@link #placeScript}), and the
   * lines that run it as the step would ({@code run} of the script and where it was put) go to
   * {@code generalization}, Image Builder's deprovisioning script. Gives the steps that put them.
   */
  static List<Step> deprovisioningScripts(
      Prov pr,
      Prov.Commands c,
      boolean binary,
      BiFunction<LocalFile, String, List<String>> run,
      List<String> generalization) {
    List<Step> steps = new ArrayList<>();
    for (String written : c.scripts()) {
      Optional<LocalFile> file = LocalFile.load(pr, written, c.valueRange(), "script");
      if (file.isEmpty()) {
        continue;
      }
      String copy = deprovisioningCopy(pr, file.get());
      if (placeScript(pr, c, file.get(), copy, binary, steps)) {
        generalization.addAll(run.apply(file.get(), copy));
      }
    }
    return steps;
  }

  /**
   * The text of a Linux script as Packer uploads it: with LF line endings unless {@code binary}
   * (its shell provisioner's UnixReader).
   */
  static String linuxScriptText(LocalFile file, boolean binary) {
    String text = file.text().orElseThrow();
    return binary ? text : ShellText.unixLineEndings(text);
  }

  /** Where a last step's generalizing script is put on the VM. */
  private static String deprovisioningCopy(Prov pr, LocalFile file) {
    return (pr.u.os == Os.WINDOWS ? PowerShellProvisioner.TEMP : "/tmp/")
        + "packer2aib-"
        + pr.index
        + "-deprovision-"
        + file.fileName();
  }

  static void generalizationInScript(Prov pr, LocalFile file) {
    pr.report()
        .add(
            PackerMapCode.GENERALIZATION_IN_SCRIPT,
            pr.range(),
            "The script "
                + pr.u.files.shown(file.path())
                + " seems to generalize the VM (Sysprep or waagent -deprovision). Image Builder"
                + " generalizes the VM itself after the last step, and a VM generalized twice"
                + " fails the build: remove that command from the script, or put a custom one in "
                // The build's own override file only: a Windows template was also pointed at
                // /tmp/DeprovisioningScript.sh, which Image Builder reads only on Linux.
                + Generalization.script(pr.u.os)
                + ".");
  }
}
