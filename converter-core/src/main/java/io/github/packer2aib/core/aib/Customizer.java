package io.github.packer2aib.core.aib;

import java.util.List;

/** One {@code properties.customize[]} step, discriminated by {@code type}; run in array order. */
public sealed interface Customizer {

  String type();

  /** Friendly name of the step; optional. */
  String name();

  /** Linux only. Exactly one of {@code scriptUri} and {@code inline}. */
  record Shell(String name, String scriptUri, String sha256Checksum, List<String> inline)
      implements Customizer {
    public Shell {
      inline = Maps.copyOrNull(inline);
    }

    @Override
    public String type() {
      return "Shell";
    }
  }

  /** Windows only. {@code runAsSystem} needs {@code runElevated}. */
  record PowerShell(
      String name,
      String scriptUri,
      String sha256Checksum,
      List<String> inline,
      BoolValue runElevated,
      BoolValue runAsSystem,
      List<IntValue> validExitCodes)
      implements Customizer {
    public PowerShell {
      inline = Maps.copyOrNull(inline);
      validExitCodes = Maps.copyOrNull(validExitCodes);
    }

    @Override
    public String type() {
      return "PowerShell";
    }
  }

  /** Downloads one file onto the build VM (Linux: only below /tmp). */
  record File(String name, String sourceUri, String destination, String sha256Checksum)
      implements Customizer {
    @Override
    public String type() {
      return "File";
    }
  }

  /** Windows only. {@code restartTimeout} is a duration such as {@code 5m} or {@code 2h}. */
  record WindowsRestart(
      String name, String restartCommand, String restartCheckCommand, String restartTimeout)
      implements Customizer {
    @Override
    public String type() {
      return "WindowsRestart";
    }
  }

  /** Windows only (API 2020-02-14 and later; the 2019 documentation has it too). */
  record WindowsUpdate(
      String name, String searchCriteria, List<String> filters, IntValue updateLimit)
      implements Customizer {
    public WindowsUpdate {
      filters = Maps.copyOrNull(filters);
    }

    @Override
    public String type() {
      return "WindowsUpdate";
    }
  }
}
