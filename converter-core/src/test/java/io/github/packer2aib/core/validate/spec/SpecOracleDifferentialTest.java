package io.github.packer2aib.core.validate.spec;

import io.github.packer2aib.core.testing.SharedFolder;
import io.github.packer2aib.core.doc.ArmExpression;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.JsonPointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the independent oracle {@code shared/tools/aib_validate.py}: for every
 * image template resource of the shared AIB corpus (bare resources and the imageTemplates entries
 * of ARM deployments, under every API version when the template's own is a parameter or
 * placeholder) and for generated mutations of each, our verdict (any error) must equal the
 * oracle's. Older versions are compared with the oracle's {@code --lenient-unknown}, since we only
 * warn about unknown properties there. Beyond the verdict, both sides must find errors at the same
 * JSON pointers, up to the follow-on rules of {@link #followOns}.
 *
 * <p>Intended differences, removed from the oracle's findings (or ours) before comparing:
 *
 * <ol>
 *   <li>Read-only properties: the oracle errors, we warn, because the service ignores them.
 *   <li>ARM template expressions: the oracle checks {@code "[parameters('x')]"} against the schema,
 *       we accept expressions for any type because ARM evaluates them before the service sees them.
 *   <li>Wrong-case discriminators and enum values before 2024-02-01: the oracle errors, we warn,
 *       because those versions of the service accept them.
 *   <li>Resource type in another case: the oracle wants the exact spelling, we warn, because ARM
 *       resource types are case-insensitive.
 *   <li>ARM deployment keys ({@code comments}, {@code condition}, {@code copy}, {@code scope}) and
 *       wrong-case envelope keys ({@code Name}): the oracle calls them unknown, ARM reads them.
 *   <li>Service rules (timeout 1..5, unique runOutputName, scriptUri xor inline, runAsSystem needs
 *       runElevated, replicationRegions xor targetRegions): another stage checks them on the model.
 *   <li>The template name pattern: we check {@code name} as the URL parameter it becomes; the
 *       oracle skips {@code name}.
 *   <li>2019-05-01-preview documentation additions ({@code vnetConfig} name form, {@code
 *       WindowsUpdate}): the oracle errors on extra keys inside them even with {@code
 *       --lenient-unknown}, and does not recognise {@code windowsupdate} in another case; we warn,
 *       as for any unknown key or wrong-case type of a lenient version.
 * </ol>
 */
class SpecOracleDifferentialTest {

  static final ObjectMapper JSON = new ObjectMapper();

  record Case(String name, ApiVersion version, String mutation, ObjectNode resource) {
    String fileName() {
      return name + "__" + version.id() + "__" + mutation + ".json";
    }
  }

  @TempDir Path tmp;

  @Test
  void ourFindingsMatchTheOracleOnTheCorpusAndMutations() throws Exception {
    Optional<Path> shared = SharedFolder.find();
    assumeTrue(shared.isPresent(), "shared folder not found; skipping the oracle comparison");
    Path oracle = shared.get().resolve("tools/aib_validate.py");
    Path corpus = shared.get().resolve("corpus/aib");
    assumeTrue(
        Files.isRegularFile(oracle) && Files.isDirectory(corpus), "oracle or corpus missing");
    assumeTrue(python3Available(), "python3 not installed; skipping the oracle comparison");

    List<Case> cases = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> r : corpusResources(corpus).entrySet()) {
      for (ApiVersion v : versionsFor(r.getValue())) {
        ObjectNode base = r.getValue().deepCopy();
        base.put("apiVersion", v.id());
        cases.add(new Case(r.getKey(), v, "original", base));
        mutations(base).forEach((m, res) -> cases.add(new Case(r.getKey(), v, m, res)));
      }
    }
    assertTrue(cases.size() > 300, "too few cases: " + cases.size());

    List<Case> strict = new ArrayList<>();
    List<Case> lenient = new ArrayList<>();
    for (Case c : cases) {
      Files.writeString(tmp.resolve(c.fileName()), JSON.writeValueAsString(c.resource()));
      (c.version().isStrict() ? strict : lenient).add(c);
    }
    Map<String, List<String>> findings = new LinkedHashMap<>();
    findings.putAll(runOracle(oracle, strict, false));
    findings.putAll(runOracle(oracle, lenient, true));

    List<String> disagreements = new ArrayList<>();
    int compared = 0;
    int oracleErrors = 0;
    int ourErrors = 0;
    for (Case c : cases) {
      DocNode doc = Docs.fromJackson(c.resource());
      List<Diagnostic> ours =
          SpecValidator.forVersion(c.version()).validate(doc, "", p -> Optional.empty());
      List<Diagnostic> ourErrorList =
          ours.stream()
              .filter(Diagnostic::isError)
              .filter(d -> !d.code().equals(SpecCode.INVALID_TEMPLATE_NAME.id())) // difference 7
              .collect(Collectors.toList());
      List<String> raw = findings.getOrDefault(c.fileName(), List.of());
      List<String> theirs =
          raw.stream().filter(line -> !intendedDifference(line, c)).collect(Collectors.toList());
      oracleErrors += theirs.isEmpty() ? 0 : 1;
      ourErrors += ourErrorList.isEmpty() ? 0 : 1;
      if (theirs.isEmpty() != ourErrorList.isEmpty()) {
        disagreements.add(
            c.fileName()
                + " (verdict)\n  oracle: "
                + theirs
                + "\n  ours:   "
                + describe(ourErrorList));
        continue;
      }
      // Beyond the verdict: the same places must be wrong, up to the documented follow-on rules.
      Set<String> theirPaths = new TreeSet<>();
      theirs.forEach(line -> theirPaths.add(pathOf(line)));
      Set<String> ourPaths = new TreeSet<>();
      ourErrorList.forEach(d -> ourPaths.add(d.path().orElse("")));
      followOns(raw, ours, theirPaths, ourPaths);
      if (!theirPaths.equals(ourPaths)) {
        disagreements.add(
            c.fileName()
                + " (paths)\n  oracle: "
                + theirs
                + "\n  ours:   "
                + describe(ourErrorList));
      }
      compared++;
    }
    assertTrue(compared > 300, "compared " + compared);
    assertEquals(List.of(), disagreements, () -> String.join("\n", disagreements));
    // Both sides must see errors and clean templates, or the comparison says little.
    assertTrue(oracleErrors > 100 && oracleErrors < cases.size(), "oracle errors " + oracleErrors);
    assertEquals(oracleErrors, ourErrors);
  }

  static String pathOf(String oracleLine) {
    String path = oracleLine.substring(0, oracleLine.indexOf(": "));
    return path.equals("/") ? "" : path;
  }

  static String describe(List<Diagnostic> diags) {
    return diags.stream()
        .map(d -> d.path().orElse("") + " " + d.code() + " " + d.detail())
        .collect(Collectors.joining("; ", "[", "]"));
  }

  /**
   * Removes the findings that follow from one problem and that the two sides report differently, by
   * design:
   *
   * <ul>
   *   <li>A missing discriminator: we stop there (the subtype is unknown); the oracle goes on and
   *       calls every subtype member unknown.
   *   <li>A wrong-case discriminator: the oracle stops there; we check the members against the
   *       subtype it names (older versions of the service do the same).
   *   <li>A wrong-case property name: we check its value as that property and do not also call the
   *       property missing; the oracle reports it missing and (in older versions) ignores the
   *       value.
   * </ul>
   */
  static void followOns(
      List<String> oracleRaw, List<Diagnostic> ours, Set<String> theirPaths, Set<String> ourPaths) {
    for (String line : oracleRaw) {
      String path = pathOf(line);
      String message = line.substring(line.indexOf(": ") + 2);
      if (message.equals("missing required property \"type\"")
          || message.equals("missing required property \"scheme\"")) {
        theirPaths.removeIf(
            p -> p.startsWith(path + "/") && oracleSays(oracleRaw, p, "unknown property"));
      }
      if (message.contains("(wrong case: the spec says")) {
        String object = path.substring(0, path.lastIndexOf('/'));
        ourPaths.removeIf(p -> p.startsWith(object + "/") && !p.equals(path));
      }
    }
    for (Diagnostic d : ours) {
      if (d.code().equals(SpecCode.PROPERTY_CASE.id())
          || d.code().equals(SpecCode.PROPERTY_CASE_ACCEPTED.id())) {
        String path = d.path().orElse("");
        String parent = path.substring(0, path.lastIndexOf('/'));
        String key = path.substring(path.lastIndexOf('/') + 1);
        ourPaths.removeIf(p -> p.startsWith(path + "/"));
        theirPaths.removeIf(p -> p.startsWith(path + "/"));
        if (oracleSays(oracleRaw, parent, "missing required property \"")) {
          boolean onlyThat =
              oracleRaw.stream()
                  .filter(l -> pathOf(l).equals(parent))
                  .allMatch(
                      l ->
                          l.toLowerCase(Locale.ROOT)
                              .endsWith("\"" + key.toLowerCase(Locale.ROOT) + "\""));
          if (onlyThat) {
            theirPaths.remove(parent);
          }
        }
      }
    }
  }

  static boolean oracleSays(List<String> oracleRaw, String path, String messageStart) {
    return oracleRaw.stream()
        .anyMatch(
            l ->
                pathOf(l).equals(path)
                    && l.substring(l.indexOf(": ") + 2).startsWith(messageStart));
  }

  /** Whether an oracle finding is one of the documented intended differences for this case. */
  static boolean intendedDifference(String line, Case c) {
    int colon = line.indexOf(": ");
    String path = line.substring(0, colon).equals("/") ? "" : line.substring(0, colon);
    String message = line.substring(colon + 2);
    JsonNode node = path.isEmpty() ? c.resource() : c.resource().at(path);
    if (message.equals("read-only property set")) {
      return true; // 1
    }
    if (node.isTextual() && ArmExpression.isExpression(node.asText())) {
      return true; // 2
    }
    if (!c.version().isStrict() && message.contains("(wrong case: the spec says")) {
      return true; // 3
    }
    if (!c.version().isStrict() && message.matches("\".*\" is not one of \\[.*\\]")) {
      String value = node.asText();
      String choices = message.substring(message.indexOf('['));
      if (choices.toLowerCase(Locale.ROOT).contains("'" + value.toLowerCase(Locale.ROOT) + "'")) {
        return true; // 3
      }
    }
    if (path.equals("/type")
        && node.isTextual()
        && node.asText().equalsIgnoreCase(ImageTemplate.RESOURCE_TYPE)) {
      return true; // 4
    }
    if (message.equals("unknown property") && path.lastIndexOf('/') == 0) {
      String key = path.substring(1);
      if (SpecValidator.ARM_DEPLOYMENT_KEYS.stream().anyMatch(key::equalsIgnoreCase)
          || Stream.of("type", "apiVersion", "name").anyMatch(key::equalsIgnoreCase)) {
        return true; // 5
      }
    }
    if (c.version() == ApiVersion.V2019_05_01_PREVIEW
        && documentedFormOnlyHasExtraKeys(message, node)) {
      return true; // 8
    }
    return Stream.of(
            "values 1..5 are refused",
            "runOutputName not unique",
            "exactly one of scriptUri and inline",
            "runAsSystem needs runElevated",
            "replicationRegions and targetRegions are exclusive")
        .anyMatch(message::contains); // 6
  }

  /**
   * The oracle's own checks of the 2019 documented forms fail on extra keys even when unknown keys
   * are to be ignored, and it does not know {@code WindowsUpdate} in another case; we treat both as
   * any other unknown key or wrong-case type of a lenient version (warnings).
   */
  static boolean documentedFormOnlyHasExtraKeys(String message, JsonNode node) {
    if (message.startsWith("expected {name, subnetName, resourceGroupName} strings")) {
      return node.isObject()
          && Stream.of("name", "subnetName", "resourceGroupName")
              .allMatch(k -> !node.has(k) || node.get(k).isTextual());
    }
    if (message.startsWith("unknown ImageTemplateCustomizer type")) {
      return node.isTextual() && node.asText().equalsIgnoreCase("WindowsUpdate");
    }
    return false;
  }

  /** Every imageTemplates resource of the corpus, by case name, in file order. */
  static Map<String, ObjectNode> corpusResources(Path corpus) throws IOException {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
    for (Path f : files) {
      JsonNode doc;
      try {
        doc = Docs.jackson(Files.readString(f, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        continue; // not JSON even with comments allowed: not a case for this test
      }
      String name = corpus.relativize(f.getParent()).toString();
      if (doc.has("resources") && doc.get("resources").isArray()) {
        int i = 0;
        for (JsonNode r : doc.get("resources")) {
          if (r.isObject()
              && r.path("type").asText().equalsIgnoreCase(ImageTemplate.RESOURCE_TYPE)) {
            out.put(name + "__r" + i, (ObjectNode) r);
          }
          i++;
        }
      } else if (doc.isObject()) {
        out.put(name, (ObjectNode) doc);
      }
    }
    return out;
  }

  /** The template's own version, or every version when it is a parameter or unknown. */
  static List<ApiVersion> versionsFor(ObjectNode resource) {
    return ApiVersion.parse(resource.path("apiVersion").asText())
        .map(List::of)
        .orElse(List.of(ApiVersion.values()));
  }

  /** Generated variants; a mutation that does not apply to a resource is left out. */
  static Map<String, ObjectNode> mutations(ObjectNode base) {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    mutate(out, base, "drop-source", props -> props.remove("source"));
    mutate(
        out,
        base,
        "drop-customizer-type",
        props -> firstObject(props, "customize").ifPresent(c -> c.remove("type")));
    mutate(
        out,
        base,
        "lowercase-discriminator",
        props -> {
          Optional<ObjectNode> target = firstObject(props, "customize");
          if (target.isEmpty() && props.get("source") instanceof ObjectNode s) {
            target = Optional.of(s);
          }
          target
              .filter(t -> t.path("type").isTextual())
              .ifPresent(t -> t.put("type", t.get("type").asText().toLowerCase(Locale.ROOT)));
        });
    mutate(out, base, "unknown-property", props -> props.put("colourScheme", "blue"));
    mutate(
        out,
        base,
        "break-pattern",
        props ->
            firstObject(props, "distribute").ifPresent(d -> d.put("runOutputName", "bad name!")));
    mutate(out, base, "wrong-type", props -> props.put("buildTimeoutInMinutes", "sixty"));
    mutate(out, base, "too-large", props -> props.put("buildTimeoutInMinutes", 961));
    mutate(out, base, "later-feature", props -> props.putObject("autoRun").put("state", "Enabled"));
    mutate(
        out,
        base,
        "unknown-source-type",
        props -> {
          if (props.get("source") instanceof ObjectNode s) {
            s.put("type", "ISO");
          }
        });
    ObjectNode badIdentity = base.deepCopy();
    if (badIdentity.get("identity") instanceof ObjectNode id) {
      id.put("type", "SystemAssigned");
      out.put("bad-enum", badIdentity);
    }
    return out;
  }

  static void mutate(
      Map<String, ObjectNode> out, ObjectNode base, String name, Consumer<ObjectNode> change) {
    ObjectNode copy = base.deepCopy();
    if (copy.get("properties") instanceof ObjectNode props) {
      String before = props.toString();
      change.accept(props);
      if (!props.toString().equals(before)) {
        out.put(name, copy);
      }
    }
  }

  static Optional<ObjectNode> firstObject(ObjectNode props, String arrayName) {
    if (props.get(arrayName) instanceof ArrayNode a
        && a.size() > 0
        && a.get(0) instanceof ObjectNode first) {
      return Optional.of(first);
    }
    return Optional.empty();
  }

  static boolean python3Available() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs the oracle once over many files: file name → its problem lines (empty when OK). */
  Map<String, List<String>> runOracle(Path oracle, List<Case> cases, boolean lenient)
      throws IOException, InterruptedException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (cases.isEmpty()) {
      return out;
    }
    List<String> cmd = new ArrayList<>(List.of("python3", oracle.toString()));
    if (lenient) {
      cmd.add("--lenient-unknown");
    }
    cases.forEach(c -> cmd.add(c.fileName()));
    Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "oracle did not finish");
    String current = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("OK ") || line.startsWith("FAIL ")) {
        current = line.substring(line.indexOf(' ') + 1).trim();
        out.put(current, new ArrayList<>());
      } else if (line.startsWith("  ") && current != null) {
        out.get(current).add(line.trim());
      } else if (!line.isBlank()) {
        throw new AssertionError("unexpected oracle output: " + line + "\n" + text);
      }
    }
    assertEquals(cases.size(), out.size(), "oracle answered for every file");
    return out;
  }

  @Test
  void intendedDifferencesAreRecognised() {
    ObjectNode r = JSON.createObjectNode();
    r.put("type", "microsoft.virtualmachineimages/imagetemplates");
    r.putObject("properties").put("buildTimeoutInMinutes", "[parameters('t')]");
    Case strict = new Case("x", ApiVersion.V2024_02_01, "m", r);
    Case older = new Case("x", ApiVersion.V2022_07_01, "m", r);
    assertTrue(intendedDifference("/properties/provisioningState: read-only property set", strict));
    assertTrue(
        intendedDifference(
            "/properties/buildTimeoutInMinutes: expected integer, got \"[p]\"", strict));
    assertTrue(
        intendedDifference(
            "/type: expected Microsoft.VirtualMachineImages/imageTemplates, got 'x'", strict));
    assertTrue(intendedDifference("/comments: unknown property", strict));
    assertTrue(
        intendedDifference(
            "/properties/customize/0/type: unknown ImageTemplateCustomizer type \"shell\" (wrong"
                + " case: the spec says \"Shell\")",
            older));
    assertTrue(
        !intendedDifference(
            "/properties/customize/0/type: unknown ImageTemplateCustomizer type \"shell\" (wrong"
                + " case: the spec says \"Shell\")",
            strict));
    assertTrue(!intendedDifference("/properties/colour: unknown property", strict));
    assertTrue(
        intendedDifference("/properties/customize/0: exactly one of scriptUri and inline", strict));
    assertEquals("", JsonPointer.ROOT);
  }
}
