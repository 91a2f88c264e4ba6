package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A message about one part of what the template writes (an override key, one inline command) points
 * at that part, not at the provisioner or the whole list (README, "Diagnostics").
 */
class PartLocationsTest {

  /** The one diagnostic of {@code code}. */
  private static Diagnostic one(MapResult r, String code) {
    List<Diagnostic> found = r.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    assertEquals(1, found.size(), r.diagnostics()::toString);
    return found.get(0);
  }

  private static String at(Diagnostic d) {
    return d.subject().orElseThrow().start().line()
        + ":"
        + d.subject().orElseThrow().start().column();
  }

  /**
   * A rule of the service about one command of a step (a shared access signature, an invisible
   * character) points at that command of the shell provisioner's inline list, after the export
   * lines of its environment, not at the list's bracket.
   */
  @Test
  void aServiceRuleAboutOneInlineCommandIsLocatedAtThatCommand() {
    String hcl =
        LoadAndMap.linuxSource("u", "")
            + "build {\n  sources = [\"source.azure-arm.u\"]\n"
            + "  provisioner \"shell\" {\n"
            + "    environment_vars = [\"A=1\"]\n"
            + "    inline = [\n      \"echo one\",\n"
            + "      \"curl -o a 'https://a.blob.core.windows.net/c/a?sv=1&sig=abc'\",\n    ]\n"
            + "  }\n}\n";
    MapResult r = LoadAndMap.map("t.pkr.hcl", hcl);
    MappedTemplate m = r.templates().get(0);
    List<Diagnostic> found =
        io.github.packer2aib.core.validate.rules.ServiceRules.check(
                m.template(), io.github.packer2aib.core.aib.ApiVersion.DEFAULT, "", m.locate())
            .stream()
            .filter(d -> d.code().equals("RULE-W317"))
            .toList();
    assertEquals(1, found.size(), found::toString);
    int line = hcl.substring(0, hcl.indexOf("\"curl")).split("\n", -1).length;
    assertEquals(line + ":7", at(found.get(0)), found.get(0)::toString);
  }

  @Test
  void anOverrideKeyThatMatchesNoSourceIsLocatedAtTheKey() {
    String hcl =
        LoadAndMap.linuxSource("u", "")
            + "build {\n"
            + "  sources = [\"source.azure-arm.u\"]\n"
            + "  provisioner \"shell\" {\n"
            + "    inline = [\"echo\"]\n"
            + "    override = {\n"
            + "      \"azure-arm.u\" = { pause_before = \"1s\" }\n"
            + "    }\n"
            + "  }\n"
            + "}\n";
    MapResult r = LoadAndMap.map("t.pkr.hcl", hcl);
    Diagnostic d = one(r, "PKRMAP-W006");
    int line = hcl.substring(0, hcl.indexOf("\"azure-arm.u\" =")).split("\n", -1).length;
    assertEquals(line + ":7", at(d), d::toString);
  }

  /** A legacy template whose shell provisioner runs {@code commands} (JSON strings). */
  private static String legacy(String commands) {
    return "{\"builders\": [{\"type\": \"azure-arm\",\n"
        + LoadAndMap.LINUX_BUILDER_MEMBERS
        + "}],\n"
        + "\"provisioners\": [{\"type\": \"shell\", \"inline\": [\n"
        + commands
        + "]}]}\n";
  }

  @Test
  void aLegacyBuildValueIsNamedWithoutHcl2AdviceAndLocatedAtItsCommand() {
    String json = legacy("\"echo a\",\n\"echo {{build `ID`}}\"\n");
    MapResult r = LoadAndMap.map("t.json", json);
    Diagnostic d = one(r, "PKRMAP-E107");
    int line = json.substring(0, json.indexOf("\"echo {{build")).split("\n", -1).length;
    assertEquals(line + ":1", at(d), d::toString);
    assertTrue(d.detail().contains("it depends on {{build `ID`}}"), d.detail());
    assertTrue(d.detail().contains("exists only while Packer builds"), d.detail());
    // A legacy template has no data sources, and its variables without a value are errors of
    // the loader: neither --data nor --var can help here.
    assertFalse(d.detail().contains("--data"), d.detail());
    assertFalse(d.detail().contains("--var"), d.detail());
  }

