/**
 * The HCL expression evaluator: {@link io.github.packer2aib.core.hcl.eval.Evaluator} computes the
 * value of a {@code core.hcl.syntax} expression in an {@link
 * io.github.packer2aib.core.hcl.eval.EvalContext} (root names, nested scopes, functions), with the
 * semantics and wording of HashiCorp's {@code hclsyntax}: templates and directives, operators with
 * HCL's conversions, conditionals, {@code for} expressions, splats, indexes and attribute access,
 * function calls (with {@code ...} expansion and the special forms {@code try}, {@code can},
 * {@code convert}), unknown values and marks (sensitivity) carried through every operation.
 *
 * <p>It also reads type expressions ({@link
 * io.github.packer2aib.core.hcl.eval.Evaluator#typeConstraint}), lists the variables an
 * expression refers to ({@link io.github.packer2aib.core.hcl.eval.Evaluator#references}) and
 * renders {@code templatefile} templates ({@link
 * io.github.packer2aib.core.hcl.eval.Evaluator#templateRenderer}). It knows nothing of Packer.
 */
package io.github.packer2aib.core.hcl.eval;
