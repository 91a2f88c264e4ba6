package io.github.packer2aib.core.aib;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** One {@code properties.validate.inVMValidations[]} entry (API 2022-02-14 and later). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(InVmValidator.Shell.class),
  @JsonSubTypes.Type(InVmValidator.PowerShell.class),
  @JsonSubTypes.Type(InVmValidator.File.class)
})
public sealed interface InVmValidator {

  String type();

  String name();

  @JsonTypeName("Shell")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "scriptUri", "sha256Checksum", "inline"})
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
  @JsonTypeName("File")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "sourceUri", "destination", "sha256Checksum"})
  record File(String name, String sourceUri, String destination, String sha256Checksum)
      implements InVmValidator {
    @Override
    public String type() {
      return "File";
    }
  }
}
