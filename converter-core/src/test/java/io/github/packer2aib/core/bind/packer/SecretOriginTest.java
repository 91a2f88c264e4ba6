package io.github.packer2aib.core.bind.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.packer.Local;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A secret in the output (PKRMAP-E405) is named by where it is declared: a local that only holds a
 * secret it reads is named with what it is computed from and is not told to drop a {@code sensitive
 * = true} it lacks, a declared local is called a local, and a Key Vault secret given with --data is
 * named as such, with no advice to undo a declaration. A Key Vault secret without a value is not
 * sent to --data, which would only lead to that refusal (PKRMAP-E107, PKR-N044).
 */
class SecretOriginTest {
  private static final String SOURCE =
      """
      source "azure-arm" "web" {
        use_azure_cli_auth                = true
        subscription_id                   = "00000000-0000-0000-0000-000000000001"
        os_type                           = "Linux"
        location                          = "westeurope"
        vm_size                           = "Standard_D2s_v5"
        image_publisher                   = "Canonical"
        image_offer                       = "0001-com-ubuntu-server-jammy"
        image_sku                         = "22_04-lts-gen2"
        managed_image_name                = "web"
        managed_image_resource_group_name = "rg"
      }
      """;

  private static final String KEEP_SECRETS_OUT =
      " and would be written to the step's inline commands (properties.customize[].inline), where"
          + " anyone who can read the image template sees it; it was left out. Keep secrets out of"
          + " what Image Builder stores and runs (a step can fetch them on the build VM, for"
          + " instance from Key Vault with the VM's identity)";

  private static List<String> errors(ConversionResult r) {
    return r.diagnostics().stream()
        .filter(Diagnostic::isError)
        .map(d -> d.code() + " " + d.detail())
        .toList();
  }

  @Test
  void aLocalComputedFromASensitiveOneIsNamedWithItsOrigin() {
    String template =
        SOURCE
            + """
            local "s" {
              expression = "Sup3rS3cretValue!"
              sensitive  = true
            }
            locals {
              derived = upper(local.s)
              m       = { k = local.s }
              twice   = "${local.derived}-x"
            }
            build {
              sources = ["source.azure-arm.web"]
              provisioner "shell" {
                inline = ["echo ${local.m.k}"]
              }
              provisioner "shell" {
                inline = [local.twice]
              }
            }
            """;
    MemoryFileView files = new MemoryFileView("/work").put("/work/t.pkr.hcl", template);

    List<Local> locals = TemplateLoads.load(files, "t.pkr.hcl").template().orElseThrow().locals();
    assertEquals(List.of(), locals.get(0).secretsRead()); // s: declared sensitive
    assertEquals(List.of("local.s"), locals.get(1).secretsRead());
    assertEquals(List.of("local.s"), locals.get(2).secretsRead());
    assertEquals(List.of("local.s"), locals.get(3).secretsRead()); // through derived

    ConversionResult r = TemplateLoads.convert(files, "t.pkr.hcl");
    String undo = ", or, if the value is not secret, remove sensitive = true from the local \"s\".";
    assertEquals(
        List.of(
            // m only carries s's text, which names s itself.
            "PKRMAP-E405 The value of inline comes from the sensitive local \"s\""
                + KEEP_SECRETS_OUT
                + undo,
            // twice holds the text of derived too: both are named, with where they come from.
            "PKRMAP-E405 The value of inline comes from the locals \"derived\" and \"twice\""
                + " (computed from the sensitive local \"s\")"
                + KEEP_SECRETS_OUT
                + undo),
        errors(r));
  }

  @Test
  void aKeyVaultSecretIsNamedAndNotSentToData() {
    String template =
        SOURCE
            + """
            data "azure-keyvaultsecret" "pw" {
              name          = "admin-pw"
              keyvault_name = "kv"
            }
            build {
              sources = ["source.azure-arm.web"]
              provisioner "shell" {
                inline = ["echo ${data.azure-keyvaultsecret.pw.value}"]
              }
            }
            """;
    MemoryFileView files = new MemoryFileView("/work").put("/work/t.pkr.hcl", template);

    ConversionResult unknown = TemplateLoads.convert(files, "t.pkr.hcl");
    assertEquals(
        List.of(
            "PKRMAP-E107 The value of inline is not known at conversion time: it depends on"
                + " data.azure-keyvaultsecret.pw.value, which has a value only while Packer runs,"
                + " so it cannot be written into the image template."
                + " data.azure-keyvaultsecret.pw.value is a secret, which Packer's"
                + " azure-keyvaultsecret data source reads while it builds; one given with --data"
                + " would be refused in the image template all the same, where anyone who can read"
                + " it would see it: have a step fetch the secret on the build VM instead (for"
                + " instance from Key Vault with the VM's identity)."),
        errors(unknown));
    Diagnostic notEvaluated =
        unknown.diagnostics().stream()
            .filter(d -> d.code().equals("PKR-N044"))
            .findFirst()
            .orElseThrow();
    assertFalse(notEvaluated.detail().contains("--data"), notEvaluated.detail());
    assertTrue(
        notEvaluated
            .detail()
            .endsWith(
                " where a step needs it, have the step fetch the secret on the build VM instead"
                    + " (for instance from Key Vault with the VM's identity)."),
        notEvaluated.detail());

    ConversionResult given =
        TemplateLoads.convert(
            files,
            "t.pkr.hcl",
            TemplateLoads.options(Map.of("data.azure-keyvaultsecret.pw.value", "Secr3tPassw0rd!")));
    assertEquals(
        List.of(
            "PKRMAP-E405 The value of inline comes from the Key Vault secret"
                + " data.azure-keyvaultsecret.pw"
                + KEEP_SECRETS_OUT
                + "."),
        errors(given));
    assertFalse(given.diagnostics().toString().contains("Secr3tPassw0rd!"));
  }

