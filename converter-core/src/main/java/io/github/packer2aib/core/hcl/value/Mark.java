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
  FROZEN
}
