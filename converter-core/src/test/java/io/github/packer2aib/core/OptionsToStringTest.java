package io.github.packer2aib.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.bind.legacy.LegacyOptions;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.bind.settings.TemplateSettings;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The options records print the names of variables, data values and environment variables, never
 * their values, and base URIs with their password and signature masked: an embedder that logged its
 * options (or an assertion that showed them) printed the CI job's credentials.
 */
class OptionsToStringTest {
  private static final Clock CLOCK = Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z"));
  private static final String URI = "https://u:UIPW12345@h/x?sp=r&sig=SIGX12345";

  private static void assertHidden(String text, String... secrets) {
    for (String secret : secrets) {
      assertFalse(text.contains(secret), secret + " in " + text);
    }
  }

  @Test
  void packerOptionsNameTheirValues() {
    PackerOptions o =
        new PackerOptions(
            List.of("client_secret=VARSECRET123", "VARSECRETWITHOUTNAME"),
            List.of(Path.of("/w/secrets.pkrvars.hcl")),
            Map.of("ARM_CLIENT_SECRET", "ENVSECRET123"),
            Path.of("/w"),
            CLOCK,
            Map.of("data.vault.s.value", "DATASECRET123"),
            List.of(
                new PackerOptions.SettingVar(
                    "pw", "SETTINGSECRET123", Optional.empty(), Optional.empty(), false)));

    String text = o.toString();

    assertHidden(text, "VARSECRET", "ENVSECRET", "DATASECRET", "SETTINGSECRET");
    assertTrue(text.startsWith("PackerOptions[vars=[client_secret, ?], varFiles="), text);
    assertTrue(text.contains("environment=[ARM_CLIENT_SECRET]"), text);
    assertTrue(text.contains("data=[data.vault.s.value]"), text);
    assertTrue(text.contains("settingVars=[SettingVar[pw]]"), text);
    assertTrue(text.contains("/w/secrets.pkrvars.hcl"), text);
  }

  @Test
  void mapOptionsMaskTheBaseUrisPasswordsAndSignatures() {
    MapOptions o = MapOptions.defaults().withScriptBaseUri(URI).withFileBaseUri(URI);

    String text = o.toString();

    assertHidden(text, "UIPW12345", "SIGX12345");
    assertTrue(text.contains("scriptBaseUri=Optional[https://u:***@h/x?sp=r&sig=***]"), text);
    assertTrue(text.contains("fileBaseUri=Optional[https://u:***@h/x?sp=r&sig=***]"), text);
    assertTrue(text.contains("identity=Optional.empty"), text);
  }

  @Test
  void legacyOptionsAndSettingsNameTheirValuesToo() {
    LegacyOptions legacy =
        LegacyOptions.of("/t", "/w", CLOCK)
            .withVars(List.of(new LegacyOptions.Var("client_secret", "VARSECRET123")))
            .withEnvironment(Map.of("ARM_CLIENT_SECRET", "ENVSECRET123"));
    TemplateSettings settings =
        TemplateSettings.EMPTY.then(
            new TemplateSettings(
                Map.of("pw", "SETTINGSECRET123"),
                Map.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(URI),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                Map.of(),
                java.util.Set.of()));

    assertHidden(legacy.toString(), "VARSECRET", "ENVSECRET");
    assertTrue(legacy.toString().contains("vars=[Var[client_secret]]"), legacy.toString());
    assertTrue(legacy.toString().contains("environment=[ARM_CLIENT_SECRET]"), legacy.toString());
    assertHidden(settings.toString(), "SETTINGSECRET", "UIPW12345", "SIGX12345");
    assertEquals(
        "Var[client_secret]", new LegacyOptions.Var("client_secret", "VARSECRET123").toString());
  }
}
