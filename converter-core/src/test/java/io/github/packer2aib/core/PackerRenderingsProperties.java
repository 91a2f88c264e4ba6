package io.github.packer2aib.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.JsonRenderer;
import io.github.packer2aib.core.diag.TextRenderer;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.testing.LocalFileView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For generated Packer templates, the HCL2 rendering and the legacy JSON rendering of the same
 * template convert to byte-identical AIB JSON with the same diagnostic codes; converting twice
 * gives the same bytes; and the generated sensitive value (the client secret, given in the template
 * or with {@code --var}) appears in no template text and no rendered diagnostic.
 */
class PackerRenderingsProperties {

  private static final String IDENTITY =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aib/providers/"
          + "Microsoft.ManagedIdentity/userAssignedIdentities/id-aib";
  private static final Clock CLOCK = Clock.frozenAt(Instant.parse("2026-01-01T00:00:00Z"));

  /** A provisioner of the generated template. */
  sealed interface Step permits Inline, Restart, FileContent {}

  /** shell (Linux) or powershell (Windows) with inline commands. */
  record Inline(List<String> commands) implements Step {}

  /** windows-restart (Windows only). */
  record Restart() implements Step {}

  /** file with literal content. */
  record FileContent(String content, String destination) implements Step {}

  /** Where the image goes: a managed image, or a gallery image version. */
  record Destination(boolean gallery, String resourceGroup, String name, String version) {}

  /** Where the secret comes from, when there is one. */
  enum SecretSource {
    NONE,
    DEFAULT,
    VAR
  }

  record Model(
      String name,
      boolean windows,
      List<String> image,
      String location,
      String subscription,
      Destination destination,
      SecretSource secretSource,
      String secret,
      List<Step> steps) {}

