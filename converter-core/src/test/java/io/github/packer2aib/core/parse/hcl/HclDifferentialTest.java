package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.core.testing.SharedFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.Body;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.syntax.ObjectCons;
import io.github.packer2aib.core.hcl.syntax.ObjectItem;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.Tuple;
import io.github.packer2aib.core.hcl.syntax.UnaryOp;
import io.github.packer2aib.core.hcl.syntax.UnaryOperator;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against HashiCorp's own HCL parser (Go, compiled to WebAssembly: npm
 * {@code @cdktf/hcl2json}, driven by {@code ../shared/tools/hcl2json.mjs}; install it with {@code
 * .ci/install-oracles}). Inputs: every {@code .pkr.hcl} and {@code .pkrvars.hcl} of the shared
 * corpus, a generated corpus ({@code gen-corpus.py}), and every conformance case input, which
 * includes the hand-written invalid ones. For each file our parse must succeed exactly when
 * HashiCorp's does, and where both succeed, literal values (strings, heredocs, numbers, bools,
 * null, and tuples and objects of them) of top-level attributes, variable defaults, locals and
 * source attributes must agree. Skips when node, the oracle module or {@code ../shared} is missing.
 */
class HclDifferentialTest {
  /** Inputs where we knowingly differ from HashiCorp's parser, with the reason. */
  private static final Map<String, String> KNOWN_DIFFERENCES =
      Map.of(
          "error-too-deeply-nested",
          "we reject nesting deeper than HclParser.MAX_NESTING; HashiCorp's parser has no limit");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @TempDir static Path generated;

  private static final Map<Path, JsonNode> oracle = new LinkedHashMap<>();
  private static final List<Path> inputs = new ArrayList<>();

