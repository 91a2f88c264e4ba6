package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.packer.Credentials;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A misspelt top-level field is the error Packer gives it ({@code PKRMAP-E128}) whatever becomes of
 * the field it means: the suggestions held only the mapped fields, so a misspelt dropped or refused
 * one ({@code kep_os_disk}, {@code custom_data_fil}) passed with a warning, and any {@code ssh_…}
 * or {@code winrm_…} name was taken for a communicator field (review).
 */
class MisspeltFieldsTest {

  private static MapResult withLines(String lines) {
    return LoadAndMap.map(
        "t.pkr.hcl",
        LoadAndMap.linuxSource("u", lines) + "build {\n  sources = [\"source.azure-arm.u\"]\n}\n");
  }

  private static List<Diagnostic> of(MapResult r, String code) {
    return r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
  }

  @Test
  void aMisspeltDroppedRefusedOrCommunicatorFieldIsRefusedWithASuggestion() {
    List<List<String>> cases =
        List.of(
            List.of("kep_os_disk", "true", "keep_os_disk"),
            List.of("licence_type", "\"RHEL_BYOS\"", "license_type"),
            List.of("tenant_idd", "\"t\"", "tenant_id"),
            List.of("disk_cachng_type", "\"None\"", "disk_caching_type"),
            List.of("temp_compute_nme", "\"vm\"", "temp_compute_name"),
            List.of("public_ip_skus", "\"Basic\"", "public_ip_sku"),
            List.of("secure_boot_enable", "true", "secure_boot_enabled"),
            List.of("polling_duration_timout", "\"30m\"", "polling_duration_timeout"),
            List.of("async_resourcegroup_delet", "true", "async_resourcegroup_delete"),
            List.of("managed_image_zone_resiliant", "true", "managed_image_zone_resilient"),
            List.of("custom_data_fil", "\"x\"", "custom_data_file"),
            List.of("user_datafile", "\"x\"", "user_data_file"),
            List.of("ssh_usernme", "\"packer\"", "ssh_username"),
            List.of("winrm_usrname", "\"packer\"", "winrm_username"),
            List.of("packer_debugg", "true", "packer_debug"),
            List.of("sas_token_duraton", "\"1h\"", "sas_token_duration"));
    for (List<String> c : cases) {
      MapResult r = withLines("  " + c.get(0) + " = " + c.get(1) + "\n");
      List<Diagnostic> refused = of(r, "PKRMAP-E128");
      assertEquals(1, refused.size(), () -> c + ": " + r.diagnostics());
      assertTrue(
          refused.get(0).detail().contains("Did you mean \"" + c.get(2) + "\"?"),
          refused.get(0)::detail);
      assertEquals(List.of(), of(r, "PKRMAP-W101"), c.get(0));
      assertTrue(r.templates().isEmpty(), c.get(0));
    }
  }

  @Test
  void anSshNameThatIsNoFieldIsUnknownNotDropped() {
    // It was a note (dropped communicator field) by its prefix alone.
    MapResult r = withLines("  ssh_foo_bar = \"x\"\n");
    List<Diagnostic> unknown = of(r, "PKRMAP-W101");
    assertEquals(1, unknown.size(), r.diagnostics()::toString);
    assertTrue(unknown.get(0).detail().contains("ssh_foo_bar"), unknown.get(0)::detail);
    assertTrue(
        of(r, "PKRMAP-N102").stream().noneMatch(d -> d.detail().contains("ssh_foo_bar")),
        r.diagnostics()::toString);
  }

  @Test
  void theCommunicatorsOwnFieldsAreStillDroppedWithANote() {
    MapResult r =
        withLines(
            "  ssh_username = \"packer\"\n"
                + "  ssh_bastion_certificate_file = \"c.pub\"\n"
                + "  winrm_use_ntlm = true\n"
                + "  winrm_expiration_time = \"1h\"\n"
                + "  temporary_key_pair_type = \"ed25519\"\n");
    assertEquals(5, of(r, "PKRMAP-N102").size(), r.diagnostics()::toString);
    assertEquals(List.of(), of(r, "PKRMAP-E128"));
    assertEquals(List.of(), of(r, "PKRMAP-W101"));
  }

  @Test
  void theContentsOfASpotBlockAreChecked() {
    MapResult misspelt = withLines("  spot {\n    evicton_policy = \"Delete\"\n  }\n");
    List<Diagnostic> refused = of(misspelt, "PKRMAP-E128");
    assertEquals(1, refused.size(), misspelt.diagnostics()::toString);
    assertTrue(
        refused.get(0).detail().contains("Did you mean \"eviction_policy\"?"),
        refused.get(0)::detail);
    assertEquals(1, of(misspelt, "PKRMAP-W103").size(), misspelt.diagnostics()::toString);

    MapResult right =
        withLines("  spot {\n    eviction_policy = \"Delete\"\n    max_price = -1\n  }\n");
    assertEquals(List.of(), of(right, "PKRMAP-E128"));
    assertEquals(List.of(), of(right, "PKRMAP-N102"), right.diagnostics()::toString);
    assertEquals(1, of(right, "PKRMAP-W103").size(), right.diagnostics()::toString);
  }

  @Test
  void noFieldTheConverterKnowsIsTakenForAMisspeltCredential() {
    // A name within two edits of a credential setting is masked as one; no real field may be.
    for (String k : DroppedFields.ALL_KNOWN) {
      assertEquals(Credentials.namedAsSecret(k), Credentials.holdsSecret(k), k);
    }
    for (String k : List.of("client_secert", "winrm_pasword", "ssh_passwd", "clientsecret")) {
      assertTrue(Credentials.holdsSecret(k), k);
      assertFalse(Credentials.namedAsSecret(k), k);
    }
  }
}
