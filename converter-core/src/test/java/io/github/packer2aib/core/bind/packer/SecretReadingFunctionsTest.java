package io.github.packer2aib.core.bind.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import io.github.packer2aib.core.hcl.function.SecretFunctions;
import io.github.packer2aib.core.packer.Local;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * vault(), consul_key(), aws_secretsmanager() and the like are not called, and do not fail the
 * template either (mapping.md D.6: "refuse if their value reaches the output"): each gives an
 * unknown, sensitive string, so the pattern of Packer's own vault docs, a sensitive local that
 * feeds client_secret, converts (the mapper drops the credential), and a value that reaches the
 * output is refused with PKRMAP-E107, which names the call and says to fetch the secret on the VM.
 */
class SecretReadingFunctionsTest {
  private static final String SOURCE =
      """
      source "azure-arm" "web" {
        client_id                         = "11111111-1111-1111-1111-111111111111"
        client_secret                     = local.client_secret
        tenant_id                         = "22222222-2222-2222-2222-222222222222"
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
      local "client_secret" {
        expression = vault("secret/data/azure", "client_secret")
        sensitive  = true
      }
      locals {
        unused = aws_secretsmanager("azure/sp", "password")
      }
      """;

  private static MemoryFileView files(String build) {
    return new MemoryFileView("/work").put("/work/t.pkr.hcl", SOURCE + build);
  }

