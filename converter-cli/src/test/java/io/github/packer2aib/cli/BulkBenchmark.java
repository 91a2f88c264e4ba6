package io.github.packer2aib.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Bulk conversion throughput of the real command line, in one JVM: {@code packer2aib convert} runs
 * in-process ({@link Main#run}) on every template of a generated corpus ({@code gen-corpus.py
 * --layout dirs}) and writes the AIB templates to files. Prints figures, asserts nothing about
 * speed (run by {@code bench/run}, never by the test suite), but exits 1 when the run converts
 * other than every template, so a broken build cannot report a fast figure.
 *
 * <p>Usage: {@code BulkBenchmark hcl|json CORPUS OUT [ROUNDS]} ({@code -Dbench.jobs=N}: {@code
 * --jobs N}). {@code hcl} converts every folder {@code CORPUS/hcl/t*} (as Packer reads a folder),
 * {@code json} every legacy JSON twin {@code CORPUS/json/t*.json}. Round 1 is what a user sees (a
 * cold JVM: class loading, interpreter, JIT warming up); further rounds show the warm speed. Round
 * N writes into {@code OUT/round-N}. Per round it prints one human line and one {@code RESULT
 * key=value ...} line for {@code bench/run}.
 *
 * <p>Peak memory per round: the sum of the heap pools' peaks (MemoryPoolMXBean, reset before the
 * round; an upper bound, as pools peak at different moments) and the process's peak resident set
 * (VmHWM from /proc/self/status, reset through /proc/self/clear_refs where the kernel allows it,
 * otherwise the peak since the JVM started).
 */
public final class BulkBenchmark {
  /** What the corpus's templates reference: their scripts and files are uploaded there. */
  static final String BASE_URI = "https://images.example.com/packer-files";

