package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A list with several entries that hold secrets gets a PKRMAP-E405 at each, naming what that entry
 * comes from. Review observation (wild): two credentials in one environment_vars list were refused
 * once, at the first, naming both variables, and the second entry had no caret, where the README
 * says "at its entry".
 */
class SecretEntriesTest {
  private static final String TEMPLATE =
      """
      variable "sp_password" {
        type    = string
        default = "pw-value-1"
      }
      variable "github_token" {
        type    = string
        default = "tok-value-2"
      }
      """
          + LoadAndMap.linuxSource("a", "")
          + """
          build {
            sources = ["source.azure-arm.a"]
            provisioner "shell" {
              environment_vars = [
                "TRACE=1",
                "GITHUB_TOKEN=${var.github_token}",
                "OTHER=x",
                "SP_PASSWORD=${var.sp_password}",
              ]
              inline = ["env"]
            }
            provisioner "shell" {
              environment_vars = ["TRACE=1", "GITHUB_TOKEN=${var.github_token}"]
              inline           = ["env"]
            }
          }
          """;

  private static List<Diagnostic> refused() {
    return LoadAndMap.map("t.pkr.hcl", TEMPLATE).diagnostics().stream()
        .filter(d -> d.code().equals("PKRMAP-E405"))
        .toList();
  }

  @Test
  void eachEntryThatHoldsASecretIsRefusedAtItself() {
    List<Diagnostic> refused = refused();

    assertEquals(3, refused.size(), refused.toString());
    // The first list: each entry at its own line, naming its own variable only.
    Diagnostic token = refused.get(0);
    Diagnostic password = refused.get(1);
    assertEquals(lineOf("\"GITHUB_TOKEN="), line(token));
    assertEquals(lineOf("\"SP_PASSWORD="), line(password));
    assertTrue(
        token
            .detail()
            .startsWith(
                "The value of element 2 of 4 of environment_vars comes from the sensitive"
                    + " variable \"github_token\" and"),
        token.detail());
    assertFalse(token.detail().contains("sp_password"), token.detail());
    assertTrue(
        password
            .detail()
            .startsWith(
                "The value of element 4 of 4 of environment_vars comes from the sensitive"
                    + " variable \"sp_password\" and"),
        password.detail());
    assertFalse(password.detail().contains("github_token"), password.detail());

    // One secret in a list: the message it had, at that entry.
    assertTrue(
        refused
            .get(2)
            .detail()
            .startsWith(
                "The value of environment_vars comes from the sensitive variable"
                    + " \"github_token\" and"),
        refused.get(2).detail());

    for (Diagnostic d : refused) {
      assertFalse(d.toString().contains("pw-value-1"), d.toString());
      assertFalse(d.toString().contains("tok-value-2"), d.toString());
    }
  }

  /** The 1-based line of the template where {@code text} is first written. */
  private static int lineOf(String text) {
    return (int)
            TEMPLATE.substring(0, TEMPLATE.indexOf(text)).chars().filter(c -> c == '\n').count()
        + 1;
  }

  private static int line(Diagnostic d) {
    return d.subject().orElseThrow().start().line();
  }
}
