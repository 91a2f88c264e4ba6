package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TemplateFieldsTest {
  @Test
  void anActionReadingAFieldIsFound() {
    assertEquals("{{ .Foo }}", TemplateFields.firstField("echo A={{ .Foo }} done"));
    assertEquals("{{.WinRMPassword}}", TemplateFields.firstField("x {{.WinRMPassword}}"));
    assertEquals("{{- .Path -}}", TemplateFields.firstField("{ {{- .Path -}}"));
  }

  @Test
  void otherBracesAreNot() {
    assertNull(TemplateFields.firstField("echo ${HOME} {x} {{"));
    assertNull(TemplateFields.firstField("awk '{print $1}' {{ build_name }}"));
    assertNull(TemplateFields.firstField("echo {{ .5 }}"), "a number, not a field");
    assertNull(TemplateFields.firstField("echo {{ .Foo"), "not closed");
  }
}
