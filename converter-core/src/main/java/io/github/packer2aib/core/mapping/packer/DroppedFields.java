package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.Values;
import io.github.packer2aib.core.packer.Credentials;
import io.github.packer2aib.core.source.TextMemo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The azure-arm fields that have no place in an image template, each with the reason it is dropped
 * or refused (mapping.md §A.1–A.7); anything else left over is an unknown field.
 */
final class DroppedFields {
  private DroppedFields() {}

  /** Packer's sign-in to Azure: never copied (mapping.md §A.7). */
  private static final Set<String> AUTHENTICATION =
      Set.of(
          "client_id",
          "client_secret",
          "client_cert_path",
          "client_cert_password",
          "client_cert_token_timeout",
          "client_jwt",
          "object_id",
          "tenant_id",
          "oidc_request_token",
          "oidc_request_url",
          "use_azure_cli_auth",
          "use_interactive_auth",
          "metadata_host");

  private static final Set<String> TEMPORARY_RESOURCES =
      Set.of(
          "async_resourcegroup_delete",
          "custom_resource_build_prefix",
          "temp_compute_name",
          "temp_nic_name",
          "temp_os_disk_name",
          "skip_cleanup");

  /**
   * The fields of Packer's communicator (packer-plugin-sdk communicator.Config: SSH, WinRM and the
   * temporary key pair) and the Azure plugin's own for its connection to the build VM. A list, not
   * prefixes: {@code ssh_usernme} is a misspelling Packer refuses, not a field.
   */
  static final Set<String> COMMUNICATOR =
      Set.of(
          "communicator",
          "pause_before_connecting",
          "ssh_host",
          "ssh_port",
          "ssh_username",
          "ssh_password",
          "ssh_keypair_name",
          "temporary_key_pair_name",
          "temporary_key_pair_type",
          "temporary_key_pair_bits",
          "ssh_ciphers",
          "ssh_clear_authorized_keys",
          "ssh_key_exchange_algorithms",
          "ssh_private_key_file",
          "ssh_certificate_file",
          "ssh_pty",
          "ssh_timeout",
          "ssh_wait_timeout",
          "ssh_agent_auth",
          "ssh_disable_agent_forwarding",
          "ssh_handshake_attempts",
          "ssh_bastion_host",
          "ssh_bastion_port",
          "ssh_bastion_agent_auth",
          "ssh_bastion_username",
          "ssh_bastion_password",
          "ssh_bastion_interactive",
          "ssh_bastion_private_key_file",
          "ssh_bastion_certificate_file",
          "ssh_file_transfer_method",
          "ssh_proxy_host",
          "ssh_proxy_port",
          "ssh_proxy_username",
          "ssh_proxy_password",
          "ssh_keep_alive_interval",
          "ssh_read_write_timeout",
          "ssh_remote_tunnels",
          "ssh_local_tunnels",
          "ssh_public_key",
          "ssh_private_key",
          "winrm_username",
          "winrm_password",
          "winrm_host",
          "winrm_no_proxy",
          "winrm_port",
          "winrm_timeout",
          "winrm_use_ssl",
          "winrm_insecure",
          "winrm_use_ntlm",
          // The Azure plugin's: the WinRM certificate and the key vault that holds it.
          "winrm_expiration_time",
          "build_key_vault_name",
          "build_key_vault_secret_name",
          "build_key_vault_sku",
          "skip_create_build_key_vault");

  private static final Set<String> REFUSED_FIRST_BOOT =
      Set.of("custom_data", "custom_data_file", "user_data", "user_data_file", "custom_script");

  /** Fields Image Builder has no counterpart for, with what that means for the image. */
  private static final Map<String, String> NO_EQUIVALENT = new LinkedHashMap<>();

