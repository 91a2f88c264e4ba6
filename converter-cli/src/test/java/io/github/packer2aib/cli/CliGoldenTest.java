package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What users see of the command line itself, pinned byte for byte: every command's help, the
 * version, the completion script and a set of usage errors (stdout, stderr and exit code). None of
 * these runs reads an input, so they are the same on every machine. The files are under {@code
 * src/test/resources/io/github/packer2aib/cli/golden/}; run with {@code -Dgolden.update=true} to
 * rewrite them, then review the diff.
 */
class CliGoldenTest {
  static final Path DIR = Path.of("src/test/resources/io/github/packer2aib/cli/golden");

  /** One pinned run: the golden file's name and the arguments. */
  private record Case(String name, String... args) {}

  private static final List<Case> CASES =
      List.of(
          new Case("help-top", "--help"),
          new Case("help-top-short", "-h"),
          new Case("help-convert", "convert", "--help"),
          new Case("help-validate", "validate", "--help"),
          new Case("help-inspect", "inspect", "--help"),
          new Case("help-completion", "completion", "--help"),
          new Case("help-codes", "codes", "--help"),
          new Case("codes", "codes"),
          new Case("codes-prefixes", "codes", "pkrmap-w1", "CLI-"),
          new Case("codes-unknown-prefix", "codes", "XYZ"),
          new Case("help-help", "help", "--help"),
          new Case("help-command", "help"),
          new Case("help-command-convert", "help", "convert"),
          new Case("help-command-inspect", "help", "inspect"),
          new Case("help-command-unknown", "help", "conver"),
          new Case("help-command-unknown-far", "help", "images"),
          new Case("version", "--version"),
          new Case("version-convert", "convert", "-V"),
          new Case("version-short", "-V"),
          new Case("version-debug", "--debug", "--version"),
          new Case("version-and-help", "-V", "--help"),
          new Case("version-and-help-short", "-Vh"),
          new Case("error-version-twice", "-V", "--version"),
          new Case("error-version-with-command-typo", "--version", "conver"),
          new Case("completion", "completion"),
          new Case("error-no-command"),
          new Case("error-unknown-top-option", "--bogus"),
          new Case("error-mistyped-command", "conver", "x.json"),
          new Case("error-unknown-option", "convert", "--bogus=hunter2", "x.json"),
          new Case("error-mistyped-option", "convert", "--stirct", "x.json"),
          // A swap of two letters, and another case: the option all the same.
          new Case("error-mistyped-option-swap", "convert", "-r", "--jbos", "2", "-o", "o", "."),
          new Case("error-mistyped-option-case", "convert", "--STRICT", "x.json"),
          new Case("error-mistyped-version", "convert", "--VERSION"),
          new Case("error-missing-value", "convert", "x.json", "--format"),
          new Case("error-missing-input", "convert"),
          // The typo is named even when INPUT is missing too (picocli reported only INPUT).
          new Case("error-mistyped-option-no-input", "validate", "--strcit"),
          new Case("error-unknown-option-no-input", "inspect", "--varr"),
          new Case("error-bad-format", "convert", "--format", "xml", "x.json"),
          new Case("error-bad-api-version", "validate", "--api-version=1999-01-01", "x.json"),
          new Case("error-bad-diagnostics-format", "inspect", "--diagnostics-format", "xml", "x"),
          new Case("error-bad-gallery-versioning", "convert", "--gallery-versioning", "x", "x"),
          new Case("error-bad-build-timeout", "convert", "--build-timeout", "5", "x"),
          new Case("error-bad-progress", "convert", "-r", "-o", "out", "--progress=fast", "x"),
          new Case("error-bad-jobs", "convert", "-r", "-o", "out", "--jobs", "many", "x"),
          new Case("error-bad-var", "convert", "--var", "secret", "x.json"),
          new Case("error-bad-data", "convert", "--data", "hcp.base.id=hunter2", "x.json"),
          new Case("error-bad-identity", "convert", "--identity", "/x/y", "x.json"),
          new Case("error-blank-location", "convert", "--location", " ", "x.json"),
          // No region has this name; --location is written into templates as it is given.
          new Case("error-bad-location", "convert", "--location", "[westeurope]", "x.json"),
          // The signature is never echoed; one usage error, not one error per template.
          new Case(
              "error-signed-base-uri",
              "convert",
              "-r",
              "-o",
              "out",
              "--script-base-uri",
              "https://st.blob.core.windows.net/c/?sv=1&sig=S1gnature",
              "repo"),
          new Case("error-boolean-with-value", "validate", "--strict=maybe", "x.json"),
          new Case("error-option-of-another-command", "validate", "--prune", "x.json"),
          new Case("error-bulk-option-without-r", "convert", "--include", "*.json", "x.json"),
          new Case("error-inspect-two-inputs", "inspect", "a", "b"),
          new Case("error-inspect-no-input", "inspect"),
          new Case("error-completion-argument", "completion", "zsh"),
          new Case("error-debug-value", "--debug=yes", "convert", "x.json"),
          new Case("error-flag-twice", "convert", "--strict", "--strict", "x.json"),
          new Case("error-debug-twice", "--debug", "convert", "--debug", "x.json"),
          new Case("error-option-twice", "convert", "--format", "json", "--format=yaml", "x.json"),
          new Case("error-positional-twice", "inspect", "--quiet", "a", "--strict", "b"),
          new Case("error-recursive-twice", "convert", "-rr", "-o", "out", "x"));

  @TestFactory
  Stream<DynamicTest> eachRunMatchesItsGoldenFile() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(Case c) throws IOException {
    CliRun r = CliRun.run(c.args());
    String actual =
        "$ packer2aib "
            + String.join(" ", c.args())
            + "\nexit: "
            + r.exitCode()
            + "\n--- stdout\n"
            + r.out()
            + "--- stderr\n"
            + r.err();
    checkGolden(c.name() + ".txt", actual.replace(VersionProvider.version(), "<version>"));
  }

  /** Compares {@code actual} with the golden file, or rewrites it under {@code golden.update}. */
  static void checkGolden(String name, String actual) throws IOException {
    Path file = DIR.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual);
      return;
    }
    assertTrue(Files.exists(file), file + " is missing; run with -Dgolden.update=true");
    assertEquals(Files.readString(file), actual, file + " differs");
  }
}