  @Test
  void aLegacyBuildCredentialGetsTheCredentialAdvice() {
    MapResult r = LoadAndMap.map("t.json", legacy("\"echo {{ build `Password` }}\"\n"));
    String detail = one(r, "PKRMAP-E107").detail();
    assertTrue(detail.contains("{{ build `Password` }} is a credential"), detail);
  }

  @Test
  void anHcl2UnknownCommandIsLocatedAtItsElement() {
    String hcl =
        LoadAndMap.linuxSource("u", "")
            + "build {\n  sources = [\"source.azure-arm.u\"]\n"
            + "  provisioner \"shell\" {\n    inline = [\n      \"echo a\",\n"
            + "      \"echo ${build.ID}\",\n    ]\n  }\n}\n";
    Diagnostic d = one(LoadAndMap.map("t.pkr.hcl", hcl), "PKRMAP-E107");
    int line = hcl.substring(0, hcl.indexOf("\"echo ${build")).split("\n", -1).length;
    assertEquals(line + ":7", at(d), d::toString);
    assertTrue(d.detail().contains("build.ID"), d.detail());
  }

  @Test
  void aTemplateFieldInOneCommandIsLocatedAtThatCommand() {
    String json = legacy("\"echo a\",\n\"echo {{ .Foo }}\"\n");
    Diagnostic d = one(LoadAndMap.map("t.json", json), "PKRMAP-W218");
    int line = json.substring(0, json.indexOf("\"echo {{ .Foo")).split("\n", -1).length;
    assertEquals(line + ":1", at(d), d::toString);
  }

  @Test
  void aSingleCommandWrittenAsAStringIsLocatedAtIt() {
    // Packer takes a string for a list of one in a legacy template: there are no elements.
    String json =
        "{\"builders\": [{\"type\": \"azure-arm\",\n"
            + LoadAndMap.LINUX_BUILDER_MEMBERS
            + "}],\n"
            + "\"provisioners\": [{\"type\": \"shell\",\n\"inline\": \"echo {{ .Foo }}\"}]}\n";
    Diagnostic d = one(LoadAndMap.map("t.json", json), "PKRMAP-W218");
    int line = json.substring(0, json.indexOf("\"echo {{ .Foo")).split("\n", -1).length;
    assertEquals(line + ":11", at(d), d::toString);
  }

  /** The line:column of the first occurrence of {@code part} in {@code text}. */
  private static String where(String text, String part) {
    String before = text.substring(0, text.indexOf(part));
    return before.split("\n", -1).length + ":" + (before.length() - before.lastIndexOf('\n'));
  }

  /** The diagnostics of {@code code}, located as {@link #at} gives. */
  private static List<String> locations(MapResult r, String code) {
    return r.diagnostics().stream().filter(d -> d.code().equals(code)).map(d -> at(d)).toList();
  }

  @Test
  void eachEnvironmentEntryThatCannotBeSetIsLocatedAtItself() {
    String hcl =
        LoadAndMap.linuxSource("u", "")
            + "build {\n  sources = [\"source.azure-arm.u\"]\n"
            + "  provisioner \"shell\" {\n"
            + "    environment_vars = [\"NOEQUALS\", \"=x\", \"A B=1\", \"OK=1\"]\n"
            + "    env = { \"C D\" = \"2\" }\n"
            + "    inline = [\"echo $OK\"]\n  }\n}\n";
    MapResult r = LoadAndMap.map("t.pkr.hcl", hcl);
    assertEquals(
        List.of(
            where(hcl, "\"NOEQUALS\""),
            where(hcl, "\"=x\""),
            where(hcl, "\"A B=1\""),
            where(hcl, "\"C D\"")),
        locations(r, "PKRMAP-E106"),
        r.diagnostics()::toString);
    // The step sets only the variable it can export, and the note names only that one.
    Diagnostic set = one(r, "PKRMAP-N208");
    assertTrue(set.detail().contains("so \"OK\" is set"), set.detail());
  }

