package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values of var files, settings files and {@code --var} never reach stderr (text or JSON) or a
 * report (Markdown or JSON, single or bulk), while the location, the name and the caret do.
 */
class SecretLeakCliTest {
  private static final String SECRET = "hunter2";

  @TempDir Path tmp;

  /** A template with a sensitive string variable and a number variable, both without defaults. */
  private static final String TEMPLATE =
      "variable \"sp_key\" {\n"
          + "  type      = string\n"
          + "  sensitive = true\n"
          + "}\n"
          + "variable \"count\" {\n"
          + "  type = number\n"
          + "}\n"
          + BulkTrees.hcl("app");

  private static CliRun run(List<String> args) {
    return CliRun.with()
        .env(Map.of("SOURCE_DATE_EPOCH", "1700000000"))
        .run(args.toArray(String[]::new));
  }

  /** {@code convert -r} of {@code root} into {@code tmp/out} with a settings file. */
  private CliRun bulk(Path settings, String format, Path root, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "convert",
                "-r",
                "-o",
                tmp.resolve("out").toString(),
                "--settings",
                settings.toString(),
                "--diagnostics-format",
                format));
    args.addAll(List.of(more));
    args.add(root.toString());
    return run(args);
  }

  private static void assertAbsent(String what, String text) {
    // Ignoring case: upper(var.pw) must not show either.
    assertFalse(
        text.toLowerCase(Locale.ROOT).contains(SECRET), () -> what + " holds the secret:\n" + text);
  }

  /** A sensitive variable {@code pw} of type string, without a default. */
  private static final String SENSITIVE_PW =
      "variable \"pw\" {\n  type      = string\n  sensitive = true\n}\n";

  /**
   * {@code inspect} and {@code convert -o} of {@code template} with {@code --var pw=hunter2}, each
   * with text and JSON diagnostics, {@code convert} with a Markdown and a JSON report: the secret
   * is on no standard output, standard error, report or written template.
   *
   * @return the run of {@code inspect} with text diagnostics
   */
  private CliRun assertSecretNowhere(Path template) throws IOException {
    CliRun inspected = null;
    for (String format : List.of("text", "json", "sarif")) {
      CliRun i =
          run(
              List.of(
                  "inspect",
                  "--var",
                  "pw=" + SECRET,
                  "--diagnostics-format",
                  format,
                  template.toString()));
      assertAbsent("inspect's stdout", i.out());
      assertAbsent("inspect's stderr", i.err());
      inspected = format.equals("text") ? i : inspected;
      for (String report : List.of("r.md", "r.json")) {
        Path reportFile = tmp.resolve(format + "-" + report);
        Path out = tmp.resolve("out-" + format + "-" + report);
        CliRun c =
            run(
                List.of(
                    "convert",
                    "--identity",
                    BulkTrees.IDENTITY,
                    "--var",
                    "pw=" + SECRET,
                    "--diagnostics-format",
                    format,
                    "--report",
                    reportFile.toString(),
                    "-o",
                    out.toString(),
                    template.toString()));
        assertAbsent("convert's stdout", c.out());
        assertAbsent("convert's stderr", c.err());
        assertAbsent("the report", Files.readString(reportFile));
        if (Files.isDirectory(out)) {
          try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
              assertAbsent(f.toString(), Files.readString(f));
            }
          }
        }
      }
    }
    return inspected;
  }

  @Test
  void duplicateKeysFromASensitiveValue() throws Exception {
    Path template =
        put(
            tmp,
            "t.pkr.hcl",
            SENSITIVE_PW
                + "locals {\n"
                + "  a = { (var.pw) = 1, (var.pw) = 2 }\n"
                + "  b = { for k in [var.pw, var.pw] : k => 1 }\n"
                + "  c = { (upper(var.pw)) = 1, (upper(var.pw)) = 2 }\n"
                + "}\n"
                + BulkTrees.hcl("app"));
    String err = assertSecretNowhere(template).err();
    assertTrue(
        err.contains(
            "A key was already defined at "
                + template
                + ":6:9; it comes from a sensitive value, which is not shown. Packer keeps the"
                + " last definition; remove the other one."),
        err);
    assertTrue(err.contains("[EVAL-E018]"), err);
    assertTrue(
        err.contains(
            "Two different items produced the same key in this 'for' expression; it comes from a"
                + " sensitive value, which is not shown."),
        err);
  }

  @Test
  void filterEntriesFromASensitiveValue() throws Exception {
    Path template =
        put(
            tmp,
            "t.pkr.hcl",
            SENSITIVE_PW
                + BulkTrees.hcl("app")
                    .replace(
                        "  provisioner \"shell\" {\n",
                        "  provisioner \"shell\" {\n    only = [var.pw]\n  }\n"
                            + "  provisioner \"shell\" {\n    only = [\"azure-arm.${var.pw}\"]\n"
                            + "    inline = [\"echo\"]\n  }\n"
                            + "  provisioner \"shell\" {\n")
                    .replace(
                        "    only = [var.pw]\n  }",
                        "    only = [var.pw]\n    inline = [\"echo\"]\n  }"));
    CliRun inspected = assertSecretNowhere(template);
    assertEquals(ExitCodes.OK, inspected.exitCode(), inspected.err());
    assertTrue(
        inspected.out().contains("\"only\": [\n            \"<sensitive>\"\n          ]"),
        inspected.out());
    assertTrue(inspected.err().contains("[PKR-W056]"), inspected.err());
    assertTrue(
        inspected
            .err()
            .contains(
                "This only entry comes from a sensitive value, which is not shown, and no source"
                    + " of this build has that name, so it matches nothing."),
        inspected.err());
    CliRun converted =
        run(
            List.of(
                "convert",
                "--identity",
                BulkTrees.IDENTITY,
                "--var",
                "pw=" + SECRET,
                template.toString()));
    assertEquals(ExitCodes.OK, converted.exitCode(), converted.err());
    assertAbsent("the converted template", converted.out());
    assertTrue(converted.err().contains("[PKR-W056]"), converted.err());
  }

  @Test
  void legacyNamesLookedUpFromASensitiveValue() throws Exception {
    String legacy = BulkTrees.legacy("app");
    Path template =
        put(
            tmp,
            "t.json",
            legacy
                .replace(
                    "{\n  \"builders\"",
                    "{\n  \"variables\": {\"pw\": \"\", \"b\": \"{{ env (user `pw`) }}\"},\n"
                        + "  \"sensitive-variables\": [\"pw\"],\n"
                        + "  \"builders\"")
                .replace(
                    "\"inline\": [\"echo hello\"]",
                    "\"inline\": [\"{{ user (user `pw`) }}\", \"{{ env (user `pw`) }}\"]"));
    assertTrue(Files.readString(template).contains("sensitive-variables"));
    String err = assertSecretNowhere(template).err();
    assertTrue(err.contains("[GOTPL-E106]"), err);
    assertTrue(err.contains("[GOTPL-E105]"), err);
    assertTrue(err.contains("[GOTPL-N102]"), err);
    assertTrue(
        err.contains(
            "The variable's name comes from a sensitive value, which is not shown, and no"
                + " variable has that name."),
        err);
  }

  @Test
  void varFileSyntaxErrorInTextJsonAndReports() throws Exception {
    Path template = put(tmp, "t.pkr.hcl", TEMPLATE);
    Path vars = put(tmp, "bad.pkrvars.hcl", "sp_key = \"hunter2\" + \n");
    for (String report : List.of("r.md", "r.json")) {
      for (String format : List.of("text", "json", "sarif")) {
        Path reportFile = tmp.resolve(format + "-" + report);
        CliRun r =
            run(
                List.of(
                    "convert",
                    "--identity",
                    BulkTrees.IDENTITY,
                    "--var-file",
                    vars.toString(),
                    "--diagnostics-format",
                    format,
                    "--report",
                    reportFile.toString(),
                    template.toString()));
        assertEquals(ExitCodes.INPUT_ERROR, r.exitCode(), r.err());
        assertAbsent("stderr", r.err());
        assertAbsent("the report", Files.readString(reportFile));
        assertTrue(r.err().contains("HCL-E030"), r.err());
        if (format.equals("text")) {
          assertTrue(
              r.err()
                  .contains(
                      vars
                          + ":1:22: error: Invalid expression [HCL-E030]\n"
                          + "  1 | sp_key = \"***\" + \n"
                          + "    |                  ^\n"),
              r.err());
        }
      }
    }
  }

  /** A legacy template with a syntax error on the line of its sensitive default. */
  private static final String BROKEN_LEGACY =
      "{\n"
          + "  \"variables\": {\"pw\": \"hunter2\",,\n"
          + "    \"region\": \"westeurope\"},\n"
          + "  \"sensitive-variables\": [\"pw\"],\n"
          + "  \"builders\": [{\"type\": \"azure-arm\"}]\n"
          + "}\n";

  @Test
  void aLegacyTemplateThatDoesNotParseIsReadAsOneAndShowsNoValue() throws Exception {
    // convert and validate sent it to the image template reader, whose excerpts mask no value.
    Path template = put(tmp, "t.json", BROKEN_LEGACY);
    for (String command : List.of("convert", "validate", "inspect")) {
      for (String format : List.of("text", "json", "sarif")) {
        CliRun r = run(List.of(command, "--diagnostics-format", format, template.toString()));
        assertEquals(ExitCodes.INPUT_ERROR, r.exitCode(), r.err());
        assertAbsent(command + "'s stdout", r.out());
        assertAbsent(command + "'s stderr", r.err());
        assertTrue(r.err().contains("JSON-E013"), r.err());
        if (format.equals("text")) {
          assertTrue(
              r.err()
                  .contains(
                      template
                          + ":2:33: error: Unexpected character [JSON-E013]\n"
                          + "  2 |   \"variables\": {\"pw\": \"***\",,\n"),
              r.err());
        }
      }
    }
  }

  @Test
  void aLegacyTemplateThatDoesNotParseOnStandardInputShowsNoValue() {
    // Standard input is read as an image template, but the line its syntax error quotes is
    // masked as the Packer reader would mask it.
    for (String command : List.of("convert", "validate")) {
      CliRun r = CliRun.with().stdin(BROKEN_LEGACY).run(command, "-");
      assertEquals(ExitCodes.INPUT_ERROR, r.exitCode(), r.err());
      assertAbsent(command + "'s stderr", r.err());
      assertTrue(
          r.err()
              .contains(
                  "<stdin>:2:33: error: Unexpected character [JSON-E013]\n"
                      + "  2 |   \"variables\": {\"pw\": \"***\",,\n"),
          r.err());
    }
  }

  /**
   * A file of values, or a legacy template, saved under a template file's name: its errors quote it
   * as the var file it is, every value masked (a sensitive variable's value was shown in the source
   * lines of its PKR-E005/PKR-E011 errors, and a legacy .pkr.json showed a sensitive-variables
   * default that its .pkr.hcl twin masked).
   */
  @Test
  void aMisnamedValuesFileOrLegacyTemplateIsQuotedWithEveryValueMasked() throws Exception {
    put(tmp, "json/main.pkr.hcl", SENSITIVE_PW + BulkTrees.hcl("app"));
    put(tmp, "json/values.pkr.json", "{\"pw\": \"" + SECRET + "\", \"region\": \"westeurope\"}\n");
    put(tmp, "hcl/main.pkr.hcl", SENSITIVE_PW + BulkTrees.hcl("app"));
    put(tmp, "hcl/values.pkr.hcl", "pw = \"" + SECRET + "\"\nregion = \"westeurope\"\n");
    String legacy =
        "{\"variables\": {\"other\": \""
            + SECRET
            + "\"}, \"sensitive-variables\": [\"other\"], \"builders\": [{\"type\":"
            + " \"azure-arm\"}]}\n";
    put(tmp, "legacy-json/x.pkr.json", legacy);
    put(tmp, "legacy-hcl/x.pkr.hcl", legacy);
    for (String folder : List.of("json", "hcl", "legacy-json", "legacy-hcl")) {
      for (String format : List.of("text", "json")) {
        CliRun r =
            run(
                List.of(
                    "validate", "--diagnostics-format", format, tmp.resolve(folder).toString()));
        assertEquals(1, r.exitCode(), folder + ": " + r.err());
        assertAbsent(folder + " " + format + " stderr", r.err());
        assertAbsent(folder + " " + format + " stdout", r.out());
      }
      // The line is still quoted, with its names.
      CliRun text = run(List.of("validate", tmp.resolve(folder).toString()));
      assertTrue(text.err().contains("\"***\""), text.err());
    }
  }

  /**
   * A sensitive default's text written again as a literal (an inline command that echoes the
   * password): PKRMAP-E405's final scan refuses it, and the source line quoted under that error
   * showed the literal.
   */
  @Test
  void aLiteralCopyOfASensitiveDefaultIsMaskedInTheQuotedLine() throws Exception {
    String secret = "Zq7LiteralCopy";
    Path hcl =
        put(
            tmp,
            "copy/t.pkr.hcl",
            "variable \"pw\" {\n  type      = string\n  default   = \""
                + secret
                + "\"\n  sensitive = true\n}\n"
                + BulkTrees.hcl("app")
                    .replace("\"echo hello\"", "\"echo " + secret + " > /tmp/x\""));
    assertTrue(Files.readString(hcl).contains("echo " + secret), Files.readString(hcl));
    for (String format : List.of("text", "json", "sarif")) {
      CliRun r =
          run(
              List.of(
                  "convert",
                  "--identity",
                  BulkTrees.IDENTITY,
                  "--diagnostics-format",
                  format,
                  hcl.toString()));
      assertEquals(1, r.exitCode(), r.err());
      assertTrue(r.err().contains("PKRMAP-E405"), r.err());
      assertFalse(r.err().contains(secret), r.err());
    }
  }

  @Test
  void aVariableSetWithoutVarIsNamedWithoutItsValue() throws Exception {
    // Packer's habit is -var NAME=VALUE: the assignment becomes an input (or an unmatched
    // argument), and the error about it echoed the value.
    Path template = put(tmp, "t.pkr.hcl", SENSITIVE_PW + BulkTrees.hcl("app"));
    String assignment = "pw=" + SECRET;
    List<List<String>> runs =
        List.of(
            List.of("convert", assignment, template.toString()),
            // Refused before converting (two inputs without -o): the list names it masked.
            List.of("convert", assignment, template.toString(), template.toString()),
            List.of("validate", "--diagnostics-format", "json", assignment),
            List.of("inspect", assignment),
            List.of("inspect", template.toString(), assignment),
            List.of("inspect", template.toString(), "--vra", assignment),
            List.of("convert", "-r", "-o", tmp.resolve("out").toString(), assignment));
    for (List<String> args : runs) {
      CliRun r = run(args);
      assertAbsent(args + " stderr", r.err());
      assertAbsent(args + " stdout", r.out());
      assertTrue(r.err().contains("pw=***"), r.err());
    }
    CliRun converted = run(List.of("convert", assignment, template.toString()));
    assertTrue(
        converted
            .err()
            .contains(
                "error: cannot read pw=***: no such file or directory; to set the variable, write"
                    + " --var pw=VALUE [CLI-E001]\n"),
        converted.err());
    // Refused without -o: the assignment is not counted, and gets the same advice.
    CliRun refused = run(List.of("convert", assignment, template.toString(), template.toString()));
    assertTrue(
        refused
            .err()
            .startsWith(
                "error: standard output takes one template, but 2 inputs were given ("
                    + template
                    + ", "
                    + template
                    + "); pass -o DIR to write one file per template; pw=*** names no file: to"
                    + " set the variable, write --var pw=VALUE\n"),
        refused.err());
    Path report = tmp.resolve("r.json");
    run(List.of("convert", "--report", report.toString(), assignment, template.toString()));
    assertAbsent("the report", Files.readString(report));
  }

  @Test
  void undeclaredVariableOfASharedVarFile() throws Exception {
    Path template = put(tmp, "t.pkr.hcl", TEMPLATE);
    Path vars = put(tmp, "v.pkrvars.hcl", "sp_key = \"x\"\ncount = 1\nundeclared = \"hunter2\"\n");
    Path report = tmp.resolve("r.md");
    CliRun r =
        run(
            List.of(
                "convert",
                "--identity",
                BulkTrees.IDENTITY,
                "--var-file",
                vars.toString(),
                "--report",
                report.toString(),
                template.toString()));
    assertAbsent("stderr", r.err());
    assertAbsent("the report", Files.readString(report));
    assertTrue(
        r.err()
            .contains(
                vars
                    + ":3:1: warning: Undeclared variable [PKR-W026]\n"
                    + "  3 | undeclared = \"***\"\n"
                    + "    | ^~~~~~~~~~\n"),
        r.err());
  }

  @Test
  void bulkWithSettingsVarsOfTheWrongTypeAndAReport() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a/main.pkr.hcl", TEMPLATE);
    Path settings =
        put(
            tmp,
            "settings.yaml",
            "defaults:\n"
                + "  identity: "
                + BulkTrees.IDENTITY
                + "\n"
                + "  vars: {sp_key: x, count: hunter2}\n");
    for (String report : List.of("bulk.md", "bulk.json")) {
      for (String format : List.of("text", "json", "sarif")) {
        Path reportFile = tmp.resolve(format + "-" + report);
        CliRun r = bulk(settings, format, root, "--report", reportFile.toString());
        assertEquals(ExitCodes.INPUT_ERROR, r.exitCode(), r.err());
        assertAbsent("stderr", r.err());
        assertAbsent("the report", Files.readString(reportFile));
        assertTrue(r.err().contains("PKR-E022"), r.err());
        if (format.equals("text")) {
          assertTrue(
              r.err()
                  .contains(
                      "<value for var.count from the settings file>:1:1: error: Invalid value for"
                          + " variable [PKR-E022]\n"
                          + "  1 | ***\n"
                          + "    | ^~~\n"),
              r.err());
        }
      }
    }
  }

  @Test
  void settingsFileErrorsQuoteNoVariableValue() throws Exception {
    Path root = tmp.resolve("repo");
    put(root, "a/main.pkr.hcl", TEMPLATE);
    Path settings =
        put(
            tmp,
            "settings.yaml",
            "templates:\n"
                + "  - path: \"**\"\n"
                + "    vars:\n"
                + "      sp_key: x\n"
                + "      other: [hunter2]\n");
    for (String format : List.of("text", "json", "sarif")) {
      CliRun r = bulk(settings, format, root);
      assertEquals(ExitCodes.INPUT_ERROR, r.exitCode(), r.err());
      assertAbsent("stderr", r.err());
      assertTrue(r.err().contains("SET-E010"), r.err());
      if (format.equals("text")) {
        assertTrue(
            r.err()
                .contains(
                    settings
                        + ":5:7: error: Variable value is not text [SET-E010]\n"
                        + "  5 |       other: [***]\n"
                        + "    |       ^~~~~\n"),
            r.err());
      }
    }
  }

  @Test
  void aSensitiveValueInTheOutputIsBlamedOnWhatItCameFrom() throws Exception {
    Path dir = tmp.resolve("blame");
    String template =
        "variable \"pw\" {\n  type = string\n  sensitive = true\n}\n"
            + "variable \"key\" {\n  type = string\n  sensitive = true\n}\n"
            + "locals {\n  m = var.pw\n  n = \"${var.pw}\"\n  k = \"x-${var.key}\"\n}\n"
            + BulkTrees.hcl("web")
                // One command with both: two commands are refused one by one (PKRMAP-E405 at each).
                .replace("inline = [\"echo hello\"]", "inline = [\"P=${var.pw} ${local.k}\"]");
    BulkTrees.put(dir, "t.pkr.hcl", template);

    CliRun r =
        CliRun.run(
            "convert",
            "--var",
            "pw=Zq-Pass-123",
            "--var",
            "key=Zq-Key-456",
            dir.resolve("t.pkr.hcl").toString());

    assertEquals(1, r.exitCode(), r.err());
    assertAbsent("Zq-Pass-123", r.err());
    assertAbsent("Zq-Key-456", r.err());
    // Locals that only repeat pw's value (m, n) are not blamed beside it; k, which is not
    // declared sensitive, is not called a sensitive local: the key it reads is named already.
    assertTrue(
        r.err().contains("comes from the sensitive variables \"pw\" and \"key\" and would be"),
        r.err());
  }

  /** A legacy template with secrets: client_secret by its name, admin_pw and pw as listed. */
  private static String legacySecrets() {
    return BulkTrees.legacy("app")
        .replace(
            "{\n  \"builders\"",
            "{\n  \"variables\": {\"client_secret\": \"\", \"admin_pw\": \"\", \"pw\": \"\"},\n"
                + "  \"sensitive-variables\": [\"admin_pw\", \"pw\"],\n"
                + "  \"builders\"");
  }

  /** The parts of the legacy secrets below that the template language fails on. */
  private static final List<String> LEGACY_FRAGMENTS =
      List.of("Wq3nCli", "Mm4CliPw", "Qz7pLm", "Wq3nSet", "Mm4SetPw", "Qz7Set");

  private static void assertNoFragment(String what, String text) {
    for (String fragment : LEGACY_FRAGMENTS) {
      assertFalse(text.contains(fragment), () -> what + " holds " + fragment + ":\n" + text);
    }
  }

  /**
   * A legacy secret whose value fails in the template language (a password holding {{ }}), given
   * with --var or by a settings file: no part of it is quoted, in text, JSON or SARIF diagnostics
   * or in a Markdown or JSON report, for an unknown function (GOTPL-E101), an undefined variable
   * (GOTPL-E106, whose advice names it bare) and a template variable (GOTPL-E010).
   */
  @Test
  void legacySecretValuesThatFailAsTemplatesAreNotQuoted() throws Exception {
    Path template = put(tmp, "single/t.json", legacySecrets());
    Path root = tmp.resolve("repo");
    put(root, "t.json", legacySecrets());
    Path settings =
        put(
            tmp,
            "settings.yaml",
            "defaults:\n"
                + "  identity: "
                + BulkTrees.IDENTITY
                + "\n"
                + "  vars:\n"
                + "    client_secret: \"Rt5{{Wq3nSettings}}k\"\n"
                + "    admin_pw: \"{{user `Mm4SetPw`}}\"\n"
                + "    pw: \"Xk9{{ $Qz7Set }}w2\"\n");
    for (String format : List.of("text", "json", "sarif")) {
      for (String report : List.of("r.md", "r.json")) {
        Path single = tmp.resolve(format + "-single-" + report);
        CliRun c =
            run(
                List.of(
                    "convert",
                    "--identity",
                    BulkTrees.IDENTITY,
                    "--var",
                    "client_secret=Rt5{{Wq3nCliSecret}}k",
                    "--var",
                    "admin_pw={{user `Mm4CliPw`}}",
                    "--var",
                    "pw=Xk9{{ $Qz7pLm }}w2",
                    "--diagnostics-format",
                    format,
                    "--report",
                    single.toString(),
                    "-o",
                    tmp.resolve("out-" + format + report).toString(),
                    template.toString()));
        assertEquals(ExitCodes.INPUT_ERROR, c.exitCode(), c.err());
        for (String code : List.of("GOTPL-E101", "GOTPL-E106", "GOTPL-E010")) {
          assertTrue(c.err().contains(code), c.err());
        }
        assertNoFragment("convert's stderr", c.err());
        assertNoFragment("convert's stdout", c.out());
        assertNoFragment("the report", Files.readString(single));
        Path bulkReport = tmp.resolve(format + "-bulk-" + report);
        CliRun b = bulk(settings, format, root, "--report", bulkReport.toString());
        assertEquals(ExitCodes.INPUT_ERROR, b.exitCode(), b.err());
        for (String code : List.of("GOTPL-E101", "GOTPL-E106", "GOTPL-E010")) {
          assertTrue(b.err().contains(code), b.err());
        }
        assertNoFragment("convert -r's stderr", b.err());
        assertNoFragment("convert -r's stdout", b.out());
        assertNoFragment("the bulk report", Files.readString(bulkReport));
      }
    }
  }

  @Test
  void aSecureDefaultOfAnArmTemplateCopiedIntoTheResourceIsWrittenNowhere() throws Exception {
    // A YAML alias of a securestring's default, or its text pasted into a command, wrote the
    // password into the converted file (review 30, armsecret): BIND-E005, and no file.
    String secret = "Zq-Secure-Default-9";
    String deployment =
        """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "parameters": {"adminPw": {"type": "securestring", "defaultValue": "%s"}},
          "resources": [%s]
        }
        """;
    String resource =
        Templates.VALID_AIB.replace(
            "\"sudo apt-get update\"", "\"echo '" + secret + "' | sudo -S apt-get update\"");
    Path json = put(tmp, "in/literal.json", deployment.formatted(secret, resource));
    // YAML reads JSON, and an anchor and alias are YAML's own (a blank ends the alias's name).
    Path yaml =
        put(
            tmp,
            "in/alias.yaml",
            deployment
                .formatted(secret, Templates.VALID_AIB)
                .replace("\"defaultValue\": \"", "\"defaultValue\": &pw \"")
                .replace("\"name\": \"install-packages\"", "\"name\": *pw "));
    for (String format : List.of("text", "json", "sarif")) {
      for (String report : List.of("r.md", "r.json")) {
        Path reportFile = tmp.resolve(format + "-" + report);
        Path out = tmp.resolve("out-" + format + "-" + report);
        CliRun c =
            run(
                List.of(
                    "convert",
                    "--diagnostics-format",
                    format,
                    "--report",
                    reportFile.toString(),
                    "-o",
                    out.toString(),
                    json.toString(),
                    yaml.toString()));
        assertEquals(1, c.exitCode(), c.err());
        assertTrue(c.err().contains("BIND-E005"), c.err());
        String shown = c.out() + c.err() + Files.readString(reportFile);
        assertFalse(shown.contains(secret), () -> "the secret is in\n" + shown);
        if (Files.isDirectory(out)) {
          try (Stream<Path> files = Files.walk(out)) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList());
          }
        }
      }
    }
    CliRun single = run(List.of("convert", yaml.toString()));
    assertEquals(1, single.exitCode(), single.err());
    assertEquals("", single.out());
    assertFalse(single.err().contains(secret), single::err);
    assertTrue(single.err().contains("the secure parameter \"adminPw\""), single.err());
  }
}
