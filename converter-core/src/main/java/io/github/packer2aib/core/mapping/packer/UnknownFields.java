package io.github.packer2aib.core.mapping.packer;

import java.util.Collection;
import java.util.Set;

/**
 * Fields nobody read: what Packer makes of them, and so how sure the converter can be that they are
 * wrong. Packer hands a body to its plugin, which refuses every key it does not know (a legacy
 * template's "unknown configuration key", HCL2's "Unsupported argument" or "Unsupported block
 * type"; checked with Packer 1.6.6). Where the converter knows the plugin's whole field set (the
 * provisioners built into Packer, whose fields do not change between plugin versions), or where an
 * unknown azure-arm field is two edits or fewer from one it knows ({@code vm_szie}), Packer
 * certainly refuses the template: an error ({@code PKRMAP-E128}). Any other unknown field may be
 * one of a newer plugin version: a warning ({@code PKRMAP-W101}) that says both.
 */
final class UnknownFields {
  private UnknownFields() {}

  /**
   * The provisioner types built into Packer, whose fields the converter knows completely (each
   * mapper's known list): {@code windows-update} is a plugin of its own, whose fields may grow.
   */
  static final Set<String> CORE_PROVISIONERS =
      Set.of(
          "shell", "powershell", "windows-shell", "file", "windows-restart", "sleep", "breakpoint");

  /**
   * The settings Packer itself gives every plugin of a build ({@code common.PackerConfig}), which a
   * template may set too: known to every core provisioner, and of no use to an image template.
   */
  static final Set<String> PACKER_CONFIG =
      Set.of(
          "packer_build_name",
          "packer_builder_type",
          "packer_core_version",
          "packer_debug",
          "packer_force",
          "packer_on_error",
          "packer_user_variables",
          "packer_sensitive_variables");

  /**
   * Reports {@code l}, an azure-arm field (of the builder, or of a block in it) the converter does
   * not know: the error when it is two edits or fewer from one of {@code known}, a misspelling
   * Packer certainly refuses, else the warning, as a newer version of the Azure plugin may have it.
   *
   * @param what the builder or block, in words, for the error ("The azure-arm builder")
   * @param field the field as the error names it
   * @param unknownField the field as the warning names it ("the azure-arm field x")
   */
  static void reportAzureField(
      Unit u,
      Fields f,
      Fields.Leftover l,
      Collection<String> known,
      String what,
      String field,
      String unknownField) {
    String close = Words.closest(l.key(), known);
    if (close != null) {
      u.report.add(
          PackerMapCode.FIELD_PACKER_REFUSES, l.range(), refused(f, l, what, field, close));
    } else {
      u.report.add(
          PackerMapCode.UNKNOWN_FIELD,
          l.range(),
          unknown(
              f,
              l,
              unknownField,
              "the Azure plugin",
              null,
              "if it is a field of a newer plugin version and matters for the image, add its"
                  + " equivalent to the image template by hand."));
    }
  }

  /** The note for {@code name}, one of {@link #PACKER_CONFIG}, written in a template. */
  static String packerConfigDropped(String name) {
    return name
        + " is one of the settings Packer gives every plugin of a build itself; an image template"
        + " has no use for it, so it was dropped.";
  }

  /**
   * Packer's words for a field its plugin does not know, in the syntax of {@code f}: an override's
   * fields reach the plugin as a raw configuration of their own, decoded as a legacy template's.
   */
  static String packerSays(Fields f, Fields.Leftover l) {
    if (f.legacy() || f.decodedWeakly(l.key())) {
      return "unknown configuration key";
    }
    return l.block() ? "Unsupported block type" : "Unsupported argument";
  }

  /**
   * The error for a field {@code field} that {@code what} (a builder, block or provisioner, in
   * words) certainly does not have, with {@code close} the field it most likely means (null when
   * none is close).
   */
  static String refused(Fields f, Fields.Leftover l, String what, String field, String close) {
    return what
        + " has no field "
        + field
        + ", so Packer refuses the template (\""
        + packerSays(f, l)
        + "\")."
        + (close == null
            ? " Remove it, or correct its name."
            : " Did you mean \"" + close + "\"? Correct its name.");
  }

  /**
   * The warning for a field the converter does not know that a newer version of the plugin may
   * have: dropped, and refused by Packer unless the plugin knows it.
   *
   * @param plugin the plugin, in words ("the Azure plugin")
   * @param advice what to do when the plugin does know it, as a sentence; empty for none
   */
  static String unknown(
      Fields f, Fields.Leftover l, String field, String plugin, String close, String advice) {
    return "The converter does not know "
        + field
        + ", so it was dropped."
        + (close == null ? "" : " Did you mean \"" + close + "\"?")
        + " Packer refuses the template if "
        + plugin
        + " does not know it either (\""
        + packerSays(f, l)
        + "\"): check its name"
        + (advice.isEmpty() ? "." : "; " + advice);
  }
}
