package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code packer2aib} launcher script, run from a copy in a fake checkout with stand-ins for
 * {@code java} and {@code mvn} (shell scripts that log what they were asked to do): its exit codes,
 * its start-up archive (class lists, staleness, interruptions), its locale, its build lock. The
 * stand-in java's archive dump refuses a class list with a class or an id twice, as JDK 25 does.
 */
class LauncherScriptTest {
  private static final Path SCRIPT = Path.of("../packer2aib");

  private static final String STUB_JAVA =
"""
#!/usr/bin/env bash
# A stand-in for java: logs its mode, and writes class lists and archives like the JVM.
calls="${0%/bin/java}/calls"
list="" classes="" archive="" mode=run
for a in "$@"; do
  case "$a" in
    -XX:DumpLoadedClassList=*) list="${a#*=}"; mode=train ;;
    -XX:SharedClassListFile=*) classes="${a#*=}" ;;
    -XX:SharedArchiveFile=*) archive="${a#*=}" ;;
    -Xshare:dump) mode=dump ;;
    -Xshare:on) mode=check ;;
  esac
done
echo "$mode" >>"$calls"
if [ "${STUB_SLEEP:-}" = "$mode" ]; then echo "$$" >>"$calls.pids"; exec sleep 60; fi
if [ "${STUB_EXIT:-}" != "" ] && [ "${STUB_EXIT%%:*}" = "$mode" ]; then exit "${STUB_EXIT#*:}"; fi
case "$mode" in
  train)
    # As the JVM numbers each list: one class with a different id in each list, and
    # different classes with the same id.
    n="${list##*/}"; n="${n%.lst}"
    printf '%s\\n' '# NOTE: Do not modify this file.' 'java/lang/Object id: 0' \\
      "x/Only$n id: 1" "x/Shared id: $((n + 1))" '@cp x/Shared 1 2' >"$list" ;;
  dump)
    awk '/^[#@]/ { next } NF { if (names[$1]++ || ($2 == "id:" && ids[$3]++)) exit 1 }' \\
      "$classes" || { echo "Duplicated ID" >&2; exit 1; }
    echo archive >"$archive" ;;
  check) ;;
  run) echo "ran LC_ALL=${LC_ALL-unset} $*" ;;
esac
""";

  private static final String STUB_MVN =
      """
      #!/usr/bin/env bash
      # A stand-in for mvn: logs each build, writes half a jar, and builds for STUB_MVN_SECONDS.
      echo "$$" >>"$STUB_MVN_LOG"
      mkdir -p converter-cli/target
      echo half >converter-cli/target/packer2aib.jar
      sleep "${STUB_MVN_SECONDS:-0}"
      [ "${STUB_MVN_EXIT:-0}" = 0 ] || { echo "[ERROR] stand-in build failure"; exit 1; }
      echo whole >converter-cli/target/packer2aib.jar
      """;

  @TempDir Path tmp;
  private Path checkout;
  private Path jdk;
  private Path bin;

  @BeforeAll
  static void needsBash() {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no bash");
    assumeTrue(Files.isRegularFile(SCRIPT), "no launcher script at " + SCRIPT);
  }

  /** A checkout with the launcher, a jar, an example, a stand-in JDK and a stand-in mvn. */
  @BeforeEach
  void fakeCheckout() throws IOException {
    checkout = tmp.resolve("checkout");
    Path target = Files.createDirectories(checkout.resolve("converter-cli/target"));
    Files.copy(SCRIPT, checkout.resolve("packer2aib"));
    executable(checkout.resolve("packer2aib"));
    Files.writeString(target.resolve("packer2aib.jar"), "jar");
    Path example = checkout.resolve("testdata/examples/linux-yaml/template.yaml");
    Files.createDirectories(example.getParent());
    Files.writeString(example, "{}");
    jdk = tmp.resolve("jdk");
    Files.createDirectories(jdk.resolve("lib"));
    Files.writeString(jdk.resolve("lib/modules"), "modules");
    Files.setLastModifiedTime(
        jdk.resolve("lib/modules"), FileTime.from(Instant.parse("2025-05-01T00:00:00Z")));
    Files.createDirectories(jdk.resolve("bin"));
    Files.writeString(jdk.resolve("bin/java"), STUB_JAVA);
    executable(jdk.resolve("bin/java"));
    bin = Files.createDirectories(tmp.resolve("bin"));
    Files.writeString(bin.resolve("mvn"), STUB_MVN);
    executable(bin.resolve("mvn"));
    Files.createDirectories(tmp.resolve("home"));
  }

