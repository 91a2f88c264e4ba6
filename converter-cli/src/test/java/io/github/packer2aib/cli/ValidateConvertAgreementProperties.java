package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code validate -r} and {@code convert -r} agree on every tree: the same templates fail, with the
 * same diagnostics, and the same exit code; only convert writes.
 */
class ValidateConvertAgreementProperties {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The texts a tree's files are drawn from: good and broken templates of each family. */
  static final List<String> TEXTS =
      List.of(
          BulkTrees.hcl("web"),
          BulkTrees.hcl("web").replace("managed_image_name", "# managed_image_name"),
          BulkTrees.legacy("old"),
          BulkTrees.legacy("old").replace("\"builders\"", "\"builderz\""),
          BulkTrees.AIB,
          BulkTrees.BROKEN_AIB,
          Templates.BROKEN_JSON,
          "not: [a, template]\n");

  /** Trees as lists of indexes into {@link #TEXTS}, one per file. */
  static Arbitrary<List<Integer>> treeShapes() {
    return Arbitraries.integers().between(0, TEXTS.size() - 1).list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<List<Integer>> trees() {
    return treeShapes();
  }

  /** Writes the tree {@code files} (indexes into {@link #TEXTS}) under {@code root}. */
  static void write(Path root, List<Integer> files) {
    for (int i = 0; i < files.size(); i++) {
      int t = files.get(i);
      String name =
          t <= 1 ? "hcl/h" + i + "/main.pkr.hcl" : "f/t" + i + (t == 7 ? ".yaml" : ".json");
      put(root, name, TEXTS.get(t));
    }
  }

  @Property(tries = 15)
  void validateAndConvertReportTheSame(@ForAll("trees") List<Integer> files) throws Exception {
    Path tmp = Files.createTempDirectory("agreement");
    try {
      Path root = tmp.resolve("repo");
      write(root, files);
      Path out = tmp.resolve("out");

      CliRun convert = run("convert", "-o", out.toString(), root.toString());
      CliRun validate = run("validate", root.toString());

      assertEquals(convert.exitCode(), validate.exitCode(), convert.err() + validate.err());
      assertEquals(codes(convert.err()), codes(validate.err()));
    } finally {
      BulkTrees.delete(tmp);
    }
  }

  private static CliRun run(String command, String... rest) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "-r",
                "--identity",
                BulkTrees.IDENTITY,
                "--diagnostics-format",
                "json",
                "--show-warnings"));
    if (command.equals("validate")) {
      args.remove("--identity");
      args.remove(BulkTrees.IDENTITY);
    }
    args.addAll(List.of(rest));
    return CliRun.with().run(args.toArray(String[]::new));
  }

  /** The diagnostics' codes and files, in order, without the CLI's own about outputs. */
  private static List<String> codes(String err) throws Exception {
    List<String> codes = new ArrayList<>();
    for (JsonNode d : JSON.readTree(err)) {
      String code = d.get("code").asText();
      if (!code.equals("PKRMAP-W008")) { // no --identity for validate: a warning per Packer one
        codes.add(code + " " + d.path("range").path("file").asText());
      }
    }
    return codes;
  }
}