  static {
    String noManaged = "Image Builder has no setting for ";
    NO_EQUIVALENT.put(
        "managed_image_storage_account_type",
        noManaged + "the storage account type of a managed image; it uses its default.");
    NO_EQUIVALENT.put("managed_image_zone_resilient", noManaged + "zone-resilient managed images.");
    NO_EQUIVALENT.put(
        "managed_image_os_disk_snapshot_name", "Image Builder does not create disk snapshots.");
    NO_EQUIVALENT.put(
        "managed_image_data_disk_snapshot_prefix", "Image Builder does not create disk snapshots.");
    NO_EQUIVALENT.put(
        "keep_os_disk", "Image Builder deletes the build VM's disks with its staging resources.");
    String network =
        "Image Builder reaches its build VM through its own proxy VM or container instance and"
            + " gives it no public IP address, so there is nothing to set.";
    NO_EQUIVALENT.put("private_virtual_network_with_public_ip", network);
    NO_EQUIVALENT.put("allowed_inbound_ip_addresses", network);
    NO_EQUIVALENT.put("public_ip_sku", network);
    NO_EQUIVALENT.put("spot", noManaged + "spot pricing of the build VM.");
    NO_EQUIVALENT.put("license_type", noManaged + "the build VM's license type.");
    String trusted =
        "Image Builder has no Trusted Launch settings in the template; they presumably follow the"
            + " source image and the gallery image definition (not documented). Check that the"
            + " image definition has the security type you need.";
    NO_EQUIVALENT.put("secure_boot_enabled", trusted);
    NO_EQUIVALENT.put("vtpm_enabled", trusted);
    NO_EQUIVALENT.put("security_type", trusted);
    NO_EQUIVALENT.put("security_encryption_type", trusted);
    NO_EQUIVALENT.put("encryption_at_host", noManaged + "encryption at host on the build VM.");
    NO_EQUIVALENT.put("disk_encryption_set_id", noManaged + "the build VM's disk encryption set.");
    NO_EQUIVALENT.put("disk_caching_type", noManaged + "the build VM's disk caching.");
    NO_EQUIVALENT.put(
        "disk_controller_type", noManaged + "the build VM's disk controller type (SCSI or NVMe).");
    NO_EQUIVALENT.put(
        "accelerated_networking", noManaged + "accelerated networking on the build VM.");
    NO_EQUIVALENT.put("boot_diag_storage_account", noManaged + "boot diagnostics of the build VM.");
    String timeout =
        "Image Builder has no per-operation timeouts; the whole build is bounded by"
            + " properties.buildTimeoutInMinutes (240 minutes by default).";
    NO_EQUIVALENT.put("polling_duration_timeout", timeout);
    NO_EQUIVALENT.put("shared_image_gallery_timeout", timeout);
    NO_EQUIVALENT.put(
        "shared_gallery_image_version_end_of_life_date",
        "Image Builder cannot set an end-of-life date on the image version; set it on the"
            + " version after the build.");
  }

  /** Every top-level azure-arm field the converter reads or explains, for suggestions. */
  static final List<String> KNOWN =
      List.of(
          "subscription_id",
          "os_type",
          "location",
          "build_resource_group_name",
          "temp_resource_group_name",
          "azure_tags",
          "azure_tag",
          "image_url",
          "image_publisher",
          "image_offer",
          "image_sku",
          "image_version",
          "plan_info",
          "custom_managed_image_name",
          "custom_managed_image_resource_group_name",
          "shared_image_gallery",
          "managed_image_name",
          "managed_image_resource_group_name",
          "shared_image_gallery_destination",
          "shared_image_gallery_replica_count",
          "shared_gallery_image_version_exclude_from_latest",
          "capture_container_name",
          "capture_name_prefix",
          "storage_account",
          "resource_group_name",
          "skip_create_image",
          "vm_size",
          "os_disk_size_gb",
          "virtual_network_name",
          "virtual_network_subnet_name",
          "virtual_network_resource_group_name",
          "user_assigned_managed_identities",
          "disk_additional_size",
          "cloud_environment_name",
          "communicator");

  /** The fields of a spot block (the Azure plugin's Spot). */
  private static final List<String> SPOT_FIELDS = List.of("eviction_policy", "max_price");

  /**
   * Every top-level field the converter knows: those it maps ({@link #KNOWN}) and those it drops or
   * refuses with a reason. An unknown field two edits or fewer from one of them is a misspelling
   * Packer refuses ({@code PKRMAP-E128}); the suggestions held only the mapped ones, so {@code
   * kep_os_disk} or {@code client_secert} passed with a warning.
   */
  static final Set<String> ALL_KNOWN = allKnown();

  private static Set<String> allKnown() {
    // Sorted: Words.closest walks it, and Set.copyOf's order changes from one JVM start to the
    // next.
    Set<String> all = new java.util.TreeSet<>(KNOWN);
    all.addAll(AUTHENTICATION);
    all.addAll(TEMPORARY_RESOURCES);
    all.addAll(REFUSED_FIRST_BOOT);
    all.addAll(NO_EQUIVALENT.keySet());
    all.addAll(COMMUNICATOR);
    all.addAll(UnknownFields.PACKER_CONFIG);
    all.add("sas_token_duration");
    all.add("disk_additional_luns");
    return java.util.Collections.unmodifiableSet(all);
  }

