package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.hcl.value.BoolValue;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.Values;
import io.github.packer2aib.core.source.Range;
import java.util.Optional;

/**
 * Fields without an Image Builder equivalent that the Azure plugin refuses beside others
 * (Config.Prepare, assertRequiredParametersSet), or with a value it does not take. Such a template
 * never ran, so converting it as if it had would hide that: each is an error with the plugin's
 * words, and the field is not also reported as dropped ({@link DroppedFields}).
 *
 * <p>Checked only where Packer 1.6.6 or the current plugin refuses the combination. A combination
 * that a newer plugin accepts ({@code allowed_inbound_ip_addresses} beside {@code
 * virtual_network_name}, accepted since the plugin attaches a network security group to the build
 * VM's interface) keeps its warning, which says that older versions refuse it.
 */
final class PluginRefusals {
  private PluginRefusals() {}

  /** Checks {@code f}, the builder's fields, once the destinations are mapped. */
  static void check(Unit u, Fields f) {
    diskEncryptionSet(u, f);
    trustedLaunchOnManagedImage(u, f);
    securityType(u, f);
    publicIpSku(u, f);
    buildKeyVault(u, f);
  }

  /**
   * {@code disk_encryption_set_id}: the plugin allows it only "when publishing directly to Shared
   * Image Gallery", and there it encrypts the build VM's disks and also the image version in the
   * build region (step_build_target_regions gives that region the set). Image Builder can encrypt
   * neither, so beside a gallery destination it is refused as a target_region's set is: the image
   * version would not be encrypted as requested.
   */
  private static void diskEncryptionSet(Unit u, Fields f) {
    if (!f.has("disk_encryption_set_id")) {
      return;
    }
    String other =
        firstSet(f, "capture_container_name", "capture_name_prefix", "managed_image_name");
    if (other != null) {
      f.consume("disk_encryption_set_id");
      u.report.add(
          PackerMapCode.CONFLICTING_FIELDS,
          f.nameRange("disk_encryption_set_id"),
          "Packer refuses disk_encryption_set_id beside a VHD or managed image destination"
              + " (\"Setting a disk encryption set ID is not allowed when building a VHD or"
              + " creating a Managed Image, only when publishing directly to Shared Image"
              + " Gallery\"). Remove one of them.",
          f.nameRange(other),
          other + " set here");
    } else if (f.has("shared_image_gallery_destination")) {
      f.consume("disk_encryption_set_id");
      u.report.add(
          PackerMapCode.FIELD_REFUSED,
          f.nameRange("disk_encryption_set_id"),
          "With a gallery destination the Azure plugin encrypts the build VM's disks and also the"
              + " image version in the build region with disk_encryption_set_id, and Image Builder"
              + " can do neither, so the image would not be encrypted as requested. Remove"
              + " disk_encryption_set_id and encrypt the image version after the build, or build"
              + " this image with Packer.");
    }
  }

  /**
   * secure_boot_enabled or vtpm_enabled beside a managed image: "A managed image
   * (managed_image_name, managed_image_resource_group_name) can not set SecureBoot or VTpm".
   */
  private static void trustedLaunchOnManagedImage(Unit u, Fields f) {
    String managed = firstSet(f, "managed_image_name", "managed_image_resource_group_name");
    if (managed == null) {
      return;
    }
    for (String k : new String[] {"secure_boot_enabled", "vtpm_enabled"}) {
      if (peekBool(f, k).orElse(false)) {
        f.consume(k);
        u.report.add(
            PackerMapCode.CONFLICTING_FIELDS,
            f.nameRange(k),
            "Packer refuses "
                + k
                + " beside a managed image destination (\"A managed image (managed_image_name,"
                + " managed_image_resource_group_name) can not set SecureBoot or VTpm, these"
                + " features are only supported when directly publishing to a Shared Image"
                + " Gallery\"). Remove one of them.",
            f.nameRange(managed),
            managed + " set here");
      }
    }
  }

