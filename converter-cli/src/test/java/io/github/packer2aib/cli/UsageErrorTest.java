package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.packer2aib.core.aib.ApiVersion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command lines that are wrong: exit 2, a message, a pointer to --help, and no output. */
class UsageErrorTest {
  @TempDir Path tmp;

  private Path input() {
    return Templates.write(tmp, "web.json", Templates.VALID_AIB);
  }

  @Test
  void unknownOption() {
    CliRun r = CliRun.run("convert", "--bogus", input().toString());

    assertEquals(2, r.exitCode());
    assertEquals("", r.out());
    assertEquals(
        "error: Unknown option: '--bogus'\n"
            + "Try 'packer2aib convert --help' for more information.\n",
        r.err());
  }

  /**
   * A quote in a comma-separated value is a character like any other: picocli's quote handling
   * printed a warning on stderr, which with --diagnostics-format json must hold one JSON document.
   */
  @Test
  void aQuoteInAListValueIsJustACharacter() throws Exception {
    CliRun r =
        CliRun.run("convert", "--only", "\"x", "--diagnostics-format", "json", input().toString());

    assertFalse(r.err().contains("picocli"), r.err());
    new ObjectMapper().readTree(r.err()); // one JSON document
    CliRun ignore = CliRun.run("convert", "--ignore", "PKRMAP-W301,\"x", input().toString());
    assertEquals(2, ignore.exitCode());
    assertTrue(ignore.err().startsWith("error: Invalid value for option '--ignore'"), ignore.err());
    assertTrue(ignore.err().contains("'\"X'"), ignore.err());
  }

  @Test
  void mistypedOptionGetsASuggestion() {
    CliRun r = CliRun.run("convert", "--stirct", input().toString());

    assertEquals(2, r.exitCode());
    assertTrue(r.err().startsWith("error: Unknown option: '--stirct'\n"), r.err());
    assertTrue(r.err().contains("--strict"), r.err());
  }

  @Test
  void theValueOfAnUnknownOptionIsNotEchoed() {
    CliRun r = CliRun.run("convert", "--client-secret=hunter2", input().toString());

    assertEquals(2, r.exitCode());
    assertFalse(r.err().contains("hunter2"), r.err());
    assertTrue(r.err().startsWith("error: Unknown option: '--client-secret'\n"), r.err());
  }

  @Test
  void unknownApiVersionListsTheSupportedOnes() {
    CliRun r = CliRun.run("convert", "--api-version", "2020-01-01", input().toString());

    assertEquals(2, r.exitCode());
    assertEquals("", r.out());
    assertTrue(r.err().contains("unknown API version '2020-01-01'"), r.err());
    assertTrue(
        r.err().contains("supported versions: " + String.join(", ", ApiVersion.ids())), r.err());
    assertTrue(r.err().endsWith("Try 'packer2aib convert --help' for more information.\n"));
  }

  @Test
  void validateAlsoChecksTheApiVersion() {
    CliRun r = CliRun.run("validate", "--api-version=latest", input().toString());

    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("unknown API version 'latest'"), r.err());
  }

  @Test
  void identityMustBeAUserAssignedIdentityResourceId() {
    CliRun r =
        CliRun.run(
            "convert",
            "--identity",
            "/subscriptions/x/resourceGroups/y/providers/Microsoft.Compute/images/z",
            input().toString());

    assertEquals(2, r.exitCode());
    assertEquals("", r.out());
    assertTrue(
        r.err()
            .contains(
                "expected the resource id of a user-assigned managed identity, like"
                    + " /subscriptions/<subscription-id>/resourceGroups/<group>/providers/"
                    + "Microsoft.ManagedIdentity/userAssignedIdentities/<name>"),
        r.err());
    assertFalse(r.err().contains("Microsoft.Compute/images/z"), r.err());
  }

  @Test
  void identityIsMatchedCaseInsensitively() {
    FakeEngine engine = new FakeEngine(f -> FakeEngine.ok(FakeEngine.template("t", "t\n")));
    String id =
        "/subscriptions/s/resourcegroups/g/providers/microsoft.managedidentity/"
            + "userassignedidentities/n";

    CliRun r = CliRun.with().engine(engine).run("convert", "--identity", id, input().toString());

    assertEquals(0, r.exitCode(), r.err());
  }

  @Test
  void unknownFormat() {
    CliRun r = CliRun.run("convert", "--format", "xml", input().toString());

    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("unknown format 'xml'; expected one of: json, yaml"), r.err());
  }

  @Test
  void unknownDiagnosticsFormat() {
    CliRun r = CliRun.run("validate", "--diagnostics-format", "junit", input().toString());

    assertEquals(2, r.exitCode());
    assertTrue(
        r.err().contains("unknown diagnostics format 'junit'; expected one of: text, json, sarif"),
        r.err());
  }

  @Test
  void missingInput() {
    CliRun r = CliRun.run("convert");

    assertEquals(2, r.exitCode());
    assertTrue(r.err().startsWith("error: Missing required parameter: 'INPUT'\n"), r.err());
  }

  @Test
  void missingCommand() {
    CliRun r = CliRun.run();

    assertEquals(2, r.exitCode());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("error: Missing required subcommand\n"), r.err());
    assertTrue(r.err().endsWith("Try 'packer2aib --help' for more information.\n"), r.err());
  }

  @Test
  void unknownCommandGetsASuggestion() {
    CliRun r = CliRun.run("convrt", "x.json");

    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("convert"), r.err());
  }

  @Test
  void usageErrorsDoNotConvertAnything() {
    FakeEngine engine = new FakeEngine(f -> FakeEngine.ok(FakeEngine.template("t", "t\n")));

    CliRun r = CliRun.with().engine(engine).run("convert", "--format", "xml", input().toString());

    assertEquals(2, r.exitCode());
    assertEquals(0, engine.namesSeen.size());
  }
}
