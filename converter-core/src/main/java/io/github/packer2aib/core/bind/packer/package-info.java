/**
 * Packer's HCL2 semantics: reads a template (a {@code .pkr.hcl} / {@code .pkr.json} file or a
 * folder of them) into the Packer model ({@code core.packer}) with {@link
 * io.github.packer2aib.core.bind.packer.PackerHclLoader}, following Packer's {@code hcl2template}.
 *
 * <ul>
 *   <li>Files: {@link io.github.packer2aib.core.bind.packer.TemplateFiles} finds them as Packer
 *       does; {@code .pkr.json} files are HCL's JSON syntax, read into the same syntax tree by
 *       {@link io.github.packer2aib.core.bind.packer.HclJson} under the block schemas of {@link
 *       io.github.packer2aib.core.bind.packer.PackerSchema}, which {@link
 *       io.github.packer2aib.core.bind.packer.BodyContent} also checks native bodies against.
 *   <li>Values: {@link io.github.packer2aib.core.bind.packer.InputVariables} (declarations,
 *       precedence, types, validations), {@link io.github.packer2aib.core.bind.packer.LocalValues}
 *       (dependency order, cycles), {@link io.github.packer2aib.core.bind.packer.Scope} (what each
 *       part of a template can refer to), {@link
 *       io.github.packer2aib.core.bind.packer.Expressions} (evaluation with checks for undeclared
 *       references).
 *   <li>Structure: {@link io.github.packer2aib.core.bind.packer.Builds} (sources, builds, source
 *       usages, provisioners, post-processors) and {@link
 *       io.github.packer2aib.core.bind.packer.BodyEvaluator} (plugin bodies and {@code dynamic}
 *       blocks).
 * </ul>
 *
 * <p>Choices where Packer's behaviour cannot or should not be copied: data sources are not run
 * (their values are unknown, with a note); {@code build.*} values that only exist while a build
 * runs are unknown strings; a provisioner's body is evaluated once, with {@code source.*} known
 * when it applies to exactly one source usage of its build; every top-level source is evaluated,
 * used or not; {@code packer.version} is {@value
 * io.github.packer2aib.core.bind.packer.Scope#PACKER_VERSION}. All diagnostics are {@code PKR-}
 * codes ({@link io.github.packer2aib.core.bind.packer.PackerCode}).
 */
package io.github.packer2aib.core.bind.packer;
