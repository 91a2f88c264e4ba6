/**
 * The HCL expression evaluator: {@link io.github.packer2aib.core.hcl.eval.Evaluator} computes the
 * value of a {@code core.hcl.syntax} expression in an {@link
 * io.github.packer2aib.core.hcl.eval.EvalContext} (root names, nested scopes, functions), with the
 * semantics and wording of HashiCorp's {@code hclsyntax}: templates and directives, operators with
 * HCL's conversions, conditionals, {@code for} expressions, splats, indexes and attribute access,
 * function calls (with {@code ...} expansion and the special forms {@code try}, {@code can}, {@code
 * convert}), unknown values and marks (sensitivity) carried through every operation. It also reads
 * type expressions ({@link io.github.packer2aib.core.hcl.eval.Evaluator#typeConstraint}), lists the
 * variables an expression refers to ({@link
 * io.github.packer2aib.core.hcl.eval.Evaluator#references}) and renders {@code templatefile}
 * templates ({@link io.github.packer2aib.core.hcl.eval.Evaluator#templateRenderer}). It knows
 * nothing of Packer.
 *
 * <p>Checked against Packer 1.6.6's {@code packer console} on some 2,400 expressions (the test
 * table {@code hcl/eval-differential.tsv}). Where this evaluator differs from Packer 1.6.6 (HCL
 * 2.8), on purpose:
 *
 * <ul>
 *   <li>Later HCL's behaviour and wording are followed where they are better: "Did you mean" for
 *       attribute names; the hints of "Invalid index" for fractional indexes, numeric keys of
 *       objects and sets; a splat of a value whose type is not known yet is unknown (HCL 2.8 made
 *       it a one-element tuple), and a splat of an untyped {@code null} is an empty tuple (HCL 2.8
 *       made it unknown, and {@code packer build} then failed); interpolating an unknown that can
 *       never be a string is an error.
 *   <li>Duplicate keys in an object constructor ({@code {a = 1, a = 2}}) keep the last value, as in
 *       HCL, but are reported as a warning ({@code EVAL-W001}): HCL accepts them silently.
 *   <li>Name suggestions pick the nearest name; HCL picks the first one within two edits in Go's
 *       random map order, so Packer's suggestion changes from run to run.
 *   <li>A problem found once per element of a {@code for} or splat is reported once.
 *   <li>Marks are kept more conservatively than cty keeps them: the unknown result of a failed
 *       operation carries every mark of its operands, an unknown condition's result carries the
 *       marks of both results, unknown template parts keep their marks. A secret cannot escape
 *       through an error path.
 *   <li>Function argument errors underline the whole argument (HCL: its first token).
 *   <li>{@code templatefile} (not in Packer 1.6.6) behaves as in Terraform and later Packer.
 *   <li>Where Packer 1.6.6's functions panic or compute garbage, later cty's results are given:
 *       {@code element} and {@code cidrsubnet} refuse negative numbers, the {@code cidr*} functions
 *       keep an IPv4-mapped prefix's hosts and subnets inside it, {@code merge()} is an empty
 *       object (1.6.6: null), set operations on sets of unrelated element types give a set.
 * </ul>
 */
package io.github.packer2aib.core.hcl.eval;
