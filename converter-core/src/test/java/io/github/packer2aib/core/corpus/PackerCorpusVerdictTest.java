package io.github.packer2aib.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.ConvertOptions;
import io.github.packer2aib.core.ConvertedTemplate;
import io.github.packer2aib.core.Converter;
import io.github.packer2aib.core.OutputFormat;
import io.github.packer2aib.core.PackerConversion;
import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.testing.LocalFileView;
import io.github.packer2aib.core.testing.SharedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Packer template of the shared corpus ({@code ../shared/corpus/packer-hcl/*} folders, {@code
 * packer-json/*}{@code /*.json} files and the {@code .pkr.hcl} folders under {@code yaml/}) is
 * converted with {@link PackerConversion}, with the options a real user would have to pass, and the
 * verdict is pinned with its reason: either it converts (that many templates, each of which
 * validates against the target API version's spec, no errors), or it fails with exactly these error
 * codes (sorted, each listed once).
 *
 * <p>Every case passes {@code --identity}, {@code --subscription} and {@code --location westeurope}
 * (see {@link #base()}). The corpus holds only the template files, not the scripts and files they
 * upload, so templates that name local scripts fail with PKRMAP-E306 even with base URIs given:
 * that is the corpus's limit, not the converter's.
 */
class PackerCorpusVerdictTest {

  static final String IDENTITY =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aib/providers/"
          + "Microsoft.ManagedIdentity/userAssignedIdentities/id-aib";
  static final String SUBSCRIPTION = "11111111-1111-1111-1111-111111111111";
  static final String BASE_URI = "https://example.blob.core.windows.net/build/";
  private static final Clock CLOCK = Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z"));

  /** The options of one case, as the command-line flags a user would give. */
  static final class Options {
    final List<String> vars = new ArrayList<>();
    final List<String> only = new ArrayList<>();
    boolean uris;
    boolean skipUnsupported;

    /** {@code --var name=value}. */
    Options var(String name, String value) {
      vars.add(name + "=" + value);
      return this;
    }

    /** {@code --var name=value} for each name, with a plausible value for it (see below). */
    Options vars(String... names) {
      for (String n : names) {
        var(n, plausible(n));
      }
      return this;
    }

    /** {@code --only usage}. */
    Options only(String usage) {
      only.add(usage);
      return this;
    }

    /** {@code --script-base-uri} and {@code --file-base-uri} {@link #BASE_URI}. */
    Options uris() {
      uris = true;
      return this;
    }

    /** {@code --skip-unsupported}. */
    Options skip() {
      skipUnsupported = true;
      return this;
    }

    MapOptions mapOptions() {
      MapOptions o =
          MapOptions.defaults()
              .withIdentity(IDENTITY)
              .withSubscription(SUBSCRIPTION)
              .withLocation("westeurope")
              .withSkipUnsupported(skipUnsupported)
              .withOnly(only);
      if (uris) {
        o = o.withScriptBaseUri(BASE_URI).withFileBaseUri(BASE_URI);
      }
      return o;
    }

    /** The same options as command-line arguments (for the CLI mirror test). */
    List<String> arguments() {
      List<String> a = new ArrayList<>();
      a.addAll(List.of("--identity", IDENTITY, "--subscription", SUBSCRIPTION));
      a.addAll(List.of("--location", "westeurope"));
      for (String v : vars) {
        a.addAll(List.of("--var", v));
      }
      for (String u : only) {
        a.addAll(List.of("--only", u));
      }
      if (uris) {
        a.addAll(List.of("--script-base-uri", BASE_URI, "--file-base-uri", BASE_URI));
      }
      if (skipUnsupported) {
        a.add("--skip-unsupported");
      }
      return a;
    }
  }

  /**
   * A value a user could give for a variable, chosen by its name: what matters for conversion is
   * only that it has the right shape (a region, a version, a list, a GUID). A list is written as
   * HCL list text, which only a variable typed as a list reads as a list: an untyped HCL2 variable
   * and a legacy user variable keep it as text, so their cases give such values themselves.
   */
  static String plausible(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    if (n.endsWith("regions")) {
      return "[\"westeurope\"]";
    }
    if (n.contains("location") || n.contains("region")) {
      return "westeurope";
    }
    if (n.contains("version")) {
      return "1.0.0";
    }
    if (n.contains("subscription")
        || n.contains("tenant")
        || (n.contains("client") && !n.contains("secret"))) {
      return "22222222-2222-2222-2222-222222222222";
    }
    if (n.contains("vm_size")) {
      return "Standard_D4s_v5";
    }
    if (n.contains("storage_account_type")) {
      return "Standard_LRS";
    }
    if (n.equals("os_type")) {
      return "Windows";
    }
    if (n.contains("gallery")
        && !n.contains("resource")
        && !n.contains("rg")
        && !n.endsWith("_id")) {
      // A gallery's name holds no hyphen (Azure's rule, checked since the review).
      return "example_" + n;
    }
    return "example-" + n.replace('_', '-');
  }

  /** A one-tenant value for the list(object) variable of the multi-tenant template. */
  private static final String TENANTS =
      "[{location = \"westeurope\", image_resource_group_name = \"rg-images\", tenant_id ="
          + " \"22222222-2222-2222-2222-222222222222\", subscription_id ="
          + " \"33333333-3333-3333-3333-333333333333\", client_id ="
          + " \"44444444-4444-4444-4444-444444444444\", client_secret = \"s3cr3t-value\","
          + " image_gallery_resource_group_name = \"rg-gallery\", image_gallery_name = \"gallery\","
          + " image_regions = [\"westeurope\"]}, {location = \"northeurope\","
          + " image_resource_group_name = \"rg-images-2\", tenant_id ="
          + " \"55555555-5555-5555-5555-555555555555\", subscription_id ="
          + " \"66666666-6666-6666-6666-666666666666\", client_id ="
          + " \"77777777-7777-7777-7777-777777777777\", client_secret = \"s3cr3t-value-2\","
          + " image_gallery_resource_group_name = \"rg-gallery-2\", image_gallery_name ="
          + " \"gallery2\", image_regions = [\"northeurope\"]}]";

  static Options base() {
    return new Options();
  }

  /** What is expected of one case. */
  record Verdict(Options options, int templates, String errors, String reason) {}

  private static final Map<String, Verdict> PINNED = new TreeMap<>();

  private static void converts(String path, Options o, int templates, String reason) {
    PINNED.put(path, new Verdict(o, templates, "", reason));
  }

  private static void fails(String path, Options o, String errors, String reason) {
    PINNED.put(path, new Verdict(o, 0, errors, reason));
  }

  static {
    fails(
        "packer-hcl/Crizstian__packer-azure-golden-image__golden-image-ansible-local",
        base().uris().skip(),
        "PKRMAP-E108 PKRMAP-E306",
        "ansible-local skipped; the source gallery's subscription is null by default, which"
            + " Packer refuses (\"A shared_image_gallery.subscription must be specified\"); the"
            + " scripts/files it uploads are not in the corpus");
    fails(
        "packer-hcl/DanielMabbett__azure-packer-images__ws2019-cis-l1",
        base().uris().skip(),
        "EVAL-E025 GOTPL-E109",
        "variable defaults refer to other variables, which Packer rejects too, and a provisioner"
            + " uses {{user}}, which Packer's plugins fail on in HCL2");
    fails(
        "packer-hcl/Ontotext-AD__packer-azure-graphdb__graphdb",
        base()
            .uris()
            .skip()
            .var("build_allowed_inbound_ip_addresses", "[\"203.0.113.0/24\"]")
            .vars(
                "build_resource_group_name",
                "gallery_image_definition",
                "gallery_name",
                "gallery_resource_group",
                "gallery_subscription_id",
                "graphdb_version"),
        "PKRMAP-E306",
        "with its six required variables given: the scripts/files it uploads are not in the"
            + " corpus");
    fails(
        "packer-hcl/QuangTrungFHFF__packer-azure-win11-avd-23h2__win11-avd-23h2",
        base()
            .uris()
            .skip()
            .vars("client_id", "client_secret", "password", "subscription_id", "tenant_id"),
        "PKRMAP-E306",
        "the scripts/files it uploads are not in the corpus");
    fails(
        "packer-hcl/StevenNoel__Packer-Azure-Powershell__citrix-vda",
        base().uris().skip(),
        "PKRMAP-E106 PKRMAP-E306 PKRMAP-E405",
        "sensitive variables flow into environment_vars (kept out of the inline commands); its"
            + " placeholders (\"<azure resource group>\") are names Azure and the Azure plugin"
            + " refuse; the scripts/files it uploads are not in the corpus");
    fails(
        "packer-hcl/actions__runner-images__linux-ubuntu2204-hcl",
        base().uris().skip().vars("managed_image_name", "managed_image_resource_group_name"),
        "PKRMAP-E105 PKRMAP-E306 PKRMAP-E405",
        "file provisioners with direction = \"download\" have no AIB equivalent; dockerhub_password"
            + " (a credential by its name) would go into environment_vars; the scripts/files it"
            + " uploads are not in the corpus");
    fails(
        "packer-hcl/actions__runner-images__ubuntu-templates-multifile",
        base()
            .uris()
            .skip()
            .var("image_os", "ubuntu22")
            .vars(
                "managed_image_name",
                "managed_image_resource_group_name",
                "gallery_name",
                "gallery_resource_group_name",
                "gallery_image_name",
                "gallery_image_version")
            .only("ubuntu-22_04.*"),
        "PKRMAP-E105 PKRMAP-E306",
        "--only ubuntu-22_04.* with image_os=ubuntu22: download file provisioners; the"
            + " scripts/files it uploads are not in the corpus");
    fails(
        "packer-hcl/actions__runner-images__windows-2025-single",
        base().uris().skip(),
        "PKRMAP-E105 PKRMAP-E108 PKRMAP-E306 PKRMAP-E405",
        "no gallery destination values, a sensitive install_password in inline, download"
            + " provisioners; the scripts/files it uploads are not in the corpus");
    converts(
        "packer-hcl/ag1l4n__azure-golden-image-factory__rhel",
        base().uris().skip().vars("gallery_name", "location", "resource_group", "subscription_id"),
        1,
        "converts once its four required variables are given");
    fails(
        "packer-hcl/ag1l4n__azure-golden-image-factory__windows-cis",
        base()
            .uris()
            .skip()
            .vars(
                "client_id",
                "client_secret",
                "gallery_name",
                "local_admin_password",
                "resource_group",
                "subscription_id",
                "tenant_id"),
        "PKRMAP-E306 PKRMAP-E405",
        "the sensitive local_admin_password would go into inline commands; the scripts/files it"
            + " uploads are not in the corpus");
    fails(
        "packer-hcl/aztfmod__terraform-azurerm-caf__caf-104-windows",
        base()
            .uris()
            .skip()
            .vars(
                "client_id",
                "client_secret",
                "gallery_name",
                "image_name",
                "image_version",
                "location",
                "managed_image_name",
                "managed_image_resource_group_name",
                "managed_image_storage_account_type",
                "os_type",
                "image_publisher",
                "image_offer",
                "image_sku")
            .var("packer_working_dir", "./")
            // Untyped and used as [var.replication_regions]: Packer takes a -var value of an
            // untyped variable as a string, so list text would be one region named ["westeurope"].
            .var("replication_regions", "westeurope")
            .vars(
                "resource_group",
                "storage_account_type",
                "subscription",
                "subscription_id",
                "tenant_id",
                "vm_size"),
        "PKRMAP-E306",
        "with its required variables (and the null-defaulted image_*) given: the scripts/files it"
            + " uploads are not in the corpus");
    fails(
        "packer-hcl/bocopile__packer-azure__ubuntu24-loki",
        base().uris().skip().vars("client_id", "client_secret", "subscription_id", "tenant_id"),
        "PKRMAP-E306",
        "the scripts/files it uploads are not in the corpus");
    fails(
        "packer-hcl/bryannice__packer-azure-ansible__ansible",
        base().uris().skip(),
        "PKRMAP-E107",
        "an inline command depends on a value only known while Packer runs");
    fails(
        "packer-hcl/chinmaymjog__web-scripts__azure-ubuntu-variables-block",
        base().uris().skip(),
        "PKRMAP-E108 PKRMAP-E306",
        "managed_image_name without managed_image_resource_group_name; the scripts/files it uploads"
            + " are not in the corpus");
    fails(
        "packer-hcl/cloudtherapy__packer-azure-methods__devops-agent",
        base().uris().skip().vars("subscription_id"),
        "PKRMAP-E123 PKRMAP-E306",
        "use_shallow_replication needs API 2025-10-01; the scripts/files it uploads are not in the"
            + " corpus");
    fails(
        "packer-hcl/dereksonthejob__azure-packer-image-factory__ubuntu-dynamic",
        base()
            .uris()
            .skip()
            .vars(
                "build_resource_group_name",
                "gallery_name",
                "gallery_resource_group",
                "image_definition",
                "image_version",
                "location",
                "managed_image_name",
                "profile_id",
                "replication_regions",
                "source_image_offer",
                "source_image_publisher",
                "source_image_sku",
                "source_image_version",
                "vm_size"),
        "PKRMAP-E306",
        "the scripts/files it uploads are not in the corpus");
    fails(
        "packer-hcl/dereksonthejob__azure-packer-image-factory__windows",
        base()
            .uris()
            .skip()
            .vars(
                "build_resource_group_name",
                "gallery_name",
                "gallery_resource_group",
                "image_definition",
                "image_version",
                "location",
                "managed_image_name",
                "plan_info_name",
                "plan_info_product",
                "plan_info_publisher",
                "profile_id",
                "replication_regions",
                "source_image_offer",
                "source_image_publisher",
                "source_image_sku",
                "source_image_version",
                "vm_size"),
        "PKRMAP-E306",
        "the scripts/files it uploads are not in the corpus");
    fails(
        "packer-hcl/dlp-hashicorp__Golden-Image-Demo__acme-webapp",
        base().uris().skip().vars("clientId", "clientSecret", "subscriptionId", "tenantId"),
        "PKRMAP-E306",
        "the scripts/files it uploads are not in the corpus");
    fails(
        "packer-hcl/dustindortch__Packer-Azure-WindowsServer2019__ws2019",
        base()
            .uris()
            .skip()
            .vars(
                "CHOCO_REPO_NAME",
                "CHOCO_REPO_URL",
                "CHOCO_REPO_USERNAME",
                "CLIENT_ID",
                "RESOURCE_GROUP_NAME",
                "SUBSCRIPTION_ID",
                "TENANT_ID",
                "choco_repo_token",
                "client_secret"),
        "HCLFN-E001",
        "a variable default reads ./azure_regions.txt with file(), which is not in the corpus");
    converts(
        "packer-hcl/gutt02__terraform-azure-packer__ubuntu-image",
        base()
            .uris()
            .skip()
            .vars(
                "client_id",
                "client_secret",
                "gallery_name",
                "resource_group_name_managed_image",
                "resource_group_name_shared_image_gallery",
                "shared_image_name",
                "subscription_id",
                "tenant_id"),
        1,
        "converts once its eight required variables are given");
    fails(
        "packer-hcl/hashi-randy__hcp-packer-ubuntu22__ubuntu-jammy-base",
        base()
            .uris()
            .skip()
            .vars(
                "aws_region",
                "az_compute_gallery",
                "az_region",
                "az_resource_group",
                "az_subscription_id",
                "department",
                "owner",
                "prefix"),
        "PKRMAP-E306 PKRMAP-E405",
        "the gallery subscription comes from a sensitive variable and would be written into"
            + " galleryImageId; the scripts/files it uploads are not in the corpus");
    fails(
        "packer-hcl/hashicorp__learn-packer-multicloud__multicloud",
        base().uris().skip().vars("azure_resource_group").only("azure-arm.*"),
        "PKRMAP-E306",
        "--only azure-arm.* (amazon-ebs beside it): the scripts/files it uploads are not in the"
            + " corpus");
    converts(
        "packer-hcl/hashicorp__packer-plugin-azure__centos-hcl2-upgraded",
        base().uris().skip().vars("resource_group"),
        1,
        "converts once resource_group (default: env ARM_RESOURCE_GROUP_NAME) is given");
    fails(
        "packer-hcl/hashicorp__packer-plugin-azure__testdata-hcp-ancestry",
        base().uris().skip(),
        "PKRMAP-E105 PKRMAP-E107 PKRMAP-E108 PKRMAP-E123",
        "HCP data source id unknown, specialized image, no resource_group, shallow replication");
    fails(
        "packer-hcl/hashicorp__packer-plugin-azure__windows-skip-key-vault",
        base().uris().skip().vars("resource_group"),
        "PKRMAP-E105",
        "custom_script and user_data_file run at first boot; AIB has no equivalent");
    fails(
        "packer-hcl/kolosovpetro__packer-azure-windows-image__windows-server2019-v1",
        base()
            .uris()
            .skip()
            .vars(
                "azure-client-id",
                "azure-client-secret",
                "azure-region",
                "azure-resource-group",
                "azure-subscription-id",
                "azure-tenant-id",
                "image-name",
                "vm-size"),
        "PKRMAP-E306",
        "the scripts/files it uploads are not in the corpus");
    fails(
        "packer-hcl/liatrio__packer-azure-github-runner__github-runner",
        base()
            .uris()
            .skip()
            .vars(
                "regions", "sig_image_name", "sig_image_version", "sig_name", "sig_resource_group"),
        "PKR-E011",
        "variables.pkr.hcl holds variable assignments (a var file misnamed as a template), which"
            + " Packer rejects too");
    converts(
        "packer-hcl/mracket__Automated-Image-Build__w11-multifile",
        base().uris().skip().vars("client_id", "client_secret", "subscription_id", "tenant_id"),
        1,
        "converts once its four credential variables are given");
    fails(
        "packer-hcl/onyinye-molokwu__azure-rhel9-golden-image__rhel9",
        base().uris().skip(),
        "PKRMAP-E306",
        "the scripts/files it uploads are not in the corpus");
    fails(
        "packer-hcl/straubt1__azure-packer-datadisk__datadisk-windows",
        base()
            .uris()
            .skip()
            .vars(
                "azure_region",
                "azure_resource_group_name",
                "client_id",
                "client_secret",
                "name",
                "subscription_id",
                "tenant_id"),
        "PKRMAP-E123",
        "disk_additional_size needs API 2025-10-01 (additionalDataDisks)");
    converts(
        "packer-hcl/straubt1__hcp-packer-azure-multitenant__multitenant-ubuntu2204",
        base().uris().skip().var("tenant_configuration", TENANTS),
        2,
        "two tenants given; each source sets managed_image_resource_group_name without"
            + " managed_image_name (commented out in the template) beside a gallery destination,"
            + " which the Azure plugin 2 publishes to alone: the group is dropped (PKRMAP-N102)");
    fails(
        "yaml/Azure__dev-box-images__VSCodeBox",
        base()
            .uris()
            .skip()
            .var(
                "gallery",
                "{name = \"gal\", resourceGroup = \"rg-gal\", subscription ="
                    + " \"33333333-3333-3333-3333-333333333333\"}"),
        "PKRMAP-E107 PKRMAP-E108 PKRMAP-E306",
        "gallery given; the image name and environment_vars come from image.yml at run time (no"
            + " managed_image_name, unknown values); the scripts/files it uploads are not in the"
            + " corpus");
    fails(
        "packer-json/Azure__AgentBaker__vhd-image-builder-base/vhd-image-builder-base.json",
        base()
            .uris()
            .skip()
            .vars(
                "gallery_subscription_id",
                "VHD_BUILD_TIMESTAMP",
                "create_time",
                "msi_resource_strings",
                "resource_group_name"),
        "PKRMAP-E105 PKRMAP-E106 PKRMAP-E108 PKRMAP-E110 PKRMAP-E306 PKRMAP-E405",
        "built by a pipeline: no source image, no gallery names, managed_image_name \"-\" (from"
            + " empty variables), download provisioners; ua_token (a credential by its name) would"
            + " go into inline commands; the scripts/files it uploads are not in the corpus");
    fails(
        "packer-json/Azure__AgentBaker__windows-vhd-builder-sig/windows-vhd-builder-sig.json",
        base()
            .uris()
            .skip()
            .vars(
                "INSTALL_OPEN_SSH_SERVER",
                "SKIP_EXTENSION_CHECK",
                "core_image_url",
                "create_time",
                "msi_resource_strings",
                "nano_image_url",
                "os_disk_size_gb",
                "resource_group_name",
                "windows_image_offer",
                "windows_image_publisher",
                "windows_image_url",
                "windows_private_packages_url",
                "windows_sigmode_direct_shared_gallery_image_id",
                "windows_sigmode_source_id"),
        "PKRMAP-E105 PKRMAP-E106 PKRMAP-E108 PKRMAP-E109 PKRMAP-E306",
        "built by a pipeline: image_url source (VHD), several source kinds, string disk size,"
            + " download provisioners; the scripts/files it uploads are not in the corpus");
    fails(
        "packer-json/Azure__az-hop__desktop-almalinux/azhop-desktop-almalinux-8_7.json",
        base()
            .uris()
            .skip()
            .vars(
                "var_cloud_env",
                "var_image",
                "var_keep_os_disk",
                "var_private_virtual_network_with_public_ip",
                "var_resource_group",
                "var_ssh_bastion_host",
                "var_ssh_bastion_port",
                "var_ssh_bastion_private_key_file",
                "var_ssh_bastion_username",
                "var_use_azure_cli_auth",
                "var_virtual_network_name",
                "var_virtual_network_resource_group_name",
                "var_virtual_network_subnet_name"),
        "PKRMAP-E306",
        "with its var-file variables given: the scripts/files it uploads are not in the corpus");
    converts(
        "packer-json/Azure__packer-azure__WindowsServer-2012-R2/WindowsServer-2012-R2.json",
        base().uris().skip().var("sa", "stpackerimages"),
        1,
        "converts once its storage account is given (the default your_storage_account is a"
            + " placeholder no storage account can be named)");
    fails(
        "packer-json/DOMZE__azure-packer-vmss-extensions__vmss-extensions/packer.json",
        base()
            .uris()
            .skip()
            .var("WorkingDirectory", ".")
            .vars(
                "ApplicationArtifacts",
                "managed_image_prefix",
                "managed_image_resource_group_name",
                "ssh_pass"),
        "PKRMAP-E306",
        "with its variables given: the scripts/files it uploads are not in the corpus");
    fails(
        "packer-json/MathieuRietman__Packer-Azure-Sample__windowsstandaard-update/windowsstandaard.json",
        base().uris().skip(),
        "PKRMAP-E111 PKRMAP-E306",
        "captures no image (no managed image, gallery or VHD capture); the scripts/files it uploads"
            + " are not in the corpus");
    fails(
        "packer-json/actions__runner-images__Windows2016-Azure/Windows2016-Azure.json",
        base().uris().skip().vars("install_password"),
        "PKRMAP-E105 PKRMAP-E108 PKRMAP-E306 PKRMAP-E405",
        "install_password given: it is sensitive and would go into inline commands; download"
            + " provisioners; a VHD without storage_account and resource_group_name (the unset"
            + " ARM_STORAGE_ACCOUNT and ARM_RESOURCE_GROUP), which Packer refuses; the"
            + " scripts/files it uploads are not in the corpus");
    fails(
        "packer-json/actions__runner-images__ubuntu1604/ubuntu1604.json",
        base().uris().skip(),
        "PKRMAP-E105 PKRMAP-E108 PKRMAP-E306 PKRMAP-E405",
        "download provisioners; dockerhub_password (a credential by its name) would go into"
            + " environment_vars; a VHD without storage_account and resource_group_name (the"
            + " unset ARM_STORAGE_ACCOUNT and ARM_RESOURCE_GROUP), which Packer refuses; the"
            + " scripts/files it uploads are not in the corpus");
    fails(
        "packer-json/actions__runner-images__windows-2022-json/windows-2022.json",
        base().uris().skip().vars("install_password"),
        "PKRMAP-E105 PKRMAP-E108 PKRMAP-E306 PKRMAP-E405",
        "install_password is sensitive and would go into inline commands; no managed image group;"
            + " download provisioners; the scripts/files it uploads are not in the corpus");
    fails(
        "packer-json/aztfmod__terraform-azurerm-caf__caf-101-sp/packer_template_sp.json",
        base().uris().skip(),
        "PKRMAP-E106",
        "os_type, image_version and managed_image_name are unrendered Terraform placeholders"
            + " (${...})");
    fails(
        "packer-json/cesar-younes__Packer-AzureARM__basic-template/basic-template.json",
        base().uris().skip(),
        "PKRMAP-E108 PKRMAP-E306",
        "no managed_image_resource_group_name and no image_sku; the scripts/files it uploads are"
            + " not in the corpus");
    fails(
        "packer-json/cesar-younes__Packer-AzureARM__store-sig/store-shared-image-gallery.json",
        base().uris().skip(),
        "PKRMAP-E106 PKRMAP-E108",
        "no managed_image_resource_group_name, no image_sku, empty gallery destination and"
            + " replication region");
    converts(
        "packer-json/chrisvugrinec__azure-packer-demo__buildagent/buildagent-azure.json",
        base().uris().skip(),
        1,
        "converts as is");
    fails(
        "packer-json/guillermo-musumeci__packer-azure-windows-vm__windows-2019-disks/windows-2019-disks.json",
        base()
            .uris()
            .skip()
            .vars(
                "azure-client-id",
                "azure-client-secret",
                "azure-region",
                "azure-resource-group",
                "azure-subscription-id",
                "azure-tenant-id",
                "vm-size"),
        "PKRMAP-E123",
        "with its var-file variables given: disk_additional_size needs API 2025-10-01");
    converts(
        "packer-json/hashicorp__packer-plugin-azure__marketplace-plan-info/marketplace_plan_info.json",
        base().uris().skip(),
        1,
        "converts as is (plan info)");
    converts(
        "packer-json/hashicorp__packer-plugin-azure__windows/windows.json",
        base().uris().skip(),
        1,
        "converts as is");
    fails(
        "packer-json/hashicorp__packer__windows-2016-vhd/windows.json",
        base().uris().skip(),
        "PKRMAP-E108",
        "its only destination is a VHD, and storage_account and resource_group_name read the"
            + " unset ARM_STORAGE_ACCOUNT and ARM_RESOURCE_GROUP, which Packer refuses (\"A"
            + " storage_account must be specified\"); it converts with --var storage_account=..."
            + " --var resource_group=...");
    fails(
        "packer-json/hmcts__azure-packer-baseimage__centos-gold/azure-centos-gold.json",
        base().uris().skip(),
        "PKRMAP-E108",
        "ansible skipped; its only destination is a VHD, and storage_account and"
            + " resource_group_name are variables that default to \"\", which Packer refuses (\"A"
            + " storage_account must be specified\"); it converts with --var"
            + " azure_storage_account_name=... --var azure_resource_group_name=...");
    fails(
        "packer-json/ilseokoh__packer-azure-vsts__vsts-baseimage/baseimage.json",
        base().uris().skip(),
        "GOTPL-E002",
        "{{env `ARM_TENANT_ID}} lacks its closing backquote, which Packer rejects too");
    converts(
        "packer-json/jakewalsh90__Packer-Azure__win11-24h2-avd/win11-24h2-avd-choco.json",
        base().uris().skip(),
        1,
        "converts as is");
    fails(
        "packer-json/kkamegawa__windowsjpimagebuilder__windows2019-jp/windows2019.json",
        base().uris().skip().vars("install_password"),
        "PKRMAP-E105 PKRMAP-E108 PKRMAP-E306 PKRMAP-E405",
        "install_password is sensitive and would go into inline commands; download provisioner; a"
            + " VHD without storage_account and resource_group_name (the unset ARM_STORAGE_ACCOUNT"
            + " and ARM_RESOURCE_GROUP), which Packer refuses; the scripts/files it uploads are not"
            + " in the corpus");
    fails(
        "packer-json/kubernetes-sigs__image-builder__capi-linux/azure-config.json",
        base().uris().skip(),
        "LEGACY-E032",
        "a var file of the template, not a template");
    fails(
        "packer-json/kubernetes-sigs__image-builder__capi-linux/azure-sig.json",
        base().uris().skip(),
        "LEGACY-E032",
        "a var file of the template, not a template");
    fails(
        "packer-json/kubernetes-sigs__image-builder__capi-linux/packer.json",
        base()
            .uris()
            .skip()
            .vars(
                "ansible_common_ssh_args",
                "distro_name",
                "goss_arch",
                "goss_download_path",
                "goss_entry_file",
                "goss_format",
                "goss_format_options",
                "goss_inspect_mode",
                "goss_remote_folder",
                "goss_remote_path",
                "goss_skip_install",
                "goss_tests_dir",
                "goss_url",
                "goss_vars_file",
                "goss_version",
                "image_name")
            // A user variable is a string, which Packer's weak decoding makes a list of one region.
            .var("replication_regions", "westeurope")
            .vars(
                "resource_group_name",
                "shared_image_gallery_name",
                "sig_image_version",
                "use_azure_cli_auth"),
        "LEGACY-E010",
        "needs some 50 variables from its var files (given: the undeclared ones only); 32 declared"
            + " ones with null defaults remain");
    fails(
        "packer-json/kubernetes-sigs__image-builder__capi-linux/ubuntu-2204.json",
        base().uris().skip(),
        "LEGACY-E032",
        "a var file of the template, not a template");
    converts(
        "packer-json/n-g-work__azure-packer-terraform__ubuntu-ansible/azure-ubuntu.json",
        base()
            .uris()
            .skip()
            .vars(
                "client_id",
                "client_secret",
                "image_offer",
                "image_publisher",
                "image_sku",
                "location_display_name",
                "os_type",
                "packer_image_name",
                "packer_images_resource_group",
                "subscription_id",
                "tenant_id",
                "vm_size"),
        1,
        "converts once its var-file variables are given (ansible skipped)");
  }

  /** The options and verdict pinned for a case (for the CLI mirror test). */
  static Verdict pinned(String path) {
    return PINNED.get(path);
  }

  static Optional<Path> corpus() {
    return SharedFolder.find().map(s -> s.resolve("corpus"));
  }

  /** Every Packer case of the corpus, as its path relative to the corpus folder. */
  static List<String> cases(Path corpus) throws IOException {
    List<String> found = new ArrayList<>();
    for (Path dir : folders(corpus.resolve("packer-hcl"))) {
      found.add("packer-hcl/" + dir.getFileName());
    }
    for (Path dir : folders(corpus.resolve("packer-json"))) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.getFileName().toString().endsWith(".json"))
            .forEach(p -> found.add("packer-json/" + dir.getFileName() + "/" + p.getFileName()));
      }
    }
    for (Path dir : folders(corpus.resolve("yaml"))) {
      try (Stream<Path> s = Files.list(dir)) {
        if (s.anyMatch(p -> p.getFileName().toString().endsWith(".pkr.hcl"))) {
          found.add("yaml/" + dir.getFileName());
        }
      }
    }
    found.sort(null);
    return found;
  }

  private static List<Path> folders(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  static ConversionResult convert(Path corpus, String path, Options o) {
    Path input = corpus.resolve(path);
    PackerOptions packer =
        new PackerOptions(o.vars, List.of(), Map.of(), corpus.toAbsolutePath(), CLOCK);
    return new PackerConversion()
        .convert(
            new PackerInput(input, path),
            packer,
            o.mapOptions(),
            OutputFormat.JSON,
            new LocalFileView(corpus),
            true);
  }

  static String errorCodes(ConversionResult r) {
    return r.diagnostics().stream()
        .filter(Diagnostic::isError)
        .map(Diagnostic::code)
        .collect(Collectors.toCollection(TreeSet::new))
        .stream()
        .collect(Collectors.joining(" "));
  }

  /**
   * The pinned cases as the two files a bulk run over the whole corpus takes and is checked against
   * (golden files under {@code testdata/.../corpus/}; {@code -Dgolden.update=true} rewrites them):
   * {@code packer-settings.json}, the per-template options as a {@code --settings} file, and {@code
   * packer-verdicts.json}, each case's expected number of templates and error codes. The CLI's bulk
   * test converts the corpus with the first and compares its report with the second.
   */
  @Test
  void pinnedCasesAreExportedForTheBulkRun() throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    List<Object> templates = new ArrayList<>();
    Map<String, Object> verdicts = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Verdict> e : PINNED.entrySet()) {
      Options o = e.getValue().options();
      Map<String, Object> entry = new java.util.LinkedHashMap<>();
      entry.put("path", globLiteral(e.getKey()));
      // Per entry, not as defaults: the AIB templates of the corpus are converted without them.
      entry.put("identity", IDENTITY);
      entry.put("subscription", SUBSCRIPTION);
      entry.put("location", "westeurope");
      if (!o.vars.isEmpty()) {
        Map<String, String> vars = new java.util.LinkedHashMap<>();
        for (String v : o.vars) {
          vars.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
        }
        entry.put("vars", vars);
      }
      if (!o.only.isEmpty()) {
        entry.put("only", o.only);
      }
      if (o.uris) {
        entry.put("script-base-uri", BASE_URI);
        entry.put("file-base-uri", BASE_URI);
      }
      if (o.skipUnsupported) {
        entry.put("skip-unsupported", true);
      }
      templates.add(entry);
      Map<String, Object> verdict = new java.util.LinkedHashMap<>();
      verdict.put("templates", e.getValue().templates());
      verdict.put("errors", e.getValue().errors());
      verdict.put("reason", e.getValue().reason());
      verdicts.put(e.getKey(), verdict);
    }
    Map<String, Object> settings = new java.util.LinkedHashMap<>();
    settings.put("templates", templates);
    Path dir = testdata().resolve("corpus");
    checkExported(dir.resolve("packer-settings.json"), json.writeValueAsString(settings) + "\n");
    checkExported(dir.resolve("packer-verdicts.json"), json.writeValueAsString(verdicts) + "\n");
  }

  /** A path as a glob that matches only itself. */
  private static String globLiteral(String path) {
    return path.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
  }

  static Path testdata() {
    String configured = System.getProperty("packer2aib.testdata");
    return configured != null
        ? Path.of(configured)
        : Path.of("").toAbsolutePath().getParent().resolve("testdata/src/main/resources");
  }

  static void checkExported(Path file, String text) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return;
    }
    assertTrue(Files.exists(file), file + " is missing; run with -Dgolden.update=true");
    assertEquals(Files.readString(file), text, file + " is out of date with the pinned cases");
  }

  @Test
  void everyCaseIsPinnedAndEveryPinIsACase() throws IOException {
    Optional<Path> corpus = corpus();
    assumeTrue(corpus.isPresent(), "../shared/corpus is absent");
    List<String> cases = cases(corpus.get());
    assertEquals(cases, List.copyOf(PINNED.keySet()));
  }

  @TestFactory
  Stream<DynamicTest> eachCaseHasItsPinnedVerdict() {
    Optional<Path> corpus = corpus();
    assumeTrue(corpus.isPresent(), "../shared/corpus is absent");
    return PINNED.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey() + ": " + e.getValue().reason(),
                    () -> check(corpus.get(), e.getKey(), e.getValue())));
  }

  private static void check(Path corpus, String path, Verdict v) {
    assumeTrue(Files.exists(corpus.resolve(path)), path + " is absent");
    ConversionResult r = convert(corpus, path, v.options());
    assertEquals(v.errors(), errorCodes(r), path + ": " + v.reason());
    assertEquals(v.templates(), r.templates().size(), path + ": number of templates");
    Converter validator = new Converter();
    ConvertOptions own =
        new ConvertOptions(Optional.of(ApiVersion.DEFAULT), Optional.empty(), OutputFormat.JSON);
    String rendered =
        new io.github.packer2aib.core.diag.TextRenderer(
                name -> r.sources().stream().filter(f -> f.name().equals(name)).findFirst())
            .render(r.diagnostics());
    for (String given : v.options().vars) {
      String name = given.substring(0, given.indexOf('='));
      String value = given.substring(given.indexOf('=') + 1);
      if (name.toLowerCase(java.util.Locale.ROOT).matches(".*(secret|password|pass).*")) {
        assertFalse(
            rendered.contains(value), () -> path + ": --var " + name + " is in\n" + rendered);
        for (ConvertedTemplate t : r.templates()) {
          assertFalse(t.text().contains(value), () -> path + ": the value of " + name + " leaks");
        }
      }
    }
    for (ConvertedTemplate t : r.templates()) {
      ConversionResult checked =
          validator.validate(new SourceFile(t.name() + ".json", t.text()), own);
      assertTrue(
          checked.diagnostics().stream().noneMatch(Diagnostic::isError),
          () -> path + ": " + t.name() + " does not validate: " + checked.diagnostics());
    }
  }
}
