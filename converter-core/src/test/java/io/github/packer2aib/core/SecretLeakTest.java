package io.github.packer2aib.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.bind.PackerTemplates;
import io.github.packer2aib.core.bind.packer.LoadResult;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.bind.settings.SettingsBinder;
import io.github.packer2aib.core.bind.settings.SettingsResult;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.JsonRenderer;
import io.github.packer2aib.core.diag.SarifRenderer;
import io.github.packer2aib.core.diag.TextRenderer;
import io.github.packer2aib.core.diag.ValueMask;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import io.github.packer2aib.core.packer.json.PackerModelJson;
import io.github.packer2aib.core.report.ConversionReport;
import io.github.packer2aib.core.report.InputReport;
import io.github.packer2aib.core.report.ReportJson;
import io.github.packer2aib.core.report.ReportMarkdown;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * No value from a var file, {@code --var}, {@code PKR_VAR_*}, a settings file or a sensitive
 * default reaches rendered text (text and JSON diagnostics, Markdown and JSON reports), while the
 * location, the name and the caret still say what to fix. Each leak path found in the audit has a
 * case.
 */
class SecretLeakTest {
  private static final String SECRET = "hunter2";

  private static final String TEMPLATE =
      """
      variable "sp_key" {
        type      = string
        sensitive = true
      }
      variable "count" {
        type    = number
        default = 1
      }
      source "azure-arm" "x" {
        client_secret                     = var.sp_key
        subscription_id                   = "00000000-0000-0000-0000-000000000000"
        image_publisher                   = "Canonical"
        image_offer                       = "ubuntu"
        image_sku                         = "22_04-lts"
        location                          = "westeurope"
        os_type                           = "Linux"
        managed_image_name                = "x"
        managed_image_resource_group_name = "rg"
      }
      build { sources = ["source.azure-arm.x"] }
      """;

  private static ConversionResult convert(
      Map<String, String> varFiles, List<String> vars, Map<String, String> env, String template) {
    return convert("t.pkr.hcl", varFiles, vars, env, template);
  }

  /** {@code /work/<name>}, holding {@code template}, converted with these options. */
  private static ConversionResult convert(
      String name,
      Map<String, String> varFiles,
      List<String> vars,
      Map<String, String> env,
      String template) {
    MemoryFileView fs = new MemoryFileView("/work").put("/work/" + name, template);
    varFiles.forEach((file, text) -> fs.put("/work/" + file, text));
    PackerOptions options =
        new PackerOptions(
            vars,
            varFiles.keySet().stream().sorted().map(Path::of).toList(),
            env,
            Path.of("/work"),
            Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    return new PackerConversion()
        .convert(
            new PackerInput(Path.of(name), name),
            options,
            MapOptions.defaults(),
            OutputFormat.JSON,
            fs,
            true);
  }

  private static ConversionResult convertVarFile(String name, String text) {
    return convert(Map.of(name, text), List.of(), Map.of(), TEMPLATE);
  }

  private static String text(ConversionResult r) {
    Map<String, SourceFile> files = new HashMap<>();
    r.sources().forEach(f -> files.put(f.name(), f));
    return new TextRenderer(n -> Optional.ofNullable(files.get(n))).render(r.diagnostics());
  }

  /** Every rendering of a result: text, JSON and SARIF diagnostics, Markdown and JSON reports. */
  private static List<String> renderings(ConversionResult r) {
    ConversionReport report =
        new ConversionReport(List.of(InputReport.of("t.pkr.hcl", r, false, List.of())));
    return List.of(
        text(r),
        new JsonRenderer().render(r.diagnostics()),
        new SarifRenderer("1", Optional.empty()).render(r.diagnostics()),
        ReportMarkdown.render(report),
        ReportJson.render(report));
  }

  private static void assertNoSecret(ConversionResult r, String secret) {
    for (String rendered : renderings(r)) {
      assertFalse(rendered.contains(secret), () -> "the secret is in\n" + rendered);
    }
  }

  private static Diagnostic only(ConversionResult r, String code) {
    List<Diagnostic> found = r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    assertEquals(1, found.size(), () -> code + " in " + r.diagnostics());
    return found.get(0);
  }

  /**
   * What {@code inspect} shows of the template {@code /work/<name>} with {@code --var pw=hunter2}:
   * its diagnostics rendered as text and JSON, then the model as JSON (when it loaded); every one,
   * and the diagnostics as SARIF, is checked not to hold the secret in any case.
   */
  private static List<String> inspect(String name, String template) {
    return inspect(name, template, SECRET);
  }

  /** {@link #inspect(String, String)} with {@code --var pw=<secret>}. */
  private static List<String> inspect(String name, String template, String secret) {
    return inspect(name, template, "pw", secret);
  }

  /** {@link #inspect(String, String)} with {@code --var <variable>=<secret>}. */
  private static List<String> inspect(
      String name, String template, String variable, String secret) {
    MemoryFileView fs = new MemoryFileView("/work").put("/work/" + name, template);
    PackerOptions options =
        new PackerOptions(
            List.of(variable + "=" + secret),
            List.of(),
            Map.of(),
            Path.of("/work"),
            Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
    LoadResult r = PackerTemplates.load(new PackerInput(Path.of(name), name), options, fs);
    Map<String, SourceFile> files = new HashMap<>();
    r.sources().forEach(f -> files.put(f.name(), f));
    List<String> out = new ArrayList<>();
    out.add(new TextRenderer(n -> Optional.ofNullable(files.get(n))).render(r.diagnostics()));
    out.add(new JsonRenderer().render(r.diagnostics()));
    r.template().ifPresent(t -> out.add(PackerModelJson.toJson(t)));
    List<String> checked = new ArrayList<>(out); // and SARIF diagnostics, which callers ignore
    checked.add(new SarifRenderer("1", Optional.empty()).render(r.diagnostics()));
    for (String shown : checked) {
      assertFalse(
          shown.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT)),
          () -> "the secret is in\n" + shown);
    }
    return out;
  }

  /** A sensitive string variable {@code pw} and a sensitive duration {@code wait}. */
  private static final String SENSITIVE_PW =
      """
      variable "pw" {
        type      = string
        sensitive = true
      }
      variable "wait" {
        type      = string
        sensitive = true
        default   = "10s"
      }
      source "null" "a" { communicator = "none" }
      """;

