package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Bad input never makes the CLI fail inside: the inputs of the test data's cases (HCL2, HCL's JSON
 * syntax, legacy JSON, AIB JSON and YAML), cut, spliced and salted with the pieces that broke it
 * before (an escape beyond the int range, an exponent beyond BigDecimal's, a line separator in
 * code, long runs of one character), convert to exit 0 or 1 with located diagnostics, never to an
 * internal error (exit 70); a failed input writes nothing; the same input converts the same twice.
 * A fuzz campaign of 240,000 cases found what these pieces stand for; this keeps them found.
 */
class MutatedInputProperties {
  private static final Path DATA = Path.of("../testdata/src/main/resources");

  /** Each seed: its file name (which says its syntax) and text. */
  record Seed(String name, String text) {}

  private static final List<Seed> SEEDS = seeds();

  private static List<Seed> seeds() {
    List<Seed> out = new ArrayList<>();
    for (String folder : List.of("mapping", "packer/hcl", "cases/aib")) {
      Path dir = DATA.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files
            .filter(Files::isRegularFile)
            .filter(p -> p.getFileName().toString().startsWith("input.") || isTemplate(p))
            .sorted()
            .forEach(p -> out.add(new Seed(p.getFileName().toString(), read(p))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static boolean isTemplate(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".pkr.hcl") || n.endsWith(".pkr.json");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pieces that broke the pipeline once, and characters that end or open its tokens. */
  private static final List<String> SALT =
      List.of(
          "\\U99999999",
          "\\UFFFFFFFF",
          "1e2147483648",
          "-2.5E-9999999999",
          "\u2028",
          "\u0000",
          "\\ud800",
          "\"",
          "{",
          "}",
          "[",
          "]",
          "${",
          "{{",
          "}}",
          "\\",
          "\n",
          "\r\n",
          "\t",
          "#",
          "<<EOT\n",
          "&sig=",
          " password = ",
          "- ".repeat(2000),
          "a".repeat(3000),
          "sensitive = true ",
          "\uFEFF");

  @Provide
  Arbitrary<String[]> mutants() {
    Arbitrary<Seed> seed = Arbitraries.of(SEEDS);
    Arbitrary<Integer> where = Arbitraries.integers().between(0, 1_000_000);
    Arbitrary<Integer> cut = Arbitraries.integers().between(0, 40);
    Arbitrary<String> salt = Arbitraries.of(SALT);
    Arbitrary<Integer> how = Arbitraries.integers().between(0, 3);
    return Combinators.combine(seed, seed, where, cut, salt, how)
        .as(
            (s, other, at, length, piece, kind) -> {
              String t = s.text();
              int i = t.isEmpty() ? 0 : at % (t.length() + 1);
              int j = Math.min(t.length(), i + length);
              String mutated =
                  switch (kind) {
                    case 0 -> t.substring(0, i) + piece + t.substring(j); // replace a range
                    case 1 -> t.substring(0, i) + piece + t.substring(i); // insert
                    case 2 -> t.substring(0, i) + t.substring(j); // delete a range
                    default -> // splice the start of one seed onto the end of another
                        t.substring(0, i)
                            + other.text().substring(at % (other.text().length() + 1));
                  };
              return new String[] {s.name(), mutated};
            });
  }

  @Property(tries = 300)
  void badInputIsReportedNeverAnInternalError(@ForAll("mutants") String[] mutant) throws Exception {
    Path tmp = Files.createTempDirectory("mutated");
    try {
      Path input = tmp.resolve("in").resolve(mutant[0]);
      Files.createDirectories(input.getParent());
      Files.write(input, mutant[1].getBytes(StandardCharsets.UTF_8));
      Path out = tmp.resolve("out");

      CliRun first = CliRun.run("convert", "-o", out.toString(), input.toString());
      assertTrue(first.exitCode() == 0 || first.exitCode() == 1, first::err);
      // A line of its own: a quoted source line may hold the words (a seed's comment does).
      assertFalse(first.err().lines().anyMatch(l -> l.startsWith("internal error")), first::err);
      assertFalse(first.err().contains("please report this with the input"), first::err);
      List<String> written = files(out);
      if (first.exitCode() == 1) {
        assertEquals(List.of(), written, first::err);
      }

      Path out2 = tmp.resolve("out2");
      CliRun again = CliRun.run("convert", "-o", out2.toString(), input.toString());
      assertEquals(first.exitCode(), again.exitCode(), again::err);
      assertEquals(first.err().replace(out.toString(), out2.toString()), again.err());
      assertEquals(contents(out), contents(out2), "the same input converts the same");
    } finally {
      BulkTrees.delete(tmp);
    }
  }

  /** The files under {@code dir} by their path in it, with their text. */
  private static java.util.Map<String, String> contents(Path dir) throws IOException {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    for (String f : files(dir)) {
      out.put(dir.relativize(Path.of(f)).toString(), Files.readString(Path.of(f)));
    }
    return out;
  }

  private static List<String> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
    }
  }
}
