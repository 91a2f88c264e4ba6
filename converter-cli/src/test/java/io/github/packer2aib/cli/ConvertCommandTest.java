package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.ConvertedTemplate;
import io.github.packer2aib.core.OutputFormat;
import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {
  @TempDir Path tmp;

  private static List<String> listing(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void singleInputIsPrintedOnStdout() {
    Path in = Templates.write(tmp, "web.json", Templates.VALID_AIB);
    ConvertedTemplate expected = Templates.expectedSingle(in.toString(), Templates.VALID_AIB);

    CliRun r = CliRun.run("convert", in.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(expected.text(), r.out());
    assertTrue(r.err().endsWith("converted 1 template from 1 input\n"), r.err());
  }

  @Test
  void outputDirectoryGetsOneFilePerTemplateWithExactContent() throws IOException {
    Path in = Templates.write(tmp, "web.json", Templates.VALID_AIB);
    ConvertedTemplate expected = Templates.expectedSingle(in.toString(), Templates.VALID_AIB);
    Path out = tmp.resolve("out/nested");

    CliRun r = CliRun.run("convert", "-o", out.toString(), in.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertEquals(List.of(expected.name() + ".json"), listing(out));
    assertEquals(expected.text(), Files.readString(out.resolve(expected.name() + ".json")));
  }

  @Test
  void yamlFormatIsCaseInsensitiveAndUsesTheYamlExtension() throws IOException {
    Path in = Templates.write(tmp, "web.json", Templates.VALID_AIB);
    ConvertedTemplate expected =
        Templates.expected(in.toString(), Templates.VALID_AIB, OutputFormat.YAML).get(0);
    Path out = tmp.resolve("out");

    CliRun r = CliRun.run("convert", "--format", "YAML", "--output", out.toString(), in.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(List.of(expected.name() + ".yaml"), listing(out));
    assertEquals(expected.text(), Files.readString(out.resolve(expected.name() + ".yaml")));
  }

  @Test
  void brokenInputFailsWithADiagnosticAndWritesNothing() throws IOException {
    Path in = Templates.write(tmp, "broken.json", Templates.BROKEN_JSON);
    Path out = tmp.resolve("out");

    CliRun r = CliRun.run("convert", "-o", out.toString(), in.toString());

    assertEquals(1, r.exitCode());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith(in + ":3:"), r.err());
    assertTrue(r.err().contains(": error: "), r.err());
    assertTrue(
        r.err()
            .matches("(?s).*\nconverted 0 templates from 1 input; 1 input failed; \\d+ errors?\n"),
        r.err());
    assertEquals(List.of(), listing(out));
  }

  @Test
  void goodInputsAreWrittenWhenOthersFail() throws IOException {
    Path good = Templates.write(tmp, "good.json", Templates.VALID_AIB);
    Path broken = Templates.write(tmp, "broken.json", Templates.BROKEN_JSON);
    Path missing = tmp.resolve("missing.json");
    ConvertedTemplate expected = Templates.expectedSingle(good.toString(), Templates.VALID_AIB);
    Path out = tmp.resolve("out");

    CliRun r =
        CliRun.run(
            "convert",
            "-o",
            out.toString(),
            broken.toString(),
            missing.toString(),
            good.toString());

    assertEquals(1, r.exitCode());
    assertEquals(List.of(expected.name() + ".json"), listing(out));
    assertEquals(expected.text(), Files.readString(out.resolve(expected.name() + ".json")));
    assertTrue(
        r.err()
            .contains("error: cannot read " + missing + ": no such file or directory [CLI-E001]\n"),
        r.err());
    assertTrue(r.err().contains("converted 1 template from 3 inputs; 2 inputs failed;"), r.err());
    // Diagnostics come in input order: the broken file's before the missing file's line.
    assertTrue(r.err().indexOf(broken + ":3:") < r.err().indexOf("cannot read " + missing));
  }

  @Test
  void aFolderIsReadAsAPackerTemplateAndAnEmptyOneIsAnInputError() {
    CliRun r = CliRun.run("convert", tmp.toString());

    assertEquals(1, r.exitCode());
    assertEquals("", r.out());
    // Without a place in a file, the diagnostic names its input.
    assertEquals(
        tmp
            + ": error: No configuration files [PKR-E001]\n"
            + "  The folder "
            + tmp
            + " holds no file whose name ends in .pkr.hcl or .pkr.json. Give a folder that holds"
            + " the template's files (subfolders are not read), or one template file.\n"
            + "converted 0 templates from 1 input; 1 input failed; 1 error\n",
        r.err());
  }

  @Test
  void aFolderOfOneFileTemplatesOrOfTemplateFoldersSaysToNameThemOrUseRecursive()
      throws IOException {
    Path files = Files.createDirectories(tmp.resolve("aib"));
    Files.writeString(files.resolve("b.yaml"), "x: 1\n");
    Files.writeString(files.resolve("a.json"), "{}\n");
    Files.writeString(files.resolve("notes.txt"), "not a template\n");
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    Files.createDirectories(tree.resolve("ubuntu"));
    Files.createDirectories(tree.resolve(".git"));

    CliRun r = CliRun.run("convert", files.toString());
    CliRun t = CliRun.run("convert", tree.toString());

    assertEquals(1, r.exitCode());
    assertEquals(1, t.exitCode());
    assertTrue(
        r.err()
            .contains(
                " or one template file. It holds a.json and 1 more JSON or YAML file: a legacy"
                    + " JSON or AIB template is one file, so name them, or give the folder with -r"
                    + " (convert -r, validate -r) to take every template below it.\n"),
        r.err());
    // Hidden folders (.git) are not counted: -r skips them too.
    assertTrue(
        t.err()
            .contains(
                " or one template file. It holds 1 subfolder: give the folder with -r (convert -r,"
                    + " validate -r) to take every template below it.\n"),
        t.err());
  }

  @Test
  void theSameInputGivenTwiceIsAUsageErrorAsGivenOrThroughALink() throws IOException {
    Path t = tmp.resolve("t.yaml");
    Files.writeString(t, Templates.VALID_AIB);
    Path link = Files.createSymbolicLink(tmp.resolve("link.yaml"), t.getFileName());
    Path out = tmp.resolve("out");

    CliRun twice = CliRun.run("convert", "-o", out.toString(), t.toString(), tmp + "/./t.yaml");
    CliRun linked = CliRun.run("validate", t.toString(), link.toString());

    assertEquals(2, twice.exitCode(), twice.err());
    assertTrue(
        twice
            .err()
            .startsWith(
                "error: the input "
                    + tmp
                    + "/./t.yaml is given twice, so its templates would be converted twice: give"
                    + " it once\n"),
        twice.err());
    assertFalse(Files.exists(out));
    assertEquals(2, linked.exitCode(), linked.err());
    assertTrue(
        linked
            .err()
            .startsWith(
                "error: the inputs "
                    + t
                    + " and "
                    + link
                    + " are the same file or folder (through a symbolic link), so its templates"
                    + " would be checked twice: give it once\n"),
        linked.err());
    // Two different files are no repetition.
    Path other = Files.writeString(tmp.resolve("u.yaml"), Templates.VALID_AIB);
    assertEquals(0, CliRun.run("validate", t.toString(), other.toString()).exitCode());
    // Nor is dir/../t.yaml when dir is a link elsewhere: the kernel takes ".." from the link's
    // target (real/t.yaml here), which a comparison of the text took for t.yaml.
    Path real = Files.createDirectories(tmp.resolve("real/sub"));
    Files.writeString(
        real.getParent().resolve("t.yaml"),
        Templates.VALID_AIB.replace("\"westeurope\"", "\"northeurope\""));
    Files.createSymbolicLink(tmp.resolve("dir"), real);
    CliRun throughLink = CliRun.run("validate", t.toString(), tmp + "/dir/../t.yaml");
    assertEquals(0, throughLink.exitCode(), throughLink.err());
    // Nor as two roots of -r, which share the comparison, and each root is read as the kernel
    // reads it: real/t.yaml (northeurope), not t.yaml a second time.
    Path rootsOut = tmp.resolve("roots-out");
    CliRun roots =
        CliRun.run(
            "convert", "-r", "-o", rootsOut.toString(), t.toString(), tmp + "/dir/../t.yaml");
    assertEquals(0, roots.exitCode(), roots.err());
    StringBuilder written = new StringBuilder();
    try (var files = Files.walk(rootsOut)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        written.append(Files.readString(f));
      }
    }
    assertTrue(written.toString().contains("\"northeurope\""), written.toString());
    assertTrue(written.toString().contains("\"westeurope\""), written.toString());
  }

  @Test
  void invalidUtf8IsAnUnreadableInput() throws IOException {
    Path in = tmp.resolve("latin1.json");
    Files.write(in, new byte[] {'{', '"', (byte) 0xE9, '"', '}'});

    CliRun r = CliRun.run("convert", "--quiet", in.toString());

    assertEquals(1, r.exitCode());
    assertEquals(
        "error: cannot read "
            + in
            + ": not valid UTF-8 text (line 1, column 3: byte 0xE9) [CLI-E001]\n",
        r.err());
  }

  @Test
  void stdinIsReadForDashAndNamedByStdinName() {
    CliRun ok =
        CliRun.with().stdin(Templates.VALID_AIB).run("convert", "--stdin-name", "web.json", "-");
    assertEquals(0, ok.exitCode(), ok.err());
    assertEquals(Templates.expectedSingle("web.json", Templates.VALID_AIB).text(), ok.out());

    CliRun broken =
        CliRun.with()
            .stdin(Templates.BROKEN_JSON)
            .run("convert", "--stdin-name", "piped.json", "-");
    assertEquals(1, broken.exitCode());
    assertTrue(broken.err().startsWith("piped.json:3:"), broken.err());
  }

  @Test
  void outputDashIsStandardOutput() {
    // -o - made a folder named '-' in the working directory (CLI review).
    CliRun r =
        CliRun.with()
            .stdin(Templates.VALID_AIB)
            .run("convert", "--stdin-name", "web.json", "-o", "-", "-");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(Templates.expectedSingle("web.json", Templates.VALID_AIB).text(), r.out());
    assertFalse(java.nio.file.Files.exists(Path.of("-")), "a folder named '-' was made");
  }

  @Test
  void stdinWithoutANameIsCalledStdin() {
    CliRun r = CliRun.with().stdin(Templates.BROKEN_JSON).run("convert", "-");

    assertEquals(1, r.exitCode());
    assertTrue(r.err().startsWith("<stdin>:"), r.err());
  }

  @Test
  void stdinTwiceIsAUsageError() {
    CliRun r = CliRun.with().stdin(Templates.VALID_AIB).run("convert", "-", "-");

    assertEquals(2, r.exitCode());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("error: standard input ('-') can be given only once\n"), r.err());
  }

  @Test
  void severalInputsWithoutOutputAreAUsageErrorBeforeConverting() {
    Path a = Templates.write(tmp.resolve("a"), "web.json", Templates.VALID_AIB);
    Path b = Templates.write(tmp.resolve("b"), "web.json", Templates.VALID_AIB);
    Path broken = Templates.write(tmp, "broken.json", Templates.BROKEN_JSON);
    Path report = tmp.resolve("r.json");

    CliRun r =
        CliRun.run(
            "convert",
            broken.toString(),
            a.toString(),
            b.toString(),
            "--report",
            report.toString());

    assertEquals(2, r.exitCode());
    assertEquals("", r.out());
    // Nothing was converted: no diagnostic of the broken input, and no report.
    assertEquals(
        "error: standard output takes one template, but 3 inputs were given ("
            + broken
            + ", "
            + a
            + ", "
            + b
            + "); pass -o DIR to write one file per template\n"
            + "Try 'packer2aib convert --help' for more information.\n",
        r.err());
    assertFalse(Files.exists(report), "no report for a usage error");

    // A usage error is a text line in every format.
    CliRun json =
        CliRun.run("convert", broken.toString(), a.toString(), "--diagnostics-format", "json");
    assertEquals(2, json.exitCode());
    assertTrue(json.err().startsWith("error: standard output takes one template, but 2 inputs"));
  }

  @Test
  void aUsageErrorListsTheFirstTenNamesAndHowManyMore() {
    List<String> args = new ArrayList<>(List.of("convert"));
    for (int i = 0; i < 1600; i++) {
      // Never read: the run stops before reading any input.
      args.add("t" + i + ".json");
    }

    CliRun r = CliRun.run(args.toArray(new String[0]));

    assertEquals(2, r.exitCode());
    assertEquals(
        "error: standard output takes one template, but 1,600 inputs were given (t0.json, t1.json,"
            + " t2.json, t3.json, t4.json, t5.json, t6.json, t7.json, t8.json, t9.json, and 1,590"
            + " more); pass -o DIR to write one file per template\n"
            + "Try 'packer2aib convert --help' for more information.\n",
        r.err());
  }

  /**
   * An argument such as {@code pw=…} that names no file is no input (a variable set without --var):
   * the usage error counts only the real inputs (it said "3 inputs" of two), and names the
   * assignment apart, masked, with the advice the run gives it when it converts (code review).
   */
  @Test
  void aUsageErrorCountsNoAssignmentAndSaysHowToSetIt() {
    Path a = Templates.write(tmp.resolve("a"), "web.json", Templates.VALID_AIB);
    Path b = Templates.write(tmp.resolve("b"), "web.json", Templates.VALID_AIB);

    CliRun one = CliRun.run("convert", a.toString(), "pw=s3cr3t-value", b.toString());
    CliRun two =
        CliRun.run("convert", "user=u-value", a.toString(), b.toString(), "pw=s3cr3t-value");

    assertEquals(2, one.exitCode());
    assertEquals(
        "error: standard output takes one template, but 2 inputs were given ("
            + a
            + ", "
            + b
            + "); pass -o DIR to write one file per template; pw=*** names no file: to set the"
            + " variable, write --var pw=VALUE\n"
            + "Try 'packer2aib convert --help' for more information.\n",
        one.err());
    assertEquals(2, two.exitCode());
    assertTrue(
        two.err()
            .startsWith(
                "error: standard output takes one template, but 2 inputs were given ("
                    + a
                    + ", "
                    + b
                    + "); pass -o DIR to write one file per template; user=***, pw=*** name no"
                    + " files: to set the variables, write --var user=VALUE, --var pw=VALUE\n"),
        two.err());
    assertFalse(two.err().contains("s3cr3t") || two.err().contains("u-value"), two.err());
  }

  @Test
  void anInputOfSeveralTemplatesWithoutOutputIsAUsageErrorAfterItsDiagnostics() {
    StringBuilder hcl = new StringBuilder();
    List<String> usages = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      hcl.append("source \"azure-arm\" \"u")
          .append(i)
          .append("\" {\n")
          .append("  use_azure_cli_auth = true\n")
          .append("  subscription_id = \"00000000-0000-0000-0000-000000000000\"\n")
          .append("  os_type = \"Linux\"\n")
          .append("  image_publisher = \"Canonical\"\n")
          .append("  image_offer = \"0001-com-ubuntu-server-jammy\"\n")
          .append("  image_sku = \"22_04-lts-gen2\"\n")
          .append("  location = \"westeurope\"\n")
          .append("  managed_image_name = \"img")
          .append(i)
          .append("\"\n")
          .append("  managed_image_resource_group_name = \"rg\"\n")
          .append("}\n");
      usages.add("\"source.azure-arm.u" + i + "\"");
    }
    hcl.append("build {\n  sources = [").append(String.join(", ", usages)).append("]\n}\n");
    Path t = Templates.write(tmp, "many.pkr.hcl", hcl.toString());
    Path report = tmp.resolve("r.json");

    CliRun r = CliRun.run("convert", t.toString(), "--report", report.toString());

    assertEquals(2, r.exitCode());
    assertEquals("", r.out());
    // The input's own diagnostics come first (they are the run's findings whichever template is
    // chosen), then the usage error with the first ten names.
    assertTrue(r.err().startsWith(t + ":"), r.err());
    assertTrue(
        r.err()
            .endsWith(
                "error: "
                    + t
                    + " produces 12 templates, but standard output takes only one (\"u0\","
                    + " \"u1\", \"u2\", \"u3\", \"u4\", \"u5\", \"u6\", \"u7\", \"u8\", \"u9\","
                    + " and 2 more); pass -o DIR to write one file per template, or choose one of"
                    + " its builds with --only\n"
                    + "Try 'packer2aib convert --help' for more information.\n"),
        r.err());
    assertTrue(Files.isRegularFile(report), "the report is written");

    CliRun json = CliRun.run("convert", t.toString(), "--diagnostics-format", "json");
    assertEquals(2, json.exitCode());
    assertTrue(json.err().startsWith("["), json.err());
    assertTrue(json.err().contains("error: " + t + " produces 12 templates"), json.err());
  }

  @Test
  void identicalTemplateNamesFromTwoInputsAreDisambiguated() throws IOException {
    Path a = Templates.write(tmp.resolve("a"), "web.json", Templates.VALID_AIB);
    Path b = Templates.write(tmp.resolve("b"), "web.json", Templates.VALID_AIB);
    String name = Templates.expectedSingle(a.toString(), Templates.VALID_AIB).name();
    Path out = tmp.resolve("out");

    CliRun r = CliRun.run("convert", "-o", out.toString(), a.toString(), b.toString());

    assertEquals(0, r.exitCode(), r.err());
    // Both inputs are called "web", so the input prefix still clashes and a number settles it.
    assertEquals(List.of("web-" + name + "-2.json", "web-" + name + ".json"), listing(out));
    assertTrue(
        r.err()
            .contains(
                "note: more than one input produces a template named \""
                    + name
                    + "\"; the one from "
                    + b
                    + " is written to "
                    + out.resolve("web-" + name + "-2.json")
                    + " [CLI-N001]\n"),
        r.err());
  }

  @Test
  void clashingNamesArePrefixedWithTheInputBaseName() throws IOException {
    FakeEngine engine =
        new FakeEngine(f -> FakeEngine.ok(FakeEngine.template("web", "from " + f.name() + "\n")));
    Path a = Templates.write(tmp, "alpha.json", "a");
    Path b = Templates.write(tmp, "beta.json", "b");
    Path out = tmp.resolve("out");

    CliRun r =
        CliRun.with()
            .engine(engine)
            .run("convert", "-o", out.toString(), a.toString(), b.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(List.of("alpha-web.json", "beta-web.json"), listing(out));
    assertEquals("from " + a + "\n", Files.readString(out.resolve("alpha-web.json")));
    assertEquals("from " + b + "\n", Files.readString(out.resolve("beta-web.json")));
    assertEquals(
        "note: more than one input produces a template named \"web\"; the one from "
            + a
            + " is written to "
            + out.resolve("alpha-web.json")
            + " [CLI-N001]\n"
            + "note: more than one input produces a template named \"web\"; the one from "
            + b
            + " is written to "
            + out.resolve("beta-web.json")
            + " [CLI-N001]\n"
            + "converted 2 templates from 2 inputs\n",
        r.err());
  }

  @Test
  void severalTemplatesOfOneInputAreWrittenInOrder() throws IOException {
    FakeEngine engine =
        new FakeEngine(
            f ->
                FakeEngine.ok(
                    FakeEngine.template("linux", "l\n"), FakeEngine.template("windows", "w\n")));
    Path a = Templates.write(tmp, "builds.json", "x");
    Path out = tmp.resolve("out");

    CliRun r = CliRun.with().engine(engine).run("convert", "-o", out.toString(), a.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(List.of("linux.json", "windows.json"), listing(out));
    assertEquals("w\n", Files.readString(out.resolve("windows.json")));
    assertEquals("converted 2 templates from 1 input\n", r.err());
  }

  @Test
  void optionsReachTheCore() {
    FakeEngine engine = new FakeEngine(f -> FakeEngine.ok(FakeEngine.template("t", "t\n")));
    Path a = Templates.write(tmp, "a.json", "x");

    CliRun r =
        CliRun.with()
            .engine(engine)
            .run(
                "convert",
                "--api-version",
                "2022-07-01",
                "--identity",
                Templates.IDENTITY,
                "--format",
                "yaml",
                a.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(Optional.of(ApiVersion.V2022_07_01), engine.optionsSeen.get(0).apiVersion());
    assertEquals(Optional.of(Templates.IDENTITY), engine.optionsSeen.get(0).identity());
    assertEquals(OutputFormat.YAML, engine.optionsSeen.get(0).format());
    assertEquals(List.of(a.toString()), engine.namesSeen);
  }

  @Test
  void defaultsLeaveTheChoicesToTheCore() {
    FakeEngine engine = new FakeEngine(f -> FakeEngine.ok(FakeEngine.template("t", "t\n")));
    Path a = Templates.write(tmp, "a.json", "x");

    CliRun.with().engine(engine).run("convert", a.toString());

    assertEquals(Optional.empty(), engine.optionsSeen.get(0).apiVersion());
    assertEquals(Optional.empty(), engine.optionsSeen.get(0).identity());
    assertEquals(OutputFormat.JSON, engine.optionsSeen.get(0).format());
  }

  @Test
  void strictFailsAnInputWithWarningsAndWritesNothingForIt() throws IOException {
    FakeEngine engine =
        new FakeEngine(
            f ->
                new ConversionResult(
                    List.of(FakeEngine.template(f.text().trim(), "x\n")),
                    f.text().startsWith("warn")
                        ? List.of(
                            FakeEngine.diagnostic(f, Severity.WARNING, "TST-W001", "Be careful."))
                        : List.of()));
    Path warn = Templates.write(tmp, "w.json", "warned");
    Path clean = Templates.write(tmp, "c.json", "clean");
    Path out = tmp.resolve("out");

    CliRun lax =
        CliRun.with()
            .engine(engine)
            .run("convert", "-o", out.toString(), warn.toString(), clean.toString());
    assertEquals(0, lax.exitCode(), lax.err());
    assertEquals(List.of("clean.json", "warned.json"), listing(out));
    assertTrue(lax.err().endsWith("converted 2 templates from 2 inputs; 1 warning\n"), lax.err());

    Path strictOut = tmp.resolve("strict");
    CliRun strict =
        CliRun.with()
            .engine(engine)
            .run(
                "convert",
                "--strict",
                "-o",
                strictOut.toString(),
                warn.toString(),
                clean.toString());
    assertEquals(1, strict.exitCode());
    assertEquals(List.of("clean.json"), listing(strictOut));
    assertTrue(
        strict.err().startsWith(warn + ":1:1: warning: Test warning [TST-W001]\n"), strict.err());
    assertTrue(
        strict.err().endsWith("converted 1 template from 2 inputs; 1 input failed; 1 warning\n"),
        strict.err());
  }

  @Test
  void strictWithASingleWarnedInputPrintsNothingOnStdout() {
    FakeEngine engine =
        new FakeEngine(
            f ->
                new ConversionResult(
                    List.of(FakeEngine.template("t", "x\n")),
                    List.of(FakeEngine.diagnostic(f, Severity.WARNING, "TST-W001", "Careful."))));
    Path a = Templates.write(tmp, "a.json", "x");

    CliRun r = CliRun.with().engine(engine).run("convert", "--strict", a.toString());

    assertEquals(1, r.exitCode());
    assertEquals("", r.out());
  }

  @Test
  void quietShowsOnlyErrors() {
    FakeEngine engine =
        new FakeEngine(
            f ->
                f.text().startsWith("bad")
                    ? new ConversionResult(
                        List.of(),
                        List.of(FakeEngine.diagnostic(f, Severity.ERROR, "TST-E001", "Broken.")))
                    : new ConversionResult(
                        List.of(FakeEngine.template("t", "x\n")),
                        List.of(
                            FakeEngine.diagnostic(f, Severity.WARNING, "TST-W001", "Careful."),
                            FakeEngine.diagnostic(f, Severity.NOTE, "TST-N001", "By the way."))));
    Path good = Templates.write(tmp, "good.json", "good");
    Path bad = Templates.write(tmp, "bad.json", "bad");

    CliRun quietOk = CliRun.with().engine(engine).run("convert", "--quiet", good.toString());
    assertEquals(0, quietOk.exitCode());
    assertEquals("x\n", quietOk.out());
    assertEquals("", quietOk.err());

    CliRun quietBad = CliRun.with().engine(engine).run("convert", "-q", bad.toString());
    assertEquals(1, quietBad.exitCode());
    assertEquals(
        bad
            + ":1:1: error: Test error [TST-E001]\n"
            + "  1 | bad\n"
            + "    | ^\n"
            + "  at /properties\n"
            + "  Broken.\n",
        quietBad.err());

    CliRun loud = CliRun.with().engine(engine).run("convert", good.toString());
    assertTrue(loud.err().contains("warning: Test warning [TST-W001]"), loud.err());
    assertTrue(loud.err().contains("note: Test note [TST-N001]"), loud.err());
  }

  @Test
  void existingFilesAreReplacedAndNoTemporaryFilesRemain() throws IOException {
    FakeEngine engine = new FakeEngine(f -> FakeEngine.ok(FakeEngine.template("t", "new\n")));
    Path a = Templates.write(tmp, "a.json", "x");
    Path out = tmp.resolve("out");
    Templates.write(out, "t.json", "old content that is longer than the new one\n");

    CliRun r = CliRun.with().engine(engine).run("convert", "-o", out.toString(), a.toString());

    assertEquals(0, r.exitCode(), r.err());
    assertEquals(List.of("t.json"), listing(out));
    assertEquals("new\n", Files.readString(out.resolve("t.json")));
  }

  @Test
  void aTargetThatCannotBeReplacedIsAnErrorForThatInputOnly() throws IOException {
    FakeEngine engine =
        new FakeEngine(f -> FakeEngine.ok(FakeEngine.template(f.text().trim(), "ok\n")));
    Path a = Templates.write(tmp, "a.json", "blocked");
    Path b = Templates.write(tmp, "b.json", "free");
    Path out = tmp.resolve("out");
    // A non-empty directory where the file should go cannot be replaced by a file.
    Templates.write(out.resolve("blocked.json"), "keep", "x");

    CliRun r =
        CliRun.with()
            .engine(engine)
            .run("convert", "-o", out.toString(), a.toString(), b.toString());

    assertEquals(1, r.exitCode());
    assertEquals(List.of("blocked.json", "free.json"), listing(out));
    assertTrue(Files.isDirectory(out.resolve("blocked.json")));
    assertTrue(
        r.err().startsWith("error: cannot write " + out.resolve("blocked.json") + ": "), r.err());
    assertTrue(
        r.err().endsWith("converted 1 template from 2 inputs; 1 input failed; 1 error\n"), r.err());
  }

  /** An input's templates are written all or none (found by fuzzing: the first was written). */
  @Test
  void anInputWithOneBlockedTargetWritesNoneOfItsTemplates() throws IOException {
    FakeEngine engine =
        new FakeEngine(
            f ->
                f.text().trim().equals("two")
                    ? FakeEngine.ok(
                        FakeEngine.template("u", "u\n"), FakeEngine.template("v", "v\n"))
                    : FakeEngine.ok(FakeEngine.template("w", "w\n")));
    Path two = Templates.write(tmp, "two.json", "two");
    Path one = Templates.write(tmp, "one.json", "one");
    Path out = tmp.resolve("out");
    Files.createDirectories(out.resolve("v.json")); // empty: a move could replace it

    CliRun r =
        CliRun.with()
            .engine(engine)
            .run("convert", "-o", out.toString(), two.toString(), one.toString());

    assertEquals(1, r.exitCode());
    assertEquals(List.of("v.json", "w.json"), listing(out));
    assertTrue(Files.isDirectory(out.resolve("v.json")));
    assertTrue(
        r.err().startsWith("error: cannot write " + out.resolve("v.json") + ": it is a directory"),
        r.err());
  }

  /**
   * convert -o . image.json would replace the template with its own conversion (found reviewing
   * YAML authoring: an ARM deployment template lost its parameters): refused, the others written.
   */
  @Test
  void anOutputThatIsAnInputIsNotWritten() throws IOException {
    String text = Templates.VALID_AIB.formatted(Templates.IDENTITY);
    Path a = Templates.write(tmp, "a.json", text);
    Path other = tmp.resolve("other");
    Path b = Templates.write(other, "b.json", text);

    CliRun r = CliRun.run("convert", "-o", tmp.toString(), a.toString(), b.toString());

    assertEquals(1, r.exitCode(), r.err());
    assertEquals(text, Files.readString(a));
    assertTrue(Files.isRegularFile(tmp.resolve("b.json")), r.err());
    assertTrue(
        r.err()
            .startsWith(
                "error: cannot write "
                    + tmp.resolve("a.json")
                    + ": it is "
                    + a
                    + ", which this run reads; write into another folder [CLI-E002]\n"),
        r.err());
  }

  @Test
  void outputThatIsAFileIsAUsageError() {
    Path a = Templates.write(tmp, "a.json", Templates.VALID_AIB);
    Path file = Templates.write(tmp, "not-a-dir", "x");

    CliRun r = CliRun.run("convert", "-o", file.toString(), a.toString());

    assertEquals(2, r.exitCode());
    assertTrue(
        r.err().startsWith("error: --output " + file + " exists and is not a directory\n"),
        r.err());
  }

  @Test
  void unsafeNameFromTheCoreIsAnInternalErrorAndNothingIsWritten() throws IOException {
    FakeEngine engine = new FakeEngine(f -> FakeEngine.ok(FakeEngine.template("../escape", "x\n")));
    Path a = Templates.write(tmp, "a.json", "x");
    Path out = tmp.resolve("out");

    CliRun r = CliRun.with().engine(engine).run("convert", "-o", out.toString(), a.toString());

    assertEquals(70, r.exitCode());
    assertFalse(Files.exists(tmp.resolve("escape.json")));
    assertEquals(List.of(), listing(out));
  }
}
