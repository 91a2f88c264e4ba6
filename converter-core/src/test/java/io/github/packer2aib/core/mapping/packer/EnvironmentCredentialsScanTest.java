package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.bind.PackerTemplates;
import io.github.packer2aib.core.bind.packer.LoadResult;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.function.EnvironmentVariables;
import io.github.packer2aib.core.packer.EnvironmentCredentials;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The output scan withholds a template that holds the value of a credential of the converter's
 * environment, whatever path the value took (here a plain variable's default, which no sensitive
 * mark follows), and names the variable, never its value; a value the user gave as an option is
 * theirs to publish. A system file is refused as a script (PKRMAP-E319), whatever the view.
 */
class EnvironmentCredentialsScanTest {
  private static final String TOKEN = "ghp_Zq7abcdefghijklmnop";

  private static String template(String greeting, String provisioner) {
    return "variable \"greeting\" {\n  default = \""
        + greeting
        + "\"\n}\n"
        + LoadAndMap.linuxSource("u", "")
        + "build {\n  sources = [\"source.azure-arm.u\"]\n"
        + provisioner
        + "}\n";
  }

  private static final String ECHO =
      "  provisioner \"shell\" {\n    inline = [\"echo ${var.greeting}\"]\n  }\n";

  private static MapResult map(String hcl, Map<String, String> env, MapOptions mapOptions) {
    MemoryFileView fs = new MemoryFileView("/work").put("/work/t.pkr.hcl", hcl);
    PackerOptions options =
        new PackerOptions(
            List.of(),
            List.of(),
            env,
            Path.of("/work"),
            Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    LoadResult loaded =
        PackerTemplates.load(new PackerInput(Path.of("t.pkr.hcl"), "t.pkr.hcl"), options, fs);
    assertEquals(List.of(), loaded.diagnostics().stream().filter(Diagnostic::isError).toList());
    return PackerMapper.map(loaded.template().orElseThrow(), mapOptions, fs, options.environment());
  }

  private static List<Diagnostic> coded(MapResult r, String code) {
    return r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
  }

  @Test
  void aTemplateHoldingACredentialOfTheEnvironmentIsWithheldAndNamesTheVariable() {
    Map<String, String> env = EnvironmentVariables.frozen(Map.of("GITHUB_TOKEN", TOKEN));
    MapResult r = map(template("hi " + TOKEN, ECHO), env, MappingCases.opts());
    assertEquals(List.of(), r.templates());
    List<Diagnostic> withheld = coded(r, "PKRMAP-E405");
    assertEquals(1, withheld.size(), r.diagnostics()::toString);
    assertTrue(withheld.get(0).detail().contains("environment variable GITHUB_TOKEN"));
    for (Diagnostic d : r.diagnostics()) {
      assertFalse(d.detail().contains(TOKEN), d::toString);
    }
    // The texts the conversion masks in its messages hold the value.
    assertTrue(r.secretTexts().contains(TOKEN));

    // Escaped as JSON writes it (a quote in the value), and written as a region's name.
    String quoted = "tok\"en-" + TOKEN;
    MapResult escaped =
        map(
            template("hi tok\\\"en-" + TOKEN, ECHO),
            EnvironmentVariables.frozen(Map.of("API_TOKEN", quoted)),
            MappingCases.opts());
    assertEquals(1, coded(escaped, "PKRMAP-E405").size(), escaped.diagnostics()::toString);
  }

  @Test
  void withoutTheCredentialOrWithItInTheUsersOptionsTheTemplateIsWritten() {
    assertEquals(
        1, map(template("hi " + TOKEN, ECHO), Map.of(), MappingCases.opts()).templates().size());
    // Named as no credential, or too short to tell from any text.
    Map<String, String> plain =
        EnvironmentVariables.frozen(Map.of("GREETING", TOKEN, "GITHUB_TOKEN", "ghp_Zq7"));
    assertEquals(
        1, map(template("hi " + TOKEN, ECHO), plain, MappingCases.opts()).templates().size());
    // The identity the user gave holds it: theirs to publish, as for the template's secrets.
    String identity = MappingCases.IDENTITY;
    String name = identity.substring(identity.lastIndexOf('/') + 1);
    Map<String, String> env = EnvironmentVariables.frozen(Map.of("IDENTITY_TOKEN", name));
    MapResult r = map(template("hi", ECHO), env, MappingCases.opts().withIdentity(identity));
    assertEquals(1, r.templates().size(), r.diagnostics()::toString);
  }

  @Test
  void theNamesOfCredentialsAreTheToolsAndTheSpellingsOfCiSystems() {
    for (String name :
        List.of(
            "GITHUB_TOKEN",
            "ARM_CLIENT_SECRET",
            "AZURE_PASSWORD",
            "client_jwt",
            "PGPASSWORD",
            "SYSTEM_ACCESSTOKEN",
            "AWS_SECRET_ACCESS_KEY",
            "ARM_ACCESS_KEY",
            "AZURE_STORAGE_KEY",
            "OPENAI_API_KEY",
            "DATADOG_APIKEY")) {
      assertTrue(EnvironmentCredentials.namedAsCredential(name), name);
    }
    for (String name :
        List.of(
            "PATH",
            "HOME",
            "SLACK_WEBHOOK",
            "SSH_PUBLIC_KEY",
            "GPG_KEY_ID",
            "ARM_CLIENT_ID",
            "TOKEN_FILE",
            "PWD",
            "MONKEY")) {
      assertFalse(EnvironmentCredentials.namedAsCredential(name), name);
    }
    // Each value once, short ones left out; the entry does not print its value.
    List<EnvironmentCredentials.Entry> entries =
        EnvironmentCredentials.of(
            EnvironmentVariables.frozen(
                Map.of("A_TOKEN", TOKEN, "B_TOKEN", TOKEN, "C_TOKEN", "short", "PATH", "/bin")));
    assertEquals(1, entries.size());
    assertEquals("A_TOKEN", entries.get(0).name());
    assertFalse(entries.get(0).toString().contains(TOKEN));
  }

  @Test
  void manyCredentialsAreEachKeptOnceUnderTheirFirstName() {
    // Each value once, under the first name that holds it, however many credentials there are
    // (speed is bench/run's business, not a timed test: the values seen are a set now, not a list).
    int n = 2_000;
    Map<String, String> environment = new HashMap<>();
    for (int i = 0; i < n; i++) {
      environment.put(String.format("APP_%06d_TOKEN", i), String.format("secret-value-%08d", i));
    }
    environment.put("COPY_TOKEN", "secret-value-00000007");
    List<EnvironmentCredentials.Entry> entries =
        EnvironmentCredentials.of(EnvironmentVariables.frozen(environment));
    assertEquals(n, entries.size());
    assertEquals("APP_000000_TOKEN", entries.get(0).name());
    assertTrue(entries.stream().noneMatch(e -> e.name().equals("COPY_TOKEN")));
  }

  @Test
  void aSystemFileIsNoScriptWhateverTheView() {
    for (String path : List.of("/proc/self/environ", "/dev/stdin", "/sys/kernel/x")) {
      MapResult r =
          map(
              template("hi", "  provisioner \"shell\" {\n    script = \"" + path + "\"\n  }\n"),
              Map.of(),
              MappingCases.opts());
      List<Diagnostic> refused = coded(r, "PKRMAP-E319");
      assertEquals(1, refused.size(), r.diagnostics()::toString);
      assertTrue(
          refused.get(0).detail().startsWith("The script " + path + " is a file of the operating"),
          refused.get(0)::detail);
      assertEquals(List.of(), coded(r, "PKRMAP-E306"));
    }
  }
}
