package io.github.packer2aib.core.hcl.value;

/**
 * A mark carried by a value and by everything computed from it. {@link #SENSITIVE} is the one HCL
 * defines: the value came from a sensitive variable and must never be shown.
 */
public enum Mark {
  SENSITIVE
}
