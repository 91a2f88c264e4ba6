package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.FunctionException;
import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import io.github.packer2aib.core.hcl.function.TemplateRenderer;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.parse.hcl.HclParser;
import io.github.packer2aib.core.parse.hcl.HclTemplateResult;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@code templatefile} template: the file is parsed as a standalone template and
 * evaluated with only the variables passed to the call in scope, as Terraform and Packer do. Every
 * name the template refers to must be among them; problems are reported the way HCL reports errors
 * in a function call ({@code file:line,col-col: Summary; Detail}).
 */
final class TemplateFileRenderer implements TemplateRenderer {
  private final HclParser parser = new HclParser();
  private final EvalBudget budget;

  TemplateFileRenderer(EvalBudget budget) {
    this.budget = budget;
  }

  @Override
  public Value render(
      String template, String fileName, Map<String, Value> variables, FunctionRegistry functions)
      throws FunctionException {
    HclTemplateResult parsed = parser.parseTemplate(new SourceFile(fileName, template));
    if (parsed.hasErrors()) {
      throw FunctionException.call(describe(parsed.diagnostics()));
    }
    TemplateExpr expr = parsed.template();
    for (ScopeTraversal reference : References.ofTemplateParts(expr.parts())) {
      if (!variables.containsKey(reference.root())) {
        throw FunctionException.arg(
            1,
            "vars map does not contain key \""
                + reference.root()
                + "\", referenced at "
                + Ranges.hcl(reference.rootRange()));
      }
    }
    EvalContext ctx = EvalContext.of(variables, functions, budget).insideTemplateFile();
    EvalResult result = Evaluator.evaluate(expr, ctx);
    if (result.hasErrors()) {
      throw FunctionException.call(describe(result.diagnostics()));
    }
    return result.value();
  }

  /** HCL's one-line form of diagnostics: the first error, and how many others there are. */
  static String describe(List<Diagnostic> diagnostics) {
    List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
    Diagnostic first = errors.get(0);
    String text =
        first.subject().map(Ranges::hcl).orElse("<nil>")
            + ": "
            + first.summary()
            + "; "
            + first.detail();
    if (errors.size() > 1) {
      text += ", and " + (errors.size() - 1) + " other diagnostic(s)";
    }
    return text;
  }
}
