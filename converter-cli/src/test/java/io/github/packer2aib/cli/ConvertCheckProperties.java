package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code convert -r --check} after {@code convert -r} of the same tree finds everything up to date
 * and changes nothing; after some templates change, it names exactly their outputs, and only a
 * conversion makes the check pass again. The list of outputs changes with them.
 */
class ConvertCheckProperties {
  /** A template of the tree: its family and whether it changes after the first conversion. */
  record Template(int kind, boolean changes) {}

  @Provide
  Arbitrary<List<Template>> trees() {
    Arbitrary<Template> one =
        Arbitraries.integers()
            .between(0, 2)
            .flatMap(k -> Arbitraries.of(true, false).map(c -> new Template(k, c)));
    return one.list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 12)
  void theCheckNamesExactlyTheOutputsOfChangedTemplates(@ForAll("trees") List<Template> templates)
      throws Exception {
    Path tmp = Files.createTempDirectory("check-property");
    try {
      Path root = tmp.resolve("repo");
      Path out = tmp.resolve("out");
      List<String> changed = new ArrayList<>();
      for (int i = 0; i < templates.size(); i++) {
        put(root, file(templates.get(i), i), text(templates.get(i), i, "one"));
      }
      assertEquals(0, run(out, root).exitCode());
      TreeMap<String, String> converted = BulkTrees.files(out);

      CliRun same = run(out, root, "--check");
      assertEquals(0, same.exitCode(), same.err());
      for (int i = 0; i < templates.size(); i++) {
        Template t = templates.get(i);
        if (t.changes()) {
          put(root, file(t, i), text(t, i, "two"));
          changed.add(output(t, i));
        }
      }
      CliRun after = run(out, root, "--check");

      if (!changed.isEmpty()) {
        // The list of outputs holds each one's size and CRC-32: it changes with them.
        changed.add(OutputManifest.FILE_NAME);
      }
      changed.sort(Comparator.naturalOrder());
      assertEquals(changed.isEmpty() ? 0 : 1, after.exitCode(), after.err());
      assertEquals(changed, named(after.err()));
      assertEquals(converted, BulkTrees.files(out), "--check wrote into the output folder");
      assertEquals(0, run(out, root).exitCode());
      assertEquals(0, run(out, root, "--check").exitCode());
    } finally {
      BulkTrees.delete(tmp);
    }
  }

  private static CliRun run(Path out, Path root, String... extra) {
    List<String> args = new ArrayList<>(List.of("-q", "-o", out.toString()));
    args.addAll(List.of(extra));
    args.add(root.toString());
    return BulkTrees.bulk(CliRun.with(), args.toArray(String[]::new));
  }

  private static String file(Template t, int i) {
    return switch (t.kind()) {
      case 0 -> "hcl/h" + i + "/main.pkr.hcl";
      case 1 -> "legacy/l" + i + ".json";
      default -> "aib/a" + i + ".json";
    };
  }

  private static String output(Template t, int i) {
    return switch (t.kind()) {
      case 0 -> "hcl/h" + i + "/h" + i + ".json";
      case 1 -> "legacy/l" + i + ".json";
      default -> "aib/a" + i + ".json";
    };
  }

  /** The template's text in version {@code version}: the versions differ in one command. */
  private static String text(Template t, int i, String version) {
    return switch (t.kind()) {
      case 0 -> BulkTrees.hcl("h" + i).replace("echo hello", "echo " + version);
      case 1 -> BulkTrees.legacy("l" + i).replace("echo hello", "echo " + version);
      default -> BulkTrees.AIB.replace("\"runOutputName\": \"", "\"runOutputName\": \"" + version);
    };
  }

  /** The paths the check's list on stderr names, in its order. */
  private static List<String> named(String err) {
    List<String> paths = new ArrayList<>();
    for (String line : err.split("\n")) {
      if (line.startsWith("  ") && line.endsWith(" (changed)")) {
        paths.add(line.substring(2, line.length() - " (changed)".length()));
      }
    }
    return paths;
  }
}