  static void report(Unit u, Fields f) {
    List<Fields.Leftover> leftovers = f.leftovers();
    for (int i = 0; i < leftovers.size(); i++) { // by index: no iterator (C1 code)
      Fields.Leftover l = leftovers.get(i);
      String k = l.key();
      f.consume(k);
      // The two fields whose verdict depends on their value; no other check below takes them.
      if (k.equals("cloud_environment_name")) {
        cloud(u, f, l);
      } else if (k.equals("security_type") && confidential(f)) {
        u.report.add(
            PackerMapCode.FIELD_REFUSED,
            l.range(),
            "security_type = \"ConfidentialVM\" needs a confidential build VM, which Image"
                + " Builder cannot create. Build this image with Packer.");
      } else if (k.equals("allowed_inbound_ip_addresses") && f.has("virtual_network_name")) {
        // Newer Azure plugins accept it beside a network of the template's (they put the rules on
        // the build VM's interface); older ones and Packer 1.6.6 refuse it, so a warning says so.
        u.report.add(
            PackerMapCode.NO_EQUIVALENT,
            l.range(),
            Words.concat(
                NO_EQUIVALENT.get(k),
                " allowed_inbound_ip_addresses was dropped. (Older versions of the Azure plugin,"
                    + " and Packer 1.6.6, refuse it beside virtual_network_name: \"If"
                    + " virtual_network_name is specified, allowed_inbound_ip_addresses cannot be"
                    + " specified\"; check that the Packer template ran as it is.)"));
      } else if (k.equals("spot") && !isFalse(f, k)) {
        spot(u, f, l);
      } else if (NO_EQUIVALENT.containsKey(k) && isFalse(f, k)) {
        u.report.add(
            PackerMapCode.FIELD_DROPPED,
            l.range(),
            Words.concat(
                falseWritten(f, k),
                " is what Packer does without it, so nothing is lost: ",
                NO_EQUIVALENT.get(k),
                " It was dropped."));
      } else {
        Verdict v = VERDICTS.get(k);
        if (v == UNKNOWN) {
          unknown(u, f, l);
        } else {
          u.report.add(v.code(), l.range(), v.detail());
        }
      }
    }
  }

  /**
   * spot, dropped with its warning; what is inside is checked as in any other block, so that a
   * misspelt {@code evicton_policy} is the error Packer gives it, not passed over with the block.
   */
  private static void spot(Unit u, Fields f, Fields.Leftover l) {
    u.report.add(
        PackerMapCode.NO_EQUIVALENT,
        l.range(),
        Words.concat(NO_EQUIVALENT.get("spot"), " spot was dropped."));
    Value written = f.peekValue("spot").orElse(null);
    Value v = written == null ? null : Values.unmarked(written);
    if (written != null && !(v instanceof ObjectValue) && !(v instanceof MapValue)) {
      return; // not a block: only its verdict
    }
    for (Fields spot : f.nestedList("spot")) {
      for (String k : SPOT_FIELDS) {
        spot.consume(k);
      }
      BuilderChecks.unknownFields(u, spot, SPOT_FIELDS);
    }
  }

  /** The verdict of a key that is none of the fields above, reported by {@link #unknown}. */
  private static final Verdict UNKNOWN = new Verdict(PackerMapCode.UNKNOWN_FIELD, "");

  /**
   * A field the converter does not know: an error when it is two edits or fewer from one it does
   * ({@code vm_szie}), a misspelling Packer certainly refuses; else a warning, as a newer version
   * of the Azure plugin may have it ({@link UnknownFields}).
   */
  private static void unknown(Unit u, Fields f, Fields.Leftover l) {
    UnknownFields.reportAzureField(
        u, f, l, ALL_KNOWN, "The azure-arm builder", l.name(), "the azure-arm field " + l.name());
  }

