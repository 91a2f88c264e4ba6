package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long chains of binary operators ({@code 1 + 1 + … + 1}), which HashiCorp's HCL takes at any
 * length, convert end to end; an absurd one, or an expression nested too deep, is a located error.
 * Never a stack overflow (exit 70): these run on the test JVM's default thread stack, as the CLI
 * does.
 */
class LongOperatorChainCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String IDENTITY =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
          + "Microsoft.ManagedIdentity/userAssignedIdentities/aib";

  @TempDir Path tmp;

  private static String chain(String term, String operator, int terms) {
    return String.join(" " + operator + " ", Collections.nCopies(terms, term));
  }

  private Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static String template(String locals) {
    return "locals {\n"
        + locals
        + "}\n"
        + "source \"azure-arm\" \"a\" {\n"
        + "  location                          = \"westeurope\"\n"
        + "  os_type                           = \"Linux\"\n"
        + "  subscription_id                   = \"0000\"\n"
        + "  image_publisher                   = \"Canonical\"\n"
        + "  image_offer                       = \"UbuntuServer\"\n"
        + "  image_sku                         = \"18.04-LTS\"\n"
        + "  managed_image_name                = \"img-${local.n}\"\n"
        + "  managed_image_resource_group_name = \"rg\"\n"
        + "}\n"
        + "build {\n"
        + "  sources = [\"source.azure-arm.a\"]\n"
        + "  provisioner \"shell\" {\n"
        + "    inline = [\"echo ${local.ok}\"]\n"
        + "  }\n"
        + "}\n";
  }

  private static void assertNoInternalError(CliRun r) {
    assertFalse(r.err().contains("internal error"), r.err());
    assertFalse(r.err().contains("overflow"), r.err());
  }

  @Test
  void theProbesThreeThousandTermChainIsInspected() throws Exception {
    Path t = write("chain.pkr.hcl", "locals {\n  x = " + chain("1", "+", 3_000) + "\n}\n");
    CliRun r = CliRun.run("inspect", t.toString());
    assertNoInternalError(r);
    assertEquals(0, r.exitCode(), r.err());
    JsonNode locals = JSON.readTree(r.out()).get("locals");
    assertEquals(3_000, locals.get(0).get("value").asInt());
  }

  @Test
  void aModelTooLargeToPrintNamesItsInput() throws Exception {
    // Each local holds the one before it, up to 500 levels (as deep as a value may nest), and
    // 500 more hold the deepest again: a few kilobytes of text, a model of gigabytes.
    StringBuilder locals = new StringBuilder("locals {\n  l0 = \"x\"\n");
    for (int i = 1; i <= 1_000; i++) {
      String before = "local.l" + (i - 1);
      locals
          .append("  l")
          .append(i)
          .append(" = ")
          .append(i <= 500 ? "{k = " + before + "}" : before);
      locals.append('\n');
    }
    Path t = write("deep.pkr.hcl", locals.append("}\n").toString());
    CliRun r = CliRun.run("inspect", "--diagnostics-format", "json", t.toString());
    assertNoInternalError(r);
    assertEquals(1, r.exitCode(), r.err());
    JsonNode d = JSON.readTree(r.err()).get(0);
    assertEquals("CLI-E002", d.get("code").asText());
    assertEquals(t.toString(), d.get("file").asText(), r.err());
  }

  @Test
  void tenThousandTermChainsConvert() throws Exception {
    String locals =
        "  a  = 1\n"
            + "  n  = "
            + chain("local.a", "+", 10_000)
            + "\n  ok = "
            + chain("local.a > 0", "&&", 10_000)
            + "\n";
    Path t = write("t.pkr.hcl", template(locals));
    CliRun r = CliRun.run("convert", "--identity", IDENTITY, t.toString());
    assertNoInternalError(r);
    assertEquals(0, r.exitCode(), r.err());
    JsonNode out = JSON.readTree(r.out());
    String image = out.at("/properties/distribute/0/imageId").asText();
    assertTrue(image.endsWith("/images/img-10000"), image);
    assertEquals("echo true", out.at("/properties/customize/0/inline/0").asText());
  }

  @Test
  void aChainInJsonSyntaxConverts() throws Exception {
    // A .pkr.json template's expressions have their ranges moved into the JSON file by a rewrite
    // of the whole tree.
    String text = "{\"locals\": {\"x\": \"${" + chain("1", "+", 10_000) + "}\"}}\n";
    Path t = write("t.pkr.json", text);
    CliRun r = CliRun.run("inspect", t.toString());
    assertNoInternalError(r);
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("10000", JSON.readTree(r.out()).get("locals").get(0).get("value").asText());
  }

  @Test
  void aBulkRunConvertsTheChains() throws Exception {
    write(
        "repo/a/t.pkr.hcl", template("  a = 1\n  n = " + chain("1", "+", 10_000) + "\n  ok = 1\n"));
    write("repo/b/t.pkr.hcl", template("  n = 1\n  ok = " + chain("true", "||", 10_000) + "\n"));
    CliRun r =
        CliRun.run(
            "convert",
            "-r",
            "-q",
            "--identity",
            IDENTITY,
            "-o",
            tmp.resolve("out").toString(),
            tmp.resolve("repo").toString());
    assertNoInternalError(r);
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.isRegularFile(tmp.resolve("out/a/a.json")));
    assertTrue(Files.isRegularFile(tmp.resolve("out/b/a.json")));
  }

  @Test
  void anAbsurdChainOrNestIsALocatedError() throws Exception {
    Path chain = write("long.pkr.hcl", "locals {\n  x = " + chain("1", "+", 100_002) + "\n}\n");
    CliRun r = CliRun.run("inspect", chain.toString());
    assertNoInternalError(r);
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(
        r.err().contains("long.pkr.hcl:2:" + (7 + 4 * 100_001 - 2) + ": error: Expression too"),
        r.err());
    assertTrue(r.err().contains("chains more than 100000 binary operators"), r.err());

    Path nest = write("nest.pkr.hcl", "locals {\n  x = " + "!".repeat(3_000) + "true\n}\n");
    r = CliRun.run("inspect", nest.toString());
    assertNoInternalError(r);
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(
        r.err().contains("nest.pkr.hcl:2:206: error: Expression too deeply nested"), r.err());
  }
}
