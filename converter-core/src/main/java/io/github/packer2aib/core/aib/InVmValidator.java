package io.github.packer2aib.core.aib;

import java.util.List;

/** One {@code properties.validate.inVMValidations[]} entry (API 2022-02-14 and later). */
public sealed interface InVmValidator {

  String type();

  String name();

  record Shell(String name, String scriptUri, String sha256Checksum, List<String> inline)
      implements InVmValidator {
    public Shell {
      inline = Maps.copyOrNull(inline);
    }

    @Override
    public String type() {
      return "Shell";
    }
  }

  record PowerShell(
      String name,
      String scriptUri,
      String sha256Checksum,
      List<String> inline,
      BoolValue runElevated,
      BoolValue runAsSystem,
      List<IntValue> validExitCodes)
      implements InVmValidator {
    public PowerShell {
      inline = Maps.copyOrNull(inline);
      validExitCodes = Maps.copyOrNull(validExitCodes);
    }

    @Override
    public String type() {
      return "PowerShell";
    }
  }

  /** API 2022-07-01 and later. */
  record File(String name, String sourceUri, String destination, String sha256Checksum)
      implements InVmValidator {
    @Override
    public String type() {
      return "File";
    }
  }
}
