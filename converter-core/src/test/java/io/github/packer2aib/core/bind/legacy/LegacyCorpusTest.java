package io.github.packer2aib.core.bind.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.testing.SharedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every legacy template of the shared corpus ({@code ../shared/corpus/packer-json}) with its
 * verdict pinned. Packer 1.6.6 ({@code shared/tools/packer-validate.sh}) accepts the structure of
 * all of them except the two marked invalid; the other failures Packer reports are plugin settings
 * (unknown keys, missing builder options) or plugins it lacks ({@code windows-update}), which are
 * not template errors.
 *
 * <p>Many templates expect their caller to pass variables ({@code -var}, var files): without them
 * the loader must fail with the pinned, located errors (Packer would render an undefined {@code
 * user} variable as an empty string; we refuse that), and with them it must load without errors.
 */
class LegacyCorpusTest {

  /**
   * @param file the template, relative to {@code corpus/packer-json}
   * @param varFiles var files of the case folder that its repository passes
   * @param vars variables the repository's build passes on the command line (given dummy values)
   * @param errorsWithoutVars error codes and counts when loading without {@code vars}
   * @param invalid whether the template is wrong whatever the variables (Packer rejects it too)
   * @param reason why, in a sentence
   */
  record Verdict(
      String file,
      List<String> varFiles,
      List<String> vars,
      Map<String, Integer> errorsWithoutVars,
      boolean invalid,
      String reason) {}

  private static Verdict loads(String file, String reason) {
    return new Verdict(file, List.of(), List.of(), Map.of(), false, reason);
  }

  private static Verdict needsVars(
      String file, Map<String, Integer> errors, String reason, String... vars) {
    return new Verdict(file, List.of(), List.of(vars), errors, false, reason);
  }

