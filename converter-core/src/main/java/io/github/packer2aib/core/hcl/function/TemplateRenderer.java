package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.hcl.value.Value;
import java.util.Map;

/**
 * The hook {@code templatefile} calls to render a template: HCL's template language belongs to the
 * HCL parser and evaluator, which supply this. Without one, {@code templatefile} reports that it is
 * not available.
 */
@FunctionalInterface
public interface TemplateRenderer {
  /**
   * Renders {@code template} (the file's text) with {@code variables} in scope and {@code functions}
   * callable (except {@code templatefile} itself, to rule out recursion).
   *
   * @param fileName the path of the template, for messages
   */
  Value render(String template, String fileName, Map<String, Value> variables, FunctionRegistry functions)
      throws FunctionException;
}
