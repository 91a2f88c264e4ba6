package io.github.packer2aib.core.aib;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** One {@code properties.customize[]} step, discriminated by {@code type}; run in array order. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(Customizer.Shell.class),
  @JsonSubTypes.Type(Customizer.PowerShell.class),
  @JsonSubTypes.Type(Customizer.File.class),
  @JsonSubTypes.Type(Customizer.WindowsRestart.class),
  @JsonSubTypes.Type(Customizer.WindowsUpdate.class)
})
public sealed interface Customizer {

  String type();

  /** Friendly name of the step; optional. */
  String name();

  /** Linux only. Exactly one of {@code scriptUri} and {@code inline}. */
  @JsonTypeName("Shell")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "scriptUri", "sha256Checksum", "inline"})
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
  @JsonTypeName("PowerShell")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({
    "name",
    "scriptUri",
    "sha256Checksum",
    "inline",
    "runElevated",
    "runAsSystem",
    "validExitCodes"
  })
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
  @JsonTypeName("File")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "sourceUri", "destination", "sha256Checksum"})
  record File(String name, String sourceUri, String destination, String sha256Checksum)
      implements Customizer {
    @Override
    public String type() {
      return "File";
    }
  }

  /** Windows only. {@code restartTimeout} is a duration such as {@code 5m} or {@code 2h}. */
  @JsonTypeName("WindowsRestart")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "restartCommand", "restartCheckCommand", "restartTimeout"})
  record WindowsRestart(
      String name, String restartCommand, String restartCheckCommand, String restartTimeout)
      implements Customizer {
    @Override
    public String type() {
      return "WindowsRestart";
    }
  }

  /** Windows only (API 2020-02-14 and later; the 2019 documentation has it too). */
  @JsonTypeName("WindowsUpdate")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "searchCriteria", "filters", "updateLimit"})
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
