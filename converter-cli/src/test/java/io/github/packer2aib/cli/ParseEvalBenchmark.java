package io.github.packer2aib.cli;

import io.github.packer2aib.core.bind.PackerTemplates;
import io.github.packer2aib.core.bind.packer.LoadResult;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.parse.hcl.HclParser;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.grammar.hcl.HclLexer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Parse-and-evaluate throughput of the HCL2 front end, in one JVM: every template folder under a
 * generated corpus ({@code gen-corpus.py --layout dirs}) is read as Packer reads a folder — parsed,
 * variables, locals, sources and builds evaluated into the Packer model. Prints figures; asserts
 * nothing (run by {@code bench/run}, never by the test suite).
 *
 * <p>Usage: {@code ParseEvalBenchmark CORPUS/hcl [ROUNDS]}. The first round warms the JIT up; the
 * figures are those of the last round.
 */
public final class ParseEvalBenchmark {
  private ParseEvalBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]).toAbsolutePath();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    List<Path> folders;
    try (Stream<Path> s = Files.list(root)) {
      folders =
          s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("t"))
              .sorted()
              .collect(Collectors.toList());
    }
    long bytes = 0;
    for (Path f : folders) {
      try (Stream<Path> s = Files.list(f)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          if (p.toString().endsWith(".pkr.hcl")) {
            bytes += Files.size(p);
          }
        }
      }
    }
    Path cwd = Path.of("").toAbsolutePath();
    LocalFiles files = new LocalFiles(cwd);
    PackerOptions options = PackerOptions.defaults(cwd, Clock.frozenAt(Instant.EPOCH));
    System.out.printf(
        Locale.ROOT, "corpus: %d templates, %.1f MB of .pkr.hcl%n", folders.size(), bytes / 1e6);
    for (int round = 1; round <= rounds; round++) {
      long antlrStart = System.nanoTime();
      int antlrNodes = 0;
      for (Path f : folders) {
        try (Stream<Path> s = Files.list(f)) {
          for (Path p : (Iterable<Path>) s::iterator) {
            if (p.toString().endsWith(".pkr.hcl")) {
              antlrNodes += antlrOnly(Files.readString(p), p.toString());
            }
          }
        }
      }
      long antlrNanos = System.nanoTime() - antlrStart;
      long parseStart = System.nanoTime();
      int parseErrors = 0;
      HclParser parser = new HclParser();
      for (Path f : folders) {
        try (Stream<Path> s = Files.list(f)) {
          for (Path p : (Iterable<Path>) s::iterator) {
            if (p.toString().endsWith(".pkr.hcl")) {
              String text = Files.readString(p);
              parseErrors += parser.parse(new SourceFile(p.toString(), text)).hasErrors() ? 1 : 0;
            }
          }
        }
      }
      long parseNanos = System.nanoTime() - parseStart;
      long start = System.nanoTime();
      int ok = 0;
      int failed = 0;
      for (Path f : folders) {
        LoadResult r = PackerTemplates.loadHcl2(new PackerInput(f, f.toString()), options, files);
        if (r.template().isPresent()) {
          ok++;
        } else {
          failed++;
        }
      }
      long nanos = System.nanoTime() - start;
      double seconds = nanos / 1e9;
      System.out.printf(
          Locale.ROOT,
          "round %d: ANTLR's lexer and parser alone %.2f s (%.0f templates/s, %d top nodes);"
              + " our parse %.2f s (%.0f templates/s, %d with errors);"
              + " parse+evaluate %.2f s = %.0f templates/s, %.1f MB/s (%d ok, %d failed)%n",
          round,
          antlrNanos / 1e9,
          folders.size() / (antlrNanos / 1e9),
          antlrNodes,
          parseNanos / 1e9,
          folders.size() / (parseNanos / 1e9),
          parseErrors,
          seconds,
          folders.size() / seconds,
          bytes / 1e6 / seconds,
          ok,
          failed);
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "peak heap: %.0f MiB%n", peak / (1024.0 * 1024.0));
  }

  /**
   * Only what ANTLR does for a file: the generated lexer and parser (with the fast SLL prediction
   * our front end tries first) building their parse tree, without our syntax tree. The floor of
   * any front end built on these grammars; returns the number of top-level parse-tree children.
   */
  private static int antlrOnly(String text, String name) {
    HclLexer lexer = new HclLexer(CharStreams.fromString(text, name));
    lexer.removeErrorListeners();
    lexer.startConfigFile();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    io.github.packer2aib.grammar.hcl.HclParser parser =
        new io.github.packer2aib.grammar.hcl.HclParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    return parser.configFile().body().getChildCount();
  }
}