  @BeforeAll
  static void runOracle() throws IOException, InterruptedException {
    Path repo = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    Optional<Path> sharedFolder = sharedFolder(repo);
    assumeTrue(sharedFolder.isPresent(), "skipped: ../shared not found beside " + repo);
    Path shared = sharedFolder.get();
    Path script = shared.resolve("tools/hcl2json.mjs");
    Path module = repo.resolve(".tools/hcl2json/node_modules/@cdktf/hcl2json/lib/index.js");
    assumeTrue(
        Files.isRegularFile(module),
        "skipped: the hcl2json oracle is not installed; run .ci/install-oracles (" + module + ")");
    assumeTrue(works("node", "--version"), "skipped: node is not on the PATH");
    assumeTrue(works("python3", "--version"), "skipped: python3 is not on the PATH");

    try (Stream<Path> files = Files.walk(shared.resolve("corpus"))) {
      files
          .filter(p -> p.toString().endsWith(".pkr.hcl") || p.toString().endsWith(".pkrvars.hcl"))
          .sorted()
          .forEach(inputs::add);
    }
    run(
        "python3",
        shared.resolve("tools/gen-corpus.py").toString(),
        "--n",
        "200",
        "--seed",
        "7",
        "--out",
        generated.toString());
    try (Stream<Path> files = Files.walk(generated)) {
      files.filter(p -> p.toString().endsWith(".hcl")).sorted().forEach(inputs::add);
    }
    Path cases = repo.resolve("testdata/src/main/resources/hcl/syntax");
    try (Stream<Path> files = Files.list(cases)) {
      files
          .map(dir -> dir.resolve("input.hcl"))
          .filter(Files::isRegularFile)
          .filter(p -> !KNOWN_DIFFERENCES.containsKey(p.getParent().getFileName().toString()))
          .sorted()
          .forEach(inputs::add);
    }

    List<String> command = new ArrayList<>(List.of("node", script.toString()));
    inputs.forEach(p -> command.add(p.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
    builder.environment().put("HCL2JSON_MODULE", module.toString());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "hcl2json did not finish");
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        JsonNode result = JSON.readTree(line);
        oracle.put(Path.of(result.get("file").asText()), result);
      }
    }
    assertEquals(inputs.size(), oracle.size(), "hcl2json answered for every input");
  }

  @Test
  void parsesExactlyWhenHashiCorpParserDoes() throws IOException {
    assertTrue(inputs.size() > 300, "corpus, generated corpus and cases: " + inputs.size());
    List<String> mismatches = new ArrayList<>();
    int invalid = 0;
    for (Path input : inputs) {
      HclParseResult ours = parse(input);
      JsonNode theirs = oracle.get(input);
      boolean theyAccept = theirs.get("ok").asBoolean();
      invalid += theyAccept ? 0 : 1;
      if (ours.hasErrors() == theyAccept) {
        mismatches.add(
            input
                + ": ours "
                + (ours.hasErrors()
                    ? "rejects (" + ours.diagnostics().get(0).summary() + ")"
                    : "accepts")
                + ", HashiCorp's "
                + (theyAccept ? "accepts" : "rejects (" + theirs.get("error").asText() + ")"));
      }
    }
    assertEquals(List.of(), mismatches);
    assertTrue(invalid >= 40, "the set includes invalid inputs: " + invalid);
  }

  @Test
  void literalValuesAgree() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    for (Path input : inputs) {
      JsonNode theirs = oracle.get(input);
      HclParseResult ours = parse(input);
      if (!theirs.get("ok").asBoolean() || ours.hasErrors()) {
        continue;
      }
      for (Map.Entry<String, Attribute> e : literalAttributes(ours.body()).entrySet()) {
        Optional<JsonNode> expected = literal(e.getValue().expression());
        if (expected.isEmpty()) {
          continue;
        }
        JsonNode actual = at(theirs.get("json"), e.getKey());
        compared++;
        if (actual == null || !sameValue(expected.get(), actual)) {
          mismatches.add(
              input + " " + e.getKey() + ": ours " + expected.get() + ", theirs " + actual);
        }
      }
    }
    assertEquals(List.of(), mismatches);
    assertTrue(compared > 1000, "literal values compared: " + compared);
  }

  // ---- where attributes sit in hcl2json's output ----------------------------------------------

  /**
   * Attributes to compare, keyed by their JSON pointer-like path in hcl2json's output: top-level
   * attributes, {@code variable "x" { default }}, {@code locals} and {@code source "t" "n"} bodies.
   * hcl2json groups blocks by type and labels; each block is one element of an array.
   */
  private static Map<String, Attribute> literalAttributes(Body body) {
    Map<String, Attribute> out = new LinkedHashMap<>();
    for (Attribute a : body.attributes()) {
      out.put("/" + a.name(), a);
    }
    Map<String, Integer> seen = new HashMap<>();
    for (Block block : body.blocks()) {
      String key = block.type() + "/" + String.join("/", block.labelValues());
      int index = seen.merge(key, 1, Integer::sum) - 1;
      String prefix = "/" + key + (block.labels().isEmpty() ? "" : "/") + index;
      boolean wanted =
          (block.type().equals("variable") && block.labels().size() == 1)
              || (block.type().equals("locals") && block.labels().isEmpty())
              || (block.type().equals("source") && block.labels().size() == 2);
      if (!wanted) {
        continue;
      }
      for (Attribute a : block.body().attributes()) {
        if (block.type().equals("variable") && !a.name().equals("default")) {
          continue;
        }
        out.put(prefix + "/" + a.name(), a);
      }
    }
    return out;
  }

  private static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (String step : path.substring(1).split("/", -1)) {
      if (node == null) {
        return null;
      }
      node = node.isArray() ? node.get(Integer.parseInt(step)) : node.get(step);
    }
    return node;
  }

  // ---- literal values -------------------------------------------------------------------------

  /** The JSON value of a literal expression; empty for anything hcl2json would render as code. */
  private static Optional<JsonNode> literal(Expression e) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (e instanceof LiteralValue v) {
      switch (v.kind()) {
        case NUMBER:
          return Optional.of(f.numberNode(v.number()));
        case BOOL:
          return Optional.of(f.booleanNode(v.bool()));
        case NULL:
          return Optional.of(f.nullNode());
        default:
          return Optional.empty();
      }
    }
    if (e instanceof UnaryOp u
        && u.operator() == UnaryOperator.NEGATE
        && u.operand() instanceof LiteralValue v
        && v.kind() == LiteralValue.Kind.NUMBER) {
      return Optional.of(f.numberNode(v.number().negate()));
    }
    if (e instanceof TemplateExpr t && t.literalText().isPresent()) {
      // hcl2json writes template text as a template again, so "${" and "%{" come back escaped;
      // and HCL strings are NFC-normalized values.
      String text = Normalizer.normalize(t.literalText().get(), Normalizer.Form.NFC);
      return Optional.of(f.textNode(text.replace("${", "$${").replace("%{", "%%{")));
    }
    if (e instanceof Tuple t) {
      ArrayNode array = f.arrayNode();
      for (Expression element : t.elements()) {
        Optional<JsonNode> value = literal(element);
        if (value.isEmpty()) {
          return Optional.empty();
        }
        array.add(value.get());
      }
      return Optional.of(array);
    }
    if (e instanceof ObjectCons o) {
      ObjectNode object = f.objectNode();
      for (ObjectItem item : o.items()) {
        Optional<String> key =
            item.literalName()
                .or(
                    () ->
                        item.key() instanceof TemplateExpr t ? t.literalText() : Optional.empty());
        Optional<JsonNode> value = literal(item.value());
        if (key.isEmpty() || value.isEmpty() || object.has(key.get())) {
          return Optional.empty();
        }
        object.set(key.get(), value.get());
      }
      return Optional.of(object);
    }
    return Optional.empty();
  }

  private static boolean sameValue(JsonNode ours, JsonNode theirs) {
    if (ours.isNumber() && theirs.isNumber()) {
      // hcl2json's JSON goes through float64, so beyond 15 digits only that precision is compared.
      return ours.decimalValue().compareTo(theirs.decimalValue()) == 0
          || ours.decimalValue().doubleValue() == theirs.decimalValue().doubleValue();
    }
    if (ours.isArray() && theirs.isArray()) {
      if (ours.size() != theirs.size()) {
        return false;
      }
      for (int i = 0; i < ours.size(); i++) {
        if (!sameValue(ours.get(i), theirs.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (ours.isObject() && theirs.isObject()) {
      if (!Set.copyOf(names(ours)).equals(Set.copyOf(names(theirs)))) {
        return false;
      }
      for (String name : names(ours)) {
        if (!sameValue(ours.get(name), theirs.get(name))) {
          return false;
        }
      }
      return true;
    }
    return ours.equals(theirs);
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  // ---- helpers --------------------------------------------------------------------------------

  static Optional<Path> sharedFolder(Path repo) {
    return SharedFolder.find();
  }

  private static HclParseResult parse(Path input) throws IOException {
    String text = Files.readString(input, StandardCharsets.UTF_8);
    return new HclParser().parse(new SourceFile(input.toString(), text));
  }

  private static boolean works(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
    assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + out);
  }
}
