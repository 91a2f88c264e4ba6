/**
 * The legacy Packer front end: {@link io.github.packer2aib.core.bind.legacy.LegacyLoader} reads a
 * legacy JSON template (or the same structure in YAML) into the Packer model ({@code core.packer}):
 * one {@code Source} per builder, one {@code Build} using them all, with the provisioners,
 * post-processor chains and error-cleanup provisioner; every string evaluated with {@code
 * core.legacy.template}; variables resolved with Packer's precedence (default &lt; {@code
 * --var-file} &lt; {@code --var}). {@link io.github.packer2aib.core.bind.legacy.LegacyDetector}
 * tells a legacy template from other documents.
 *
 * <p>Diagnostics ({@code LEGACY-…}, {@link io.github.packer2aib.core.bind.legacy.LegacyCode}, and
 * the template language's {@code GOTPL-…}) point at {@code line:col} of the JSON or YAML file with
 * a JSON pointer; errors inside a {@code {{ }}} expression point at their column inside the string,
 * mapped back through JSON escapes and YAML quoting, folding and block scalars ({@code
 * StringOffsets}; when a YAML scalar cannot be aligned, such as an alias, the whole scalar is the
 * subject).
 */
package io.github.packer2aib.core.bind.legacy;