  /**
   * A security_type the plugin does not take: exactly "TrustedLaunch" or "ConfidentialVM"
   * (assertAllowedSecurityType compares them as written). ConfidentialVM in any case is refused for
   * a reason of its own ({@link DroppedFields}).
   */
  private static void securityType(Unit u, Fields f) {
    Optional<String> type = f.peekPlainString("security_type");
    if (type.isEmpty()
        || type.get().equals("TrustedLaunch")
        || type.get().equalsIgnoreCase("ConfidentialVM")) {
      return;
    }
    f.consume("security_type");
    u.report.add(
        PackerMapCode.INVALID_VALUE,
        f.valueRange("security_type"),
        "security_type must be \"TrustedLaunch\" or \"ConfidentialVM\", written so, as the Azure"
            + " plugin requires, but it is "
            + Fields.shownValue(f.peekValue("security_type").orElseThrow())
            + ": Packer refuses the template. Fix the value in the template.");
  }

  /**
   * public_ip_sku beside virtual_network_name: "If virtual_network_name is specified, public_ip_sku
   * cannot be specified, since a new network will not be created" (Packer 1.6.6 and the current
   * plugin).
   */
  private static void publicIpSku(Unit u, Fields f) {
    if (!f.has("public_ip_sku") || !f.has("virtual_network_name")) {
      return;
    }
    f.consume("public_ip_sku");
    u.report.add(
        PackerMapCode.CONFLICTING_FIELDS,
        f.nameRange("public_ip_sku"),
        "Packer refuses public_ip_sku beside virtual_network_name (\"If virtual_network_name is"
            + " specified, public_ip_sku cannot be specified, since a new network will not be"
            + " created\"). Remove public_ip_sku: Image Builder gives its build VM no public IP"
            + " address anyway.",
        f.nameRange("virtual_network_name"),
        "virtual_network_name set here");
  }

  /**
   * skip_create_build_key_vault without the WinRM communicator: "Communicator type must be winrm
   * when skip_create_build_key_vault is set" (the communicator is SSH unless set).
   */
  private static void buildKeyVault(Unit u, Fields f) {
    if (!peekBool(f, "skip_create_build_key_vault").orElse(false)) {
      return;
    }
    // Without communicator the plugin's default (SSH) is meant; the message then points at no
    // second place.
    Range communicatorAt = null;
    if (f.has("communicator")) {
      Optional<String> communicator = f.peekPlainString("communicator");
      if (communicator.isEmpty() || communicator.get().equalsIgnoreCase("winrm")) {
        return;
      }
      communicatorAt = f.nameRange("communicator");
    }
    f.consume("skip_create_build_key_vault");
    u.report.add(
        PackerMapCode.CONFLICTING_FIELDS,
        f.nameRange("skip_create_build_key_vault"),
        "Packer refuses skip_create_build_key_vault without communicator = \"winrm\""
            + " (\"Communicator type must be winrm when skip_create_build_key_vault is set\")."
            + " Remove skip_create_build_key_vault: Image Builder connects to its build VM"
            + " itself.",
        communicatorAt,
        "communicator set here");
  }

  /** The first of {@code keys} that {@code f} sets, or null. */
  static String firstSet(Fields f, String... keys) {
    for (String k : keys) {
      if (f.has(k)) {
        return k;
      }
    }
    return null;
  }

  /**
   * A bool as Packer reads it, without reading the field (it stays a leftover for {@link
   * DroppedFields}): true or false, or a string Packer reads as one ({@link Fields#stringBool});
   * empty for anything else, a sensitive or an unknown value.
   */
  static Optional<Boolean> peekBool(Fields f, String k) {
    Value written = f.peekValue(k).orElse(null);
    if (written == null || Fields.sensitive(written) || !written.isWhollyKnown()) {
      return Optional.empty();
    }
    Value v = Values.unmarked(written);
    if (v instanceof BoolValue b) {
      return Optional.of(b.asBoolean());
    }
    if (v instanceof StringValue s) {
      return Fields.stringBool(s.value(), f.legacy());
    }
    return Optional.empty();
  }
}
