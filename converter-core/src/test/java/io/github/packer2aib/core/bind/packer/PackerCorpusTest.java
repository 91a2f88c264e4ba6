package io.github.packer2aib.core.bind.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.testing.LocalFileView;
import io.github.packer2aib.core.testing.SharedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every HCL2 template of the shared corpus ({@code corpus/packer-hcl/*}, and the {@code .pkr.hcl}
 * files of {@code corpus/yaml/*}) is read, and its verdict is pinned below with the reason: Packer
 * accepts it (given values for its required variables) and so must we, or Packer rejects it and we
 * report located errors with the codes listed.
 *
 * <p>Required variables without a value get a placeholder, as a user would pass with {@code -var}:
 * {@code "placeholder"}, or for a typed variable that cannot read it, {@code 1}, {@code true},
 * {@code []} or {@code {}}. Verdicts were checked against Packer 1.6.6 ({@code
 * tools/packer-validate.sh}) where it understands the template, and against the Packer
 * documentation for the blocks 1.6.6 predates ({@code packer { required_plugins }}, {@code data},
 * top-level {@code hcp_packer_registry}): with its {@code packer} blocks removed, 1.6.6 accepts
 * every template pinned as accepted that uses no data source ({@code packer validate
 * -syntax-only}).
 */
class PackerCorpusTest {

  /** A pinned verdict: the errors expected (none: accepted), extra variables, and why. */
  private record Verdict(String path, Set<String> errors, List<String> vars, String reason) {}

  private static Verdict accepted(String path, String reason, String... vars) {
    return new Verdict(path, Set.of(), List.of(vars), reason);
  }

  private static Verdict rejected(String path, Set<String> errors, String reason) {
    return new Verdict(path, errors, List.of(), reason);
  }

  private static final String HCL = "packer-hcl/";

  private static final String TENANT =
      "{ location = \"westeurope\", image_resource_group_name = \"rg\", tenant_id = \"t\","
          + " subscription_id = \"s\", client_id = \"c\", client_secret = \"x\","
          + " image_gallery_resource_group_name = \"g\", image_gallery_name = \"n\","
          + " image_regions = [\"westeurope\"] }";

  private static final List<Verdict> VERDICTS =
      List.of(
          accepted(
              HCL + "Crizstian__packer-azure-golden-image__golden-image-ansible-local",
              "required_plugins (Packer 1.7+; 1.6.6 accepts the rest), maps of strings, nested"
                  + " source blocks"),
          rejected(
              HCL + "DanielMabbett__azure-packer-images__ws2019-cis-l1",
              Set.of("EVAL-E025", "GOTPL-E109"),
              "variable defaults refer to other variables; Packer 1.6.6 says \"Variables not"
                  + " allowed\" too, and \"error calling user\" for {{user}} in a provisioner"),
          accepted(
              HCL + "Ontotext-AD__packer-azure-graphdb__graphdb",
              "required_plugins (Packer 1.7+; 1.6.6 accepts the rest), locals, a breakpoint"
                  + " provisioner, a manifest"),
          accepted(
              HCL + "QuangTrungFHFF__packer-azure-win11-avd-23h2__win11-avd-23h2",
              "required_plugins (Packer 1.7+; 1.6.6 accepts the rest), a named build,"
                  + " windows-restart"),
          accepted(
              HCL + "StevenNoel__Packer-Azure-Powershell__citrix-vda",
              "hcl2_upgrade output; Packer 1.6.6 accepts it (syntax-only)"),
          accepted(
              HCL + "actions__runner-images__linux-ubuntu2204-hcl",
              "env() defaults, many provisioners; Packer 1.6.6 accepts it (syntax-only)"),
          accepted(
              HCL + "actions__runner-images__ubuntu-templates-multifile",
              "a folder of nine files; locals index a map by var.image_os, which has no"
                  + " usable default (Packer 1.6.6 fails with \"Invalid index\" too), so the"
                  + " image is chosen as the project's CI does",
              "image_os=ubuntu22"),
          accepted(
              HCL + "actions__runner-images__windows-2025-single",
              "a large Windows template; Packer 1.6.6 accepts it (syntax-only)"),
          accepted(
              HCL + "ag1l4n__azure-golden-image-factory__rhel",
              "required_plugins (Packer 1.7+; 1.6.6 accepts the rest), ansible provisioners"),
          accepted(
              HCL + "ag1l4n__azure-golden-image-factory__windows-cis",
              "required_version 1.10+, build.User and build.Password are unknown here"),
          accepted(
              HCL + "aztfmod__terraform-azurerm-caf__caf-104-windows",
              "required_plugins (Packer 1.7+; 1.6.6 accepts the rest), windows-update"),
          accepted(
              HCL + "bocopile__packer-azure__ubuntu24-loki",
              "required_version 1.10+ in versions.pkr.hcl"),
          accepted(
              HCL + "bryannice__packer-azure-ansible__ansible",
              "locals and format(); Packer 1.6.6 accepts it"),
          accepted(
              HCL + "chinmaymjog__web-scripts__azure-ubuntu-variables-block",
              "a legacy variables { } block; Packer 1.6.6 accepts it"),
          accepted(
              HCL + "cloudtherapy__packer-azure-methods__devops-agent",
              "required_plugins (Packer 1.7+; 1.6.6 accepts the rest), a build-level source renamed"
                  + " ubuntu22"),
          accepted(
              HCL + "dereksonthejob__azure-packer-image-factory__ubuntu-dynamic",
              "required_plugins (Packer 1.7+; 1.6.6 accepts the rest), dynamic blocks, two"
                  + " sources"),
          accepted(
              HCL + "dereksonthejob__azure-packer-image-factory__windows",
              "required_plugins (Packer 1.7+; 1.6.6 accepts the rest), windows-update"),
          accepted(
              HCL + "dlp-hashicorp__Golden-Image-Demo__acme-webapp",
              "data sources (Packer 1.7+): unknown here; hcp_packer_registry is ignored;"
                  + " \"sources.azure-arm.…\" works in Packer, which drops the first part (a"
                  + " warning)"),
          rejected(
              HCL + "dustindortch__Packer-Azure-WindowsServer2019__ws2019",
              Set.of("HCLFN-E001"),
              "a validation reads ./azure_regions.txt, which is not part of the corpus; Packer"
                  + " 1.6.6 fails the same way (\"no file exists\")"),
          accepted(
              HCL + "gutt02__terraform-azure-packer__ubuntu-image",
              "required_plugins (Packer 1.7+; 1.6.6 accepts the rest), numbered file names"),
          accepted(
              HCL + "hashi-randy__hcp-packer-ubuntu22__ubuntu-jammy-base",
              "data sources (Packer 1.7+), an amazon-ebs and an azure-arm source"),
          accepted(
              HCL + "hashicorp__learn-packer-multicloud__multicloud",
              "build-level source blocks rename both usages hashicups"),
          accepted(
              HCL + "hashicorp__packer-plugin-azure__centos-hcl2-upgraded",
              "hcl2_upgrade output; Packer 1.6.6 accepts it (syntax-only)"),
          accepted(
              HCL + "hashicorp__packer-plugin-azure__testdata-hcp-ancestry",
              "data sources and a top-level hcp_packer_registry (Packer 1.12.1+)"),
          accepted(
              HCL + "hashicorp__packer-plugin-azure__windows-skip-key-vault",
              "required_plugins (Packer 1.7+; 1.6.6 accepts the rest)"),
          accepted(
              HCL + "kolosovpetro__packer-azure-windows-image__windows-server2019-v1",
              "required_plugins (Packer 1.7+; 1.6.6 accepts the rest), windows-update"),
          rejected(
              HCL + "liatrio__packer-azure-github-runner__github-runner",
              Set.of("PKR-E011"),
              "variables.pkr.hcl holds value assignments, which belong in a .pkrvars.hcl file;"
                  + " Packer 1.6.6 reports \"Unsupported argument\" too"),
          accepted(
              HCL + "mracket__Automated-Image-Build__w11-multifile",
              "required_plugins (Packer 1.7+; 1.6.6 accepts the rest), locals across files"),
          accepted(
              HCL + "onyinye-molokwu__azure-rhel9-golden-image__rhel9",
              "required_plugins (Packer 1.7+; 1.6.6 accepts the rest); variables.pkrvars.hcl is not"
                  + " an automatic var file, so it is not read"),
          accepted(
              HCL + "straubt1__azure-packer-datadisk__datadisk-windows",
              "Packer 1.6.6 accepts it (syntax-only); \"sources.azure-arm.basic\" works in Packer,"
                  + " which drops the first part (a warning)"),
          accepted(
              HCL + "straubt1__hcp-packer-azure-multitenant__multitenant-ubuntu2204",
              "a validated list(object) variable (two tenants, given here), build-level sources",
              "tenant_configuration=[" + TENANT + ", " + TENANT + "]"),
          accepted(
              "yaml/Azure__dev-box-images__VSCodeBox",
              "the Packer part of a YAML image definition: required_plugins, an object variable"
                  + " (given here)",
              "gallery={ name = \"g\", resourceGroup = \"rg\", subscription = \"s\" }"));

  @TestFactory
  Stream<DynamicTest> corpusVerdicts() {
    Optional<Path> shared = SharedFolder.find();
    assumeTrue(shared.isPresent(), "no shared folder: corpus verdicts skipped");
    Path corpus = shared.get().resolve("corpus");
    return VERDICTS.stream().map(v -> DynamicTest.dynamicTest(v.path(), () -> check(corpus, v)));
  }

  @Test
  void everyHclTemplateOfTheCorpusHasAVerdict() throws IOException {
    Optional<Path> shared = SharedFolder.find();
    assumeTrue(shared.isPresent(), "no shared folder: corpus verdicts skipped");
    Path corpus = shared.get().resolve("corpus");
    Set<String> found = new TreeSet<>();
    for (String set : List.of("packer-hcl", "yaml")) {
      try (Stream<Path> dirs = Files.list(corpus.resolve(set))) {
        for (Path dir : dirs.filter(Files::isDirectory).toList()) {
          try (Stream<Path> files = Files.list(dir)) {
            if (files.anyMatch(f -> f.getFileName().toString().endsWith(".pkr.hcl"))) {
              found.add(set + "/" + dir.getFileName());
            }
          }
        }
      }
    }
    Set<String> pinned = VERDICTS.stream().map(Verdict::path).collect(Collectors.toSet());
    assertEquals(found, new TreeSet<>(pinned), "corpus templates and pinned verdicts differ");
  }

  private static void check(Path corpus, Verdict v) {
    LoadResult r = load(corpus, v.path(), v.vars());
    List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
    Set<String> codes = errors.stream().map(Diagnostic::code).collect(Collectors.toSet());
    assertEquals(new TreeSet<>(v.errors()), new TreeSet<>(codes), v.reason() + "\n" + errors);
    for (Diagnostic d : errors) {
      assertTrue(d.subject().isPresent(), "error without a location: " + d);
    }
    assertEquals(v.errors().isEmpty(), r.template().isPresent(), v.reason());
  }

  private static final Pattern SYNTHETIC = Pattern.compile("<value for var\\.([^ ]+) from --var>");
  private static final Pattern UNSET = Pattern.compile("The variable \"([^\"]+)\" has no default");
  private static final Pattern GIVEN = Pattern.compile("The value given by --var ([^ ]+) ");
  private static final List<String> PLACEHOLDERS = List.of("placeholder", "1", "true", "[]", "{}");

  /** Loads a corpus template, giving placeholders to required variables. */
  static LoadResult load(Path corpus, String path, List<String> vars) {
    Path dir = corpus.resolve(path);
    Map<String, Integer> attempt = new LinkedHashMap<>();
    LoadResult r = null;
    for (int round = 0; round <= PLACEHOLDERS.size(); round++) {
      List<String> all = new ArrayList<>();
      attempt.forEach((name, i) -> all.add(name + "=" + PLACEHOLDERS.get(i)));
      all.addAll(vars);
      PackerOptions options =
          new PackerOptions(
              all,
              List.of(),
              Map.of(),
              dir.getParent(),
              Clock.frozenAt(Instant.parse("2024-01-02T03:04:05Z")));
      String name = dir.getFileName().toString();
      r =
          new PackerHclLoader(new LocalFileView(dir.getParent()))
              .load(new PackerInput(Path.of(name), name), options);
      boolean retry = false;
      for (Diagnostic d : r.diagnostics()) {
        Matcher unset = UNSET.matcher(d.detail());
        if (d.code().equals(PackerCode.UNSET_VARIABLE.id())
            && unset.find()
            && vars.stream().noneMatch(v -> v.startsWith(unset.group(1) + "="))) {
          attempt.putIfAbsent(unset.group(1), 0);
          retry = true;
        }
        Matcher synthetic = SYNTHETIC.matcher(d.subject().map(s -> s.file()).orElse(""));
        Matcher given = GIVEN.matcher(d.detail());
        String variable =
            synthetic.matches() ? synthetic.group(1) : given.find() ? given.group(1) : null;
        if (d.isError() && variable != null && attempt.containsKey(variable)) {
          int next = attempt.get(variable) + 1;
          if (next < PLACEHOLDERS.size()) {
            attempt.put(variable, next);
            retry = true;
          }
        }
      }
      if (!retry) {
        break;
      }
    }
    return r;
  }
}