  /**
   * Whether {@code f} has an unknown field that most likely means {@code key} (the one {@link
   * #unknown} suggests it for): a message about {@code key} being absent would then be beside the
   * point.
   */
  static boolean misspelt(Fields f, String key) {
    for (String k : f.keys()) {
      if (!ALL_KNOWN.contains(k)
          && VERDICTS.get(k) == UNKNOWN
          && key.equals(Words.closest(k, ALL_KNOWN))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code k} is set to false (or "false", which Packer's decoder reads as false): every
   * field without an equivalent that takes a bool is off in Packer unless set, so false asks for
   * nothing an image template would lose. A value from a secret is not told.
   */
  private static boolean isFalse(Fields f, String k) {
    // A peek, not a read: spot { … } is a block in Packer, and reading it as an argument would
    // refuse it as one. "0" is false too, to both of Packer's decoders (it got the warning).
    return PluginRefusals.peekBool(f, k).equals(Optional.of(false));
  }

  /**
   * How the note on a field set to false names it: {@code k = false}, or the string as written with
   * what Packer reads it as ({@code keep_os_disk = "0", which Packer reads as false,}).
   */
  private static String falseWritten(Fields f, String k) {
    Value v = Values.unmarked(f.peekValue(k).orElseThrow());
    if (v instanceof StringValue s && !s.value().equals("false")) {
      return k + " = " + Words.quote(s.value()) + ", which Packer reads as false,";
    }
    return k + " = false";
  }

  /** What becomes of a leftover field: the code and message of its diagnostic. */
  private record Verdict(PackerMapCode code, String detail) {}

  /**
   * The verdicts of the keys met so far: a pure function of the key, and every azure-arm source of
   * every template drops a dozen fields (sign-in, communicator, temporary resources), each asked
   * through the chain of checks below and given a message built for it.
   */
  private static final TextMemo<Verdict> VERDICTS = new TextMemo<>(512, DroppedFields::verdict);

  /** The verdict of a key other than cloud_environment_name and a confidential security_type. */
  private static Verdict verdict(String k) {
    if (!ALL_KNOWN.contains(k) && Words.closest(k, ALL_KNOWN) != null) {
      // A misspelling (client_secert, ssh_usernme): the error, before any verdict its name would
      // get (a credential's, for one that ends in _secret).
      return UNKNOWN;
    }
    if (isCredential(k)) {
      return new Verdict(
          PackerMapCode.CREDENTIAL_DROPPED,
          Words.concat(
              k,
              " is a credential ",
              AUTHENTICATION.contains(k)
                  ? "Packer signs in to Azure with; Image Builder works with the template's"
                      + " managed identity instead (--identity)."
                  : "for Packer's connection to the build VM; Image Builder connects to its"
                      + " build VM itself.",
              " Credentials are never copied into the image template."));
    } else if (AUTHENTICATION.contains(k)) {
      return new Verdict(
          PackerMapCode.FIELD_DROPPED,
          Words.concat(
              k,
              " is part of Packer's sign-in to Azure; Image Builder works with the template's"
                  + " managed identity instead (--identity), so it was dropped."));
    } else if (isCommunicator(k)) {
      return new Verdict(
          PackerMapCode.FIELD_DROPPED,
          Words.concat(
              "Image Builder connects to its build VM itself, so ",
              k,
              " has no use in the image template and was dropped."));
    } else if (TEMPORARY_RESOURCES.contains(k)) {
      return new Verdict(
          PackerMapCode.FIELD_DROPPED,
          Words.concat(
              "Image Builder names, creates and deletes its own temporary resources, so ",
              k,
              " was dropped."));
    } else if (REFUSED_FIRST_BOOT.contains(k)) {
      return new Verdict(
          PackerMapCode.FIELD_REFUSED,
          Words.concat(
              k,
              " runs on the build VM's first boot, and Image Builder has no such setting. A"
                  + " first-boot script is not the same as a customizer, so it is not converted."
                  + " Move its commands into a shell or powershell provisioner if they belong in"
                  + " the image."));
    } else if (NO_EQUIVALENT.containsKey(k)) {
      return new Verdict(
          PackerMapCode.NO_EQUIVALENT, Words.concat(NO_EQUIVALENT.get(k), " ", k, " was dropped."));
    } else if (UnknownFields.PACKER_CONFIG.contains(k)) {
      return new Verdict(PackerMapCode.FIELD_DROPPED, UnknownFields.packerConfigDropped(k));
    } else if (k.equals("sas_token_duration")) {
      // The plugin's own field (since 2.x): how long its SAS grant on the OS disk lasts.
      return new Verdict(
          PackerMapCode.FIELD_DROPPED,
          "sas_token_duration sets how long Packer may read the build VM's disk while it copies"
              + " the VHD; Image Builder copies the VHD itself, so it was dropped.");
    }
    return UNKNOWN;
  }

  /**
   * A credential of Packer's own: what {@link Credentials} calls one (the secret itself, which the
   * loaders already treat as sensitive), or a path to one. A setting about a credential ({@code
   * client_cert_token_timeout}) is not: it is dropped as part of the sign-in.
   */
  static boolean isCredential(String k) {
    return Credentials.holdsSecret(k)
        || k.equals("client_cert_path")
        || k.endsWith("_private_key_file");
  }

  private static boolean isCommunicator(String k) {
    return COMMUNICATOR.contains(k);
  }

  private static boolean confidential(Fields f) {
    Optional<String> v = f.take("security_type").flatMap(x -> f.text(x, null));
    return v.isPresent() && v.get().equalsIgnoreCase("ConfidentialVM");
  }

  private static void cloud(Unit u, Fields f, Fields.Leftover l) {
    Optional<String> v = f.take("cloud_environment_name").flatMap(x -> f.text(x, null));
    if (AzureClouds.isPublic(v.orElse(""))) {
      u.report.add(
          PackerMapCode.FIELD_DROPPED,
          l.range(),
          "cloud_environment_name names the public Azure cloud, where the image template is"
              + " deployed anyway; it was dropped.");
    } else {
      u.report.add(
          PackerMapCode.NO_EQUIVALENT,
          l.range(),
          "An image template is deployed in the cloud of the subscription it is created in;"
              + " cloud_environment_name was dropped. Image Builder in sovereign clouds is limited"
              + " (check its region list).");
    }
  }
}
