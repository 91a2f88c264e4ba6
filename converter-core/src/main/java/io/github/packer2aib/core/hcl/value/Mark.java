package io.github.packer2aib.core.hcl.value;

/**
 * A mark carried by a value and by everything computed from it. {@link #SENSITIVE} is the one HCL
 * defines: the value came from a sensitive variable and must never be shown. {@link #FROZEN} is
 * ours: the value was computed from the conversion's clock or random generator ({@code
 * timestamp()}, {@code uuidv4()}, {@code {{isotime}}} …), so where Packer gets a new one on every
 * build, the converted template holds the one of the conversion, and the user must be told.
 */
public enum Mark {
  SENSITIVE,
  FROZEN,
  /**
   * Ours too: the string holds an action of Packer's template context kept as written ({@code {{
   * .Path }}}, {@code {{ .WinRMPassword }}}), which Packer fills in while it builds. Braces that a
   * template prints as text ({@code {{"{{"}} .ID {{"}}"}}}, Go's way to write them, for a {@code
   * docker --format} argument) are no such action and carry no mark.
   */
  TEMPLATE_FIELD
}
