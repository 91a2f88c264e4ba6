/**
 * Packer's HCL2 function library: {@link io.github.packer2aib.core.hcl.function.FunctionRegistry}
 * maps names to {@link io.github.packer2aib.core.hcl.function.HclFunction}s whose results and
 * messages match Packer's (checked against Packer 1.6.6 by a differential test of some 380 calls).
 *
 * <p>How the evaluator uses it: look the name up; if {@link
 * io.github.packer2aib.core.hcl.function.FunctionRegistry#isSpecialForm} says so, call {@link
 * io.github.packer2aib.core.hcl.function.SpecialForms} instead ({@code try} and {@code can} take
 * unevaluated {@link io.github.packer2aib.core.hcl.function.LazyArgument}s; {@code convert} takes a
 * type expression read into a {@link io.github.packer2aib.core.hcl.value.TypeConstraint});
 * otherwise call the function with evaluated arguments (expand {@code args...} first). A {@link
 * io.github.packer2aib.core.hcl.function.FunctionException} names the offending argument; {@link
 * io.github.packer2aib.core.hcl.function.FunctionException#toDiagnostic} gives the located
 * diagnostic ({@code HCLFN-Exxx}).
 *
 * <p>Choices where Packer does something a converter must not:
 *
 * <ul>
 *   <li>Clock: {@code timestamp}, {@code legacy_isotime}, {@code legacy_strftime} read one frozen
 *       {@link io.github.packer2aib.core.hcl.function.Clock} per run (pinned by {@code
 *       SOURCE_DATE_EPOCH} when set); {@code uuidv4} is a deterministic sequence seeded per run.
 *   <li>{@code bcrypt} returns an unknown, sensitive string: its salt is random, so its result is
 *       only known at build time, and its input is a password.
 *   <li>{@code vault}, {@code consul_key}, {@code aws_secretsmanager}, {@code
 *       aws_secretsmanager_raw}, {@code rsadecrypt} are not called (no secrets, no network at
 *       conversion time): each returns an unknown, sensitive string, which the mapper refuses where
 *       it would reach the output.
 *   <li>File functions read only through the caller's {@link
 *       io.github.packer2aib.core.hcl.function.FileSystemView}; {@code templatefile} renders
 *       through a {@link io.github.packer2aib.core.hcl.function.TemplateRenderer} hook that the HCL
 *       evaluator supplies (without one it reports that it is not available). They read no file of
 *       the machine running the converter ({@link io.github.packer2aib.core.hcl.function.HostFile}:
 *       {@code /proc}, {@code /sys}, {@code /dev}, and private files outside the folders
 *       converted), which Packer, reading them at build time on the machine that builds, would
 *       never have frozen into a template.
 *   <li>Marks: a result carries every mark found anywhere in the arguments (more conservative than
 *       cty for a few functions, never less); a failure with a sensitive argument hides its
 *       message.
 *   <li>Regular expressions use Go's syntax on Java's engine, with constructs RE2 lacks refused and
 *       a per-match budget of character reads, because Java's engine backtracks (RE2 is linear).
 *       Patterns that need more than the budget fail instead of hanging.
 * </ul>
 *
 * <p>Known deviations from Packer 1.6.6 (all recorded as {@code d} lines of the test table): later
 * Packer behaviour is followed for {@code index} (position of a value, not element access), {@code
 * jsonencode(null)}, {@code merge()}, {@code ceil}/{@code floor} of huge numbers and {@code
 * element} with a negative index; YAML syntax errors report SnakeYAML's position; multi-line YAML
 * keys are quoted rather than written as complex keys; {@code base64gzip} output decompresses to
 * the same text but its bytes come from zlib, not Go's compressor; {@code pow} may differ from Go's
 * {@code math.Pow} in the last bit for fractional exponents.
 */
package io.github.packer2aib.core.hcl.function;
