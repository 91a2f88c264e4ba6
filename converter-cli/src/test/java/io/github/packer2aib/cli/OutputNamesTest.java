package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OutputNamesTest {

  private static List<String> files(List<OutputNames.Entry> entries) {
    return OutputNames.assign(entries, "json").stream()
        .map(OutputNames.Assigned::fileName)
        .collect(Collectors.toList());
  }

  private static OutputNames.Entry e(String input, int index, String name) {
    return new OutputNames.Entry(input, index, name);
  }

  @Test
  void distinctNamesAreKept() {
    List<OutputNames.Assigned> assigned =
        OutputNames.assign(List.of(e("a.pkr.hcl", 0, "web"), e("b.pkr.hcl", 1, "db")), "yaml");

    assertEquals("web.yaml", assigned.get(0).fileName());
    assertEquals("db.yaml", assigned.get(1).fileName());
    assertEquals(false, assigned.get(0).renamed() || assigned.get(1).renamed());
  }

  @Test
  void aWindowsDeviceNameGetsAnUnderscoreAfterItsFirstSegment() {
    List<OutputNames.Assigned> assigned =
        OutputNames.assign(
            List.of(
                e("a.pkr.hcl", 0, "con"),
                e("a.pkr.hcl", 0, "NUL"),
                e("a.pkr.hcl", 0, "com1.web"),
                e("b.pkr.hcl", 1, "con_"),
                e("b.pkr.hcl", 1, "console")),
            "yaml");

    assertEquals(
        List.of("con_.yaml", "NUL_.yaml", "com1_.web.yaml", "con_-2.yaml", "console.yaml"),
        assigned.stream().map(OutputNames.Assigned::fileName).toList());
    assertEquals(
        List.of(
            OutputNames.Renaming.DEVICE,
            OutputNames.Renaming.DEVICE,
            OutputNames.Renaming.DEVICE,
            // Taken by a's con, not shared by two inputs: no input-name prefix, and a note that
            // must not say several inputs make the name.
            OutputNames.Renaming.TAKEN,
            OutputNames.Renaming.NONE),
        assigned.stream().map(OutputNames.Assigned::renaming).toList());
    // Prefixed with their inputs' names, they are no device names any more.
    assertEquals(
        List.of("a-aux.json", "b-aux.json"),
        files(List.of(e("a.json", 0, "aux"), e("b.json", 1, "aux"))));
  }

  @Test
  void aNameSharedByTwoInputsIsPrefixedForBoth() {
    assertEquals(
        List.of("alpha-web.json", "linux.json", "beta-web.json"),
        files(
            List.of(
                e("x/alpha.pkr.hcl", 0, "web"),
                e("x/alpha.pkr.hcl", 0, "linux"),
                e("y/beta.json", 1, "web"))));
  }

  @Test
  void clashesAreFoundIgnoringCase() {
    assertEquals(
        List.of("a-Web.json", "b-web.json"),
        files(List.of(e("a.json", 0, "Web"), e("b.json", 1, "web"))));
  }

  @Test
  void aRemainingClashGetsANumber() {
    assertEquals(
        List.of("t-web.json", "t-web-2.json", "t-web-3.json"),
        files(List.of(e("a/t.json", 0, "web"), e("b/t.json", 1, "web"), e("c/t.yaml", 2, "web"))));
  }

  @Test
  void aPrefixedNameDoesNotTakeAnotherTemplatesName() {
    assertEquals(
        List.of("a-web.json", "a-web-2.json", "b-web.json"),
        files(List.of(e("x.json", 0, "a-web"), e("a.json", 1, "web"), e("b.json", 2, "web"))));
  }

  @Test
  void inputBaseNamesDropKnownExtensionsAndUnsafeCharacters() {
    assertEquals("web", OutputNames.inputBaseName("dir/web.pkr.hcl"));
    assertEquals("web", OutputNames.inputBaseName("dir\\web.pkr.json"));
    assertEquals("web.v2", OutputNames.inputBaseName("web.v2.yml"));
    assertEquals("my_template", OutputNames.inputBaseName("my template.json"));
    assertEquals("stdin", OutputNames.inputBaseName("<stdin>"));
    assertEquals("input", OutputNames.inputBaseName("..."));
    // A folder written with a trailing separator, or as . or .., is named as it is.
    assertEquals("t1", OutputNames.inputBaseName("t1/"));
    assertEquals("t1", OutputNames.inputBaseName("x/t1//"));
    assertEquals("t1", OutputNames.inputBaseName("x\\t1\\"));
    String here = java.nio.file.Path.of("").toAbsolutePath().getFileName().toString();
    assertEquals(OutputNames.inputBaseName(here), OutputNames.inputBaseName("."));
    assertEquals(OutputNames.inputBaseName(here), OutputNames.inputBaseName("./"));
    String parent = java.nio.file.Path.of("").toAbsolutePath().getParent().getFileName().toString();
    assertEquals(OutputNames.inputBaseName(parent), OutputNames.inputBaseName(".."));
    assertEquals("input", OutputNames.inputBaseName("/"));
    // Accented Latin letters keep their letter; other scripts are unsafe characters.
    assertEquals("Uberprufung", OutputNames.inputBaseName("Überprüfung.json"));
    assertEquals("-image", OutputNames.inputBaseName("東京-image.yaml"));
  }

  @Test
  void unsafeTemplateNamesAreRejected() {
    for (String bad : List.of("../x", "a/b", "", ".hidden", "a b")) {
      assertThrows(IllegalStateException.class, () -> files(List.of(e("a.json", 0, bad))), bad);
    }
  }
}
