package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever codes {@code --ignore} is given, a run reports exactly the diagnostics of the run
 * without it minus those codes, and fails {@code --strict} exactly when a warning is left. On the
 * README's examples, which have warnings and notes of several codes.
 */
class IgnoreProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> EXAMPLES =
      List.of(
          "../testdata/examples/packer-ubuntu/ubuntu.pkr.hcl",
          "../testdata/examples/packer-scripts",
          "../testdata/examples/linux-yaml/template.yaml");

  @Provide
  Arbitrary<String> examples() {
    return Arbitraries.of(EXAMPLES).filter(e -> Files.exists(Path.of(e)));
  }

  @Provide
  Arbitrary<Set<String>> ignored() {
    return Arbitraries.of(IgnoredCodes.ignorable()).set().ofMaxSize(6);
  }

  @Property(tries = 40)
  void ignoringCodesRemovesExactlyThemAndStrictFailsOnTheWarningsLeft(
      @ForAll("examples") String example, @ForAll("ignored") Set<String> extra) throws Exception {
    List<String> all = codes(run(example, List.of()));
    // Half the time ignore some of the codes the example does have, too.
    Set<String> ignored = new TreeSet<>(extra);
    for (int i = 0; i < all.size(); i += 2) {
      ignored.add(all.get(i));
    }
    CliRun run = run(example, new ArrayList<>(ignored));
    List<String> expected = new ArrayList<>(all);
    expected.removeIf(ignored::contains);
    assertEquals(expected, codes(run));
    boolean warningLeft = expected.stream().anyMatch(c -> c.contains("-W"));
    assertEquals(warningLeft ? 1 : 0, run.exitCode(), run.err());
  }

  private static CliRun run(String example, List<String> ignored) {
    List<String> args =
        new ArrayList<>(List.of("validate", "--strict", "--diagnostics-format", "json"));
    if (!ignored.isEmpty()) {
      args.add("--ignore");
      args.add(String.join(",", ignored));
    }
    args.add(example);
    return CliRun.run(args.toArray(String[]::new));
  }

  private static List<String> codes(CliRun run) throws Exception {
    List<String> codes = new ArrayList<>();
    for (JsonNode d : JSON.readTree(run.err())) {
      codes.add(d.get("code").asText());
    }
    return codes;
  }
}