  static final List<Verdict> VERDICTS =
      List.of(
          needsVars(
              "Azure__AgentBaker__vhd-image-builder-base/vhd-image-builder-base.json",
              Map.of("GOTPL-E106", 5, "LEGACY-E015", 1),
              "AgentBaker's build passes these with -var; without them gallery_subscription_id"
                  + " refers to itself and VHD_BUILD_TIMESTAMP is undefined (Packer fails the"
                  + " same way)",
              "VHD_BUILD_TIMESTAMP",
              "create_time",
              "msi_resource_strings",
              "resource_group_name",
              "gallery_subscription_id"),
          needsVars(
              "Azure__AgentBaker__windows-vhd-builder-sig/windows-vhd-builder-sig.json",
              Map.of("GOTPL-E106", 20),
              "variables passed with -var by AgentBaker's build",
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
          needsVars(
              "Azure__az-hop__desktop-almalinux/azhop-desktop-almalinux-8_7.json",
              Map.of("GOTPL-E106", 15),
              "az-hop passes every var_* with -var",
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
          loads(
              "Azure__packer-azure__WindowsServer-2012-R2/WindowsServer-2012-R2.json", "2015 era"),
          needsVars(
              "DOMZE__azure-packer-vmss-extensions__vmss-extensions/packer.json",
              Map.of("GOTPL-E106", 2),
              "execute_command uses ssh_pass, which is not declared (the variable is ssh_password);"
                  + " Packer silently renders it empty",
              "ssh_pass"),
          loads(
              "MathieuRietman__Packer-Azure-Sample__windowsstandaard-update/windowsstandaard.json",
              "windows-update is a community plugin Packer 1.6.6 lacks, not a template error"),
          needsVars(
              "actions__runner-images__Windows2016-Azure/Windows2016-Azure.json",
              Map.of("LEGACY-E010", 1),
              "install_password is required (null default)",
              "install_password"),
          loads("actions__runner-images__ubuntu1604/ubuntu1604.json", "runner-images JSON era"),
          needsVars(
              "actions__runner-images__windows-2022-json/windows-2022.json",
              Map.of("LEGACY-E010", 1),
              "install_password is required (null default)",
              "install_password"),
          loads(
              "aztfmod__terraform-azurerm-caf__caf-101-sp/packer_template_sp.json",
              "values come from Terraform-rendered defaults"),
          loads("cesar-younes__Packer-AzureARM__basic-template/basic-template.json", "basic"),
          loads(
              "cesar-younes__Packer-AzureARM__store-sig/store-shared-image-gallery.json",
              "shared image gallery destination"),
          loads("chrisvugrinec__azure-packer-demo__buildagent/buildagent-azure.json", "ansible"),
          needsVars(
              "guillermo-musumeci__packer-azure-windows-vm__windows-2019-disks/windows-2019-disks.json",
              Map.of("GOTPL-E106", 7),
              "declares no variables; the README passes them with -var",
              "azure-client-id",
              "azure-client-secret",
              "azure-region",
              "azure-resource-group",
              "azure-subscription-id",
              "azure-tenant-id",
              "vm-size"),
          new Verdict(
              "hanggaoh__packer-azure-vhd__json-in-pkr-hcl/azure-linux.pkr.hcl",
              List.of(),
              List.of(),
              Map.of("GOTPL-E106", 13),
              true,
              "legacy JSON in a .pkr.hcl file whose variables live in an HCL declarations file;"
                  + " Packer rejects it as HCL"),
          loads(
              "hashicorp__packer-plugin-azure__marketplace-plan-info/marketplace_plan_info.json",
              "plan_info"),
          loads("hashicorp__packer-plugin-azure__windows/windows.json", "Windows with WinRM"),
          loads("hashicorp__packer__windows-2016-vhd/windows.json", "VHD capture"),
          loads("hmcts__azure-packer-baseimage__centos-gold/azure-centos-gold.json", "VHD capture"),
          new Verdict(
              "ilseokoh__packer-azure-vsts__vsts-baseimage/baseimage.json",
              List.of(),
              List.of(),
              Map.of("GOTPL-E002", 1),
              true,
              "{{env `ARM_TENANT_ID}} has no closing backquote; Packer: unterminated raw quoted"
                  + " string"),
          loads(
              "jakewalsh90__Packer-Azure__win11-24h2-avd/win11-24h2-avd-choco.json",
              "storage_account_type is newer than Packer 1.6.6, not a template error"),
          needsVars(
              "kkamegawa__windowsjpimagebuilder__windows2019-jp/windows2019.json",
              Map.of("LEGACY-E010", 1),
              "install_password is required (null default)",
              "install_password"),
          new Verdict(
              "kubernetes-sigs__image-builder__capi-linux/packer.json",
              List.of("azure-config.json", "azure-sig.json", "ubuntu-2204.json"),
              List.of(
                  "ansible_common_ssh_args",
                  "containerd_image_pull_progress_timeout",
                  "containerd_version",
                  "crictl_version",
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
                  "kubernetes_apiserver_port",
                  "kubernetes_cni_deb_version",
                  "kubernetes_cni_http_source",
                  "kubernetes_cni_rpm_version",
                  "kubernetes_cni_semver",
                  "kubernetes_cni_source_type",
                  "kubernetes_container_registry",
                  "kubernetes_deb_gpg_key",
                  "kubernetes_deb_repo",
                  "kubernetes_deb_version",
                  "kubernetes_http_source",
                  "kubernetes_load_additional_imgs",
                  "kubernetes_rpm_gpg_check",
                  "kubernetes_rpm_gpg_key",
                  "kubernetes_rpm_repo",
                  "kubernetes_rpm_version",
                  "kubernetes_semver",
                  "kubernetes_series",
                  "kubernetes_source_type",
                  "runc_version"),
              Map.of("GOTPL-E106", 16, "LEGACY-E010", 23),
              false,
              "image-builder passes more var files (kubernetes, cni, containerd, goss) than the"
                  + " corpus holds"),
          needsVars(
              "n-g-work__azure-packer-terraform__ubuntu-ansible/azure-ubuntu.json",
              Map.of("GOTPL-E106", 12),
              "declares no variables; Terraform passes them with -var",
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
              "vm_size"));

  private static Path corpus() {
    Path shared = SharedFolder.find().orElse(null);
    Assumptions.assumeTrue(shared != null, "../shared is absent: corpus verdicts skipped");
    Path dir = shared.resolve("corpus/packer-json");
    Assumptions.assumeTrue(Files.isDirectory(dir), "no corpus/packer-json in ../shared");
    return dir;
  }

  private static LegacyLoadResult load(Path corpus, Verdict v, boolean withVars)
      throws IOException {
    Path path = corpus.resolve(v.file());
    List<SourceFile> varFiles = new ArrayList<>();
    for (String f : v.varFiles()) {
      varFiles.add(new SourceFile(f, Files.readString(path.resolveSibling(f))));
    }
    LegacyOptions options =
        LegacyOptions.of(
                path.getParent().toString(),
                "/work",
                Clock.frozenAt(Instant.ofEpochSecond(1_700_000_000L)))
            .withVarFiles(varFiles);
    if (withVars) {
      options =
          options.withVars(
              v.vars().stream()
                  .map(n -> new LegacyOptions.Var(n, "x"))
                  .collect(Collectors.toList()));
    }
    return LegacyLoader.load(new SourceFile(v.file(), Files.readString(path)), options);
  }

  @TestFactory
  Stream<DynamicTest> verdicts() {
    Path corpus = corpus();
    return VERDICTS.stream()
        .map(v -> DynamicTest.dynamicTest(v.file() + ": " + v.reason(), () -> check(corpus, v)));
  }

  private void check(Path corpus, Verdict v) throws IOException {
    LegacyLoadResult without = load(corpus, v, false);
    Map<String, Integer> codes = new TreeMap<>();
    for (Diagnostic d : without.diagnostics()) {
      if (d.isError()) {
        codes.merge(d.code(), 1, Integer::sum);
        assertTrue(d.subject().isPresent(), () -> "unlocated: " + d);
        assertTrue(d.path().isPresent(), () -> "no JSON pointer: " + d);
      }
    }
    assertEquals(new TreeMap<>(v.errorsWithoutVars()), codes, v.file());
    assertTrue(without.template().isPresent(), "the document is read even with errors");
    if (v.invalid()) {
      return;
    }
    LegacyLoadResult with = load(corpus, v, true);
    assertEquals(
        List.of(),
        with.diagnostics().stream().filter(Diagnostic::isError).collect(Collectors.toList()),
        v.file());
    PackerTemplate t = with.template().orElseThrow();
    assertTrue(
        t.sources().stream().anyMatch(s -> s.type().equals("azure-arm")),
        "every corpus template has an azure-arm builder");
    assertEquals(1, t.builds().size());
    assertEquals(t.sources().size(), t.builds().get(0).sources().size());
  }

  @Test
  void everyLegacyTemplateOfTheCorpusHasAVerdict() throws IOException {
    Path corpus = corpus();
    Set<String> pinned = VERDICTS.stream().map(Verdict::file).collect(Collectors.toSet());
    Set<String> found = new TreeSet<>();
    try (Stream<Path> s = Files.walk(corpus)) {
      for (Path p : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
        if (p.getFileName().toString().equals("SOURCE.txt")) {
          continue;
        }
        List<DocNode> docs =
            DocReader.read(new SourceFile(p.toString(), Files.readString(p))).documents();
        if (!docs.isEmpty() && LegacyDetector.looksLikeLegacy(docs.get(0))) {
          found.add(corpus.relativize(p).toString().replace('\\', '/'));
        }
      }
    }
    assertEquals(new TreeSet<>(pinned), found);
  }

  @Test
  void theYamlCorpusHoldsNoLegacyTemplate() throws IOException {
    Path shared = SharedFolder.find().orElse(null);
    Assumptions.assumeTrue(shared != null, "../shared is absent");
    Path yaml = shared.resolve("corpus/yaml");
    Assumptions.assumeTrue(Files.isDirectory(yaml), "no corpus/yaml");
    List<String> legacy = new ArrayList<>();
    try (Stream<Path> s = Files.walk(yaml)) {
      for (Path p :
          s.filter(x -> x.toString().endsWith(".yml") || x.toString().endsWith(".yaml"))
              .collect(Collectors.toList())) {
        List<DocNode> docs =
            DocReader.read(new SourceFile(p.toString(), Files.readString(p))).documents();
        if (!docs.isEmpty() && LegacyDetector.looksLikeLegacy(docs.get(0))) {
          legacy.add(p.toString());
        }
      }
    }
    // These YAML files describe images for other tools; pin any legacy template that appears.
    assertFalse(legacy.size() > 0, "legacy YAML templates to pin: " + legacy);
  }
}
