package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.DiagnosticCatalogue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code packer2aib codes}: every code once, and "ignorable" exactly where --ignore takes it. */
class CodesCommandTest {

  @Test
  void listsEveryCodeOnceWithWhatIgnoreTakes() {
    CliRun run = CliRun.run("codes");
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(DiagnosticCatalogue.all().size() + CliCode.values().length, lines.size());
    List<String> ids = new ArrayList<>();
    for (String line : lines) {
      String[] cells = line.split(" +", 3);
      String id = cells[0];
      ids.add(id);
      boolean ignorable = line.matches("\\S+ +\\S+ +ignorable .*");
      assertEquals(IgnoredCodes.ignorable().contains(id), ignorable, line);
      assertTrue(id.matches("[A-Z]+-[EWN][0-9]{3}"), line);
      assertEquals(
          switch (id.charAt(id.indexOf('-') + 1)) {
            case 'E' -> "error";
            case 'W' -> "warning";
            default -> "note";
          },
          cells[1],
          line);
    }
    assertEquals(ids.size(), ids.stream().distinct().count(), "a code listed twice");
    assertTrue(
        run.out()
            .lines()
            .anyMatch(l -> l.matches("PKRMAP-W301 +warning +ignorable +Script inlined")),
        run.out());
  }

  @Test
  void codesNoRunCanReportAreMarkedForLibraryCallers() {
    CliRun run = CliRun.run("codes", "PKR-E02", "PKRMAP-E31");
    assertEquals(0, run.exitCode(), run.err());
    for (String line : run.out().lines().toList()) {
      String id = line.substring(0, line.indexOf(' '));
      assertEquals(
          CodesCommand.LIBRARY_ONLY.contains(id), line.endsWith(" (library callers only)"), line);
    }
    assertTrue(run.out().contains("Malformed -var argument (library callers only)"), run.out());
    assertTrue(run.out().contains("Invalid base URI (library callers only)"), run.out());
    // Why they are: the CLI refuses the same input as a usage error before the library sees it.
    CliRun var = CliRun.run("convert", "--var", "novalue", "x.pkr.hcl");
    assertEquals(2, var.exitCode(), var.err());
    assertTrue(var.err().contains("expected NAME=VALUE"), var.err());
    CliRun uri =
        CliRun.run("convert", "--script-base-uri", "https://a.example/c?sv=1&sig=abc", "x.pkr.hcl");
    assertEquals(2, uri.exitCode(), uri.err());
    assertTrue(!uri.err().contains("PKRMAP-E312"), uri.err());
  }

  @Test
  void prefixesSelectInAnyCase() {
    CliRun run = CliRun.run("codes", "rule-w", "SET-W");
    assertEquals(0, run.exitCode(), run.err());
    for (String line : run.out().lines().toList()) {
      assertTrue(line.startsWith("RULE-W") || line.startsWith("SET-W"), line);
    }
    assertTrue(run.out().contains("SET-W001"), run.out());
    assertEquals(2, CliRun.run("codes", "nothing").exitCode());
  }
}
