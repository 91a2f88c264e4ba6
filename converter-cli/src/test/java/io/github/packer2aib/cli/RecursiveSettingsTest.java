package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code convert -r --settings FILE}: per-template options from a settings file. */
class RecursiveSettingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** A template that needs the variable {@code image} (no default). */
  private static final String NEEDS_IMAGE =
      "variable \"image\" {\n"
          + "  type = string\n"
          + "}\n"
          + BulkTrees.hcl("app").replace("\"app-image\"", "var.image");

  private CliRun bulk(String... args) {
    List<String> all = new ArrayList<>(List.of("convert", "-r"));
    all.addAll(List.of(args));
    return CliRun.with()
        .env(Map.of("SOURCE_DATE_EPOCH", "1700000000"))
        .run(all.toArray(String[]::new));
  }

  private static JsonNode template(Path report, String path) throws Exception {
    for (JsonNode t : JSON.readTree(report.toFile()).get("templates")) {
      if (t.get("path").asText().equals(path)) {
        return t;
      }
    }
    throw new AssertionError(path + " is not in " + Files.readString(report));
  }

  @Test
  void eachTemplateGetsTheOptionsOfTheEntriesMatchingItsPath() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "teams/a/main.pkr.hcl", NEEDS_IMAGE);
    put(root, "teams/b/main.pkr.hcl", NEEDS_IMAGE);
    put(root, "teams/c/main.pkr.hcl", NEEDS_IMAGE);
    Path settings =
        put(
            tmp,
            "settings.yaml",
            "defaults:\n"
                + "  identity: "
                + BulkTrees.IDENTITY
                + "\n"
                + "  vars: {image: from-defaults}\n"
                + "templates:\n"
                + "  - path: teams/b\n"
                + "    vars: {image: only-for-b}\n"
                + "  - path: teams/c\n"
                + "    skip: built by another pipeline\n");
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");

    CliRun r =
        bulk(
            "-o",
            out.toString(),
            "--settings",
            settings.toString(),
            "--report",
            report.toString(),
            root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        Files.readString(out.resolve("teams/a/app.json")).contains("\"from-defaults\""),
        "teams/a takes the defaults' variable");
    assertTrue(
        Files.readString(out.resolve("teams/b/app.json")).contains("\"only-for-b\""),
        "teams/b takes its entry's variable");
    assertFalse(Files.exists(out.resolve("teams/c")), "teams/c is skipped");
    JsonNode c = template(report, "teams/c");
    assertEquals("skipped", c.get("verdict").asText());
    assertEquals(
        "skipped by the settings file: built by another pipeline", c.get("reason").asText());
    assertFalse(r.err().contains("SET-W001"), r.err());
    // A template the settings skip is counted apart from files that are no templates.
    // Its label is the widest: every count stands in one column (the row's count stood four
    // columns right of the others').
    assertTrue(
        r.err()
            .contains(
                "  failed                            0\n"
                    + "  skipped (not templates)           0\n"
                    + "  skipped by the settings file      1\n"),
        r.err());
  }

  @Test
  void theCommandLineIsTheBaseLayerAndTheFileRefinesIt() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a/main.pkr.hcl", NEEDS_IMAGE);
    put(root, "b/main.pkr.hcl", NEEDS_IMAGE);
    Path settings =
        put(tmp, "s.json", "{\"templates\": [{\"path\": \"b\", \"vars\": {\"image\": \"file\"}}]}");
    Path out = tmp.resolve("out");

    CliRun r =
        bulk(
            "--identity",
            BulkTrees.IDENTITY,
            "--var",
            "image=command-line",
            "-o",
            out.toString(),
            "--settings",
            settings.toString(),
            root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.readString(out.resolve("a/app.json")).contains("\"command-line\""));
    assertTrue(Files.readString(out.resolve("b/app.json")).contains("\"file\""));
  }

  @Test
  void dataSourceValuesComeFromTheCommandLineAndTheFileLikeVariables() throws Exception {
    // A data source's value (an HCP Packer image, say) given per template in the settings file
    // replaces the command line's, as a variable's does.
    String usesData =
        "data \"hcp-packer-image\" \"base\" {\n  bucket_name = \"app\"\n}\n"
            + BulkTrees.hcl("app").replace("\"app-image\"", "data.hcp-packer-image.base.id");
    Path root = tmp.resolve("repo");
    put(root, "a/main.pkr.hcl", usesData);
    put(root, "b/main.pkr.hcl", usesData);
    Path settings =
        put(
            tmp,
            "s.yaml",
            "templates:\n  - path: b\n    data:\n      data.hcp-packer-image.base.id: from-file\n");
    Path out = tmp.resolve("out");

    CliRun r =
        bulk(
            "--identity",
            BulkTrees.IDENTITY,
            "--data",
            "data.hcp-packer-image.base.id=command-line",
            "-o",
            out.toString(),
            "--settings",
            settings.toString(),
            root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.readString(out.resolve("a/app.json")).contains("\"command-line\""));
    assertTrue(Files.readString(out.resolve("b/app.json")).contains("\"from-file\""));
  }

  @Test
  void anEntryThatMatchesNoTemplateIsAWarningWithItsLocation() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a/main.pkr.hcl", BulkTrees.hcl("app"));
    Path settings =
        put(tmp, "s.yaml", "templates:\n  - path: a\n    location: westeurope\n  - path: typo/*\n");

    CliRun r =
        bulk(
            "--identity",
            BulkTrees.IDENTITY,
            "-o",
            tmp.resolve("out").toString(),
            "--settings",
            settings.toString(),
            root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.err().contains(settings + ":4:11: warning: "), r.err());
    assertTrue(r.err().contains("[SET-W001]"), r.err());

    // An ignorable code like any other: --ignore SET-W001 silences it (CLI review).
    CliRun ignored =
        bulk(
            "--identity",
            BulkTrees.IDENTITY,
            "--ignore",
            "SET-W001",
            "-o",
            tmp.resolve("out2").toString(),
            "--settings",
            settings.toString(),
            root.toString());
    assertEquals(0, ignored.exitCode(), ignored.err());
    assertFalse(ignored.err().contains("SET-W001"), ignored.err());
  }

  /**
   * PKR-W072 and PKR-N073 are reported at the variable's name in the settings file: with its line
   * quoted (the value masked) and its JSON pointer, as SET-W001 is. They had neither (README
   * review).
   */
  @Test
  void anUndeclaredSettingsVariableIsShownAtItsLineAndPointer() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a/main.pkr.hcl", NEEDS_IMAGE);
    Path settings =
        put(
            tmp,
            "s.yaml",
            "defaults:\n"
                + "  vars: {owner: platform-team}\n"
                + "templates:\n"
                + "  - path: a\n"
                + "    vars: {image: img, imgae: typo-value}\n");

    CliRun r =
        CliRun.run(
            "validate",
            "-r",
            "--show-warnings",
            "--progress",
            "none",
            "--settings",
            settings.toString(),
            root.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                settings
                    + ":5:24: warning: Settings variable not declared [PKR-W072]\n"
                    + "  5 |     vars: {image: ***, imgae: ***}\n"
                    + "    |                        ^~~~~\n"
                    + "  at /templates/0/vars/imgae\n"),
        r.err());
    assertTrue(
        r.err()
            .contains(
                settings
                    + ":2:10: note: Default settings variable not declared [PKR-N073]\n"
                    + "  2 |   vars: {owner: ***}\n"
                    + "    |          ^~~~~\n"
                    + "  at /defaults/vars/owner\n"),
        r.err());
    assertFalse(r.err().contains("typo-value") || r.err().contains("platform-team"), r.err());

    CliRun json =
        CliRun.run(
            "validate",
            "-r",
            "--diagnostics-format",
            "json",
            "--show-warnings",
            "--progress",
            "none",
            "--settings",
            settings.toString(),
            root.toString());
    JsonNode w072 = null;
    for (JsonNode d : JSON.readTree(json.err())) {
      if (d.get("code").asText().equals("PKR-W072")) {
        w072 = d;
      }
    }
    assertTrue(w072 != null, json.err());
    assertEquals("/templates/0/vars/imgae", w072.get("path").asText(), json.err());
  }

  /**
   * A settings file's value that fails in a legacy template's template language is named as the
   * settings file's, as the HCL2 front end names it, with a note at the line of the file that gives
   * it; it was located at "--var image_version", an option the user never typed (review 30).
   */
  @Test
  void aLegacySettingsValueThatFailsIsNamedAsTheSettingsFiles() throws Exception {
    Path root = tmp.resolve("root");
    put(
        root,
        "t.json",
        BulkTrees.legacy("app")
            .replace(
                "{\n  \"builders\"",
                "{\n  \"variables\": {\"image_version\": \"1\"},\n  \"builders\"")
            .replace("\"app-image\"", "\"app-{{user `image_version`}}\""));
    Path settings =
        put(
            tmp,
            "s.yaml",
            "templates:\n"
                + "  - path: \"t.json\"\n"
                + "    vars:\n"
                + "      image_version: \"{{ imageversion }}\"\n");

    CliRun r =
        bulk(
            "--identity",
            BulkTrees.IDENTITY,
            "-o",
            tmp.resolve("out").toString(),
            "--progress",
            "none",
            "--settings",
            settings.toString(),
            root.toString());

    assertEquals(ExitCodes.INPUT_ERROR, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "<value for image_version from the settings file>:1:4: error: Unknown function"
                    + " [GOTPL-E101]\n"),
        r.err());
    assertTrue(
        r.err()
            .contains(
                "  note: the settings file gives the value of \"image_version\" here at "
                    + settings
                    + ":4:7\n"),
        r.err());
    assertFalse(r.err().contains("--var image_version"), r.err());
  }

  @Test
  void aSettingsFileWithErrorsConvertsNothing() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a/main.pkr.hcl", BulkTrees.hcl("app"));
    Path settings = put(tmp, "s.yaml", "defaults:\n  locaton: westeurope\n");
    Path out = tmp.resolve("out");

    CliRun r = bulk("-o", out.toString(), "--settings", settings.toString(), root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains(settings + ":2:3: error: "), r.err());
    assertTrue(r.err().contains("Did you mean \"location\"?"), r.err());
    assertTrue(r.err().contains("nothing converted: the settings file has errors"), r.err());
    assertFalse(Files.exists(out), "nothing is written");
  }

  @Test
  void anUnreadableSettingsFileConvertsNothing() {
    Path root = tmp.resolve("repo");
    put(root, "a/main.pkr.hcl", BulkTrees.hcl("app"));
    Path out = tmp.resolve("out");

    CliRun r =
        bulk(
            "-o",
            out.toString(),
            "--settings",
            tmp.resolve("missing.yaml").toString(),
            root.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("error: cannot read settings file "), r.err());
    assertFalse(Files.exists(out), "nothing is written");
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aSettingsFileThatIsNoRegularFileSaysWhatItIs() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a/main.pkr.hcl", BulkTrees.hcl("app"));
    Path pipe = NamedPipes.make(tmp.resolve("pipe.yaml"));
    Path folder = Files.createDirectories(tmp.resolve("folder.yaml"));

    for (Path settings : List.of(pipe, folder)) {
      CliRun r =
          bulk(
              "-o",
              tmp.resolve("out").toString(),
              "--settings",
              settings.toString(),
              root.toString());

      assertEquals(1, r.exitCode(), r.err());
      String what =
          settings.equals(pipe) ? "is not a regular file (a named pipe)" : "is a directory";
      assertTrue(
          r.err()
              .startsWith(
                  "error: cannot read settings file " + settings + ": " + what + " [CLI-E001]\n"),
          r.err());
      assertFalse(Files.exists(tmp.resolve("out")), "nothing is written");
    }
  }

  @Test
  void settingsWithoutRecursiveIsAUsageError() {
    Path file = put(tmp, "t.pkr.hcl", BulkTrees.hcl("app"));

    CliRun r =
        CliRun.with()
            .run("convert", "--settings", tmp.resolve("s.yaml").toString(), file.toString());

    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("--settings applies only with -r/--recursive"), r.err());
  }
}
