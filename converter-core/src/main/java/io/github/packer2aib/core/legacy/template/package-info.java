/**
 * The {@code {{ }}} template language of legacy Packer JSON templates: Go's {@code text/template}
 * with Packer's functions, as packer-plugin-sdk's {@code template/interpolate} runs it.
 *
 * <ul>
 *   <li>{@link io.github.packer2aib.core.legacy.template.TemplateParser} reads a string into {@link
 *       io.github.packer2aib.core.legacy.template.TemplateNode}s (text, comments, actions holding
 *       pipelines of commands) with the grammar in {@code grammar/.../gotemplate}; it reports the
 *       first syntax error, as Go does, with its {@link
 *       io.github.packer2aib.core.legacy.template.Span} in the string. Plainly valid strings
 *       (nearly all) are read by the hand-written {@code TemplateDescent}, which agrees with the
 *       ANTLR path ({@code TemplateDescentProperties}) and leaves every other string to it.
 *   <li>{@link io.github.packer2aib.core.legacy.template.TemplateEvaluator} evaluates it to a
 *       string {@link io.github.packer2aib.core.hcl.value.Value} in a {@link
 *       io.github.packer2aib.core.legacy.template.Scope} (which section of the template, which
 *       builders), reading user variables through {@link
 *       io.github.packer2aib.core.legacy.template.UserVariables} and everything else from a {@link
 *       io.github.packer2aib.core.legacy.template.TemplateEnvironment}.
 *   <li>Problems are {@link io.github.packer2aib.core.legacy.template.TemplateProblem}s located by
 *       span; the caller, which knows how the string was written in its file, turns them into
 *       diagnostics ({@code GOTPL-…}, {@link
 *       io.github.packer2aib.core.legacy.template.GoTemplateCode}).
 * </ul>
 *
 * <p>Choices where a converter cannot do what Packer does (see {@code TemplateFunctions}): actions
 * that refer to provisioner-time data ({@code {{ .Path }}}, {@code {{ .Vars }}}, {@code
 * {{.WinRMPassword}}}) are kept verbatim; {@code build} values are unknown; the clock is frozen and
 * {@code uuid} deterministic per run; secret and network functions are refused; values built from a
 * sensitive variable carry the sensitive mark. Not supported (reported as such): control actions
 * ({@code if}, {@code range}, {@code with}, …), template variables ({@code $x := …}) and Go's
 * built-in functions ({@code printf}, {@code len}, …), which legacy Packer templates do not use in
 * practice. Differences from Go's own messages: ours name the problem and what to do.
 */
package io.github.packer2aib.core.legacy.template;
