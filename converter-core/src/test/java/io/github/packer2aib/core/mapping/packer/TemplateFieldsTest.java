package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TemplateFieldsTest {
  @Test
  void anActionReadingAFieldIsFound() {
    assertEquals("{{ .Foo }}", TemplateFields.field("echo A={{ .Foo }} done", false));
    assertEquals("{{.WinRMPassword}}", TemplateFields.field("x {{.WinRMPassword}}", false));
    assertEquals("{{- .Path -}}", TemplateFields.field("{ {{- .Path -}}", false));
  }

  @Test
  void aFieldPackerFillsInIsFoundBehindAnother() {
    // The WinRM user and password are refused wherever they stand, also after another field.
    assertEquals(
        "{{ .WinRMUser }}", TemplateFields.field("echo {{ .Foo }} {{ .WinRMUser }}", true));
    assertNull(TemplateFields.field("echo {{ .Foo }} {{ .WinRMUsers }}", true));
  }

  @Test
  void otherBracesAreNot() {
    assertNull(TemplateFields.field("echo ${HOME} {x} {{", false));
    assertNull(TemplateFields.field("awk '{print $1}' {{ build_name }}", false));
    assertNull(TemplateFields.field("echo {{ .5 }}", false), "a number, not a field");
    assertNull(TemplateFields.field("echo {{ .Foo", false), "not closed");
  }
}
