package io.github.packer2aib.core.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.bind.aib.BindCode;
import io.github.packer2aib.core.mapping.MappingCode;
import io.github.packer2aib.core.mapping.retarget.RetargetCode;
import io.github.packer2aib.core.parse.SyntaxCode;
import io.github.packer2aib.core.validate.VersionCode;
import io.github.packer2aib.core.validate.rules.RuleCode;
import io.github.packer2aib.core.validate.spec.SpecCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnosticCodesTest {
  private static final List<Class<? extends Enum<?>>> CATALOGUES =
      List.of(
          SyntaxCode.class,
          BindCode.class,
          VersionCode.class,
          SpecCode.class,
          RuleCode.class,
          RetargetCode.class,
          MappingCode.class,
          io.github.packer2aib.core.mapping.packer.PackerMapCode.class,
          io.github.packer2aib.core.parse.hcl.HclSyntaxCode.class,
          io.github.packer2aib.core.hcl.function.FunctionCode.class,
          io.github.packer2aib.core.hcl.eval.EvalCode.class,
          io.github.packer2aib.core.bind.packer.PackerCode.class,
          io.github.packer2aib.core.legacy.template.GoTemplateCode.class,
          io.github.packer2aib.core.bind.legacy.LegacyCode.class,
          io.github.packer2aib.core.bind.settings.SettingsCode.class);

  private static List<DiagnosticCode> all() {
    List<DiagnosticCode> codes = new ArrayList<>();
    for (Class<? extends Enum<?>> c : CATALOGUES) {
      for (Enum<?> e : c.getEnumConstants()) {
        codes.add((DiagnosticCode) e);
      }
    }
    return codes;
  }

  @Test
  void everyCodeIsUniqueAcrossAllCatalogues() {
    Map<String, DiagnosticCode> seen = new HashMap<>();
    for (DiagnosticCode c : all()) {
      DiagnosticCode before = seen.put(c.id(), c);
      assertEquals(null, before, c.id() + " is used twice");
    }
  }

  @Test
  void summariesAreShortTitlesInSentenceCase() {
    for (DiagnosticCode c : all()) {
      String s = c.summary();
      assertTrue(!s.isEmpty() && !s.endsWith("."), c.id() + ": " + s);
      assertTrue(s.length() <= 60, c.id() + " summary is too long: " + s);
      // Sentence case, unless the title starts with a property name such as runAsSystem.
      String first = s.split(" ")[0];
      assertTrue(
          Character.isUpperCase(s.charAt(0)) || !first.equals(first.toLowerCase()), c.id());
    }
  }

  @Test
  void severityFollowsTheLetterOfTheCode() {
    assertEquals(Severity.ERROR, new DiagnosticCode.Text("RULE-E301", "x").severity());
    assertEquals(Severity.WARNING, new DiagnosticCode.Text("RETARGET-W001", "x").severity());
    assertEquals(Severity.NOTE, new DiagnosticCode.Text("MAP-N001", "x").severity());
    assertThrows(IllegalArgumentException.class, () -> new DiagnosticCode.Text("rule-E1", "x"));
  }
}