  /** A legacy template whose shell step echoes {@code inline}; {@code variables} as JSON. */
  private static String legacy(String variables, String sensitive, String inline) {
    return "{\"variables\": "
        + variables
        + ", \"sensitive-variables\": "
        + sensitive
        + ",\n \"builders\": [{\"type\": \"azure-arm\", \"use_azure_cli_auth\": true,"
        + " \"subscription_id\": \"00000000-0000-0000-0000-000000000001\", \"os_type\":"
        + " \"Linux\", \"location\": \"westeurope\", \"vm_size\": \"Standard_D2s_v5\","
        + " \"image_publisher\": \"Canonical\", \"image_offer\":"
        + " \"0001-com-ubuntu-server-jammy\", \"image_sku\": \"22_04-lts-gen2\","
        + " \"managed_image_name\": \"web\", \"managed_image_resource_group_name\": \"rg\"}],\n"
        + " \"provisioners\": [{\"type\": \"shell\", \"inline\": [\""
        + inline
        + "\"]}]}\n";
  }

  private static List<String> legacyErrors(String template, Map<String, String> environment) {
    MemoryFileView files = new MemoryFileView("/work").put("/work/t.json", template);
    PackerOptions options =
        new PackerOptions(
            List.of(),
            List.of(),
            environment,
            java.nio.file.Path.of("/work"),
            io.github.packer2aib.core.hcl.function.Clock.frozenAt(
                java.time.Instant.parse("2024-01-02T03:04:05Z")),
            Map.of());
    return errors(TemplateLoads.convert(files, "t.json", options));
  }

  /**
   * A legacy variable secret only because its default reads a sensitive one is named with that one,
   * which the advice says to take out of sensitive-variables: it said that the default read an
   * environment variable named as a credential, which it does not (review 30). One that does read
   * such an environment variable keeps that advice.
   */
  @Test
  void aLegacyVariableComputedFromASensitiveOneIsNamedWithItsOrigin() {
    String derived =
        legacy(
            "{\"pw\": \"Sup3rSecretValue\", \"d\": \"{{ upper (user `pw`) }}\","
                + " \"e\": \"{{ lower (user `d`) }}\"}",
            "[\"pw\"]",
            "{{user `e`}}");
    assertEquals(
        List.of(
            "PKRMAP-E405 The value of inline comes from the variable \"e\" (computed from the"
                + " sensitive variable \"pw\")"
                + KEEP_SECRETS_OUT
                + ", or, if the value is not secret, remove \"pw\" from sensitive-variables."),
        legacyErrors(derived, Map.of()));

    String byName =
        legacy(
            "{\"client_secret\": \"Sup3rSecretValue\","
                + " \"e\": \"{{ lower (user `client_secret`) }}\"}",
            "[]",
            "{{user `e`}}");
    assertEquals(
        List.of(
            "PKRMAP-E405 The value of inline comes from the variable \"e\" (computed from the"
                + " sensitive variable \"client_secret\")"
                + KEEP_SECRETS_OUT
                + ", or, if the value is not secret, rename the variable \"client_secret\", whose"
                + " name says it holds a credential, which is kept secret whether or not it is"
                + " declared sensitive."),
        legacyErrors(byName, Map.of()));

    String environment =
        legacy("{\"tok\": \"{{env `UPLOAD_SAS_TOKEN`}}\"}", "[]", "{{user `tok`}}");
    assertEquals(
        List.of(
            "PKRMAP-E405 The value of inline comes from the sensitive variable \"tok\""
                + KEEP_SECRETS_OUT
                + ", or, if the value is not secret, give \"tok\" a value with --var or a var"
                + " file: its default reads an environment variable whose name says it holds a"
                + " credential, which is kept secret."),
        legacyErrors(environment, Map.of("UPLOAD_SAS_TOKEN", "sv=2024&sig=abcdefgh")));
  }
}