  @Test
  void aShortSecretInsideAnotherValueIsNotBlamedForIt() {
    // "s" stands inside every https URL: E405 named the variable holding it for a value that
    // came from another secret only (found by the real-world triage, with placeholder values).
    ConversionResult r =
        convert(
            Map.of(),
            List.of("sp_key=" + SECRET),
            Map.of(),
            TEMPLATE.replace(
                "build { sources = [\"source.azure-arm.x\"] }",
                """
                variable "tiny" {
                  default   = "s"
                  sensitive = true
                }
                variable "token_url" {
                  default   = "https://vault.example.com/Long-Token-123"
                  sensitive = true
                }
                build {
                  sources = ["source.azure-arm.x"]
                  provisioner "shell" {
                    inline = ["curl ${var.token_url}"]
                  }
                }
                """));
    Diagnostic e405 =
        r.diagnostics().stream()
            .filter(d -> d.code().equals("PKRMAP-E405") && d.detail().contains("inline"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(r.diagnostics().toString()));
    assertTrue(
        e405.detail()
            .startsWith(
                "The value of inline comes from the sensitive variable" + " \"token_url\" and"),
        e405.detail());
  }

  @Test
  void packerReadArgumentsFromASecretAreNotShown() {
    String template =
        SENSITIVE_PW
            + """
              build {
                name        = "b-${var.pw}"
                description = var.pw
                sources     = ["source.null.a"]
                provisioner "shell-local" {
                  name         = var.pw
                  only         = [var.pw, "null.a"]
                  pause_before = var.wait
                  inline       = ["echo"]
                }
                provisioner "shell-local" {
                  except   = ["null.${var.pw}"]
                  override = { (var.pw) = { inline = ["x"] } }
                  inline   = ["echo ${build.name}"]
                }
                post-processor "shell-local" {
                  name   = upper(var.pw)
                  except = [var.pw]
                  inline = ["echo"]
                }
              }
              """;
    List<String> shown = inspect("t.pkr.hcl", template);
    String text = shown.get(0);
    assertEquals(3, shown.size(), text);
    assertTrue(
        text.contains(
            "This only entry comes from a sensitive value, which is not shown, and no source of"
                + " this build has that name, so it matches nothing. This build's sources are"
                + " named: null.a.\n"),
        text);
    assertTrue(
        text.contains("This except entry comes from a sensitive value, which is not shown"), text);
    String model = shown.get(2);
    assertTrue(
        model.contains("\"name\": \"<sensitive>\",\n      \"description\": \"<sensitive>\""),
        model);
    assertTrue(
        model.contains("\"only\": [\n            \"<sensitive>\",\n            \"null.a\"\n"),
        model);
    assertTrue(model.contains("\"except\": [\n            \"<sensitive>\"\n"), model);
    assertTrue(model.contains("\"override\": \"<sensitive>\""), model);
    assertTrue(model.contains("\"pause_before\": \"<sensitive>\""), model);
    // build.name is sensitive in the blocks' bodies.
    assertTrue(model.contains("\"inline\": [\n              \"<sensitive>\"\n"), model);
  }

  @Test
  void sourceReferencesFromASecretAreNotQuoted() {
    // Each entry is read as a reference; those that name no declared source were quoted whole.
    String template =
        SENSITIVE_PW
            + """
              build {
                sources = [var.pw, "source.null.${var.pw}", "x.null.${var.pw}"]
              }
              """;
    String text = inspect("t.pkr.hcl", template).get(0);
    assertTrue(
        text.contains(
            "This entry comes from a sensitive value, which is not shown, and is not a source"
                + " reference."),
        text);
    assertEquals(
        2,
        text.split(
                    "This build uses a source named by a sensitive value, which is not shown, and"
                        + " no source of that name is declared. The declared sources are: null.a.",
                    -1)
                .length
            - 1,
        text);
    // "x." is not "source.": Packer ignores it, but saying so would quote the rest.
    assertFalse(text.contains("PKR-W"), text);
  }

  @Test
  void aLoadThatFailsMasksTheTextOfASecretWhereverAMessageHoldsIt() {
    // alias is not sensitive, so E050 quotes its value; but that is pw's value too, and the last
    // guard (SecretMessages) masks it in a load's own messages, which inspect and a failed
    // conversion show without any mapping.
    String template =
        SENSITIVE_PW
            + """
              variable "alias" {
                type    = string
                default = "Zq-Pass-123456"
              }
              build {
                sources = [var.alias]
              }
              """;
    String text = inspect("t.pkr.hcl", template, "Zq-Pass-123456").get(0);
    assertTrue(text.contains("\"***\" is not a source reference."), text);
    String legacy =
        "{\n"
            + "  \"variables\": {\"pw\": \"\", \"alias\": \"Zq-Pass-123456\"},\n"
            + "  \"sensitive-variables\": [\"pw\"],\n"
            + "  \"builders\": [{\"type\": \"null\", \"communicator\": \"none\"}],\n"
            + "  \"provisioners\": [{\"type\": \"shell-local\",\n"
            + "    \"inline\": [\"{{ user (user `alias`) }}\"]}]\n"
            + "}\n";
    String legacyText = inspect("l.json", legacy, "Zq-Pass-123456").get(0);
    assertTrue(legacyText.contains("[GOTPL-E106]"), legacyText);
    assertTrue(legacyText.contains("\"***\""), legacyText);
  }

  @Test
  void aDynamicBlockLabelFromASecretIsRefused() {
    String template =
        """
        variable "pw" {
          type      = string
          sensitive = true
        }
        source "null" "a" {
          communicator = "none"
          dynamic "tag" {
            for_each = [var.pw, "plain"]
            labels   = [tag.value]
            content {}
          }
        }
        build { sources = ["source.null.a"] }
        """;
    String text = inspect("t.pkr.hcl", template).get(0);
    assertEquals(1, text.split("\\[PKR-E063\\]", -1).length - 1, text);
  }

  @Test
  void aGeneratedSourceNamedByASecretIsRefused() {
    // Packer 1.6.6 builds it as null.<sensitive>; a usage's name is shown in the result here.
    String template =
        SENSITIVE_PW
            + """
              build {
                dynamic "source" {
                  for_each = [var.pw]
                  labels   = ["null.a"]
                  content {
                    name = source.value
                  }
                }
              }
              """;
    List<String> shown = inspect("t.pkr.hcl", template);
    assertEquals(2, shown.size(), shown.get(0));
    assertEquals(1, shown.get(0).split("\\[PKR-E017\\]", -1).length - 1, shown.get(0));
  }

  @Test
  void secretsInGeneratedSourcesAndPostProcessorsStayMarked() {
    String template =
        SENSITIVE_PW
            + """
              build {
                dynamic "source" {
                  for_each = [var.pw]
                  labels   = ["null.a"]
                  content {
                    name     = "generated"
                    password = source.value
                  }
                }
                dynamic "post-processor" {
                  for_each = [var.pw]
                  labels   = ["shell-local"]
                  content {
                    name   = post-processor.value
                    inline = ["echo ${post-processor.value}"]
                  }
                }
                dynamic "post-processors" {
                  for_each = { (var.pw) = 1 }
                  content {
                    post-processor "shell-local" {
                      inline = [post-processors.key]
                    }
                  }
                }
              }
              """;
    List<String> shown = inspect("t.pkr.hcl", template);
    assertEquals(3, shown.size(), shown.get(0));
    String model = shown.get(2);
    assertTrue(model.contains("\"password\": \"<sensitive>\""), model);
    assertTrue(model.contains("\"name\": \"<sensitive>\""), model);
    assertEquals(3, model.split("\"<sensitive>\"\n", -1).length - 1, model);
  }

  @Test
  void aSecretThatIsNoDurationIsNotQuoted() {
    String template =
        SENSITIVE_PW
            + """
              build {
                sources = ["source.null.a"]
                provisioner "shell-local" {
                  pause_before = var.pw
                  timeout      = "${var.pw}s"
                  inline       = ["echo"]
                }
              }
              """;
    String text = inspect("t.pkr.hcl", template).get(0);
    assertEquals(2, text.split("\\[PKR-E", -1).length - 1, text);
    assertTrue(
        text.contains(
            "The value of pause_before comes from a sensitive value, which is not shown, and is"
                + " not a duration. Write a number followed by a unit"),
        text);
  }

  /** An azure-arm source {@code x} of {@link #TEMPLATE} with a sensitive {@code pw}. */
  private static final String AZURE_PW =
      TEMPLATE
          .replace("build { sources = [\"source.azure-arm.x\"] }\n", "")
          .replace("  client_secret                     = var.sp_key\n", "")
          .replace("variable \"sp_key\"", "variable \"pw\"");

  /** {@code convert} of {@code template} with {@code --var pw=hunter2}, checked for the secret. */
  private static ConversionResult convertPw(String template) {
    ConversionResult r = convert(Map.of(), List.of("pw=" + SECRET), Map.of(), template);
    for (String rendered : renderings(r)) {
      assertFalse(
          rendered.toLowerCase(Locale.ROOT).contains(SECRET),
          () -> "the secret is in\n" + rendered);
    }
    for (ConvertedTemplate t : r.templates()) {
      assertFalse(t.name().contains(SECRET), t.name());
      assertFalse(t.text().toLowerCase(Locale.ROOT).contains(SECRET), t.text());
    }
    return r;
  }

  @Test
  void filtersFromASecretAreNotQuotedByTheMapper() {
    ConversionResult r =
        convertPw(
            AZURE_PW
                + """
                  build {
                    sources = ["source.azure-arm.x"]
                    provisioner "shell" {
                      only   = ["azure-arm.${var.pw}"]
                      inline = ["echo one"]
                    }
                    provisioner "shell" {
                      override = { (var.pw) = { inline = ["echo x"] } }
                      inline   = ["echo two"]
                    }
                  }
                  """);
    assertEquals(1, r.templates().size(), () -> text(r));
    assertEquals(
        "This only entry comes from a sensitive value, which is not shown, and no source of this"
            + " build has that name, so it matches nothing. This build's sources are named:"
            + " azure-arm.x. As no only entry names one of its sources, Packer runs this shell"
            + " provisioner for none of them, so it is left out of the image template.",
        only(r, "PKR-W056").detail());
    // Said once, by the binder at the entry: the mapper no longer repeats it at the block.
    assertTrue(r.diagnostics().stream().noneMatch(d -> d.code().equals("PKRMAP-W005")));
    assertEquals(
        "An override key of the shell provisioner comes from a sensitive value, which is not"
            + " shown, and matches no source of this build, so Packer ignores it. Override keys"
            + " are source names without the type.",
        only(r, "PKRMAP-W006").detail());
  }

  @Test
  void credentialsWrittenOutAreSecretsLikeSensitiveVariables() {
    // No variable is involved: the names say these hold credentials, and the mapper's note about
    // each quotes its line. (SecretScrubber's patterns know client_secret and *password, not
    // these.)
    String template =
        AZURE_PW.replace(
                "  os_type                           = \"Linux\"\n",
                "  os_type                           = \"Linux\"\n"
                    + "  azure_ad_secret = \"hunter2\"\n"
                    + "  ssh_private_key = \"hunter2\"\n"
                    + "  ssh_private_key_file = \"keys/id_rsa\"\n")
            + """
              build {
                sources = ["source.azure-arm.x"]
                provisioner "shell" {
                  inline        = ["echo one"]
                  sudo_password = "Hunter2"
                }
              }
              """;
    // sudo_password is no field of the shell provisioner, so Packer refuses the template and so
    // does the converter (PKRMAP-E128): its error quotes the line, masked; the template without
    // it is converted.
    ConversionResult refused = convertPw(template);
    assertEquals(0, refused.templates().size(), text(refused));
    assertTrue(text(refused).contains(" |     sudo_password = \"***\"\n"), text(refused));
    ConversionResult r = convertPw(template.replace("    sudo_password = \"Hunter2\"\n", ""));
    String text = text(r);
    assertEquals(1, r.templates().size(), text);
    assertTrue(text.contains(" |   azure_ad_secret = \"***\"\n"), text);
    assertTrue(text.contains(" |   ssh_private_key = \"***\"\n"), text);
    // A path to a key is no secret, and the reader needs it.
    assertTrue(text.contains(" |   ssh_private_key_file = \"keys/id_rsa\"\n"), text);
    String model = inspect("t.pkr.hcl", template).get(2);
    assertTrue(model.contains("\"azure_ad_secret\": \"<sensitive>\""), model);
    assertTrue(model.contains("\"sudo_password\": \"<sensitive>\""), model);
    assertTrue(model.contains("\"ssh_private_key_file\": \"keys/id_rsa\""), model);

    String legacy =
        "{\n"
            + "  \"builders\": [{\"type\": \"null\", \"communicator\": \"ssh\",\n"
            + "    \"ssh_password\": \"hunter2\", \"client_secret\": \"{{user `cs`}}\"}],\n"
            + "  \"variables\": {\"cs\": \"x\"}\n"
            + "}\n";
    String legacyModel = inspect("l.json", legacy).get(2);
    assertTrue(legacyModel.contains("\"ssh_password\": \"<sensitive>\""), legacyModel);
    assertTrue(legacyModel.contains("\"client_secret\": \"<sensitive>\""), legacyModel);
  }

  @Test
  void aMisspeltCredentialSettingIsRefusedAndItsValueMasked() {
    // Packer refuses client_secert and winrm_pasword (PKRMAP-E128, "Did you mean"), but the value
    // is the credential all the same: its line was quoted in clear (review). clent_secret ends in
    // _secret, so its name said so already; it is refused now too, not dropped as a credential.
    for (String name : List.of("client_secert", "clent_secret", "winrm_pasword")) {
      String template =
          AZURE_PW.replace(
                  "  os_type                           = \"Linux\"\n",
                  "  os_type                           = \"Linux\"\n"
                      + "  "
                      + name
                      + " = \"hunter2\"\n")
              + "build { sources = [\"source.azure-arm.x\"] }\n";
      ConversionResult r = convertPw(template);
      Diagnostic refused = only(r, "PKRMAP-E128");
      assertTrue(refused.detail().contains("Did you mean"), refused::detail);
      assertTrue(text(r).contains(" |   " + name + " = \"***\"\n"), text(r));
      assertEquals(0, r.templates().size(), text(r));
      String model = inspect("t.pkr.hcl", template).get(2);
      assertTrue(model.contains("\"" + name + "\": \"<sensitive>\""), model);

      String legacy =
          "{\"builders\": [{\"type\": \"azure-arm\", \""
              + name
              + "\": \"hunter2\",\n"
              + "  \"os_type\": \"Linux\"}]}\n";
      String legacyModel = inspect("l.json", legacy).get(2);
      assertTrue(legacyModel.contains("\"" + name + "\": \"<sensitive>\""), legacyModel);
    }
  }

  @Test
  void variablesNamedAsCredentialsAreSecretWhetherDeclaredSensitiveOrNot() {
    // The classic template declares variable "client_secret" {} without sensitive = true; its
    // value is a credential all the same, as the values of the settings of those names are.
    String hcl =
        """
        variable "admin_password" {
          type = string
        }
        variable "db_password" {
          type    = number
          default = "hunter2"
        }
        source "null" "a" { communicator = "none" }
        build {
          sources = ["source.null.a"]
          provisioner "shell-local" {
            inline = ["echo ${var.admin_password}"]
          }
        }
        """;
    String shown = inspect("t.pkr.hcl", hcl, "admin_password", "hunter2").get(0);
    // The default's line is masked as a sensitive default's, and the type error hides its details.
    assertTrue(shown.contains("  6 |   default = \"***\"\n"), shown);
    assertTrue(shown.contains("(details hidden: the variable is sensitive)"), shown);
    String model =
        inspect(
                "t.pkr.hcl",
                hcl.replace("default = \"hunter2\"", "default = 1"),
                "admin_password",
                SECRET)
            .get(2);
    assertTrue(
        model.contains(
            "\"name\": \"admin_password\",\n      \"type\": \"string\",\n"
                + "      \"value\": \"<sensitive>\",\n      \"sensitive\": false,"),
        model);
    ConversionResult r =
        convert(
            Map.of(),
            List.of("admin_password=" + SECRET),
            Map.of(),
            AZURE_PW
                    .replace("variable \"pw\"", "variable \"admin_password\"")
                    .replace("  sensitive = true\n", "")
                + """
                  build {
                    sources = ["source.azure-arm.x"]
                    provisioner "shell" {
                      environment_vars = ["PW=${var.admin_password}"]
                      inline           = ["echo"]
                    }
                  }
                  """);
    assertNoSecret(r, SECRET);
    assertTrue(r.templates().isEmpty(), () -> text(r));
    assertTrue(
        only(r, "PKRMAP-E405")
            .detail()
            .endsWith(
                "or, if the value is not secret, rename the variable \"admin_password\", whose"
                    + " name says it holds a credential, which is kept secret whether or not it is"
                    + " declared sensitive."),
        () -> text(r));

    String legacy =
        "{\n"
            + "  \"variables\": {\"vault_token\": \"\"},\n"
            + "  \"builders\": [{\"type\": \"null\", \"communicator\": \"none\"}],\n"
            + "  \"provisioners\": [{\"type\": \"shell-local\",\n"
            + "    \"inline\": [\"echo {{user `vault_token`}}\"]}]\n"
            + "}\n";
    List<String> legacyShown = inspect("l.json", legacy, "vault_token", SECRET);
    assertTrue(legacyShown.get(2).contains("\"value\": \"<sensitive>\""), legacyShown::toString);
  }

  @Test
  void aCredentialSettingsValueUsedElsewhereWithholdsTheTemplate() {
    // client_secret from a plain variable that also names the image: the credential setting was
    // dropped (N104), but its value reached imageId and runOutputName (legacy review).
    String secret = SECRET + "-client"; // the final scan looks for 8 characters or more
    String legacy =
        "{\"variables\": {\"cs\": \""
            + secret
            + "\"}, \"builders\": [{\"type\": \"azure-arm\", \"os_type\": \"Linux\","
            + " \"subscription_id\": \"00000000-0000-0000-0000-000000000001\","
            + " \"location\": \"westeurope\", \"client_id\": \"id\","
            + " \"client_secret\": \"{{user `cs`}}\", \"image_publisher\": \"Canonical\","
            + " \"image_offer\": \"ubuntu\", \"image_sku\": \"22_04-lts\","
            + " \"managed_image_name\": \"img-{{user `cs`}}\","
            + " \"managed_image_resource_group_name\": \"rg\"}]}";
    ConversionResult r = convert("t.json", Map.of(), List.of(), Map.of(), legacy);
    assertTrue(r.templates().isEmpty(), () -> text(r));
    assertTrue(
        only(r, "PKRMAP-E405").detail().contains("\"cs\" is the value of client_secret"),
        () -> text(r));
    assertTrue(!text(r).contains(secret), () -> text(r));
    // inspect shows every string that holds it as <sensitive> (the variable, the image name).
    List<String> shown = inspect("t.json", legacy, "unused", "zzqq-not-in-it");
    assertTrue(shown.stream().noneMatch(o -> o.contains(secret)), shown::toString);

    // Changed by a function on the way ({{user `cs` | lower}}): no text of it stands in the image
    // name, and only the variable's mark finds it (leak review).
    String lowered = legacy.replace("img-{{user `cs`}}", "img-{{user `cs` | lower}}");
    ConversionResult l = convert("t.json", Map.of(), List.of(), Map.of(), lowered);
    assertTrue(l.templates().isEmpty(), () -> text(l));
    assertEquals(
        1,
        l.diagnostics().stream().filter(d -> d.code().equals("PKRMAP-E405")).count(),
        () -> text(l));
    String low = secret.toLowerCase(java.util.Locale.ROOT);
    assertTrue(!text(l).contains(low), () -> text(l));
    List<String> shownLow = inspect("t.json", lowered, "unused", "zzqq-not-in-it");
    assertTrue(shownLow.stream().noneMatch(o -> o.contains(low)), shownLow::toString);
  }

  @Test
  void aCredentialSettingsVariableChangedByAFunctionIsSecret() {
    // HCL2: client_secret = var.cs with cs a plain variable, and upper(var.cs), base64encode and
    // substr of it in tags and a command: the texts alone found only the unchanged value, so all
    // three were written (leak review). The loader now marks cs as sensitive.
    String secret = SECRET + "-client";
    String template =
        "variable \"cs\" {\n  default = \""
            + secret
            + "\"\n}\n"
            + """
              source "azure-arm" "x" {
                client_secret                     = var.cs
                subscription_id                   = "00000000-0000-0000-0000-000000000000"
                image_publisher                   = "Canonical"
                image_offer                       = "ubuntu"
                image_sku                         = "22_04-lts"
                location                          = "westeurope"
                os_type                           = "Linux"
                managed_image_name                = "x"
                managed_image_resource_group_name = "rg"
                azure_tags = { a = upper(var.cs), b = base64encode(var.cs) }
              }
              build {
                sources = ["source.azure-arm.x"]
                provisioner "shell" {
                  inline = ["echo ${substr(var.cs, 0, 7)}"]
                }
              }
              """;
    ConversionResult r = convert(Map.of(), List.of(), Map.of(), template);
    assertTrue(r.templates().isEmpty(), () -> text(r));
    List<Diagnostic> refused =
        r.diagnostics().stream().filter(d -> d.code().equals("PKRMAP-E405")).toList();
    // One at each tag (a map written out: each member that holds it) and one at the command.
    assertEquals(3, refused.size(), () -> text(r));
    for (Diagnostic d : refused) {
      assertTrue(d.detail().contains("\"cs\" is the value of client_secret"), d::detail);
    }
    for (String form :
        List.of(
            secret,
            secret.toUpperCase(java.util.Locale.ROOT),
            java.util.Base64.getEncoder().encodeToString(secret.getBytes(UTF_8)),
            secret.substring(0, 7))) {
      assertNoSecret(r, form);
    }
  }

  @Test
  void aSecretChangedByAFunctionNamesItsCandidates() {
    // sha256(local.key): no text of the secret stands in the command, so the message named no
    // variable at all (HCL2 review); now the sensitive variables and locals, being few.
    String template =
        TEMPLATE.replace("build { sources = [\"source.azure-arm.x\"] }\n", "")
            + """
              local "key" {
                expression = "k-${var.count}-secret-text"
                sensitive  = true
              }
              build {
                sources = ["source.azure-arm.x"]
                provisioner "shell" {
                  inline = ["echo ${sha256(local.key)}"]
                }
              }
              """;
    ConversionResult r = convert(Map.of(), List.of("sp_key=" + SECRET), Map.of(), template);
    assertTrue(r.templates().isEmpty(), () -> text(r));
    String detail = only(r, "PKRMAP-E405").detail();
    assertTrue(
        detail.contains(
            "comes from a sensitive variable or local (\"sp_key\" or \"key\"; an expression"
                + " changed the value on the way, so it cannot be told which)"),
        detail);
    assertTrue(!text(r).contains(SECRET), () -> text(r));
  }

  @Test
  void anArmTemplateWithSecureParametersThatDoesNotParseIsQuotedWithItsValuesMasked() {
    // A password with a backslash ("\\q" is no JSON escape) is the error's own line, and it was
    // quoted as written; the credential pattern masked {"type": of the line before (review).
    String arm =
        """
        {
          "parameters": {
            "adminPassword": {"type": "securestring", "defaultValue": "ArmSecret1\\q"},
            "other": {
              "type": "secureString",
              "defaultValue": "ArmSecret2", "defaultValue": "ArmSecret2"
            }
          },
          "resources": []
        }
        """;
    ConversionResult r =
        new Converter().validate(new SourceFile("arm.json", arm), ConvertOptions.defaults());
    assertTrue(r.diagnostics().stream().anyMatch(Diagnostic::isError), () -> text(r));
    assertTrue(r.sources().get(0).holdsValues(), () -> text(r));
    assertNoSecret(r, "ArmSecret");
    assertTrue(text(r).contains("\"adminPassword\": ***"), () -> text(r));
  }

  @Test
  void theDefaultsOfSecureParametersOfAnArmTemplateThatParsesAreMasked() {
    // Only a template that did not parse was masked: a lone surrogate's warning (JSON-W101) on a
    // default's own line, the layout formatters write, quoted the password (review arm.md 6). A
    // message that holds a default's text (decoded: the line escapes its S) is masked too.
    String distribute =
        """
        {"type": "ManagedImage", "imageId": "%s", "location": "westeurope",
         "runOutputName": "Hunter2Secret7"}"""
            .formatted(
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
                    + "Microsoft.Compute/images/img");
    String arm =
        """
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "adminPassword": {
      "type": "securestring",
      "defaultValue": "ArmSecret1\\ud800"
    },
    "runName": {
      "type": "SecureString",
      "defaultValue": "Hunter2\\u0053ecret7"
    },
    "settings": {
      "type": "secureObject",
      "defaultValue": {
        "key": "ArmSecret3\\ud800"
      }
    }
  },
  "resources": [{
    "type": "Microsoft.VirtualMachineImages/imageTemplates",
    "apiVersion": "2022-07-01",
    "name": "it1",
    "location": "westeurope",
    "identity": {"type": "UserAssigned", "userAssignedIdentities": {"%s": {}}},
    "properties": {
      "source": {"type": "PlatformImage", "publisher": "Canonical", "offer": "o",
                 "sku": "s", "version": "latest"},
      "customize": [{"type": "Shell", "name": "s", "inline": ["echo hi"]}],
      "distribute": [%s, %s]
    }
  }]
}
"""
            .formatted(
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
                    + "Microsoft.ManagedIdentity/userAssignedIdentities/id",
                distribute,
                distribute.replace("images/img", "images/img2"));
    ConversionResult r =
        new Converter().validate(new SourceFile("arm.json", arm), ConvertOptions.defaults());
    String shown = text(r);
    assertEquals(
        List.of("JSON-W101", "JSON-W101", "RULE-E302"),
        r.diagnostics().stream().map(Diagnostic::code).sorted().toList(),
        shown);
    assertTrue(shown.contains("7 |       \"defaultValue\": \"***\""), shown);
    assertTrue(shown.contains("16 |         \"key\": \"***\""), shown);
    assertTrue(shown.contains("The runOutputName \"***\" is already used"), shown);
    assertNoSecret(r, "ArmSecret");
    // The runOutputName's own line holds a copy of the default written out, masked where it is
    // quoted as the default is (it showed the copy); no message holds it either.
    assertTrue(shown.contains("  32 |  \"runOutputName\": \"***\"}]"), shown);
    assertNoSecret(r, "Hunter2Secret7");
  }

  @Test
  void aSecureDefaultWithAShortWordIsMaskedWholeInMessagesAboutOtherLines() {
    // The word-wise mask of the default's source text ran first: it masks words of 8 characters
    // or more in every message and shorter ones only near their own line, so a pattern error at
    // an alias of the default showed "abc1234 ***", where the whole text was then found no more
    // (review 30 yaml.md 1).
    for (String value : List.of("abc1234 defghijk", "Hunter2 SuperSecret!", "P@ss w0rd-is-long")) {
      String arm =
          """
          $schema: https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#
          contentVersion: 1.0.0.0
          parameters:
            adminPw:
              type: securestring
              defaultValue: &pw "%s"
          resources:
            - type: Microsoft.VirtualMachineImages/imageTemplates
              apiVersion: 2024-02-01
              name: sec
              location: westeurope
              identity:
                type: UserAssigned
                userAssignedIdentities:
                  %s: {}
              properties:
                source:
                  type: PlatformImage
                  publisher: Canonical
                  offer: 0001-com-ubuntu-server-jammy
                  sku: 22_04-lts-gen2
                  version: latest
                customize:
                  - type: Shell
                    name: s
                    inline:
                      - echo hi
                distribute:
                  - type: ManagedImage
                    imageId: %s
                    location: westeurope
                    runOutputName: *pw
          """
              .formatted(
                  value,
                  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
                      + "Microsoft.ManagedIdentity/userAssignedIdentities/id",
                  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
                      + "Microsoft.Compute/images/x");
      ConversionResult r =
          new Converter().validate(new SourceFile("arm.yaml", arm), ConvertOptions.defaults());
      Diagnostic pattern = only(r, "SPEC-E112");
      assertTrue(
          pattern.detail().startsWith("The value \"***\" of \"runOutputName\""), pattern::detail);
      String shortWord = value.substring(0, value.indexOf(' '));
      assertNoSecret(r, shortWord);
      assertNoSecret(r, value.substring(value.indexOf(' ') + 1));
    }
  }

  /** An ARM deployment template in YAML with the given parameters and image template resource. */
  private static String armYaml(String parameters, String tags, String customize) {
    return """
        $schema: https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#
        contentVersion: 1.0.0.0
        parameters:
        %s
        resources:
          - type: Microsoft.VirtualMachineImages/imageTemplates
            apiVersion: 2024-02-01
            name: sec
            location: westeurope
            tags: %s
            identity:
              type: UserAssigned
              userAssignedIdentities:
                %s: {}
            properties:
              source:
                type: PlatformImage
                publisher: Canonical
                offer: 0001-com-ubuntu-server-jammy
                sku: 22_04-lts-gen2
                version: latest
              customize:
        %s
              distribute:
                - type: ManagedImage
                  imageId: %s
                  location: westeurope
                  runOutputName: r
        """
        .formatted(
            parameters.indent(2).stripTrailing(),
            tags,
            ARM_IDENTITY,
            customize.indent(8).stripTrailing(),
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
                + "Microsoft.Compute/images/x");
  }

  private static final String ARM_IDENTITY =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
          + "Microsoft.ManagedIdentity/userAssignedIdentities/id";

  /** The diagnostics of {@code code} in {@code r}, each as "line:column path". */
  private static List<String> places(ConversionResult r, String code) {
    return r.diagnostics().stream()
        .filter(d -> d.code().equals(code))
        .map(
            d ->
                d.subject().map(s -> s.start().line() + ":" + s.start().column()).orElse("-")
                    + " "
                    + d.path().orElse("-"))
        .toList();
  }

  @Test
  void aSecureDefaultThatAYamlAliasCopiesIntoTheResourceWithholdsTheTemplate() {
    // The Packer path's final scan (PKRMAP-E405) had no counterpart in the ARM path: an alias of
    // a securestring's default wrote the password into the converted file (review 30, armsecret).
    String arm =
        armYaml(
            """
            adminPw:
              type: securestring
              defaultValue: &pw "correct horse battery"
            settings:
              type: secureObject
              defaultValue: &tags
                owner: team-secret-42
            """,
            "*tags",
            """
            - type: Shell
              name: *pw
              inline:
                - echo hi
                - *pw
            """);
    for (OutputFormat format : OutputFormat.values()) {
      ConversionResult r =
          new Converter()
              .convert(
                  new SourceFile("arm.yaml", arm), ConvertOptions.defaults().withFormat(format));
      assertTrue(r.templates().isEmpty(), () -> text(r));
      // At the alias that writes each value (for a default object's member: its alias, not
      // the default it stands in), with the JSON pointer of the value written.
      assertEquals(
          List.of(
              "16:11 /resources/0/tags/owner",
              "30:17 /resources/0/properties/customize/0/name",
              "33:15 /resources/0/properties/customize/0/inline/1"),
          places(r, "BIND-E005"),
          () -> text(r));
      List<Diagnostic> errors =
          r.diagnostics().stream().filter(d -> d.code().equals("BIND-E005")).toList();
      assertTrue(
          errors
              .get(0)
              .detail()
              .startsWith(
                  "The value of \"owner\" holds the text of the default of the secure parameter"
                      + " \"settings\""),
          errors.get(0)::detail);
      assertTrue(
          errors.get(0).detail().endsWith("declare the parameter as object."),
          errors.get(0)::detail);
      assertTrue(
          errors
              .get(1)
              .detail()
              .startsWith(
                  "The value of \"name\" holds the text of the default of the secure parameter"
                      + " \"adminPw\""),
          errors.get(1)::detail);
      assertTrue(
          errors.get(1).detail().contains("Write \"[parameters('adminPw')]\" there instead"),
          errors.get(1)::detail);
      assertTrue(
          errors.get(2).detail().startsWith("Item 2 of \"inline\" holds the text of the default"),
          errors.get(2)::detail);
      assertEquals("secure parameter \"adminPw\"", errors.get(2).related().get(0).label());
      assertEquals(4, errors.get(2).related().get(0).range().start().line());
      assertNoSecret(r, "correct horse battery");
      assertNoSecret(r, "team-secret-42");
    }
  }

  @Test
  void aSecureDefaultWrittenOutByHandWithholdsTheTemplateAndIsMaskedWhereItIsQuoted() {
    // A copy pasted by hand is the same secret: the Packer path's scan counts literals too, also
    // inside a longer string (a command). The copy's own line is masked where a diagnostic
    // quotes it, as the default's is: the error about it quoted the password on stderr.
    String arm =
        """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "parameters": {
            "adminPw": {"type": "securestring", "defaultValue": "Hunter2SuperSecret"}
          },
          "resources": [{
            "type": "Microsoft.VirtualMachineImages/imageTemplates",
            "apiVersion": "2024-02-01",
            "name": "sec",
            "location": "westeurope",
            "tags": {"Hunter2SuperSecret-tag": "x"},
            "identity": {"type": "UserAssigned", "userAssignedIdentities": {"%s": {}}},
            "properties": {
              "source": {"type": "PlatformImage", "publisher": "Canonical",
                         "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2",
                         "version": "latest"},
              "customize": [{"type": "Shell", "name": "Hunter2SuperSecret",
                             "inline": ["echo hi", "echo 'Hunter2SuperSecret' > /tmp/pw"]}],
              "distribute": [{"type": "ManagedImage", "imageId": "%s",
                              "location": "westeurope", "runOutputName": "r"}]
            }
          }]
        }
        """
            .formatted(
                ARM_IDENTITY,
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
                    + "Microsoft.Compute/images/x");
    ConversionResult r =
        new Converter().convert(new SourceFile("arm.json", arm), ConvertOptions.defaults());
    assertTrue(r.templates().isEmpty(), () -> text(r));
    // A key is reported at the object that holds it: its pointer would spell the secret.
    assertEquals(
        List.of(
            "12:14 /resources/0/tags",
            "18:47 /resources/0/properties/customize/0/name",
            "19:44 /resources/0/properties/customize/0/inline/1"),
        places(r, "BIND-E005"),
        () -> text(r));
    String text = text(r);
    assertTrue(text.contains("  12 |     \"tags\": {\"***\": \"x\"},\n"), text);
    assertTrue(
        text.contains("  19 |                      \"inline\": [\"echo hi\", \"***\"]}],\n"), text);
    assertTrue(text.contains("A key of \"tags\" holds the text of the default"), text);
    assertNoSecret(r, "Hunter2SuperSecret");
  }

  @Test
  void aShortSecureDefaultAReferenceToTheParameterAndValidateKeepTheTemplate() {
    // Shorter texts stand in harmless values by chance, as for the Packer path's scan; a value
    // that refers to the parameter passes it on to the deployment; validate writes no template.
    String arm =
        armYaml(
            """
            adminPw:
              type: securestring
              defaultValue: &pw "correct horse battery"
            short:
              type: securestring
              defaultValue: &s abc1234
            """,
            "{}",
            """
            - type: Shell
              name: *s
              inline:
                - "[parameters('adminPw')]"
            """);
    ConversionResult converted =
        new Converter().convert(new SourceFile("arm.yaml", arm), ConvertOptions.defaults());
    assertEquals(1, converted.templates().size(), () -> text(converted));
    assertTrue(
        converted.templates().get(0).text().contains("\"[parameters('adminPw')]\""),
        converted.templates().get(0)::text);
    assertEquals(List.of(), places(converted, "BIND-E005"));

    String aliased = arm.replace("- \"[parameters('adminPw')]\"", "- *pw");
    ConversionResult validated =
        new Converter().validate(new SourceFile("arm.yaml", aliased), ConvertOptions.defaults());
    assertEquals(List.of(), places(validated, "BIND-E005"), () -> text(validated));
    assertNoSecret(validated, "correct horse battery");
  }

  @Test
  void aSecureDefaultWrittenWithArmsEscapeIsMaskedAsTheLiteralItStandsFor() {
    // The BIND-N003 note says what "[[…]" is written as, the default without its first "[":
    // the masking looked for the default as written, and the note showed the secret.
    String arm =
        armYaml(
            """
            adminPw:
              type: securestring
              defaultValue: "[[escaped-secret-1]"
            """,
            "{}",
            """
            - type: Shell
              name: s
              inline:
                - "[[escaped-secret-1]"
            """);
    ConversionResult r =
        new Converter().convert(new SourceFile("arm.yaml", arm), ConvertOptions.defaults());
    assertTrue(r.templates().isEmpty(), () -> text(r));
    assertEquals(1, places(r, "BIND-N003").size(), () -> text(r));
    assertEquals(
        List.of("28:15 /resources/0/properties/customize/0/inline/0"),
        places(r, "BIND-E005"),
        () -> text(r));
    assertNoSecret(r, "escaped-secret-1");
  }

  @Test
  void anIdentityGivenAsAnOptionIsNoCopyOfASecureDefault() {
    // What the user passes as an option is theirs to publish, as in the Packer path's scan.
    String arm =
        armYaml(
            """
            ids:
              type: secureObject
              defaultValue:
                id: %s
            """
                .formatted(ARM_IDENTITY),
            "{}",
            """
            - type: Shell
              name: s
              inline:
                - echo hi
            """);
    String noIdentity = arm.replaceAll("(?s)    identity:.*?: \\{}\n", "");
    ConversionResult r =
        new Converter()
            .convert(
                new SourceFile("arm.yaml", noIdentity),
                ConvertOptions.defaults().withIdentity(ARM_IDENTITY));
    assertEquals(1, r.templates().size(), () -> text(r));
  }

  @Test
  void aCredentialTextWithAShortWordIsMaskedWholeInAMessageAboutAnotherLine() {
    // The same order in a Packer conversion: the credential's words of 8 characters or more were
    // masked first in the message about managed_image_name, which showed "abc1234 ***".
    for (String value : List.of("abc1234 defghijk", "Hunter2 SuperSecret!", "P@ss w0rd-is-long")) {
      String shortWord = value.substring(0, value.indexOf(' '));
      String rest = value.substring(value.indexOf(' ') + 1);
      String template =
          TEMPLATE
              .replace("= var.sp_key", "= \"" + value + "\"")
              .replace(
                  "managed_image_name                = \"x\"",
                  "managed_image_name                = \"${\"" + shortWord + "\"} " + rest + "\"");
      ConversionResult r = convert(Map.of(), List.of("sp_key=unused"), Map.of(), template);
      Diagnostic invalid = only(r, "PKRMAP-E106");
      assertTrue(invalid.detail().contains("but it is \"***\""), invalid::detail);
      // The quoted line shows the template's own text, which holds the value split in two.
      for (String rendered : renderings(r).subList(1, 5)) {
        assertFalse(rendered.contains(shortWord), rendered);
        assertFalse(rendered.contains(rest), rendered);
      }
    }
  }

  @Test
  void aLoadMessageMasksACredentialTextWithAShortWordWhole() {
    // The loader's order was the same: a source reference built from the credential's text in
    // two parts was quoted as "abc1234 ***", on stderr and in inspect's diagnostics.
    for (String value : List.of("abc1234 defghijk", "Hunter2 SuperSecret!", "P@ss w0rd-is-long")) {
      String shortWord = value.substring(0, value.indexOf(' '));
      String rest = value.substring(value.indexOf(' ') + 1);
      String template =
          TEMPLATE
              .replace("= var.sp_key", "= \"" + value + "\"")
              .replace(
                  "build { sources = [\"source.azure-arm.x\"] }",
                  "locals {\n  n = \"${\""
                      + shortWord
                      + "\"} "
                      + rest
                      + "\"\n}\nbuild { sources = [\"source.azure-arm.x\", local.n] }");
      MemoryFileView fs = new MemoryFileView("/work").put("/work/t.pkr.hcl", template);
      PackerOptions options =
          new PackerOptions(
              List.of("sp_key=unused"),
              List.of(),
              Map.of(),
              Path.of("/work"),
              Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z")));
      LoadResult r =
          PackerTemplates.load(new PackerInput(Path.of("t.pkr.hcl"), "t.pkr.hcl"), options, fs);
      List<Diagnostic> invalid =
          r.diagnostics().stream().filter(d -> d.code().equals("PKR-E050")).toList();
      assertEquals(1, invalid.size(), r.diagnostics()::toString);
      assertTrue(invalid.get(0).detail().startsWith("\"***\" is not a source reference"));
      String json = new JsonRenderer().render(r.diagnostics());
      assertFalse(json.contains(shortWord), json);
      assertFalse(json.contains(rest), json);
    }
  }

  @Test
  void aLocationBuiltFromASecretIsFoundInTheLowerCaseTheRegionNameIsWrittenIn() {
    // conn is no secret of its own (its default is more than env()), but holds the text of
    // sp_secret; the location is written in lower case, which the final scan for the text as
    // written missed: the template was written with "hunter2hunter2@login", and the note about the
    // rewrite quoted it (review inspect.md 2). A region-shaped value, since a location that is no
    // region name at all is refused (PKRMAP-E106) before the scan.
    String template =
        TEMPLATE
                .replace("variable \"sp_key\"", "variable \"unused\"")
                .replace("  client_secret                     = var.sp_key\n", "")
                .replace("\"westeurope\"", "var.conn")
            + """
              variable "sp_secret" {
                type      = string
                default   = env("SP_SECRET")
                sensitive = true
              }
              variable "conn" {
                type    = string
                default = "${env("SP_SECRET")} West"
              }
              """;
    ConversionResult r =
        convert(Map.of(), List.of("unused=x"), Map.of("SP_SECRET", "Hunter2Hunter2"), template);
    assertTrue(r.templates().isEmpty(), () -> text(r));
    assertTrue(
        only(r, "PKRMAP-E405").detail().contains("would contain the value of"), () -> text(r));
    assertTrue(
        only(r, "PKRMAP-N118")
            .detail()
            .startsWith("location = \"*** West\" is written as \"***west\""),
        () -> text(r));
    for (String rendered : renderings(r)) {
      assertFalse(
          rendered.toLowerCase(Locale.ROOT).contains("hunter2hunter2"),
          () -> "the secret is in\n" + rendered);
    }
  }

  /** The line {@code number} of the source {@code name} of {@code r} as a diagnostic quotes it. */
  private static String quoted(ConversionResult r, String name, int number) {
    SourceFile f =
        r.sources().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    return ValueMask.needed(f) ? ValueMask.line(f, number).text() : f.line(number);
  }

  @Test
  void aSecretDefaultWrittenAsAReferenceIsQuotedAsWrittenAndALiteralOneMasked() {
    // default = "${var.ARM_CLIENT_SECRET}" (a corpus template) was quoted as default = "***"
    // under "Variables not allowed", the caret under the mask: the reference is what is wrong,
    // and no value (review audit.md 5). Literal text, and a comment that may keep an old value,
    // stay masked.
    String template =
        """
        variable "client_secret" {
          type    = string
          default = "${var.ARM_CLIENT_SECRET}"
        }
        variable "admin_password" {
          type    = string
          default = "Literal-Pw-1"
        }
        variable "sp_token" {
          type    = string
          default = "Prefix-Pw-3${var.other}"
        }
        variable "vault_token" {
          type    = string
          default = "${var.other}" # was Old-Pw-2
        }
        local "key" {
          expression = "${var.admin_password}"
          sensitive  = true
        }
        """;
    ConversionResult r = convert(Map.of(), List.of(), Map.of(), template);
    String shown = text(r);
    assertTrue(
        shown.contains(
            "  3 |   default = \"${var.ARM_CLIENT_SECRET}\"\n"
                + "    |                ^~~~~~~~~~~~~~~~~~~~~\n"),
        shown);
    assertEquals("  default = \"***\"", quoted(r, "t.pkr.hcl", 7));
    assertEquals("  default = \"***\"", quoted(r, "t.pkr.hcl", 11));
    assertEquals("  default = \"***\" # ***", quoted(r, "t.pkr.hcl", 15));
    assertEquals("  expression = \"${var.admin_password}\"", quoted(r, "t.pkr.hcl", 18));
    assertNoSecret(r, "Pw-");

    // A legacy default that only reads the environment: {{env `ARM_CLIENT_SECRET`}} was quoted as
    // "***" under the note about that very call.
    String legacy =
        """
        {
          "variables": {
            "client_secret": "{{env `ARM_CLIENT_SECRET`}}",
            "admin_password": "Literal-Pw-1{{env `SUFFIX`}}",
            "vault_token": "{{env `VAULT_TOKEN`}}" // was Old-Pw-2
          },
          "builders": [{"type": "null", "communicator": "none"}]
        }
        """;
    ConversionResult l = convert("t.json", Map.of(), List.of(), Map.of(), legacy);
    assertEquals("    \"client_secret\": \"{{env `ARM_CLIENT_SECRET`}}\",", quoted(l, "t.json", 3));
    assertEquals("    \"admin_password\": \"***\",", quoted(l, "t.json", 4));
    assertEquals("    \"vault_token\": \"***\" // ***", quoted(l, "t.json", 5));
    assertNoSecret(l, "Pw-");
  }

  @Test
  void aValueReadFromOneVariableNamesThatVariableAloneWhenOthersHoldTheSameText() {
    // subscription_id = var.subscription_id named "client_id" and "subscription_id" when both
    // were given the same value: the origin was found by the values alone (review audit.md 6).
    String template =
        """
        variable "client_id" {
          sensitive = true
        }
        variable "subscription_id" {
          sensitive = true
        }
        source "azure-arm" "a" {
          client_id                         = var.client_id
          subscription_id                   = var.subscription_id
          os_type                           = "Linux"
          image_publisher                   = "Canonical"
          image_offer                       = "ubuntu"
          image_sku                         = "22_04-lts"
          location                          = "westeurope"
          managed_image_name                = "img"
          managed_image_resource_group_name = "rg"
        }
        build { sources = ["source.azure-arm.a"] }
        """;
    String same = "00000000-0000-0000-0000-000000000009";
    ConversionResult r =
        convert(
            Map.of(), List.of("client_id=" + same, "subscription_id=" + same), Map.of(), template);
    assertTrue(
        only(r, "PKRMAP-E405")
            .detail()
            .startsWith(
                "The value of subscription_id comes from the sensitive variable"
                    + " \"subscription_id\" and would be written"),
        () -> text(r));

    String legacy =
        """
        {
          "variables": {"client_id": "", "subscription_id": ""},
          "sensitive-variables": ["client_id", "subscription_id"],
          "builders": [{
            "type": "azure-arm", "os_type": "Linux", "location": "westeurope",
            "client_id": "{{user `client_id`}}", "subscription_id": "{{user `subscription_id`}}",
            "image_publisher": "Canonical", "image_offer": "ubuntu", "image_sku": "22_04-lts",
            "managed_image_name": "img", "managed_image_resource_group_name": "rg"
          }]
        }
        """;
    ConversionResult l =
        convert(
            "t.json",
            Map.of(),
            List.of("client_id=" + same, "subscription_id=" + same),
            Map.of(),
            legacy);
    assertTrue(
        only(l, "PKRMAP-E405")
            .detail()
            .startsWith(
                "The value of subscription_id comes from the sensitive variable"
                    + " \"subscription_id\" and would be written"),
        () -> text(l));
  }

  @Test
  void candidatesNamedAsCredentialsDoNotGarbleTheMessage() {
    // "vault_token": an … read to the message scrubber as an assignment, and the word after the
    // colon was masked: ("sp_key" or "vault_token": *** expression changed…) (leak review).
    String template =
        TEMPLATE.replace("build { sources = [\"source.azure-arm.x\"] }\n", "")
            + """
              variable "vault_token" {
                default = "tok-value-0123456789"
              }
              build {
                sources = ["source.azure-arm.x"]
                provisioner "shell" {
                  inline = ["echo ${sha256(var.sp_key)} ${var.vault_token == "" ? 1 : 2}"]
                }
              }
              """;
    ConversionResult r = convert(Map.of(), List.of("sp_key=" + SECRET), Map.of(), template);
    String detail = only(r, "PKRMAP-E405").detail();
    assertTrue(
        detail.contains(
            "(\"sp_key\" or \"vault_token\"; an expression changed the value on the way, so it"
                + " cannot be told which)"),
        detail);
    assertTrue(text(r).contains("\"vault_token\"; an expression changed"), () -> text(r));
  }

  @Test
  void anEmptyCredentialNamedDefaultIsNamedAndNotToldToDropSensitive() {
    // A download_token = "" default flowing into an inline command (as in a Windows template that
    // passes it to an installer): the empty text cannot be found in the command, and the message
    // named no variable and advised removing a sensitive = true the template never wrote.
    ConversionResult r =
        convert(
            Map.of(),
            List.of(),
            Map.of(),
            TEMPLATE
                    .replace("build { sources = [\"source.azure-arm.x\"] }\n", "")
                    .replace("  client_secret                     = var.sp_key\n", "")
                    .replace(
                        "variable \"sp_key\" {\n  type      = string\n  sensitive = true\n}",
                        "variable \"download_token\" {\n  type    = string\n  default = \"\"\n}")
                + """
                  build {
                    sources = ["source.azure-arm.x"]
                    provisioner "shell" {
                      inline = ["install -t '${var.download_token}'"]
                    }
                  }
                  """);
    assertTrue(r.templates().isEmpty(), () -> text(r));
    String detail = only(r, "PKRMAP-E405").detail();
    assertTrue(
        detail.contains("comes from a sensitive variable or local (perhaps \"download_token\","),
        detail);
    assertTrue(
        detail.endsWith(
            "or, if the value is not secret, rename the variable \"download_token\", whose name"
                + " says it holds a credential, which is kept secret whether or not it is declared"
                + " sensitive."),
        detail);
  }

  @Test
  void aDeclaredCredentialNamedLegacyVariableIsToldBothWaysOut() {
    // runner-images style: install_password listed in sensitive-variables and passed to "net
    // user" in a windows-shell step. Removing it from sensitive-variables alone would not do (its
    // name keeps it secret), and "sensitive = true" is HCL's word, not the legacy template's.
    String legacy =
        "{\n"
            + "  \"variables\": {\"install_password\": \"\"},\n"
            + "  \"sensitive-variables\": [\"install_password\"],\n"
            + "  \"builders\": [{\"type\": \"azure-arm\",\n"
            + "    \"subscription_id\": \"00000000-0000-0000-0000-000000000000\",\n"
            + "    \"location\": \"westeurope\", \"os_type\": \"Windows\",\n"
            + "    \"image_publisher\": \"MicrosoftWindowsServer\", \"image_offer\":"
            + " \"WindowsServer\",\n"
            + "    \"image_sku\": \"2019-Datacenter\", \"managed_image_name\": \"x\",\n"
            + "    \"managed_image_resource_group_name\": \"rg\"}],\n"
            + "  \"provisioners\": [{\"type\": \"windows-shell\",\n"
            + "    \"inline\": [\"net user installer {{user `install_password`}} /add\"]}]\n"
            + "}\n";
    ConversionResult r =
        convert("l.json", Map.of(), List.of("install_password=" + SECRET), Map.of(), legacy);
    assertNoSecret(r, SECRET);
    assertTrue(r.templates().isEmpty(), () -> text(r));
    String detail = only(r, "PKRMAP-E405").detail();
    assertTrue(
        detail.endsWith(
            "or, if the value is not secret, remove the variable from sensitive-variables and"
                + " rename the variable \"install_password\", whose name says it holds a"
                + " credential, which is kept secret whether or not it is declared sensitive."),
        detail);
  }

  @Test
  void anUntraceableLegacySecretIsNotCalledALocal() {
    // An empty credential-named legacy variable flowing into a command cannot be found in it; the
    // message names it as a suspect, and a legacy template has no locals to suspect.
    String legacy =
        "{\n"
            + "  \"variables\": {\"download_token\": \"\"},\n"
            + "  \"builders\": [{\"type\": \"azure-arm\",\n"
            + "    \"subscription_id\": \"00000000-0000-0000-0000-000000000000\",\n"
            + "    \"location\": \"westeurope\", \"os_type\": \"Linux\",\n"
            + "    \"image_publisher\": \"Canonical\", \"image_offer\": \"ubuntu-24_04-lts\",\n"
            + "    \"image_sku\": \"server\", \"managed_image_name\": \"x\",\n"
            + "    \"managed_image_resource_group_name\": \"rg\"}],\n"
            + "  \"provisioners\": [{\"type\": \"shell\",\n"
            + "    \"inline\": [\"install -t '{{user `download_token`}}'\"]}]\n"
            + "}\n";
    ConversionResult r = convert("l.json", Map.of(), List.of(), Map.of(), legacy);
    assertTrue(r.templates().isEmpty(), () -> text(r));
    String detail = only(r, "PKRMAP-E405").detail();
    assertTrue(
        detail.contains("comes from a sensitive variable (perhaps \"download_token\","), detail);
  }

  @Test
  void namesFromASecretNameNoStepAndNoTemplate() {
    ConversionResult r =
        convertPw(
            AZURE_PW
                + """
                  build {
                    name    = var.pw
                    sources = ["source.azure-arm.x"]
                    provisioner "shell" {
                      name   = var.pw
                      inline = ["echo one"]
                    }
                  }
                  """);
    assertTrue(r.templates().isEmpty(), () -> text(r));
    assertTrue(
        only(r, "PKRMAP-E405")
            .detail()
            .startsWith(
                "The value of the shell provisioner's name comes from the sensitive variable"
                    + " \"pw\" and would be written to the name of its step in the image"
                    + " template"),
        () -> text(r));
    // Two builds with a usage of the same name: the build's name would tell them apart.
    ConversionResult two =
        convertPw(
            AZURE_PW
                + """
                  build {
                    name    = var.pw
                    sources = ["source.azure-arm.x"]
                  }
                  build {
                    name    = "plain"
                    sources = ["source.azure-arm.x"]
                  }
                  """);
    assertEquals(
        List.of("build-1.x", "plain.x"),
        two.templates().stream().map(ConvertedTemplate::name).toList(),
        () -> text(two));
    // build.name of a build named by a secret is sensitive too.
    ConversionResult buildName =
        convertPw(
            AZURE_PW
                + """
                  build {
                    name    = var.pw
                    sources = ["source.azure-arm.x"]
                    provisioner "shell" {
                      inline = ["echo ${build.name}"]
                    }
                  }
                  """);
    assertTrue(buildName.templates().isEmpty(), () -> text(buildName));
    assertEquals(
        1, buildName.diagnostics().stream().filter(d -> d.code().equals("PKRMAP-E405")).count());
    // A sensitive pause_before would set the seconds of a sleep step.
    ConversionResult pause =
        convertPw(
            AZURE_PW.replace(
                    "variable \"count\"",
                    "variable \"wait\" {\n  type = string\n  sensitive = true\n  default ="
                        + " \"10s\"\n}\nvariable \"count\"")
                + """
                  build {
                    sources = ["source.azure-arm.x"]
                    provisioner "shell" {
                      pause_before = var.wait
                      inline       = ["echo one"]
                    }
                  }
                  """);
    assertTrue(pause.templates().isEmpty(), () -> text(pause));
    assertTrue(
        only(pause, "PKRMAP-E405")
            .detail()
            .startsWith(
                "The value of pause_before comes from the sensitive variable \"wait\" and would"
                    + " be written to the sleep step before this one"),
        () -> text(pause));
  }

  @Test
  void legacyNestedKeyFromASecretIsNotShown() {
    String legacy =
        "{\n"
            + "  \"variables\": {\"pw\": \"\"},\n"
            + "  \"sensitive-variables\": [\"pw\"],\n"
            + "  \"builders\": [{\"type\": \"null\", \"communicator\": \"none\"}],\n"
            + "  \"provisioners\": [{\"type\": \"shell-local\", \"inline\": [\"echo\"],\n"
            + "    \"env\": {\"{{user `pw`}}\": \"x\", \"plain\": \"y\"}}]\n"
            + "}\n";
    List<String> shown = inspect("l.json", legacy);
    assertEquals(3, shown.size(), shown::toString);
    assertTrue(shown.get(2).contains("\"env\": \"<sensitive>\""), shown.get(2));
  }

  @Test
  void varFileSyntaxErrorShowsTheLineWithTheValueMasked() {
    ConversionResult r = convertVarFile("bad.pkrvars.hcl", "sp_key = \"hunter2\" + \n");
    assertNoSecret(r, SECRET);
    String text = text(r);
    assertTrue(
        text.contains(
            "bad.pkrvars.hcl:1:22: error: Invalid expression [HCL-E030]\n"
                + "  1 | sp_key = \"***\" + \n"
                + "    |                  ^\n"),
        text);
  }

  @Test
  void undeclaredVariableInAVarFileKeepsItsNameAndCaret() {
    ConversionResult r =
        convertVarFile("v.pkrvars.hcl", "sp_key = \"hunter2\"\nundeclared = \"hunter3\"\n");
    assertNoSecret(r, SECRET);
    assertNoSecret(r, "hunter3");
    only(r, "PKR-W026");
    assertTrue(
        text(r)
            .contains(
                "v.pkrvars.hcl:2:1: warning: Undeclared variable [PKR-W026]\n"
                    + "  2 | undeclared = \"***\"\n"
                    + "    | ^~~~~~~~~~\n"),
        text(r));
  }

  @Test
  void wrongTypeValueIsMaskedInLineAndDetail() {
    ConversionResult r = convertVarFile("v.pkrvars.hcl", "sp_key = \"x\"\ncount = \"hunter2\"\n");
    assertNoSecret(r, SECRET);
    Diagnostic d = only(r, "PKR-E022");
    assertTrue(d.detail().contains("\"count\""), d.detail());
    assertTrue(text(r).contains("  2 | count = \"***\"\n    |         ^~~~~\n"), text(r));
  }

  @Test
  void unquotedValueQuotedByTheParserIsMaskedInTheDetail() {
    // Two words: the parser's message quotes the second one it found.
    ConversionResult r =
        convertVarFile("v.pkrvars.hcl", "sp_key = \"x\"\ncount = 12345 secretword\n");
    assertNoSecret(r, "secretword");
    assertNoSecret(r, "12345");
    // Words split only by spaces are one masked value; the message keeps its sentence.
    assertTrue(text(r).contains("v.pkrvars.hcl:2:15: error:"), text(r));
    assertTrue(text(r).contains("  2 | count = ***\n    |         ^~~\n"), text(r));
    assertTrue(text(r).contains("is followed by the name \"***\""), text(r));
  }

  @Test
  void jsonVarFileValuesAreMasked() {
    ConversionResult r =
        convertVarFile(
            "v.pkrvars.json", "{\"sp_key\": \"x\", \"undeclared\": \"hunter2\", \"count\": true}");
    assertNoSecret(r, SECRET);
    String text = text(r);
    assertTrue(
        text.contains("  1 | {\"sp_key\": \"***\", \"undeclared\": \"***\", \"count\": ***}"),
        text);
    assertTrue(text.contains("v.pkrvars.json:1:"), text);
  }

  @Test
  void commandLineAndEnvironmentValuesAreMasked() {
    ConversionResult r =
        convert(
            Map.of(),
            List.of("sp_key=x", "count=hunter2"),
            Map.of("PKR_VAR_count", "hunter3"),
            TEMPLATE);
    assertNoSecret(r, SECRET);
    assertNoSecret(r, "hunter3");
    String text = text(r);
    assertTrue(text.contains("<value for var.count from --var>:1:1: error:"), text);
    assertTrue(text.contains("  1 | ***\n    | ^~~\n"), text);
  }

  /**
   * A short secret default (under 8 characters) is masked where its own line is quoted, but not as
   * a word of every other message (found by fuzzing: a default "the" made "so *** template has no
   * identity"); the last guard does not look for such short texts either.
   */
  @Test
  void aShortSecretDefaultDoesNotGarbleOtherMessages() {
    String template =
        TEMPLATE.replace(
            "  type      = string\n  sensitive = true\n",
            "  type      = string\n  sensitive = true\n  default   = \"the\"\n");
    ConversionResult r = convert(Map.of(), List.of(), Map.of(), template);
    String text = text(r);
    assertTrue(text.contains("so the template has no identity"), text);
    assertFalse(text.contains("***"), text);
  }

  @Test
  void sensitiveDefaultInTheTemplateIsMaskedWhereverTheLineIsQuoted() {
    String template =
        TEMPLATE.replace(
            "  type      = string\n  sensitive = true\n",
            "  type      = number\n  sensitive = true\n  default   = \"hunter2\"\n");
    ConversionResult r = convert(Map.of(), List.of(), Map.of(), template);
    assertNoSecret(r, SECRET);
    assertTrue(
        text(r).contains("  4 |   default   = \"***\"\n    |               ^~~~~\n"), text(r));
  }

  @Test
  void aTemplateThatDoesNotParseMasksSensitiveDefaultsOnTheLinesItQuotes() {
    // A syntax error stops the load before the variables are read, which is where a sensitive
    // default is known; the error's own line may hold one. Each case quotes such a line.
    String[] broken = {
      "variable \"pw\" {\n  sensitive = true\n  default   = \"hunter2\" +\n}\n",
      // A second default: the syntax tree keeps only the first.
      "variable \"pw\" {\n  sensitive = true\n  default = \"x\"\n  default = \"hunter2\"\n}\n",
      "variable \"pw\" {\n  sensitive = true\n  default = \"hunter2\n}\n",
      // sensitive after a bracket the error left open, and written wrong.
      "variable \"pw\" {\n  type = list(string\n  default = [\"hunter2\"]\n  sensitive = tru\n}\n",
      "local \"pw\" {\n  sensitive  = true\n  expression = \"hunter2\" +\n}\n",
      "source \"null\" \"n\" {\n  azure_ad_secret = \"hunter2\" +\n}\n",
      // Secret by its name, as when the file parses.
      "variable \"admin_password\" {\n  default = \"hunter2\" +\n}\n",
      // Found by fuzzing: a line that is broken glues the default into another argument's value,
      // here after the flag on one line, or after a character that is no HCL (U+2028).
      "variable \"pw\" { sensitive = true   default = \"hunter2\" }\n",
      "variable \"pw\" {\n  sensitive = true\u2028  default = \"hunter2\"\n}\n",
      "variable \"pw\" {\n  type = string\u2028  default = \"hunter2\"\n  sensitive = true\n}\n",
      "variable \"pw\" {\u2028  sensitive = true\u2028  default = \"hunter2\"\u2028}\n",
    };
    for (String template : broken) {
      ConversionResult r = convert(Map.of(), List.of(), Map.of(), template + TEMPLATE);
      assertTrue(r.templates().isEmpty(), () -> text(r));
      String text = text(r);
      assertTrue(text.contains("t.pkr.hcl:"), text);
      assertTrue(text.contains("\"***"), text);
      assertNoSecret(r, SECRET);
    }
    // The line, the caret and the message still say what to fix.
    String text = text(convert(Map.of(), List.of(), Map.of(), broken[0] + TEMPLATE));
    assertTrue(
        text.contains(
            "t.pkr.hcl:3:26: error: Invalid expression [HCL-E030]\n"
                + "  3 |   default   = \"***\" +\n"
                + "    |                      ^\n"
                + "  Expected the start of an expression, but found the end of the line.\n"),
        text);
  }

  @Test
  void aSensitiveLocalShowsTheNamesOfTheFunctionsItCallsAndMasksTheirArguments() {
    // The names of functions are no values: masked, they hid which function a message was about
    // (The "***" function ...). The values around them stay masked, in the line and the message.
    String arity = "local \"pw\" {\n  expression = upper(\"hunter2\", 7)\n  sensitive  = true\n}\n";
    ConversionResult r = convert(Map.of(), List.of(), Map.of(), arity + TEMPLATE);
    String text = text(r);
    assertTrue(
        text.contains(
            "t.pkr.hcl:2:33: error: Too many function arguments [HCLFN-E004]\n"
                + "  2 |   expression = upper(\"***\", ***)\n"
                + "    |                             ^~~\n"
                + "  Function \"upper\" expects only 1 argument(s).\n"),
        text);
    assertNoSecret(r, SECRET);

    String unknown = "local \"pw\" {\n  expression = vaultt(\"hunter2\")\n  sensitive  = true\n}\n";
    r = convert(Map.of(), List.of(), Map.of(), unknown + TEMPLATE);
    text = text(r);
    assertTrue(text.contains("  2 |   expression = vaultt(\"***\")\n"), text);
    assertTrue(text.contains("There is no function named \"vaultt\"."), text);
    assertNoSecret(r, SECRET);

    // A comment in the expression may keep an old value: then all of it is masked, as before.
    String commented =
        "local \"pw\" {\n  expression = upper(\"x\", 7) # was hunter2\n  sensitive  = true\n}\n";
    r = convert(Map.of(), List.of(), Map.of(), commented + TEMPLATE);
    text = text(r);
    assertTrue(text.contains("  2 |   expression = ***(\"***\", ***) # ***\n"), text);
    assertNoSecret(r, SECRET);
  }

  @Test
  void valuesASensitiveBlockWritesWhereNoDeclarationReadsThemAreMasked() {
    // The file loads; what its errors quote holds a sensitive block's value that no declaration
    // reads: a misspelt argument, a second declaration, a local with a bad name or declared twice.
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put(
        "t.pkr.hcl",
        "variable \"pw\" {\n  defualt   = \"hunter2\"\n  sensitive = true\n}\n" + TEMPLATE);
    cases.put(
        "t.pkr.json",
        "{\"variable\": {\"pw\": {\"defualt\": \"hunter2\", \"sensitive\": true}}}\n");
    cases.put(
        "u.pkr.hcl",
        "variable \"pw\" {\n  sensitive = true\n}\n"
            + "variable \"pw\" { default = \"hunter2\" }\n"
            + TEMPLATE);
    cases.put(
        "l.pkr.hcl",
        "local \"1pw\" {\n  expression = \"hunter2\"\n  sensitive = true\n}\n"
            + "local \"a\" {\n  expresion = \"hunter2\"\n  sensitive = true\n}\n"
            + "local \"b\" {\n  expression = \"x\"\n}\n"
            + "local \"b\" {\n  expression = \"hunter2\"\n  sensitive = true\n}\n"
            + TEMPLATE);
    for (Map.Entry<String, String> e : cases.entrySet()) {
      ConversionResult r = convert(e.getKey(), Map.of(), List.of(), Map.of(), e.getValue());
      String text = text(r);
      assertTrue(r.diagnostics().stream().anyMatch(Diagnostic::isError), text);
      assertTrue(text.contains("\"***\""), text);
      assertNoSecret(r, SECRET);
    }
    // A block that is not sensitive shows what it writes.
    String plain = "variable \"pw\" {\n  defualt = \"hunter2\"\n}\n" + TEMPLATE;
    assertTrue(
        text(convert(Map.of(), List.of(), Map.of(), plain))
            .contains("  2 |   defualt = \"hunter2\"\n"));
  }

  @Test
  void jsonAndYamlTemplatesThatDoNotParseShowNoValue() {
    // Without a tree, which value is sensitive is unknown: every value of a quoted line is masked
    // (with a JSON tree but broken blocks, only the sensitive ones).
    Map<String, String> broken =
        Map.of(
            "l.json",
            "{\n  \"variables\": {\"pw\": \"hunter2\",,\n  \"region\": \"westeurope\"},\n"
                + "  \"sensitive-variables\": [\"pw\"],\n  \"builders\": []\n}\n",
            "d.json",
            "{\"variables\": {\"pw\": \"x\", \"pw\": \"hunter2\"},"
                + " \"sensitive-variables\": [\"pw\"], \"builders\": []}\n",
            "l.yaml",
            "variables:\n  pw: hunter2: x\nsensitive-variables: [pw]\nbuilders: []\n",
            "t.pkr.json",
            "{\"variable\": {\"pw\": {\"sensitive\": true, \"default\": \"hunter2\"}},,}\n",
            // The JSON parses, a template inside a string does not: the same line holds a secret.
            "m.pkr.json",
            "{\"variable\": {\"pw\": {\"sensitive\": true, \"default\": \"hunter2\"},"
                + " \"db_password\": {\"default\": \"hunter2\"}},"
                + " \"locals\": {\"x\": \"${var.pw +}\"}}\n",
            // Every value of a sensitive block, as in the native syntax: a misspelt default too.
            "n.pkr.json",
            "{\"variable\": {\"pw\": {\"sensitive\": true, \"defualt\": \"hunter2\"}},"
                + " \"locals\": {\"x\": \"${var.pw +}\"}}\n");
    for (Map.Entry<String, String> e : broken.entrySet()) {
      ConversionResult r = convert(e.getKey(), Map.of(), List.of(), Map.of(), e.getValue());
      assertTrue(r.diagnostics().stream().anyMatch(Diagnostic::isError), e::getKey);
      assertNoSecret(r, SECRET);
      assertTrue(text(r).contains(e.getKey() + ":"), () -> text(r));
    }
  }

  @Test
  void aMaskedNumberTokenLeavesTheWordsOfItsMessage() {
    // A file that does not parse has every value masked where it is quoted, and in the messages
    // about its lines: the bad token NaN too, which the fixed words once repeated ("JSON has no
    // *** or infinity").
    ConversionResult r =
        convert("t.pkr.json", Map.of(), List.of(), Map.of(), "{\n  \"locals\": {\"a\": NaN}\n}\n");
    assertTrue(
        text(r)
            .contains(
                "  2 |   \"locals\": {\"a\": ***}\n"
                    + "    |                   ^~~\n"
                    + "  *** is not a JSON number: JSON has no not-a-number or infinite values."
                    + " Write null or a string instead.\n"),
        () -> text(r));
  }

  @Test
  void aCommentAfterASensitiveDefaultIsMaskedWhereTheLineIsQuoted() {
    // The comment is outside the default's range, and may keep the value it had before.
    String template =
        TEMPLATE.replace(
            "  type      = string\n  sensitive = true\n",
            "  type      = number\n  sensitive = true\n  default   = \"x\" # was hunter2\n");
    ConversionResult r = convert(Map.of(), List.of(), Map.of(), template);
    assertNoSecret(r, SECRET);
    assertTrue(
        text(r).contains("  4 |   default   = \"***\" # ***\n    |               ^~~~~\n"),
        text(r));
    // The comment's words are not looked for in messages: "was" stays a word.
    assertTrue(
        text(r)
            .contains("the value has the wrong type (details hidden: the variable is sensitive)"),
        text(r));
  }

  @Test
  void legacySensitiveDefaultAndJsonVarFileAreMasked() {
    String legacy =
        "{\n"
            + "  \"variables\": {\"sp_key\": \"hunter2{{ nosuchfunc }}\", \"region\": \"\"},\n"
            + "  \"sensitive-variables\": [\"sp_key\"],\n"
            + "  \"builders\": [{\"type\": \"azure-arm\", \"client_secret\": \"{{user"
            + " `sp_key`}}\"}]\n"
            + "}\n";
    ConversionResult r =
        convert(
            "l.json",
            Map.of("v.json", "{\"region\": \"hunter3{{ nosuchfunc }}\"}"),
            List.of(),
            Map.of(),
            legacy);
    assertNoSecret(r, SECRET);
    assertNoSecret(r, "hunter3");
    String text = text(r);
    assertTrue(
        text.contains("  2 |   \"variables\": {\"sp_key\": \"***\", \"region\": \"\"},\n"), text);
    assertTrue(text.contains("l.json:2:"), text);
  }

  @Test
  void settingsVarsAreMaskedAndErrorsStillSayWhere() {
    SourceFile file =
        new SourceFile(
            "s.yaml",
            "templates:\n"
                + "  - path: \"**\"\n"
                + "    vars:\n"
                + "      sp_key: hunter2\n"
                + "      other: [hunter4]\n");
    SettingsResult r = SettingsBinder.bind(file);
    SourceFile shown = r.source();
    String text =
        new TextRenderer(n -> n.equals(shown.name()) ? Optional.of(shown) : Optional.empty())
            .render(r.diagnostics());
    assertFalse(text.contains("hunter4"), text);
    assertTrue(
        text.contains(
            "s.yaml:5:7: error: Variable value is not text [SET-E010]\n"
                + "  5 |       other: [***]\n"
                + "    |       ^~~~~\n"),
        text);
    // The glob is not a variable value: it stays.
    assertEquals("  - path: \"**\"", shown.line(2));
    assertTrue(text.contains("The value of the variable \"other\" is an array"), text);
  }

  @Test
  void settingsSyntaxErrorMasksEveryValue() {
    SourceFile file =
        new SourceFile("s.yaml", "defaults:\n  vars: {sp_key: hunter2\n  location: westeurope\n");
    SettingsResult r = SettingsBinder.bind(file);
    SourceFile shown = r.source();
    String text =
        new TextRenderer(n -> n.equals(shown.name()) ? Optional.of(shown) : Optional.empty())
            .render(r.diagnostics());
    assertTrue(r.diagnostics().stream().anyMatch(Diagnostic::isError), text);
    assertFalse(text.contains(SECRET), text);
    assertFalse(new JsonRenderer().render(r.diagnostics()).contains(SECRET));
    assertFalse(new SarifRenderer("1", Optional.empty()).render(r.diagnostics()).contains(SECRET));
    assertTrue(text.contains("s.yaml:"), text);
  }
}
