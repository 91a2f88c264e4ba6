package io.github.packer2aib.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The CPU time this process has used, in user mode and in the kernel, from {@code /proc/self/stat}
 * (all threads: the workers, the JIT compiler and the garbage collector). The benchmarks print it
 * beside the wall-clock figures because the two tell different stories on a busy or slow file
 * system: creating thousands of files can cost the kernel more than the conversion costs us.
 *
 * @param userSeconds CPU seconds in user mode, or -1 where {@code /proc} is not available
 * @param kernelSeconds CPU seconds in the kernel, or -1 likewise
 */
record CpuTimes(double userSeconds, double kernelSeconds) {
  /** The kernel's USER_HZ, the unit of the stat file's times: 100 on every mainstream Linux. */
  private static final double TICKS_PER_SECOND = 100.0;

  static CpuTimes now() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
      // The command name (field 2) is in parentheses and may hold spaces: count after its end.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      // Fields 14 (utime) and 15 (stime) of proc(5), i.e. 11 and 12 after the name.
      return new CpuTimes(
          Long.parseLong(fields[11]) / TICKS_PER_SECOND,
          Long.parseLong(fields[12]) / TICKS_PER_SECOND);
    } catch (IOException | RuntimeException e) {
      return new CpuTimes(-1, -1);
    }
  }

  boolean known() {
    return userSeconds >= 0 && kernelSeconds >= 0;
  }

  /** The CPU used since {@code earlier}. */
  CpuTimes since(CpuTimes earlier) {
    if (!known() || !earlier.known()) {
      return new CpuTimes(-1, -1);
    }
    return new CpuTimes(userSeconds - earlier.userSeconds, kernelSeconds - earlier.kernelSeconds);
  }

  /** "CPU 39.1 s user + 3.2 s kernel = 4.23 ms per template", or "CPU unknown". */
  String describe(int items, String item) {
    if (!known()) {
      return "CPU unknown";
    }
    return String.format(
        Locale.ROOT,
        "CPU %.1f s user + %.1f s kernel = %.2f ms per %s",
        userSeconds,
        kernelSeconds,
        (userSeconds + kernelSeconds) * 1000 / items,
        item);
  }

  /** The {@code RESULT} fields: {@code cpu_user_s=39.10 cpu_kernel_s=3.20} (-1 when unknown). */
  String resultFields() {
    return String.format(
        Locale.ROOT, "cpu_user_s=%.2f cpu_kernel_s=%.2f", userSeconds, kernelSeconds);
  }
}
