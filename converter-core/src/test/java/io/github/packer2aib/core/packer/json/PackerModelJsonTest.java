package io.github.packer2aib.core.packer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.hcl.value.BigFloat;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.Local;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.packer.Source;
import io.github.packer2aib.core.packer.Variable;
import io.github.packer2aib.core.source.Position;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackerModelJsonTest {
  private static final Range R = new Range("t.pkr.hcl", Position.START, Position.START);

  @Test
  void scalarsAndCollections() {
    assertEquals("\"a\"", PackerModelJson.valueToJson(Value.string("a")));
    assertEquals("1.5", PackerModelJson.valueToJson(Value.number("1.5")));
    assertEquals("100000000000000000000", PackerModelJson.valueToJson(Value.number("1e20")));
    assertEquals("\"+Inf\"", PackerModelJson.valueToJson(Value.number(BigFloat.POSITIVE_INFINITY)));
    assertEquals("true", PackerModelJson.valueToJson(Value.TRUE));
    assertEquals("null", PackerModelJson.valueToJson(Value.nullOf(Type.STRING)));
    assertEquals(
        "[\"a\",1]", PackerModelJson.valueToJson(Value.tuple(Value.string("a"), Value.number(1))));
    assertEquals(
        "{\"a\":1,\"b\":2}",
        PackerModelJson.valueToJson(
            Value.map(Type.NUMBER, Map.of("b", Value.number(2), "a", Value.number(1)))));
    assertEquals(
        "[1,2]",
        PackerModelJson.valueToJson(
            Value.set(Type.NUMBER, List.of(Value.number(2), Value.number(1)))));
  }

  @Test
  void sensitiveAndUnknownValuesAreNeverWrittenOut() {
    assertEquals(
        "\"<sensitive>\"", PackerModelJson.valueToJson(Value.string("pw").mark(Mark.SENSITIVE)));
    assertEquals("\"<unknown>\"", PackerModelJson.valueToJson(Value.unknown(Type.STRING)));
    Value mixed =
        Value.object(
            "user", Value.string("admin"),
            "password", Value.string("pw").mark(Mark.SENSITIVE),
            "id", Value.unknown(Type.STRING));
    assertEquals(
        "{\"id\":\"<unknown>\",\"password\":\"<sensitive>\",\"user\":\"admin\"}",
        PackerModelJson.valueToJson(mixed));
    // An unknown value that is also sensitive says only that it is sensitive.
    assertEquals(
        "\"<sensitive>\"",
        PackerModelJson.valueToJson(Value.unknown(Type.STRING).mark(Mark.SENSITIVE)));
  }

  @Test
  void aValueAsDeepAsTheReadersAcceptIsWrittenAndADeeperOneIsCut() {
    // Jackson's writer stopped at 1000 levels, the readers' limit, so a value the readers had
    // accepted failed once inside the model's own levels (exit 70); HCL locals can nest deeper.
    Value deep = Value.number(1);
    for (int i = 0; i < 1_200; i++) {
      deep = Value.tuple(deep);
    }
    String json = PackerModelJson.valueToJson(deep);
    assertEquals(
        "[".repeat(1000) + "\"<nested more than 1000 levels deep>\"" + "]".repeat(1000), json);

    Value readable = Value.number(1);
    for (int i = 0; i < 1000; i++) {
      readable = Value.tuple(readable);
    }
    PackerTemplate t =
        new PackerTemplate(
            PackerTemplate.Syntax.HCL2,
            "t.pkr.hcl",
            List.of(),
            List.of(new Local("l", readable, false, R)),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty());
    assertTrue(PackerModelJson.toJson(t).replaceAll("\\s", "").contains("[".repeat(1000) + "1]"));
  }

  @Test
  void aModelLargerThanAnInputMayBeIsRefused() {
    // Indented, a value n levels deep takes n² characters: 1,000 locals, each a list of the one
    // before, printed 675 MB (and 30,000 ran the JVM out of memory).
    Value deep = Value.number(1);
    for (int i = 0; i < 1000; i++) {
      deep = Value.tuple(deep);
    }
    List<Local> locals = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      locals.add(new Local("l" + i, deep, false, R));
    }
    PackerTemplate t =
        new PackerTemplate(
            PackerTemplate.Syntax.HCL2,
            "t.pkr.hcl",
            List.of(),
            locals,
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty());
    assertThrows(PackerModelJson.TooLarge.class, () -> PackerModelJson.toJson(t));
  }

  @Test
  void aTemplateHasAFixedShapeTwoSpaceIndentAndAFinalNewline() {
    PackerTemplate t =
        new PackerTemplate(
            PackerTemplate.Syntax.HCL2,
            "t.pkr.hcl",
            List.of(
                new Variable(
                    "pw",
                    Optional.of("string"),
                    Value.string("hunter2").mark(Mark.SENSITIVE),
                    true,
                    Optional.empty(),
                    Variable.ValueSource.COMMAND_LINE,
                    R,
                    Optional.of(R))),
            List.of(new Local("l", Value.number(1), false, R)),
            List.of(
                new Source(
                    "azure-arm",
                    "x",
                    new Config(
                        List.of(new Setting("location", Value.string("westeurope"), R, R)),
                        List.of(),
                        R),
                    R)),
            List.of(),
            Optional.empty(),
            Optional.empty());
    assertEquals(
        String.join(
            "\n",
            "{",
            "  \"syntax\": \"hcl2\",",
            "  \"root\": \"t.pkr.hcl\",",
            "  \"description\": null,",
            "  \"packer\": null,",
            "  \"variables\": [",
            "    {",
            "      \"name\": \"pw\",",
            "      \"type\": \"string\",",
            "      \"value\": \"<sensitive>\",",
            "      \"sensitive\": true,",
            "      \"description\": null,",
            "      \"set_by\": \"command_line\",",
            "      \"set_at\": \"t.pkr.hcl:1:1\"",
            "    }",
            "  ],",
            "  \"locals\": [",
            "    {",
            "      \"name\": \"l\",",
            "      \"value\": 1,",
            "      \"sensitive\": false",
            "    }",
            "  ],",
            "  \"sources\": [",
            "    {",
            "      \"type\": \"azure-arm\",",
            "      \"name\": \"x\",",
            "      \"settings\": {",
            "        \"location\": \"westeurope\"",
            "      },",
            "      \"blocks\": []",
            "    }",
            "  ],",
            "  \"builds\": []",
            "}",
            ""),
        PackerModelJson.toJson(t));
  }

  /**
   * What the converter refuses to copy as a credential is not printed either, though no variable
   * made it sensitive: the value of an environment variable named as a credential, and a SAS
   * signature or an assigned password in any string.
   */
  @Test
  void credentialsWrittenInTheTemplateAreWithheld() {
    Config body =
        new Config(
            List.of(
                new Setting(
                    "environment_vars",
                    Value.tuple(
                        Value.string("APP_HOME=/opt/app"),
                        Value.string("ADMIN_PASSWORD=Sup3r-S3cret"),
                        Value.string("EMPTY_TOKEN=")),
                    R,
                    R),
                new Setting(
                    "env",
                    Value.object(
                        "SAS_TOKEN", Value.string("t0k3n-value"), "REGION", Value.string("eu")),
                    R,
                    R),
                new Setting(
                    "inline",
                    Value.tuple(
                        Value.string("curl https://st/c/f?sv=1&sig=S1gnatur3"),
                        Value.string("echo password=hunter22")),
                    R,
                    R)),
            List.of(),
            R);
    PackerTemplate t =
        new PackerTemplate(
            PackerTemplate.Syntax.HCL2,
            "t.pkr.hcl",
            List.of(),
            List.of(),
            List.of(new Source("azure-arm", "x", body, R)),
            List.of(),
            Optional.empty(),
            Optional.empty());
    String json = PackerModelJson.toJson(t);
    for (String secret : List.of("Sup3r-S3cret", "t0k3n-value", "S1gnatur3", "hunter22")) {
      assertEquals(-1, json.indexOf(secret), secret + " in " + json);
    }
    for (String shown :
        List.of(
            "\"APP_HOME=/opt/app\"",
            "\"ADMIN_PASSWORD=<sensitive>\"",
            "\"EMPTY_TOKEN=\"",
            "\"SAS_TOKEN\": \"<sensitive>\"",
            "\"REGION\": \"eu\"",
            "sig=***")) {
      assertEquals(true, json.contains(shown), shown + " in " + json);
    }
  }
}
