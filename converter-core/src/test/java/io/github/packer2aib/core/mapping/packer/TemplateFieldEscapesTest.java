package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Braces a template prints as text ({@code {{"{{"}} .ID {{"}}"}}}, Go's escape, for a {@code docker
 * --format} argument) reach the command as they reach Packer's: no PKRMAP-W218, which said Packer
 * would fill them in. An action kept for Packer ({@code {{ .Foo }}}) still has it. Read through the
 * loaders, whose template evaluation tells the two apart.
 */
class TemplateFieldEscapesTest {
  private static final String SOURCE =
      "\"type\": \"azure-arm\",\n" + LoadAndMap.LINUX_BUILDER_MEMBERS;

  private record Converted(List<String> codes, String json) {}

  private static Converted convert(String name, String text) {
    MapResult result = LoadAndMap.map(name, text);
    return new Converted(
        result.diagnostics().stream().map(Diagnostic::code).toList(), LoadAndMap.json(result));
  }

  private static String legacy(String provisioner) {
    return "{\"builders\": [{" + SOURCE + "}], \"provisioners\": [" + provisioner + "]}";
  }

  @Test
  void escapedBracesInALegacyTemplateAreText() {
    Converted c =
        convert(
            "t.json",
            legacy(
                "{\"type\": \"shell\", \"inline\": [\"docker ps --format '{{\\\"{{\\\"}} .ID"
                    + " {{\\\"}}\\\"}}'\", \"docker inspect -f '{{`{{`}}.State.Running{{`}}`}}'"
                    + " c1\"], \"environment_vars\": [\"FMT={{`{{`}} .Names {{`}}`}}\"]},"
                    + " {\"type\": \"file\", \"content\": \"{{`{{`}} .Values {{`}}`}}\","
                    + " \"destination\": \"/tmp/t.tpl\"}"));
    assertTrue(c.json().contains("docker ps --format '{{ .ID }}'"), c.json());
    assertTrue(c.json().contains("docker inspect -f '{{.State.Running}}' c1"), c.json());
    assertTrue(!c.codes().contains("PKRMAP-W218"), c.codes()::toString);
  }

  @Test
  void anActionKeptForPackerStillWarns() {
    Converted c =
        convert(
            "t.json",
            legacy("{\"type\": \"shell\", \"inline\": [\"echo {{`{{`}}x{{`}}`}} {{ .Foo }}\"]}"));
    assertEquals(1, c.codes().stream().filter("PKRMAP-W218"::equals).count(), c.codes()::toString);
  }

  @Test
  void escapedBracesInAnHcl2TemplateAreText() {
    String hcl =
        LoadAndMap.linuxSource("u", "")
            + """
build {
  sources = ["source.azure-arm.u"]
  provisioner "shell" {
    inline = ["docker ps --format '{{\\"{{\\"}} .ID {{\\"}}\\"}}'", "echo {{ .Foo }}"]
  }
}
""";
    Converted c = convert("t.pkr.hcl", hcl);
    assertTrue(c.json().contains("docker ps --format '{{ .ID }}'"), c.json());
    assertEquals(1, c.codes().stream().filter("PKRMAP-W218"::equals).count(), c.codes()::toString);
  }
}