  private BulkBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3 || !(args[0].equals("hcl") || args[0].equals("json"))) {
      System.err.println("usage: BulkBenchmark hcl|json CORPUS OUT [ROUNDS]");
      System.exit(2);
    }
    String kind = args[0];
    Path corpus = Path.of(args[1]).toAbsolutePath();
    Path out = Path.of(args[2]).toAbsolutePath();
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;

    List<Path> inputs = inputs(kind, corpus);
    long bytes = inputBytes(kind, inputs);
    System.out.printf(
        Locale.ROOT, "%s corpus: %d templates, %.1f MB%n", kind, inputs.size(), bytes / 1e6);
    boolean allConverted = true;
    moveAside(out);
    for (int round = 1; round <= rounds; round++) {
      Path roundOut = out.resolve("round-" + round);
      readIntoPageCache(kind, inputs);
      settleFileSystem();
      List<String> cli = cliArguments(kind, corpus, roundOut, inputs);
      Memory.resetPeaks();
      StringWriter err = new StringWriter();
      CpuTimes cpuBefore = CpuTimes.now();
      long start = System.nanoTime();
      int code =
          Main.run(
              cli.toArray(new String[0]),
              InputStream.nullInputStream(),
              new PrintWriter(new StringWriter()),
              new PrintWriter(err));
      long nanos = System.nanoTime() - start;
      CpuTimes cpu = CpuTimes.now().since(cpuBefore);
      long heap = Memory.peakHeap();
      long rss = Memory.peakRss();
      int converted = countFiles(roundOut);
      int failed = inputs.size() - converted;
      double seconds = nanos / 1e9;
      System.out.printf(
          Locale.ROOT,
          "round %d%s: %.2f s = %.0f templates/s, %.1f MB/s; %d converted, %d failed (exit %d);"
              + " peak heap %.0f MiB, peak RSS %s; %s%n",
          round,
          round == 1 ? " (cold JVM)" : "",
          seconds,
          inputs.size() / seconds,
          bytes / 1e6 / seconds,
          converted,
          failed,
          code,
          heap / Memory.MIB,
          rss < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MiB", rss / Memory.MIB),
          cpu.describe(inputs.size(), "template"));
      System.out.printf(
          Locale.ROOT,
          "RESULT bench=bulk kind=%s round=%d templates=%d seconds=%.3f rate=%.1f mbps=%.2f"
              + " converted=%d failed=%d exit=%d peak_heap_mib=%.0f peak_rss_mib=%.0f %s%n",
          kind,
          round,
          inputs.size(),
          seconds,
          inputs.size() / seconds,
          bytes / 1e6 / seconds,
          converted,
          failed,
          code,
          heap / Memory.MIB,
          rss < 0 ? -1 : rss / Memory.MIB,
          cpu.resultFields());
      if (code != ExitCodes.OK || failed != 0) {
        allConverted = false;
        System.out.println("expected every template to convert; the first diagnostics:");
        err.toString().lines().limit(40).forEach(l -> System.out.println("  " + l));
      }
    }
    System.out.flush();
    if (!allConverted) {
      System.exit(1);
    }
  }

  /**
   * The command line of one round: bulk mode over the corpus's {@code hcl/} or {@code json/} folder
   * (its {@code files/} folder of scripts is skipped as not templates), all cores.
   */
  static List<String> cliArguments(String kind, Path corpus, Path out, List<Path> inputs) {
    List<String> cli = new ArrayList<>();
    cli.add("convert");
    cli.add("-r");
    cli.add("-q");
    // -Dbench.jobs=N: the pool size (default: the number of processors, as a user's run).
    String jobs = System.getProperty("bench.jobs");
    if (jobs != null) {
      cli.add("--jobs");
      cli.add(jobs);
    }
    cli.add("-o");
    cli.add(out.toString());
    // The templates upload ../files/...: Image Builder fetches such files from a base URI.
    cli.add("--script-base-uri");
    cli.add(BASE_URI);
    cli.add("--file-base-uri");
    cli.add(BASE_URI);
    cli.add(corpus.resolve(kind).toString());
    return cli;
  }

  /** The corpus's templates in name order: folders t* under hcl/, or files t*.json under json/. */
  static List<Path> inputs(String kind, Path corpus) throws IOException {
    Path dir = corpus.resolve(kind);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(
              p -> {
                String name = p.getFileName().toString();
                return name.startsWith("t")
                    && (kind.equals("hcl") ? Files.isDirectory(p) : name.endsWith(".json"));
              })
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** Bytes of template text: the .pkr.hcl files of each folder, or each JSON file. */
  static long inputBytes(String kind, List<Path> inputs) throws IOException {
    long bytes = 0;
    for (Path p : inputs) {
      if (kind.equals("json")) {
        bytes += Files.size(p);
        continue;
      }
      try (Stream<Path> s = Files.list(p)) {
        for (Path f : (Iterable<Path>) s::iterator) {
          if (f.getFileName().toString().endsWith(".pkr.hcl")) {
            bytes += Files.size(f);
          }
        }
      }
    }
    return bytes;
  }

  /**
   * Output files anywhere below {@code dir} (bulk mode mirrors the input tree), without the run's
   * list of them.
   */
  private static int countFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return (int)
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().equals(OutputManifest.FILE_NAME))
              .count();
    }
  }

  /**
   * Moves an earlier run's output folder aside ({@code OUT.old-<time>}, which bench/run deletes
   * after every measurement) instead of deleting it: on a file system mounted with {@code discard}
   * (ext4 here), the deletion of 10,000 files goes on in the kernel after it returns, and rounds
   * that followed one took 3 to 13 s of kernel time. Each round writes into a fresh folder of its
   * own ({@code OUT/round-N}) for the same reason. (Rounds in fresh folders still took 2.6 to 9.6
   * s: this VM's disk varies by itself; this removes one cause.)
   */
  static void moveAside(Path out) throws IOException {
    if (Files.exists(out)) {
      Files.move(out, out.resolveSibling(out.getFileName() + ".old-" + System.currentTimeMillis()));
    }
  }

  /**
   * Reads every input file once, untimed, before a round, so that every round and the reference
   * points read their inputs from the page cache. Without it the first program to read the corpus
   * after the kernel dropped it from the cache (our JSON round, which runs before plain Jackson's
   * on the same files) paid for reading the disk: a profile of such a round spent 7% of its samples
   * in the kernel's read-ahead, and plain Jackson then read what ours had brought in.
   */
  static void readIntoPageCache(String kind, List<Path> inputs) throws IOException {
    for (Path p : inputs) {
      if (kind.equals("json")) {
        Files.readAllBytes(p);
        continue;
      }
      try (Stream<Path> s = Files.list(p)) {
        for (Path f : (Iterable<Path>) s::iterator) {
          if (Files.isRegularFile(f)) {
            Files.readAllBytes(f);
          }
        }
      }
    }
  }

  /**
   * Has the kernel write back what earlier rounds and programs wrote (`sync`), before a round is
   * timed, so that writeback does not land in the round. Where there is no {@code sync} command,
   * rounds are timed as they come.
   */
  static void settleFileSystem() {
    try {
      new ProcessBuilder("sync").inheritIO().start().waitFor();
    } catch (IOException e) {
      // No sync command: nothing to wait for.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Peak heap and peak resident set of this JVM. */
  static final class Memory {
    static final double MIB = 1024.0 * 1024.0;

    private Memory() {}

    static void resetPeaks() {
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
      try {
        // "5" resets the peak RSS (VmHWM) to the current RSS (Linux 4.0+).
        Files.writeString(Path.of("/proc/self/clear_refs"), "5");
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        // Not Linux, or not allowed: VmHWM is then the peak since the JVM started.
      }
    }

    static long peakHeap() {
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      return peak;
    }

    /** VmHWM in bytes, or -1 where /proc/self/status is not available. */
    static long peakRss() {
      try {
        List<String> status =
            Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8);
        for (String line : status) {
          if (line.startsWith("VmHWM:")) {
            String[] parts = line.substring(6).trim().split("\\s+");
            return Long.parseLong(parts[0]) * 1024;
          }
        }
      } catch (IOException | NumberFormatException e) {
        return -1;
      }
      return -1;
    }
  }
}