  @Test
  void aSecretThatOnlyFeedsACredentialConverts() {
    ConversionResult r =
        TemplateLoads.convert(
            files("build {\n  sources = [\"source.azure-arm.web\"]\n}\n"), "t.pkr.hcl");

    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    assertEquals(1, r.templates().size());
    // The vault key "client_secret" says where the secret is kept, and is no secret of the file
    // to mask in every message about it ("*** is a credential").
    Diagnostic dropped =
        r.diagnostics().stream()
            .filter(d -> d.code().equals("PKRMAP-N104"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        dropped.detail().startsWith("client_secret is a credential Packer signs in to Azure with"),
        dropped.detail());
  }

  @Test
  void theLocalsAreUnknownAndSensitive() {
    LoadResult r =
        TemplateLoads.load(
            files("build {\n  sources = [\"source.azure-arm.web\"]\n}\n"), "t.pkr.hcl");

    List<Local> locals = r.template().orElseThrow().locals();
    assertEquals(2, locals.size());
    for (Local l : locals) {
      assertFalse(l.value().isKnown(), l.name());
      assertTrue(l.value().isSensitive(), l.name());
    }
  }

  @Test
  void aValueThatReachesTheOutputIsRefusedNamingTheCall() {
    ConversionResult r =
        TemplateLoads.convert(
            files(
                """
                build {
                  sources = ["source.azure-arm.web"]
                  provisioner "shell" {
                    inline = ["echo ok", "login ${local.client_secret}"]
                    environment_vars = ["A=${consul_key("a")}", "B=${rsadecrypt("x", "y")}"]
                  }
                }
                """),
            "t.pkr.hcl");

    List<String> errors =
        r.diagnostics().stream()
            .filter(Diagnostic::isError)
            .map(d -> d.code() + " " + d.detail())
            .toList();
    assertEquals(
        List.of(
            "PKRMAP-E107 The value of inline is not known at conversion time: it depends on"
                + " vault(…), which has a value only while Packer runs, so it cannot be written"
                + " into the image template. vault(…) reads a secret from HashiCorp Vault, which"
                + " packer2aib does not do (no secrets or network at conversion time), and a"
                + " secret may not be written into the image template, where anyone who can read"
                + " it sees it: have a step fetch the secret on the build VM instead (for instance"
                + " from Key Vault with the VM's identity).",
            "PKRMAP-E107 The value of environment_vars is not known at conversion time: it"
                + " depends on consul_key(…) and rsadecrypt(…), which have a value only while"
                + " Packer runs, so it cannot be written into the image template. consul_key(…)"
                + " and rsadecrypt(…) read secrets (from Consul, by decryption with a private"
                + " key), which packer2aib does not do (no secrets or network at conversion time),"
                + " and a secret may not be written into the image template, where anyone who can"
                + " read it sees it: have a step fetch the secrets on the build VM instead (for"
                + " instance from Key Vault with the VM's identity)."),
        errors);
    assertTrue(r.templates().isEmpty());
  }

  /**
   * A secret that is not known is never where a known value in the output came from: E405 about
   * another secret does not offer it as a candidate ("perhaps \"client_secret\", whose value is
   * empty here").
   */
  @Test
  void anUnknownSecretIsNoCandidateForAKnownOne() {
    ConversionResult r =
        TemplateLoads.convert(
            files(
                """
                local "tok" {
                  expression = "abcdefgh12345"
                  sensitive  = true
                }
                build {
                  sources = ["source.azure-arm.web"]
                  provisioner "shell" {
                    inline = [sha256(local.tok)]
                  }
                }
                """),
            "t.pkr.hcl");

    Diagnostic refused =
        r.diagnostics().stream()
            .filter(d -> d.code().equals("PKRMAP-E405"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        refused
            .detail()
            .startsWith("The value of inline comes from the sensitive local \"tok\" and"),
        refused.detail());
  }

  /**
   * A legacy template may call them in its variables only (as Packer): there, too, each call is an
   * unknown, sensitive string; a variable that only feeds client_secret converts, and one that
   * reaches a step is refused with PKRMAP-E107, which names the call behind the variables read.
   */
  @Test
  void aLegacyVariableReadFromVaultConvertsUnlessItReachesTheOutput() {
    String legacy =
        """
        {
          "variables": {
            "client_secret": "{{ vault `secret/data/azure` `client_secret` }}",
            "token": "{{ aws_secretsmanager `prod/azure` `token` }}",
            "derived": "x-{{ user `token` }}"
          },
          "builders": [{
            "type": "azure-arm",
            "client_id": "11111111-1111-1111-1111-111111111111",
            "client_secret": "{{user `client_secret`}}",
            "tenant_id": "22222222-2222-2222-2222-222222222222",
            "subscription_id": "00000000-0000-0000-0000-000000000001",
            "os_type": "Linux",
            "location": "westeurope",
            "vm_size": "Standard_D2s_v5",
            "image_publisher": "Canonical",
            "image_offer": "0001-com-ubuntu-server-jammy",
            "image_sku": "22_04-lts-gen2",
            "managed_image_name": "web",
            "managed_image_resource_group_name": "rg"
          }],
          "provisioners": [{"type": "shell", "inline": ["echo ok"]}]
        }
        """;
    ConversionResult ok =
        TemplateLoads.convert(new MemoryFileView("/work").put("/work/t.json", legacy), "t.json");
    assertFalse(ok.hasErrors(), () -> ok.diagnostics().toString());
    assertEquals(1, ok.templates().size());

    ConversionResult refused =
        TemplateLoads.convert(
            new MemoryFileView("/work")
                .put("/work/t.json", legacy.replace("echo ok", "echo {{user `derived`}}")),
            "t.json");
    assertEquals(
        List.of(
            "PKRMAP-E107 The value of inline is not known at conversion time: it depends on {{"
                + " aws_secretsmanager … }}, which has a value only while Packer runs, so it cannot"
                + " be written into the image template. {{ aws_secretsmanager … }} reads a secret"
                + " from AWS Secrets Manager, which packer2aib does not do (no secrets or network"
                + " at conversion time), and a secret may not be written into the image template,"
                + " where anyone who can read it sees it: have a step fetch the secret on the build"
                + " VM instead (for instance from Key Vault with the VM's identity)."),
        refused.diagnostics().stream()
            .filter(Diagnostic::isError)
            .map(d -> d.code() + " " + d.detail())
            .toList());
  }

  /**
   * The secret readers are listed once (SecretFunctions): the four that read a store by name, whose
   * written-out arguments are no secret to mask, and rsadecrypt, which decrypts what it is given;
   * with bcrypt they are the calls whose result is never known (FunctionRegistry), which the binder
   * names and the mapper advises on.
   */
  @Test
  void theSecretReadersAreListedOnce() {
    for (String name :
        List.of("vault", "consul_key", "aws_secretsmanager", "aws_secretsmanager_raw")) {
      assertTrue(SecretFunctions.readsByName(name), name);
      assertTrue(FunctionRegistry.neverKnown(name), name);
    }
    assertFalse(SecretFunctions.readsByName("rsadecrypt"));
    assertTrue(FunctionRegistry.neverKnown("rsadecrypt"));
    assertFalse(SecretFunctions.readsByName(FunctionRegistry.BCRYPT));
    assertTrue(FunctionRegistry.neverKnown(FunctionRegistry.BCRYPT));
    assertFalse(FunctionRegistry.neverKnown("sha256"));
    assertFalse(SecretFunctions.readsByName("file"));
  }
}
