package io.github.packer2aib.core.legacy.template;

import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.function.EnvironmentVariables;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the template functions read from outside the template, fixed for one conversion run: the
 * frozen clock ({@code timestamp}, {@code isotime}, {@code strftime}, {@code uuid}), the
 * environment ({@code env}), the template's folder ({@code template_dir}), the working directory
 * ({@code pwd}) and the Packer version to report ({@code packer_version}). The core reads none of
 * these itself.
 */
public final class TemplateEnvironment {
  private final Clock clock;
  private final Map<String, String> environment;
  private final String templateDir;
  private final String workingDir;
  private final Optional<String> packerVersion;
  private FunctionRegistry hclFunctions;

  /**
   * @param clock the run's frozen clock
   * @param environment the process environment, as the caller chooses to expose it
   * @param templateDir the absolute folder of the template file
   * @param workingDir the absolute working directory
   * @param packerVersion the version {@code packer_version} returns; empty makes it unknown
   */
  public TemplateEnvironment(
      Clock clock,
      Map<String, String> environment,
      String templateDir,
      String workingDir,
      Optional<String> packerVersion) {
    this.clock = Objects.requireNonNull(clock, "clock");
    // The run's frozen environment is kept as it is: no copy per template.
    this.environment = EnvironmentVariables.frozen(environment);
    this.templateDir = Objects.requireNonNull(templateDir, "templateDir");
    this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
    this.packerVersion = Objects.requireNonNull(packerVersion, "packerVersion");
  }

  public Clock clock() {
    return clock;
  }

  public Optional<String> environmentVariable(String name) {
    return Optional.ofNullable(environment.get(name));
  }

  public String templateDir() {
    return templateDir;
  }

  public String workingDir() {
    return workingDir;
  }

  public Optional<String> packerVersion() {
    return packerVersion;
  }

  /**
   * The HCL side's functions: its clock functions implement Go's layouts and strftime; legacy
   * isotime and strftime are the same functions (Packer's legacy_isotime/legacy_strftime wrap
   * them). Made on first use (few templates call them); an environment serves one template read, on
   * one thread.
   */
  FunctionRegistry hclFunctions() {
    if (hclFunctions == null) {
      hclFunctions = FunctionRegistry.packer(clock, FileSystemView.empty(workingDir), null);
    }
    return hclFunctions;
  }
}
