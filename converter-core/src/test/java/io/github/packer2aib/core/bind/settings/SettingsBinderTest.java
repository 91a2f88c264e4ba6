package io.github.packer2aib.core.bind.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.TextRenderer;
import io.github.packer2aib.core.mapping.packer.MapOptions.GalleryVersioning;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsBinderTest {

  // --- helpers -------------------------------------------------------------------------------

  private static SettingsResult bind(String name, String text) {
    return SettingsBinder.bind(new SourceFile(name, text));
  }

  private static Settings valid(String name, String text) {
    SettingsResult r = bind(name, text);
    assertEquals(List.of(), lines(r), "diagnostics");
    assertTrue(r.settings().isPresent());
    return r.settings().get();
  }

  /** Each diagnostic as "CODE file:line:col pointer | detail". */
  private static List<String> lines(SettingsResult r) {
    return lines(r.diagnostics());
  }

  private static List<String> lines(List<Diagnostic> diagnostics) {
    List<String> out = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      out.add(
          d.code()
              + " "
              + d.subject().map(Object::toString).orElse("-")
              + " "
              + d.path().map(p -> p.isEmpty() ? "/" : p).orElse("-")
              + " | "
              + d.detail());
    }
    return out;
  }

  /** The one diagnostic of a file that must have exactly one, as {@link #lines}. */
  private static String onlyError(String text) {
    SettingsResult r = bind("s.yaml", text);
    assertTrue(r.settings().isEmpty(), "settings must be absent when there are errors");
    List<String> l = lines(r);
    assertEquals(1, l.size(), l.toString());
    return l.get(0);
  }

  // --- the format and its merge ------------------------------------------------------------

  private static final String EXAMPLE =
      String.join(
          "\n",
          "# every key mirrors the long command-line option of the same name",
          "defaults:",
          "  identity: /subscriptions/s/resourceGroups/g/providers/"
              + "Microsoft.ManagedIdentity/userAssignedIdentities/id-aib",
          "  subscription: 11111111-1111-1111-1111-111111111111",
          "  location: westeurope",
          "  script-base-uri: https://st.blob.core.windows.net/build/",
          "  file-base-uri: https://st.blob.core.windows.net/files/",
          "  skip-unsupported: true",
          "  api-version: 2022-07-01",
          "  gallery-versioning: latest",
          "  vars:",
          "    owner: platform",
          "  var-files: [vars/common.pkrvars.hcl]",
          "templates:",
          "  - path: \"packer-hcl/ag1l4n__*__rhel\"",
          "    vars:",
          "      gallery_name: example",
          "      regions: '[\"westeurope\"]'",
          "      count: 3",
          "      debug: false",
          "      version: 1.10",
          "    var-files: [vars/rhel.pkrvars.hcl]",
          "    only: [\"azure-arm.*\"]",
          "    except: []",
          "  - path: legacy/old.json",
          "    skip: needs a plugin we do not map",
          "");

  @Test
  void theExampleBindsAndAppliesDefaultsThenTheMatchingEntry() {
    Settings s = valid("conf/packer2aib.yaml", EXAMPLE);
    TemplateSettings t = s.forTemplate("packer-hcl/ag1l4n__x__rhel");
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("owner", "platform");
    vars.put("gallery_name", "example");
    vars.put("regions", "[\"westeurope\"]");
    vars.put("count", "3");
    vars.put("debug", "false");
    vars.put("version", "1.10");
    assertEquals(vars, t.vars());
    assertEquals(List.copyOf(vars.keySet()), List.copyOf(t.vars().keySet()), "insertion order");
    assertEquals(
        List.of("conf/vars/common.pkrvars.hcl", "conf/vars/rhel.pkrvars.hcl"), t.varFiles());
    assertEquals(List.of("azure-arm.*"), t.only());
    assertEquals(List.of(), t.except());
    assertEquals(
        Optional.of(
            "/subscriptions/s/resourceGroups/g/providers/"
                + "Microsoft.ManagedIdentity/userAssignedIdentities/id-aib"),
        t.identity());
    assertEquals(Optional.of("11111111-1111-1111-1111-111111111111"), t.subscription());
    assertEquals(Optional.of("westeurope"), t.location());
    assertEquals(Optional.of("https://st.blob.core.windows.net/build/"), t.scriptBaseUri());
    assertEquals(Optional.of("https://st.blob.core.windows.net/files/"), t.fileBaseUri());
    assertEquals(Optional.of(true), t.skipUnsupported());
    assertEquals(Optional.of(ApiVersion.V2022_07_01), t.apiVersion());
    assertEquals(Optional.of(GalleryVersioning.LATEST), t.galleryVersioning());
    assertEquals(Optional.empty(), t.skip());

    TemplateSettings other = s.forTemplate("packer-hcl/other");
    assertEquals(Map.of("owner", "platform"), other.vars());
    assertEquals(List.of("conf/vars/common.pkrvars.hcl"), other.varFiles());
    assertEquals(List.of(), other.only());
    assertEquals(Optional.empty(), other.skip());

    assertEquals(
        Optional.of("needs a plugin we do not map"), s.forTemplate("legacy/old.json").skip());
  }

  @Test
  void laterLayersWinForScalarsMergeVarsByNameAndAppendLists() {
    Settings s =
        valid(
            "s.yaml",
            String.join(
                "\n",
                "defaults:",
                "  location: westeurope",
                "  skip-unsupported: false",
                "  vars: {a: d1, b: d2}",
                "  var-files: [d.hcl]",
                "  only: [d-only]",
                "  except: [d-except]",
                "templates:",
                "  - path: '**'",
                "    location: northeurope",
                "    vars: {b: e1, c: e1}",
                "    var-files: [e1.hcl]",
                "    only: [e1-only]",
                "  - path: x/*",
                "    skip-unsupported: true",
                "    vars: {a: e2}",
                "    var-files: [e2.hcl, d.hcl]",
                "    except: [e2-except]",
                "    skip: first reason",
                "  - path: x/y",
                "    location: eastus",
                "    skip: second reason",
                ""));
    TemplateSettings t = s.forTemplate("x/y");
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("a", "e2");
    vars.put("b", "e1");
    vars.put("c", "e1");
    assertEquals(vars, t.vars());
    assertEquals(List.of("a", "b", "c"), List.copyOf(t.vars().keySet()));
    assertEquals(List.of("d.hcl", "e1.hcl", "e2.hcl", "d.hcl"), t.varFiles());
    assertEquals(List.of("d-only", "e1-only"), t.only());
    assertEquals(List.of("d-except", "e2-except"), t.except());
    assertEquals(Optional.of("eastus"), t.location());
    assertEquals(Optional.of(true), t.skipUnsupported());
    assertEquals(Optional.of("second reason"), t.skip());

    TemplateSettings z = s.forTemplate("x/z");
    assertEquals(Optional.of("northeurope"), z.location());
    assertEquals(Optional.of("first reason"), z.skip());

    // "**" matches across folders; "x/*" does not reach into x/y/z.
    TemplateSettings deep = s.forTemplate("x/y/z");
    assertEquals(Optional.of("northeurope"), deep.location());
    assertEquals(Optional.of(false), deep.skipUnsupported());
    assertEquals(Optional.empty(), deep.skip());
  }

  @Test
  void theEmptyLayerChangesNothingOnEitherSide() {
    TemplateSettings t =
        valid("conf/packer2aib.yaml", EXAMPLE).forTemplate("packer-hcl/ag1l4n__x__rhel");
    assertEquals(t, TemplateSettings.EMPTY.then(t));
    assertEquals(t, t.then(TemplateSettings.EMPTY));
    assertEquals(List.of(), TemplateSettings.EMPTY.then(TemplateSettings.EMPTY).varFiles());
  }

  @Test
  void globsUseTheJdkSyntaxOnSlashSeparatedRelativePaths() {
    Settings s =
        valid(
            "s.yaml",
            String.join(
                "\n",
                "templates:",
                "  - {path: 'a/*', location: star}",
                "  - {path: 'a/**', subscription: globstar}",
                "  - {path: '{b,c}/t.pkr.hcl', vars: {braces: 'yes'}}",
                "  - {path: 'd/t?.json', vars: {question: 'yes'}}",
                "  - {path: 'e/[xy].json', vars: {klass: 'yes'}}",
                "  - {path: '**/win/*', vars: {deep: 'yes'}}",
                "  - {path: 'f\\*', vars: {escaped: 'yes'}}",
                ""));
    assertEquals(Optional.of("star"), s.forTemplate("a/t").location());
    assertEquals(Optional.of("globstar"), s.forTemplate("a/t").subscription());
    assertEquals(Optional.empty(), s.forTemplate("a/b/t").location());
    assertEquals(Optional.of("globstar"), s.forTemplate("a/b/t").subscription());
    assertEquals(Optional.empty(), s.forTemplate("a").subscription());
    assertEquals(Map.of("braces", "yes"), s.forTemplate("b/t.pkr.hcl").vars());
    assertEquals(Map.of("braces", "yes"), s.forTemplate("c/t.pkr.hcl").vars());
    assertEquals(Map.of(), s.forTemplate("bc/t.pkr.hcl").vars());
    assertEquals(Map.of("question", "yes"), s.forTemplate("d/t1.json").vars());
    assertEquals(Map.of(), s.forTemplate("d/t12.json").vars());
    assertEquals(Map.of("klass", "yes"), s.forTemplate("e/y.json").vars());
    assertEquals(Map.of(), s.forTemplate("e/z.json").vars());
    assertEquals(Map.of("deep", "yes"), s.forTemplate("x/y/win/t").vars());
    assertEquals(Map.of("deep", "yes"), s.forTemplate("x/win/t").vars());
    // "**/" needs at least one folder before it.
    assertEquals(Map.of(), s.forTemplate("win/t").vars());
    assertEquals(Map.of("escaped", "yes"), s.forTemplate("f*").vars());
    assertEquals(Map.of(), s.forTemplate("fa").vars());
  }

  @Test
  void entriesApplyInFileOrderWhetherOrNotTheirGlobFixesTheFileName() {
    // Entries that fix the file name (the first, third, fourth, fifth and sixth) are looked up by
    // it; the others are tried on every template. Both kinds interleave in file order.
    Settings s =
        valid(
            "s.yaml",
            String.join(
                "\n",
                "templates:",
                "  - {path: '**/t1.json', vars: {a: '1', order: first}}",
                "  - {path: '**/*.json', vars: {order: second}}",
                "  - {path: 'g/t1.json', vars: {order: third}}",
                "  - {path: 't1.json', vars: {top: 'yes'}}",
                "  - {path: '**/t2.json', vars: {two: 'yes'}}",
                "  - {path: 'h/*/t1.json', vars: {deep: 'yes'}}",
                "  - {path: '{g,h}/t1.json', vars: {group: 'yes'}}",
                ""));
    Map<String, String> g = new LinkedHashMap<>();
    g.put("a", "1");
    g.put("order", "third");
    g.put("group", "yes");
    assertEquals(
        List.copyOf(g.entrySet()), List.copyOf(s.forTemplate("g/t1.json").vars().entrySet()));
    // The path is read as a Path, which drops a doubled separator.
    assertEquals(g, s.forTemplate("g//t1.json").vars());
    assertEquals(Map.of("top", "yes"), s.forTemplate("t1.json").vars());
    assertEquals(
        Map.of("a", "1", "order", "second", "deep", "yes"), s.forTemplate("h/x/t1.json").vars());
    assertEquals(Map.of("order", "second"), s.forTemplate("g/t3.json").vars());
    assertEquals(Map.of(), s.forTemplate("g/t1.jsonx").vars());
    assertEquals(
        List.of("/templates/4/path", "/templates/5/path"),
        s.unused(List.of("g/t1.json", "t1.json")).stream()
            .map(d -> d.path().orElseThrow())
            .toList());
  }

  @Test
  void aTemplateTriesOnlyTheEntriesThatCanMatchIt() {
    // One entry per template, each fixing its file name, and one that fixes none: a template is
    // matched against its own entry and the one, not against all (templates times entries glob
    // matches made a settings file of 8,000 entries take half a minute).
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Settings.NAMES_COMPARE_AS_TEXT, "this platform's globs are tried on every template");
    SourceFile file = new SourceFile("s.yaml", "templates: []\n");
    int[] calls = new int[1];
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      entries.add(counted("**/t" + i + ".json", i, file, calls));
    }
    entries.add(counted("**/*.json", 1000, file, calls));
    Settings s = new Settings(TemplateSettings.EMPTY, entries);
    assertEquals(Map.of("n", "1000"), s.forTemplate("g/t7.json").vars(), "the later entry wins");
    assertEquals(2, calls[0]);
    calls[0] = 0;
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      all.add("g" + (i % 10) + "/t" + i + ".json");
    }
    assertEquals(List.of(), s.unused(all));
    assertTrue(calls[0] <= 2 * 1000, calls[0] + " glob matches");
  }

  private static Entry counted(String glob, int n, SourceFile file, int[] calls) {
    java.nio.file.PathMatcher real =
        java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
    TemplateSettings layer =
        new TemplateSettings(
            Map.of("n", Integer.toString(n)),
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Map.of(),
            java.util.Set.of());
    return new Entry(
        glob,
        p -> {
          calls[0]++;
          return real.matches(p);
        },
        file.whole(),
        "/templates/" + n + "/path",
        layer);
  }

  @Test
  void varFilesAreResolvedAgainstTheSettingsFilesFolder() {
    String text = "defaults:\n  var-files: [a.hcl, sub/b.hcl, ../c.hcl, ./d.hcl, /abs/e.hcl]\n";
    assertEquals(
        List.of("conf/a.hcl", "conf/sub/b.hcl", "c.hcl", "conf/d.hcl", "/abs/e.hcl"),
        valid("conf/p.yaml", text).forTemplate("t").varFiles());
    assertEquals(
        List.of("a.hcl", "sub/b.hcl", "../c.hcl", "d.hcl", "/abs/e.hcl"),
        valid("p.yaml", text).forTemplate("t").varFiles());
    assertEquals(
        List.of("/repo/a.hcl", "/repo/sub/b.hcl", "/c.hcl", "/repo/d.hcl", "/abs/e.hcl"),
        valid("/repo/p.yaml", text).forTemplate("t").varFiles());
  }

  @Test
  void aVarFileNameWithANulCharacterIsAnErrorThatShowsItEscaped() {
    // No file can have the name, and Java's paths throw on it: an error at the item, never a
    // name that fails later when the run resolves it.
    assertEquals(
        "SET-E014 s.json:1:53 /templates/0/var-files/1 | The variable file name"
            + " \"v\\u0000.hcl\" contains a NUL character (\\u0000), which no file name can hold."
            + " Give the file's path relative to the settings file's folder.",
        lines(
                bind(
                    "s.json",
                    "{\"templates\": [{\"path\": \"*\", \"var-files\": [\"a.hcl\","
                        + " \"v\\u0000.hcl\"]}]}"))
            .get(0));
    assertEquals(
        "SET-E014 s.yaml:1:24 /defaults/var-files/0 | The variable file name \"\\u0001\\u0000\""
            + " contains a NUL character (\\u0000), which no file name can hold. Give the file's"
            + " path relative to the settings file's folder.",
        onlyError("defaults: {var-files: [\"\\x01\\0\"]}\n"));
  }

  @Test
  void varValuesAreTheirTextAsOnTheCommandLine() {
    Settings s =
        valid(
            "s.yaml",
            String.join(
                "\n",
                "defaults:",
                "  vars:",
                "    plain: westeurope",
                "    quoted: \"1.10\"",
                "    number: 1.10",
                "    hex: 0x1F",
                "    bool: true",
                "    empty: ''",
                "    hcl: '{team = \"images\"}'",
                "    multi: |",
                "      line one",
                "      line two",
                ""));
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("plain", "westeurope");
    vars.put("quoted", "1.10");
    vars.put("number", "1.10");
    vars.put("hex", "0x1F");
    vars.put("bool", "true");
    vars.put("empty", "");
    vars.put("hcl", "{team = \"images\"}");
    vars.put("multi", "line one\nline two\n");
    assertEquals(vars, s.forTemplate("t").vars());
  }

  @Test
  void theJsonFormBindsToTheSameSettingsAsTheYamlForm() {
    String json =
        String.join(
            "\n",
            "{",
            "  \"defaults\": {",
            "    \"identity\": \"/subscriptions/s/resourceGroups/g/providers/"
                + "Microsoft.ManagedIdentity/userAssignedIdentities/id-aib\",",
            "    \"subscription\": \"11111111-1111-1111-1111-111111111111\",",
            "    \"location\": \"westeurope\",",
            "    \"script-base-uri\": \"https://st.blob.core.windows.net/build/\",",
            "    \"file-base-uri\": \"https://st.blob.core.windows.net/files/\",",
            "    \"skip-unsupported\": true,",
            "    \"api-version\": \"2022-07-01\",",
            "    \"gallery-versioning\": \"latest\",",
            "    \"vars\": {\"owner\": \"platform\"},",
            "    \"var-files\": [\"vars/common.pkrvars.hcl\"]",
            "  },",
            "  \"templates\": [",
            "    {",
            "      \"path\": \"packer-hcl/ag1l4n__*__rhel\",",
            "      \"vars\": {\"gallery_name\": \"example\", \"regions\":"
                + " \"[\\\"westeurope\\\"]\",",
            "               \"count\": 3, \"debug\": false, \"version\": 1.10},",
            "      \"var-files\": [\"vars/rhel.pkrvars.hcl\"],",
            "      \"only\": [\"azure-arm.*\"],",
            "      \"except\": []",
            "    },",
            "    {\"path\": \"legacy/old.json\", \"skip\": \"needs a plugin we do not map\"}",
            "  ]",
            "}",
            "");
    Settings fromJson = valid("conf/packer2aib.json", json);
    Settings fromYaml = valid("conf/packer2aib.yaml", EXAMPLE);
    for (String path :
        List.of("packer-hcl/ag1l4n__x__rhel", "packer-hcl/other", "legacy/old.json", "")) {
      assertEquals(fromYaml.forTemplate(path), fromJson.forTemplate(path), path);
      assertEquals(
          List.copyOf(fromYaml.forTemplate(path).vars().entrySet()),
          List.copyOf(fromJson.forTemplate(path).vars().entrySet()),
          path);
    }
  }

  @Test
  void anEmptyFileOrEmptySectionsSetNothing() {
    // A YAML file without a document is the reader's error, as for every YAML input.
    SettingsResult empty = bind("s.yaml", "# only a comment\n");
    assertEquals(Optional.empty(), empty.settings());
    assertEquals(List.of("YAML-E001"), empty.diagnostics().stream().map(Diagnostic::code).toList());
    assertEquals(TemplateSettings.EMPTY, valid("s.yaml", "---\n").forTemplate("t"));
    assertEquals(
        TemplateSettings.EMPTY, valid("s.yaml", "defaults:\ntemplates:\n").forTemplate("t"));
    assertEquals(TemplateSettings.EMPTY, valid("s.json", "{}").forTemplate("t"));
    assertEquals(TemplateSettings.EMPTY, Settings.empty().forTemplate("t"));
    assertEquals(List.of(), Settings.empty().unused(List.of("t")));
  }

  @Test
  void buildTimeoutIsANumberOfMinutesImageBuilderAccepts() {
    assertEquals(
        Optional.of(300),
        valid("s.yaml", "defaults:\n  build-timeout: 300\n").forTemplate("t").buildTimeout());
    assertEquals(
        Optional.of(0),
        valid("s.json", "{\"defaults\": {\"build-timeout\": \"0\"}}")
            .forTemplate("t")
            .buildTimeout());
    // A later layer wins, as for every scalar.
    assertEquals(
        Optional.of(960),
        valid(
                "s.yaml",
                "defaults:\n"
                    + "  build-timeout: 120\n"
                    + "templates:\n"
                    + "  - path: t\n"
                    + "    build-timeout: 960\n")
            .forTemplate("t")
            .buildTimeout());
    for (String bad : List.of("5", "961", "-1", "1.5", "2h", "0120", "true")) {
      String line = onlyError("defaults:\n  build-timeout: " + bad + "\n");
      assertTrue(line.startsWith("SET-E016 s.yaml:2:18"), line);
    }
    SettingsResult json = bind("s.json", "{\"defaults\": {\"build-timeout\": true}}");
    assertEquals(List.of("SET-E001"), json.diagnostics().stream().map(Diagnostic::code).toList());
    assertTrue(
        onlyError("defaults:\n  build-timeout: 5\n")
            .endsWith(
                "| The value of \"build-timeout\" must be a whole number of minutes from 6 to 960,"
                    + " or 0 for Image Builder's default (240 minutes), not \"5\"."));
  }

  @Test
  void theReadmesExampleBinds() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
    int section = readme.indexOf("#### Per-template settings");
    int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
    String example = readme.substring(start, readme.indexOf("```\n", start));
    Settings s = valid("settings.yaml", example);
    assertEquals(List.of("PKRMAP-W115"), s.forTemplate("any/template").ignore());
    assertEquals(Optional.of(180), s.forTemplate("any/template").buildTimeout());
  }

  @Test
  void ignoredCodesAreWarningAndNoteCodesAppendedLayerByLayer() {
    Settings s =
        valid(
            "s.yaml",
            "defaults:\n"
                + "  ignore: [PKRMAP-W008]\n"
                + "templates:\n"
                + "  - path: t\n"
                + "    ignore: [' pkrmap-n102 ', RULE-W317]\n");
    assertEquals(List.of("PKRMAP-W008", "PKRMAP-N102", "RULE-W317"), s.forTemplate("t").ignore());
    assertEquals(List.of("PKRMAP-W008"), s.forTemplate("u").ignore());

    SettingsResult r =
        bind("s.yaml", "defaults:\n  ignore: [PKRMAP-E405, CLI-W001, PKRMAP-W30, x, 3]\n");
    assertTrue(r.settings().isEmpty());
    assertEquals(
        List.of(
            "SET-E017 s.yaml:2:12 /defaults/ignore/0 | PKRMAP-E405 is an error, and errors cannot"
                + " be ignored (an input with one is not converted); only warnings (AREA-Wnnn) and"
                + " notes (AREA-Nnnn) can be.",
            "SET-E017 s.yaml:2:25 /defaults/ignore/1 | CLI-W001 is about the run's files, not a"
                + " template's content; only the codes of template diagnostics can be ignored.",
            "SET-E017 s.yaml:2:35 /defaults/ignore/2 | Unknown diagnostic code 'PKRMAP-W30'; did"
                + " you mean PKRMAP-W301?",
            "SET-E017 s.yaml:2:47 /defaults/ignore/3 | Unknown diagnostic code 'X'; give the code"
                + " shown in brackets after a diagnostic, such as PKRMAP-W301."),
        lines(r).subList(0, 4));
    // A number is read as its text, as in "only" and "except".
    assertEquals(5, r.diagnostics().size());
    assertTrue(lines(r).get(4).contains("| Unknown diagnostic code '3';"), lines(r).get(4));
  }

  @Test
  void optionValuesAreReadAsTheCommandLineReadsThem() {
    TemplateSettings t =
        valid(
                "s.yaml",
                "defaults:\n  api-version: ' 2019-05-01-PREVIEW '\n  gallery-versioning: EXPLICIT\n"
                    + "  identity: /SUBSCRIPTIONS/s/resourcegroups/g/providers/"
                    + "microsoft.managedidentity/userassignedidentities/i\n"
                    + "  script-base-uri: HTTP://host/path?sv=1&sp=r\n")
            .forTemplate("t");
    assertEquals(Optional.of(ApiVersion.V2019_05_01_PREVIEW), t.apiVersion());
    assertEquals(Optional.of(GalleryVersioning.EXPLICIT), t.galleryVersioning());
    assertEquals(
        Optional.of(
            "/SUBSCRIPTIONS/s/resourcegroups/g/providers/"
                + "microsoft.managedidentity/userassignedidentities/i"),
        t.identity());
    assertEquals(Optional.of("HTTP://host/path?sv=1&sp=r"), t.scriptBaseUri());
  }

  // --- unused entries ------------------------------------------------------------------------

  @Test
  void entriesThatMatchNoTemplateAreReportedAtTheirPath() {
    Settings s =
        valid(
            "s.yaml", "templates:\n  - path: a/*\n  - path: 'b/{x,y}'\n    skip: r\n  - path: c\n");
    assertEquals(
        List.of(
            "SET-W001 s.yaml:3:11 /templates/1/path | The entry with path \"b/{x,y}\" matches no"
                + " template; check the glob against the paths listed in the report. Paths are"
                + " relative to the input root (with several roots, they start with the root's"
                + " folder name, as in the report), with '/' separators; '*' stays within one"
                + " folder, '**' crosses folders."),
        lines(s.unused(List.of("a/t", "c", "b/z"))));
    assertEquals(
        List.of("/templates/0/path", "/templates/1/path", "/templates/2/path"),
        s.unused(List.of()).stream().map(d -> d.path().orElseThrow()).toList());
    assertEquals(List.of(), s.unused(List.of("a/t", "b/y", "c")));
    assertEquals(
        "WARNING", s.unused(List.of()).get(0).severity().name(), "an unused entry is a warning");
  }

  // --- errors --------------------------------------------------------------------------------

  @Test
  void unknownKeysAreReportedWithTheNearestKnownKey() {
    SettingsResult r =
        bind(
            "s.yaml",
            String.join(
                "\n",
                "defaults:",
                "  locaton: westeurope",
                "  Identity: x",
                "  colour: blue",
                "template:",
                "  - path: a",
                "templates:",
                "  - path: a",
                "    skipp: why",
                "    var_files: [a]",
                ""));
    assertTrue(r.settings().isEmpty());
    String optionKeys =
        " The keys are: identity, subscription, location, script-base-uri, file-base-uri,"
            + " skip-unsupported, api-version, gallery-versioning, build-timeout, vars, var-files,"
            + " data, only, except, ignore.";
    assertEquals(
        List.of(
            "SET-E002 s.yaml:2:3 /defaults/locaton | The key \"locaton\" is not known in"
                + " \"defaults\". Did you mean \"location\"?"
                + optionKeys,
            "SET-E002 s.yaml:3:3 /defaults/Identity | The key \"Identity\" is not known in"
                + " \"defaults\". Did you mean \"identity\"?"
                + optionKeys,
            "SET-E002 s.yaml:4:3 /defaults/colour | The key \"colour\" is not known in"
                + " \"defaults\"."
                + optionKeys,
            "SET-E002 s.yaml:5:1 /template | The key \"template\" is not known at the top of a"
                + " settings file. Did you mean \"templates\"? The keys are: defaults, templates.",
            "SET-E002 s.yaml:9:5 /templates/0/skipp | The key \"skipp\" is not known in an entry of"
                + " \"templates\". Did you mean \"skip\"? The keys are: path, skip, identity,"
                + " subscription, location, script-base-uri, file-base-uri, skip-unsupported,"
                + " api-version, gallery-versioning, build-timeout, vars, var-files, data, only,"
                + " except, ignore.",
            "SET-E002 s.yaml:10:5 /templates/0/var_files | The key \"var_files\" is not known in an"
                + " entry of \"templates\". Did you mean \"var-files\"? The keys are: path, skip,"
                + " identity, subscription, location, script-base-uri, file-base-uri,"
                + " skip-unsupported, api-version, gallery-versioning, build-timeout, vars,"
                + " var-files, data, only, except, ignore."),
        lines(r));
  }

  @Test
  void pathAndSkipBelongInEntries() {
    SettingsResult r = bind("s.yaml", "defaults:\n  path: a\n  skip: no reason\n");
    assertEquals(
        List.of(
            "SET-E003 s.yaml:2:3 /defaults/path | The key \"path\" belongs in an entry of"
                + " \"templates\", not in \"defaults\", which applies to every template. Move it"
                + " into the entry of the templates it is meant for.",
            "SET-E003 s.yaml:3:3 /defaults/skip | The key \"skip\" belongs in an entry of"
                + " \"templates\", not in \"defaults\", which applies to every template. Move it"
                + " into the entry of the templates it is meant for."),
        lines(r));
  }

  @Test
  void anEntryNeedsAPath() {
    assertEquals(
        "SET-E004 s.yaml:2:5 /templates/0 | Each entry of \"templates\" needs a \"path\": a glob"
            + " on the template's path relative to the input root, such as packer-hcl/**. Add one,"
            + " or use \"defaults\" for settings of every template.",
        onlyError("templates:\n  - location: westeurope\n"));
  }

  @Test
  void anInvalidGlobIsReportedAtItsPlace() {
    assertEquals(
        "SET-E005 s.yaml:2:11 /templates/0/path | The glob \"a/{b,c\" is invalid: Missing '}"
            + " (at character 6). Globs use the JDK's syntax: * (within a folder), ** (across"
            + " folders), ?, [abc] and {a,b}; escape a special character with a backslash.",
        onlyError("templates:\n  - path: a/{b,c\n"));
    assertEquals(
        "SET-E005 s.yaml:2:11 /templates/0/path | The glob \"a/{b,{c}}\" is invalid: Cannot"
            + " nest groups (at character 6). Globs use the JDK's syntax: * (within a folder), **"
            + " (across folders), ?, [abc] and {a,b}; escape a special character with a"
            + " backslash.",
        onlyError("templates:\n  - path: a/{b,{c}}\n"));
  }

  @Test
  void anUnknownApiVersionListsTheSupportedOnes() {
    assertEquals(
        "SET-E006 s.yaml:1:25 /defaults/api-version | The API version \"2024-13-01\" is not"
            + " supported. Use one of: 2019-05-01-preview, 2020-02-14, 2021-10-01, 2022-02-14,"
            + " 2022-07-01, 2023-07-01, 2024-02-01, 2025-10-01.",
        onlyError("defaults: {api-version: 2024-13-01}\n"));
  }

  @Test
  void anUnknownGalleryVersioningNamesTheTwoModes() {
    assertEquals(
        "SET-E007 s.yaml:3:25 /templates/0/gallery-versioning | The value of"
            + " \"gallery-versioning\" must be explicit (keep the template's image_version) or"
            + " latest (let Image Builder number gallery image versions), not \"newest\".",
        onlyError("templates:\n  - path: a\n    gallery-versioning: newest\n"));
  }

  @Test
  void anIdentityMustBeAUserAssignedIdentityId() {
    assertEquals(
        "SET-E008 s.yaml:2:13 /defaults/identity | The value of \"identity\" must be the"
            + " resource id of a user-assigned managed identity, like"
            + " /subscriptions/<subscription-id>/resourceGroups/<group>/providers/"
            + "Microsoft.ManagedIdentity/userAssignedIdentities/<name>.",
        onlyError("defaults:\n  identity: id-aib\n"));
  }

  @Test
  void baseUrisFollowTheMappersRules() {
    assertEquals(
        "SET-E009 s.yaml:2:20 /defaults/script-base-uri | The value of \"script-base-uri\" must"
            + " be an http or https URL such as"
            + " https://account.blob.core.windows.net/container/prefix/, without a fragment.",
        onlyError("defaults:\n  script-base-uri: ftp://host/x/\n"));
    assertEquals(
        "SET-E009 s.yaml:2:18 /defaults/file-base-uri | The value of \"file-base-uri\" must be"
            + " an http or https URL such as"
            + " https://account.blob.core.windows.net/container/prefix/, without a fragment.",
        onlyError("defaults:\n  file-base-uri: https://host/x/#frag\n"));
    String sas = onlyError("defaults:\n  file-base-uri: https://host/x/?sv=1&SIG=c2VjcmV0\n");
    assertEquals(
        "SET-E009 s.yaml:2:18 /defaults/file-base-uri | The URL of \"file-base-uri\" holds a SAS"
            + " signature (sig=), which would be copied into every script and file URI of the"
            + " template. Give the URL without its query: Image Builder downloads with the"
            + " template's identity, which needs the Storage Blob Data Reader role on the"
            + " container. Remove the signature from this file, as it is a secret.",
        sas);
  }

  @Test
  void structuredAndNullVarValuesAreErrorsThatNeverQuoteTheValue() {
    SettingsResult r =
        bind(
            "s.yaml",
            String.join(
                "\n",
                "defaults:",
                "  vars:",
                "    regions: [westeurope]",
                "    tags: {team: images}",
                "    nothing: ~",
                "    ok: fine",
                ""));
    String hint =
        ", but variable values are text, exactly as --var name=value takes them. Write a list"
            + " or map as HCL in quotes, for example regions: '[\"westeurope\"]' or tags: '{team"
            + " = \"images\"}'.";
    assertEquals(
        List.of(
            "SET-E010 s.yaml:3:5 /defaults/vars/regions | The value of the variable \"regions\""
                + " is an array"
                + hint,
            "SET-E010 s.yaml:4:5 /defaults/vars/tags | The value of the variable \"tags\" is an"
                + " object"
                + hint,
            "SET-E001 s.yaml:5:5 /defaults/vars/nothing | The variable \"nothing\" has no value"
                + " (null). Give a value, or write \"\" for an empty string."),
        lines(r));
  }

  @Test
  void varNamesMustBeNamesThatVarCanCarry() {
    SettingsResult r = bind("s.json", "{\"defaults\": {\"vars\": {\"\": \"x\", \"a=b\": \"y\"}}}");
    assertEquals(
        List.of(
            "SET-E011 s.json:1:24 /defaults/vars/ | A variable name must not be empty. Write each"
                + " variable as name: value under \"vars\".",
            "SET-E011 s.json:1:33 /defaults/vars/a=b | The variable name \"a=b\" holds \"=\","
                + " which no variable name has. Write each variable as name: value under"
                + " \"vars\"."),
        lines(r));
  }

  @Test
  void emptyGlobsReasonsAndFileNamesAreErrors() {
    SettingsResult r =
        bind("s.yaml", "templates:\n  - path: ''\n    skip: ''\n    var-files: [a.hcl, '']\n");
    assertEquals(
        List.of(
            "SET-E012 s.yaml:2:11 /templates/0/path | The value of \"path\" must not be empty."
                + " Give a glob such as packer-hcl/**.",
            "SET-E012 s.yaml:3:11 /templates/0/skip | The value of \"skip\" must not be empty."
                + " Give the reason the template is not converted.",
            "SET-E012 s.yaml:4:24 /templates/0/var-files/1 | A variable file name must not be"
                + " empty. Give the file's path relative to the settings file's folder."),
        lines(r));
  }

  @Test
  void emptyUsagePatternsAreErrors() {
    // only: [""] matched no usage and failed the template with PKRMAP-E002 (CLI review).
    SettingsResult r = bind("s.yaml", "defaults:\n  only: ['']\n  except: [a, ' ']\n");
    assertEquals(
        List.of(
            "SET-E012 s.yaml:2:10 /defaults/only/0 | A usage pattern must not be empty. Give a"
                + " source usage name or pattern, such as azure-arm.ubuntu or azure-arm.*.",
            "SET-E012 s.yaml:3:15 /defaults/except/1 | A usage pattern must not be empty. Give a"
                + " source usage name or pattern, such as azure-arm.ubuntu or azure-arm.*."),
        lines(r));
  }

  @Test
  void skipFalseAndBlankRegionsOrSubscriptionsAreErrors() {
    // skip: false was read as the reason "false" and skipped the template it meant to keep; a
    // blank location or subscription was written into templates Azure refuses (CLI review).
    SettingsResult r =
        bind(
            "s.yaml",
            "defaults:\n  location: ' '\n  subscription: ''\n"
                + "templates:\n  - path: a\n    skip: false\n  - path: b\n    skip: 5\n");
    assertEquals(
        List.of(
            "SET-E012 s.yaml:2:13 /defaults/location | The value of \"location\" must not be"
                + " empty. Give a region such as westeurope.",
            "SET-E012 s.yaml:3:17 /defaults/subscription | The value of \"subscription\" must not"
                + " be empty. Give a subscription id.",
            "SET-E001 s.yaml:6:11 /templates/0/skip | The value of \"skip\" must be a string: the"
                + " reason the template is not converted. Write the reason in words; to convert"
                + " the template, remove skip (a later entry cannot take a skip back).",
            "SET-E001 s.yaml:8:11 /templates/1/skip | The value of \"skip\" must be a string: the"
                + " reason the template is not converted. Write the reason in words; to convert"
                + " the template, remove skip (a later entry cannot take a skip back)."),
        lines(r));
  }

  @Test
  void locationsAreRegionNamesAsThePluginNormalizesThem() {
    // A location is written into templates as given: "West Europe" as the Azure plugin reads a
    // template's location, and list text ("[westeurope]" from an untyped variable's habit) or a
    // portal label, which no region has, refused here rather than by Azure at deployment.
    Settings s =
        valid("s.yaml", "defaults:\n  location: ' West Europe'\ntemplates:\n  - path: a\n");
    assertEquals(Optional.of("westeurope"), s.forTemplate("a").location());
    SettingsResult r =
        bind(
            "s.yaml",
            "defaults:\n  location: '[\"westeurope\"]'\ntemplates:\n  - path: a\n"
                + "    location: (Europe) West Europe\n");
    assertEquals(
        List.of(
            "SET-E018 s.yaml:2:13 /defaults/location | The value of \"location\" is not the name of"
                + " an Azure region: region names are letters and digits (westeurope, eastus2)"
                + " once spaces and upper case are taken out. Give the region's name.",
            "SET-E018 s.yaml:5:15 /templates/0/location | The value of \"location\" is not the"
                + " name of an Azure region: region names are letters and digits (westeurope,"
                + " eastus2) once spaces and upper case are taken out. Give the region's name."),
        lines(r));
  }

  @Test
  void wrongTypesSayWhatIsExpected() {
    SettingsResult r =
        bind(
            "s.yaml",
            String.join(
                "\n",
                "defaults:",
                "  location: [westeurope]",
                "  skip-unsupported: 'yes'",
                "  only: azure-arm.*",
                "  except: [a, [b]]",
                "  vars: [a]",
                "  api-version: {v: 1}",
                "templates:",
                "  - just-a-string",
                "  - path: 7",
                ""));
    assertEquals(
        List.of(
            "SET-E001 s.yaml:2:13 /defaults/location | The value of \"location\" is an array, but"
                + " must be a string: a region such as westeurope.",
            "SET-E001 s.yaml:3:21 /defaults/skip-unsupported | The value of \"skip-unsupported\""
                + " is a string, but must be a boolean: true or false.",
            "SET-E001 s.yaml:4:9 /defaults/only | The value of \"only\" is a string, but must be a"
                + " list of strings: usage patterns such as [\"azure-arm.*\"].",
            "SET-E001 s.yaml:5:15 /defaults/except/1 | Each item of \"except\" is an array, but"
                + " must be a string.",
            "SET-E001 s.yaml:6:9 /defaults/vars | The value of \"vars\" is an array, but must be"
                + " an object of variable names and values, such as {region: westeurope}.",
            "SET-E001 s.yaml:7:16 /defaults/api-version | The value of \"api-version\" is an"
                + " object, but must be a string: an API version such as 2024-02-01.",
            "SET-E001 s.yaml:9:5 /templates/0 | An entry of \"templates\" is a string, but must"
                + " be an object with a \"path\" glob."),
        lines(r));
    // No error for "path: 7": an untyped YAML number stands for the string "7", a valid glob.
  }

  @Test
  void theTopLevelMustBeAnObjectWithSections() {
    assertEquals(
        "SET-E001 s.yaml:1:1 / | The settings file is an array, but must be an object with the"
            + " keys \"defaults\" and \"templates\".",
        onlyError("- a\n- b\n"));
    assertEquals(
        "SET-E001 s.json:1:14 /defaults | The value of \"defaults\" is a string, but must be an"
            + " object of option keys.",
        lines(bind("s.json", "{\"defaults\": \"x\", \"templates\": {}}")).get(0));
    assertEquals(
        "SET-E001 s.json:1:32 /templates | The value of \"templates\" is an object, but must be"
            + " a list of entries, each with a \"path\" glob.",
        lines(bind("s.json", "{\"defaults\": \"x\", \"templates\": {}}")).get(1));
  }

  @Test
  void aStreamOfSeveralDocumentsIsAnError() {
    assertEquals(
        "SET-E013 s.yaml:3:1 / | A settings file holds one document, but this YAML stream has 2."
            + " Merge the documents into one, or remove the \"---\" separators.",
        onlyError("defaults: {location: a}\n---\ndefaults: {location: b}\n"));
  }

  @Test
  void syntaxErrorsOfTheReaderComeFirstAndEveryErrorIsReported() {
    SettingsResult r =
        bind(
            "s.yaml",
            "defaults:\n  location: a\n  location: b\n  colour: x\ntemplates:\n  - skip: why\n");
    assertTrue(r.settings().isEmpty());
    List<String> codes = r.diagnostics().stream().map(Diagnostic::code).toList();
    // The duplicate key is the reader's; the binder still reads the rest of the file.
    assertEquals(List.of("YAML-E101", "SET-E002", "SET-E004"), codes);
  }

  // --- secrets -------------------------------------------------------------------------------

  @Test
  void noDiagnosticQuotesAVariableValue() {
    String secret = "s3cr3t-Value-42";
    String text =
        String.join(
            "\n",
            "defaults:",
            "  vars:",
            "    client_secret: [" + secret + "]",
            "    password:",
            "      x: " + secret,
            "    empty_list: []",
            "templates:",
            "  - path: a",
            "    vars:",
            "      client_secret: " + secret,
            "      token:",
            "        - " + secret,
            "    script-base-uri: https://h/x?sig=" + secret,
            "");
    SettingsResult r = bind("s.yaml", text);
    assertEquals(5, r.diagnostics().size(), lines(r).toString());
    SourceFile source = new SourceFile("s.yaml", text);
    String rendered = new TextRenderer(n -> Optional.of(source)).render(r.diagnostics()) + lines(r);
    assertFalse(rendered.contains(secret), rendered);
  }

  @Test
  void settingsNeverShowVariableValuesInTheirText() {
    TemplateSettings t =
        valid("s.yaml", "defaults:\n  vars: {client_secret: hunter2}\n").forTemplate("t");
    assertEquals(Map.of("client_secret", "hunter2"), t.vars());
    assertFalse(t.toString().contains("hunter2"), t.toString());
    assertTrue(t.toString().contains("vars=[client_secret]"), t.toString());
  }
}