  private static void executable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private ProcessBuilder launcher(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(checkout.resolve("packer2aib").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    Map<String, String> e = pb.environment();
    for (String name :
        List.of("JAVA", "JAVA_HOME", "JAVA_OPTS", "XDG_CACHE_HOME", "LC_ALL", "LC_CTYPE", "LANG")) {
      e.remove(name);
    }
    e.put("PATH", bin + ":" + System.getenv("PATH"));
    e.put("HOME", tmp.resolve("home").toString());
    e.put("JAVA", jdk.resolve("bin/java").toString());
    e.put("LANG", "C.UTF-8");
    e.put("STUB_MVN_LOG", tmp.resolve("mvn.log").toString());
    e.putAll(env);
    return pb;
  }

  private record Run(int code, String out, String err) {}

  private Run run(Map<String, String> env, String... args) throws Exception {
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p =
        launcher(env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private List<String> calls() throws IOException {
    Path calls = jdk.resolve("calls");
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  private List<String> targetNames() throws IOException {
    try (Stream<Path> files = Files.list(checkout.resolve("converter-cli/target"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private List<String> archives() throws IOException {
    return targetNames().stream().filter(n -> n.contains(".jsa") || n.startsWith(".cds")).toList();
  }

  /** Starts the launcher, waits until the stand-in java is in {@code mode}, and signals it. */
  private Run interrupted(String signal, Map<String, String> env, String mode) throws Exception {
    Path err = tmp.resolve("interrupted.err");
    Process p =
        launcher(env, "--version")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!calls().contains(mode) || !Files.exists(jdk.resolve("calls.pids"))) {
      assertTrue(System.nanoTime() < deadline && p.isAlive(), "never reached " + mode);
      Thread.sleep(50);
    }
    Thread.sleep(200); // both lanes of training started
    new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the launcher went on after SIG" + signal);
    for (String pid : Files.readAllLines(jdk.resolve("calls.pids"))) {
      var child = ProcessHandle.of(Long.parseLong(pid.trim()));
      for (int i = 0; i < 50 && child.map(ProcessHandle::isAlive).orElse(false); i++) {
        Thread.sleep(100);
      }
      assertFalse(child.map(ProcessHandle::isAlive).orElse(false), "java " + pid + " still runs");
    }
    return new Run(p.exitValue(), "", Files.readString(err));
  }

  @Test
  void theFirstRunMakesAnArchiveFromClassListsThatNumberTheirClassesDifferently() throws Exception {
    Run first = run(Map.of(), "--version");
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().startsWith("ran LC_ALL=unset "), first.out());
    assertTrue(first.out().contains("-XX:SharedArchiveFile="), first.out());
    String archive =
        "packer2aib."
            + jdk.resolve("bin/java").toRealPath().toString().replaceAll("[^A-Za-z0-9.-]", "_")
            + ".jsa";
    assertEquals(List.of(archive, archive + ".jdk"), archives());
    assertEquals(1, calls().stream().filter("dump"::equals).count(), calls().toString());
    // Five training runs: the lists of the examples (three), the bulk run and the help.
    assertEquals(5, calls().stream().filter("train"::equals).count(), calls().toString());

    Files.delete(jdk.resolve("calls"));
    assertEquals(0, run(Map.of(), "--version").code());
    assertEquals(List.of("run"), calls(), "the archive is made once");
  }

  @Test
  void theMergedClassListHasEachClassOnceWithIdsOfItsOwn() throws Exception {
    String lists =
        "printf '%s\\n' '# NOTE' 'java/lang/Object id: 0' 'jdk/internal/ref/Cleaner id: 265'"
            + " 'a/B id: 266' '@cp a/B 1 2' >1.lst\n"
            + "printf '%s\\n' '# NOTE' 'java/lang/Object id: 0' 'c/D id: 265'"
            + " 'jdk/internal/ref/Cleaner id: 270' '@cp a/B 1 2' '@cp c/D 3'"
            + " 'e/F id: 9 super: 0 source: /x.jar' >2.lst\n"
            + "merge_class_lists 1.lst 2.lst\n";
    assertEquals(
        String.join(
            "\n",
            "# NOTE",
            "java/lang/Object id: 0",
            "jdk/internal/ref/Cleaner id: 1",
            "a/B id: 2",
            "@cp a/B 1 2",
            "c/D id: 3",
            "@cp c/D 3",
            ""),
        function("merge_class_lists", lists));
  }

  @Test
  void anArchiveOfAJdkReplacedInPlaceIsMadeAgain() throws Exception {
    assertEquals(0, run(Map.of(), "--version").code());
    Files.delete(jdk.resolve("calls"));
    // A package update installs lib/modules with the package's build time, older than the archive.
    Files.setLastModifiedTime(
        jdk.resolve("lib/modules"), FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
    assertEquals(0, run(Map.of(), "--version").code());
    assertTrue(calls().contains("dump"), calls().toString());
    Files.delete(jdk.resolve("calls"));
    assertEquals(0, run(Map.of(), "--version").code());
    assertEquals(List.of("run"), calls());
  }

  @Test
  void ctrlCDuringTrainingStopsWithExit130AndLeavesNothing() throws Exception {
    Run r = interrupted("INT", Map.of("STUB_SLEEP", "train"), "train");
    assertEquals(130, r.code(), r.err());
    assertEquals(List.of(), archives(), "no work folder and no .failed marker");
    assertFalse(calls().contains("run"), "the command did not run");
  }

  @Test
  void sigtermDuringTheDumpStopsWithExit143AndRemembersNoFailure() throws Exception {
    Run r = interrupted("TERM", Map.of("STUB_SLEEP", "dump"), "dump");
    assertEquals(143, r.code(), r.err());
    assertEquals(List.of(), archives());
  }

  @Test
  void aTrainingJvmStoppedByASignalIsAnInterruption() throws Exception {
    Run r = run(Map.of("STUB_EXIT", "train:130"), "--version");
    assertEquals(130, r.code(), r.err());
    assertEquals(List.of(), archives());
    // A dump that fails is remembered, and the command runs without an archive.
    r = run(Map.of("STUB_EXIT", "dump:1"), "--version");
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().contains("SharedArchiveFile"), r.out());
    assertTrue(archives().stream().anyMatch(n -> n.endsWith(".jsa.failed")), archives().toString());
  }

  @Test
  void javaThatIsMissingOrNotExecutableHasTheShellsExitCodes() throws Exception {
    Path passwd = Files.writeString(tmp.resolve("passwd"), "root:x:0:0\n");
    Run r = run(Map.of("JAVA", passwd.toString()), "--version");
    assertEquals(126, r.code(), r.err());
    assertTrue(r.err().contains("'" + passwd + "' not executable"), r.err());
    r = run(Map.of("JAVA", tmp.toString()), "--version");
    assertEquals(126, r.code(), r.err());
    r = run(Map.of("JAVA", tmp.resolve("nowhere/bin/java").toString()), "--version");
    assertEquals(127, r.code(), r.err());
    assertTrue(r.err().contains("not found"), r.err());
  }

  /**
   * {@code sh packer2aib} (dash) stopped at {@code set -o pipefail} with "Illegal option -o
   * pipefail" and exit 2, the CLI's code for a usage error.
   */
  @Test
  void runByAnotherShellItSaysThatItNeedsBash() throws Exception {
    Path dash =
        Stream.of("/bin/dash", "/usr/bin/dash")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    assumeTrue(dash != null, "no dash");
    Path out = tmp.resolve("sh.out");
    Path err = tmp.resolve("sh.err");
    ProcessBuilder pb = launcher(Map.of(), "--version");
    pb.command().add(0, dash.toString());
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");

    assertEquals(126, p.exitValue(), Files.readString(err));
    assertEquals(
        "packer2aib: this launcher is a bash script: run it as ./packer2aib or bash packer2aib\n",
        Files.readString(err));
    assertEquals("", Files.readString(out));
    assertEquals(List.of(), calls());
  }

  @Test
  void aRelativeXdgCacheHomeIsIgnored() throws Exception {
    String body = "user_cache && echo \"$cache\"\n";
    assertEquals(
        "/home/u/.cache\n", function("user_cache", "HOME=/home/u XDG_CACHE_HOME=cache\n" + body));
    assertEquals("/c\n", function("user_cache", "HOME=/home/u XDG_CACHE_HOME=/c\n" + body));
    assertEquals("", function("user_cache", "HOME=home XDG_CACHE_HOME=\n" + body));
  }

  @Test
  void aUtf8LocaleThatIsNotInstalledFallsBackToCUtf8() throws Exception {
    assumeTrue(cUtf8Exists(), "the system has no C.UTF-8 locale");
    Run r = run(Map.of("LANG", "xx_NO.UTF-8"), "--version");
    assertTrue(r.out().startsWith("ran LC_ALL=C.UTF-8 "), r.out());
    r = run(Map.of("LANG", "C"), "--version");
    assertTrue(r.out().startsWith("ran LC_ALL=C.UTF-8 "), r.out());
    r = run(Map.of("LANG", "C.UTF-8"), "--version");
    assertTrue(r.out().startsWith("ran LC_ALL=unset "), r.out());
  }

  private static boolean cUtf8Exists() throws Exception {
    Process p = new ProcessBuilder("locale", "-a").redirectErrorStream(true).start();
    String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return all.lines().anyMatch(l -> l.equalsIgnoreCase("C.UTF-8") || l.equalsIgnoreCase("C.utf8"));
  }

  @Test
  void twoRunsAfterAChangeBuildOnce() throws Exception {
    assumeTrue(onPath("flock"), "no flock");
    Files.delete(checkout.resolve("converter-cli/target/packer2aib.jar"));
    Map<String, String> env = Map.of("STUB_MVN_SECONDS", "2", "PACKER2AIB_CDS", "0");
    Path err1 = tmp.resolve("err1");
    Path err2 = tmp.resolve("err2");
    Process first = launcher(env, "--version").redirectError(err1.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(tmp.resolve("mvn.log"))) {
      assertTrue(System.nanoTime() < deadline, "the first run did not build");
      Thread.sleep(20);
    }
    Process second = launcher(env, "--version").redirectError(err2.toFile()).start();
    assertTrue(first.waitFor(60, TimeUnit.SECONDS) && second.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, first.exitValue(), Files.readString(err1));
    assertEquals(0, second.exitValue(), Files.readString(err2));
    assertEquals(1, Files.readAllLines(tmp.resolve("mvn.log")).size(), "one build");
    assertTrue(
        Files.readString(err2).contains("waiting for another packer2aib to finish building"),
        Files.readString(err2));
  }

  @Test
  void aFailedOrInterruptedBuildLeavesNoJar() throws Exception {
    Files.delete(checkout.resolve("converter-cli/target/packer2aib.jar"));
    Run r = run(Map.of("STUB_MVN_EXIT", "1"), "--version");
    assertEquals(69, r.code(), r.err());
    assertTrue(r.err().contains("[ERROR] stand-in build failure"), r.err());
    assertFalse(Files.exists(checkout.resolve("converter-cli/target/packer2aib.jar")));

    Process p =
        launcher(Map.of("STUB_MVN_SECONDS", "60"), "--version")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Path jar = checkout.resolve("converter-cli/target/packer2aib.jar");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(jar)) {
      assertTrue(System.nanoTime() < deadline, "the build did not start");
      Thread.sleep(20);
    }
    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the launcher went on after SIGINT");
    assertEquals(130, p.exitValue());
    assertFalse(Files.exists(jar), "a half-written jar would pass for up to date");
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv("PATH").split(":")) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code body} in bash after the definition of the launcher's function {@code name}. */
  private String function(String name, String body) throws Exception {
    List<String> lines = Files.readAllLines(SCRIPT);
    int start = lines.indexOf(name + "() {");
    assertTrue(start >= 0, "the launcher has no function " + name);
    int end = lines.subList(start, lines.size()).indexOf("}") + start;
    String script = String.join("\n", lines.subList(start, end + 1)) + "\n" + body;
    Process p =
        new ProcessBuilder("bash", "-c", script)
            .directory(Files.createDirectories(tmp.resolve("fn")).toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    return out;
  }
}
