package io.github.packer2aib.core.bind.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.packer.Source;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Data source values given with {@code --data} (mapping.md D.8): a data source with given values is
 * an object of them, the other attributes the template reads of it stay unknown, a Key Vault
 * secret's value is sensitive, and a value for an undeclared data source is reported unused.
 */
class DataValuesTest {
  private static final String TEMPLATE =
      """
      data "hcp-packer-image" "base" {
        bucket_name = "ubuntu"
        channel     = "prod"
      }
      data "azure-keyvaultsecret" "pw" {
        vault_name = "kv"
        name       = "pw"
      }
      source "null" "a" {
        image_id = data.hcp-packer-image.base.id
        region   = data.hcp-packer-image.base.region
        password = data.azure-keyvaultsecret.pw.value
      }
      build {
        sources = ["source.null.a"]
      }
      """;

  private static LoadResult load(Map<String, String> data) {
    return TemplateLoads.load(
        new MemoryFileView("/work").put("/work/t.pkr.hcl", TEMPLATE),
        "t.pkr.hcl",
        TemplateLoads.options(data));
  }

  private static Value setting(LoadResult r, String name) {
    Source s = r.template().orElseThrow().sources().get(0);
    return s.config().settings().stream()
        .filter(x -> x.name().equals(name))
        .map(Setting::value)
        .findFirst()
        .orElseThrow();
  }

  private static List<String> codes(LoadResult r) {
    return r.diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Test
  void withoutValuesEveryAttributeIsUnknownAndTheNoteSaysHowToGiveThem() {
    LoadResult r = load(Map.of());
    assertFalse(setting(r, "image_id").isWhollyKnown());
    assertEquals(List.of("PKR-N044", "PKR-N044"), codes(r));
    assertTrue(
        r.diagnostics().get(0).detail().contains("--data data.hcp-packer-image.base.ATTRIBUTE="),
        r.diagnostics().get(0).detail());
  }

  @Test
  void aGivenAttributeIsKnownAndTheOthersReadStayUnknown() {
    LoadResult r = load(Map.of("data.hcp-packer-image.base.id", "/subscriptions/s/images/base"));
    assertEquals(Value.string("/subscriptions/s/images/base"), setting(r, "image_id"));
    assertFalse(setting(r, "region").isWhollyKnown());
    Diagnostic note =
        r.diagnostics().stream().filter(d -> d.code().equals("PKR-N046")).findFirst().orElseThrow();
    assertEquals(
        "data.hcp-packer-image.base is not computed here (Packer runs its plugin when it builds);"
            + " its id is the value given with --data, and region stays unknown. Check that the"
            + " values are what the plugin would give.",
        note.detail());
    // The Key Vault data source, given nothing, keeps its note.
    assertEquals(List.of("PKR-N044", "PKR-N046"), codes(r).stream().sorted().toList());
  }

  @Test
  void aKeyVaultSecretGivenIsSensitiveAndNeverShown() {
    LoadResult r = load(Map.of("data.azure-keyvaultsecret.pw.value", "S3cretGiven-1234"));
    assertTrue(setting(r, "password").isSensitive());
    assertFalse(
        r.diagnostics().toString().contains("S3cretGiven-1234"), r.diagnostics().toString());
  }

  @Test
  void aValueForAnUndeclaredDataSourceIsReportedUnused() {
    LoadResult r = load(Map.of("data.http.nope.body", "x", "data.hcp-packer-image.base", "y"));
    List<Diagnostic> unused =
        r.diagnostics().stream().filter(d -> d.code().equals("PKR-W045")).toList();
    assertEquals(2, unused.size(), r.diagnostics().toString());
    assertTrue(
        unused.get(0).detail().contains("not of the form data.TYPE.NAME.ATTRIBUTE"),
        unused.get(0).detail());
    assertTrue(
        unused.get(1).detail().contains("declares no data source data.http.nope (it declares"),
        unused.get(1).detail());
  }
}
