/**
 * HCL's values, types and conversions, with the semantics of HashiCorp's cty as Packer 1.x uses
 * them: what the HCL2 evaluator computes with.
 *
 * <ul>
 *   <li>{@link io.github.packer2aib.core.hcl.value.Value}: immutable values compared by value;
 *       null and unknown values are typed; {@link io.github.packer2aib.core.hcl.value.MarkedValue}
 *       carries marks such as {@code sensitive}, which every operation passes on to its result.
 *   <li>Numbers are {@link io.github.packer2aib.core.hcl.value.BigFloat}s, an exact emulation of
 *       the binary floats behind cty's numbers (512 bits for literals, 64 for counts, 53 for
 *       {@code pow}/{@code log}), so {@code 10/3}, {@code 0.1+0.2} and {@code pow(2, 0.5)} print
 *       exactly as Packer prints them. Large numbers print in full ({@code 1e100} as 101 digits,
 *       as Packer 1.6.6 does); only {@code format("%g")} uses exponents ({@code 1e+100}).
 *   <li>{@link io.github.packer2aib.core.hcl.value.Type} and {@link
 *       io.github.packer2aib.core.hcl.value.TypeConstraint} (with {@code optional(T, default)});
 *       {@link io.github.packer2aib.core.hcl.value.Convert} (cty's safe and unsafe conversion, with
 *       cty's messages and value paths); {@link io.github.packer2aib.core.hcl.value.Unify}.
 *   <li>{@link io.github.packer2aib.core.hcl.value.Operations} (arithmetic, comparison, equality,
 *       logic) and {@link io.github.packer2aib.core.hcl.value.Templates} (interpolation).
 * </ul>
 *
 * <p>Deterministic order: object attributes and map keys iterate in code point order (Go's string
 * order); sets keep numbers ascending, strings in code point order, {@code false} before {@code
 * true}, other elements by their rendering, unknowns last.
 *
 * <p>Known deviations from Packer: none found on the differential cases for arithmetic and
 * conversion; cty's "refinements" of unknown values (newer Packer) are not modelled, so {@code
 * unknown && false} is unknown here.
 */
package io.github.packer2aib.core.hcl.value;
