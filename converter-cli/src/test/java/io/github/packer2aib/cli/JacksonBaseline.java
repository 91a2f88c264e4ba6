package io.github.packer2aib.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The reference point for the legacy JSON twins: plain Jackson reads each one into a tree and
 * writes it back, pretty-printed, to a file of its own, in one JVM. It is what any JSON-to-JSON
 * tool must at least do, so packer2aib's rate on the same files divided by this one says how much
 * the conversion itself costs. Same figures and {@code RESULT} lines as {@link BulkBenchmark}.
 *
 * <p>Usage: {@code JacksonBaseline CORPUS OUT [ROUNDS]}.
 */
public final class JacksonBaseline {
  private JacksonBaseline() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: JacksonBaseline CORPUS OUT [ROUNDS]");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]).toAbsolutePath();
    Path out = Path.of(args[1]).toAbsolutePath();
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    List<Path> inputs = BulkBenchmark.inputs("json", corpus);
    long bytes = BulkBenchmark.inputBytes("json", inputs);
    BulkBenchmark.moveAside(out);
    for (int round = 1; round <= rounds; round++) {
      Path roundOut = out.resolve("round-" + round);
      BulkBenchmark.readIntoPageCache("json", inputs);
      BulkBenchmark.settleFileSystem();
      BulkBenchmark.Memory.resetPeaks();
      CpuTimes cpuBefore = CpuTimes.now();
      long start = System.nanoTime();
      // Built inside the timed region: packer2aib's figure includes its own start-up work too.
      ObjectMapper mapper = new ObjectMapper();
      ObjectWriter writer = mapper.writerWithDefaultPrettyPrinter();
      Files.createDirectories(roundOut);
      int written = 0;
      for (Path p : inputs) {
        JsonNode tree = mapper.readTree(p.toFile());
        writer.writeValue(roundOut.resolve(p.getFileName().toString()).toFile(), tree);
        written++;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      CpuTimes cpu = CpuTimes.now().since(cpuBefore);
      long heap = BulkBenchmark.Memory.peakHeap();
      long rss = BulkBenchmark.Memory.peakRss();
      System.out.printf(
          Locale.ROOT,
          "round %d%s: %.2f s = %.0f files/s, %.1f MB/s; peak heap %.0f MiB; %s%n",
          round,
          round == 1 ? " (cold JVM)" : "",
          seconds,
          inputs.size() / seconds,
          bytes / 1e6 / seconds,
          heap / BulkBenchmark.Memory.MIB,
          cpu.describe(inputs.size(), "file"));
      System.out.printf(
          Locale.ROOT,
          "RESULT bench=jackson kind=json round=%d templates=%d seconds=%.3f rate=%.1f mbps=%.2f"
              + " converted=%d failed=0 exit=0 peak_heap_mib=%.0f peak_rss_mib=%.0f %s%n",
          round,
          inputs.size(),
          seconds,
          inputs.size() / seconds,
          bytes / 1e6 / seconds,
          written,
          heap / BulkBenchmark.Memory.MIB,
          rss < 0 ? -1 : rss / BulkBenchmark.Memory.MIB,
          cpu.resultFields());
    }
  }
}