  @Test
  void eachLegacyEnvironmentEntryThatCannotBeSetIsLocatedAtItself() {
    String json =
        "{\"builders\": [{\"type\": \"azure-arm\",\n"
            + LoadAndMap.LINUX_BUILDER_MEMBERS
            + "}],\n"
            + "\"provisioners\": [{\"type\": \"shell\", \"inline\": [\"echo $OK\"],\n"
            + "\"environment_vars\": [\"NOEQUALS\", \"A B=1\", \"OK=1\"],\n"
            + "\"env\": {\"C D\": \"2\"}}]}\n";
    MapResult r = LoadAndMap.map("t.json", json);
    assertEquals(
        List.of(where(json, "\"NOEQUALS\""), where(json, "\"A B=1\""), where(json, "\"C D\"")),
        locations(r, "PKRMAP-E106"),
        r.diagnostics()::toString);
    Diagnostic set = one(r, "PKRMAP-N208");
    assertTrue(set.detail().contains("so \"OK\" is set"), set.detail());
  }

  @Test
  void aLegacyTemplateFieldInAnEnvironmentEntryIsLocatedAtTheEntry() {
    // Any field is a warning at its entry; the WinRM password, which Packer fills in, an error.
    String json =
        "{\"builders\": [{\"type\": \"azure-arm\",\n"
            + LoadAndMap.LINUX_BUILDER_MEMBERS
            + "}],\n"
            + "\"provisioners\": [{\"type\": \"shell\", \"inline\": [\"echo $A\"],\n"
            + "\"environment_vars\": [\"OK=1\", \"A={{ .Foo }}\",\n"
            + " \"PW={{.WinRMPassword}}\"]}]}\n";
    MapResult r = LoadAndMap.map("t.json", json);
    assertEquals(
        List.of(where(json, "\"A={{")), locations(r, "PKRMAP-W218"), r.diagnostics()::toString);
    assertEquals(
        List.of(where(json, "\"PW={{")), locations(r, "PKRMAP-E107"), r.diagnostics()::toString);
  }

  @Test
  void aSensitiveValueInOneCommandIsLocatedAtThatCommand() {
    String hcl =
        "variable \"pw\" {\n  default = \"S3cretPassw0rd!\"\n  sensitive = true\n}\n"
            + LoadAndMap.linuxSource("u", "")
            + "build {\n  sources = [\"source.azure-arm.u\"]\n"
            + "  provisioner \"shell\" {\n"
            + "    inline = [\n      \"echo one\",\n      \"echo ${var.pw}\",\n    ]\n  }\n}\n";
    MapResult r = LoadAndMap.map("t.pkr.hcl", hcl);
    assertEquals(
        List.of(where(hcl, "\"echo ${var.pw}\"")),
        locations(r, "PKRMAP-E405"),
        r.diagnostics()::toString);
  }

  @Test
  void aLiteralCredentialReusedInACommandIsLocatedAtThatCommand() {
    // The final scan of the template finds a credential setting's text (a literal password, which
    // is no sensitive variable) that reached the output; it pointed at the build's sources list.
    String hcl =
        LoadAndMap.linuxSource("u", "  ssh_password = \"S3cretPassw0rd!\"\n")
            + "build {\n"
            + "  sources = [\"source.azure-arm.u\"]\n"
            + "  provisioner \"shell\" {\n"
            + "    inline = [\"echo one\"]\n"
            + "  }\n"
            + "  provisioner \"shell\" {\n"
            + "    inline = [\n"
            + "      \"echo one\",\n"
            + "      \"echo 'u:S3cretPassw0rd!' | chpasswd\",\n"
            + "    ]\n"
            + "  }\n"
            + "}\n";
    MapResult r = LoadAndMap.map("t.pkr.hcl", hcl);
    assertEquals(
        List.of(where(hcl, "\"echo 'u:S3cret")),
        locations(r, "PKRMAP-E405"),
        r.diagnostics()::toString);
    Diagnostic d = one(r, "PKRMAP-E405");
    assertTrue(
        d.detail()
            .startsWith(
                "Element 2 of 2 of inline writes the value of the credential setting ssh_password"),
        d.detail());
    assertFalse(d.detail().contains("S3cret"), d.detail());
    assertTrue(r.templates().isEmpty());
  }
}