  @Property(tries = 150)
  void hclAndLegacyRenderingsConvertToTheSameBytes(@ForAll("models") Model m) throws IOException {
    Path dir = Files.createTempDirectory("renderings");
    try {
      Path hclDir = Files.createDirectories(dir.resolve("hcl"));
      Path hcl = hclDir.resolve("template.pkr.hcl");
      Files.writeString(hcl, hcl(m), StandardCharsets.UTF_8);
      Path legacy = dir.resolve("legacy").resolve("template.json");
      Files.createDirectories(legacy.getParent());
      Files.writeString(legacy, legacy(m), StandardCharsets.UTF_8);

      ConversionResult fromHcl = convert(dir, hcl, m);
      ConversionResult fromLegacy = convert(dir, legacy, m);

      // Every generated template is convertible, so the comparison is about real output.
      assertEquals(1, fromHcl.templates().size(), () -> fromHcl.diagnostics() + "\n" + hcl(m));
      assertEquals(codes(fromHcl), codes(fromLegacy), () -> hcl(m) + "\n" + legacy(m));
      assertEquals(texts(fromHcl), texts(fromLegacy), () -> hcl(m) + "\n" + legacy(m));
      assertEquals(texts(fromHcl), texts(convert(dir, hcl, m)), "HCL2 conversion is deterministic");
      assertEquals(
          texts(fromLegacy), texts(convert(dir, legacy, m)), "legacy conversion is deterministic");
      if (m.secretSource() != SecretSource.NONE) {
        for (ConversionResult r : List.of(fromHcl, fromLegacy)) {
          for (String text : texts(r)) {
            assertFalse(text.contains(m.secret()), "the secret is in the output");
          }
          String rendered = new TextRenderer(byName(r)).render(r.diagnostics());
          assertFalse(rendered.contains(m.secret()), () -> "the secret is in\n" + rendered);
          String json = new JsonRenderer().render(r.diagnostics());
          assertFalse(json.contains(m.secret()), () -> "the secret is in\n" + json);
        }
      }
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static ConversionResult convert(Path dir, Path input, Model m) {
    List<String> vars =
        m.secretSource() == SecretSource.VAR ? List.of("secret=" + m.secret()) : List.of();
    PackerOptions packer = new PackerOptions(vars, List.of(), Map.of(), dir, CLOCK);
    MapOptions mapping = MapOptions.defaults().withIdentity(IDENTITY);
    return new PackerConversion()
        .convert(
            PackerInput.of(input),
            packer,
            mapping,
            OutputFormat.JSON,
            new LocalFileView(dir),
            true);
  }

  private static List<String> codes(ConversionResult r) {
    return r.diagnostics().stream().map(Diagnostic::code).sorted().toList();
  }

  private static List<String> texts(ConversionResult r) {
    return r.templates().stream().map(ConvertedTemplate::text).toList();
  }

  private static java.util.function.Function<String, Optional<SourceFile>> byName(
      ConversionResult r) {
    return name -> r.sources().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  // ---- generators ----

  @Provide
  Arbitrary<Model> models() {
    Arbitrary<String> word =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(10);
    Arbitrary<String> secret =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('A', 'Z')
            .withCharRange('0', '9')
            .ofMinLength(12)
            .ofMaxLength(24)
            .map(s -> "Qz7" + s);
    Arbitrary<List<String>> image =
        Arbitraries.of(
            List.of("Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2"),
            List.of("RedHat", "RHEL", "9-lvm-gen2"),
            List.of("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-g2"),
            List.of("MicrosoftWindowsDesktop", "windows-11", "win11-23h2-avd"));
    Arbitrary<String> location = Arbitraries.of("westeurope", "eastus", "northeurope");
    Arbitrary<String> subscription =
        Arbitraries.of(
            "00000000-0000-0000-0000-000000000001", "12345678-90ab-cdef-1234-567890abcdef");
    Arbitrary<Destination> destination =
        Combinators.combine(
                Arbitraries.of(true, false),
                word.map(w -> "rg-" + w),
                word,
                Arbitraries.integers().between(0, 20).map(i -> "1." + i + ".0"))
            .as(Destination::new);
    Arbitrary<Boolean> windows = Arbitraries.of(true, false);
    return Combinators.combine(
            word,
            windows,
            image,
            location,
            subscription,
            destination,
            Arbitraries.of(SecretSource.class),
            secret)
        .flatAs(
            (name, win, img, loc, sub, dest, source, sec) ->
                steps(win, word)
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(4)
                    .map(steps -> new Model(name, win, img, loc, sub, dest, source, sec, steps)));
  }

  private static Arbitrary<Step> steps(boolean windows, Arbitrary<String> word) {
    Arbitrary<Step> inline =
        text().map(w -> "echo " + w).list().ofMinSize(1).ofMaxSize(3).map(Inline::new);
    Arbitrary<Step> file =
        Combinators.combine(text().list().ofMinSize(1).ofMaxSize(4), word)
            .as(
                (words, name) ->
                    new FileContent(
                        String.join("\n", words),
                        // "f-": a word can be CON, PRN, AUX or NUL, which Windows takes for a
                        // device whatever the extension (an error since session 14).
                        (windows ? "C:/temp/f-" : "/tmp/f-") + name + ".txt"));
    if (windows) {
      return Arbitraries.oneOf(inline, file, Arbitraries.just(new Restart()));
    }
    return Arbitraries.oneOf(inline, file);
  }

  // ---- renderings ----

  /**
   * Command and file text: letters, spaces and characters both syntaxes escape the same way ({@code
   * "}, {@code \\}, newline) or take literally ({@code $} not before a brace, quotes, pipes,
   * non-ASCII). Braces are left out: {@code ${}/{@code %{} are HCL templates and {@code {{}} Go
   * templates, so the same text would mean different things in the two renderings.
   */
  private static Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars(' ', '"', '\\', '$', '\'', ';', '|', '-', '/', ':', '\u00e9', '\u65e5')
        .ofMinLength(1)
        .ofMaxLength(16);
  }

  /** A quoted string, escaped as both HCL and JSON escape it. */
  private static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  static String hcl(Model m) {
    StringBuilder b = new StringBuilder();
    if (m.secretSource() != SecretSource.NONE) {
      b.append("variable \"secret\" {\n  type      = string\n  sensitive = true\n");
      if (m.secretSource() == SecretSource.DEFAULT) {
        b.append("  default   = ").append(q(m.secret())).append("\n");
      }
      b.append("}\n\n");
    }
    b.append("source \"azure-arm\" ").append(q(m.name())).append(" {\n");
    for (String[] kv : sourceFields(m)) {
      b.append("  ").append(kv[0]).append(" = ").append(q(kv[1])).append("\n");
    }
    if (m.secretSource() != SecretSource.NONE) {
      b.append("  client_id = \"00000000-0000-0000-0000-00000000000c\"\n");
      b.append("  client_secret = var.secret\n");
    }
    Destination d = m.destination();
    if (d.gallery()) {
      b.append("  shared_image_gallery_destination {\n");
      b.append("    subscription = ").append(q(m.subscription())).append("\n");
      b.append("    resource_group = ").append(q(d.resourceGroup())).append("\n");
      b.append("    gallery_name = \"gallery\"\n");
      b.append("    image_name = ").append(q(d.name())).append("\n");
      b.append("    image_version = ").append(q(d.version())).append("\n");
      b.append("    replication_regions = [").append(q(m.location())).append("]\n");
      b.append("  }\n");
    } else {
      b.append("  managed_image_name = ").append(q(d.name())).append("\n");
      b.append("  managed_image_resource_group_name = ").append(q(d.resourceGroup())).append("\n");
    }
    b.append("}\n\nbuild {\n  sources = [\"source.azure-arm.").append(m.name()).append("\"]\n");
    for (Step s : m.steps()) {
      if (s instanceof Inline i) {
        b.append("  provisioner ").append(q(m.windows() ? "powershell" : "shell")).append(" {\n");
        b.append("    inline = [")
            .append(
                i.commands().stream()
                    .map(PackerRenderingsProperties::q)
                    .collect(Collectors.joining(", ")))
            .append("]\n  }\n");
      } else if (s instanceof Restart) {
        b.append("  provisioner \"windows-restart\" {}\n");
      } else if (s instanceof FileContent f) {
        b.append("  provisioner \"file\" {\n");
        b.append("    content = ").append(q(f.content())).append("\n");
        b.append("    destination = ").append(q(f.destination())).append("\n  }\n");
      }
    }
    b.append("}\n");
    return b.toString();
  }

  static String legacy(Model m) {
    StringBuilder b = new StringBuilder("{\n");
    if (m.secretSource() != SecretSource.NONE) {
      String def = m.secretSource() == SecretSource.DEFAULT ? q(m.secret()) : "null";
      b.append("  \"variables\": {\"secret\": ").append(def).append("},\n");
      b.append("  \"sensitive-variables\": [\"secret\"],\n");
    }
    b.append("  \"builders\": [{\n    \"type\": \"azure-arm\",\n    \"name\": ")
        .append(q(m.name()));
    for (String[] kv : sourceFields(m)) {
      b.append(",\n    ").append(q(kv[0])).append(": ").append(q(kv[1]));
    }
    if (m.secretSource() != SecretSource.NONE) {
      b.append(",\n    \"client_id\": \"00000000-0000-0000-0000-00000000000c\"");
      b.append(",\n    \"client_secret\": \"{{user `secret`}}\"");
    }
    Destination d = m.destination();
    if (d.gallery()) {
      b.append(",\n    \"shared_image_gallery_destination\": {")
          .append("\"subscription\": ")
          .append(q(m.subscription()))
          .append(", \"resource_group\": ")
          .append(q(d.resourceGroup()))
          .append(", \"gallery_name\": \"gallery\"")
          .append(", \"image_name\": ")
          .append(q(d.name()))
          .append(", \"image_version\": ")
          .append(q(d.version()))
          .append(", \"replication_regions\": [")
          .append(q(m.location()))
          .append("]}");
    } else {
      b.append(",\n    \"managed_image_name\": ").append(q(d.name()));
      b.append(",\n    \"managed_image_resource_group_name\": ").append(q(d.resourceGroup()));
    }
    b.append("\n  }],\n  \"provisioners\": [");
    List<String> steps = new ArrayList<>();
    for (Step s : m.steps()) {
      if (s instanceof Inline i) {
        steps.add(
            "{\"type\": "
                + q(m.windows() ? "powershell" : "shell")
                + ", \"inline\": ["
                + i.commands().stream()
                    .map(PackerRenderingsProperties::q)
                    .collect(Collectors.joining(", "))
                + "]}");
      } else if (s instanceof Restart) {
        steps.add("{\"type\": \"windows-restart\"}");
      } else if (s instanceof FileContent f) {
        steps.add(
            "{\"type\": \"file\", \"content\": "
                + q(f.content())
                + ", \"destination\": "
                + q(f.destination())
                + "}");
      }
    }
    b.append("\n    ").append(String.join(",\n    ", steps)).append("\n  ]\n}\n");
    return b.toString();
  }

  /** The scalar fields of the source, in the same order in both renderings. */
  private static List<String[]> sourceFields(Model m) {
    return List.of(
        new String[] {"os_type", m.windows() ? "Windows" : "Linux"},
        new String[] {"image_publisher", m.image().get(0)},
        new String[] {"image_offer", m.image().get(1)},
        new String[] {"image_sku", m.image().get(2)},
        new String[] {"location", m.location()},
        new String[] {"subscription_id", m.subscription()},
        new String[] {"vm_size", "Standard_D2s_v5"});
  }
}
