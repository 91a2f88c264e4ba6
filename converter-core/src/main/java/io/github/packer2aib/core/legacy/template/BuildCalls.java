package io.github.packer2aib.core.legacy.template;

import java.util.ArrayList;
import java.util.List;

/**
 * The actions of a template string that call {@code build} ({@code {{build `ID`}}}), as written:
 * the values that exist only while Packer builds, which leave a legacy setting unknown. A message
 * about such a setting names them, as an HCL2 template's names {@code build.ID}; the evaluator does
 * not keep them, as nearly every value is known and asked nothing.
 */
public final class BuildCalls {
  private BuildCalls() {}

  /** The actions of {@code text} that call {@code build}, each once, in order. */
  public static List<String> in(String text) {
    if (!text.contains("build")) {
      return List.of(); // nearly every string: no parse
    }
    ParsedTemplate parsed = TemplateParser.parse(text);
    List<String> out = new ArrayList<>();
    for (TemplateNode node : parsed.nodes()) {
      if (node instanceof Action a && calls(a.pipeline()) && !out.contains(a.source())) {
        out.add(a.source());
      }
    }
    return out;
  }

  private static boolean calls(Pipeline p) {
    for (Command c : p.commands()) {
      List<Operand> operands = c.operands();
      if (operands.get(0) instanceof Operand.Identifier id && id.name().equals("build")) {
        return true;
      }
      for (Operand o : operands) {
        if (calls(o)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean calls(Operand o) {
    if (o instanceof Operand.SubPipeline s) {
      return calls(s.pipeline());
    }
    return o instanceof Operand.Chain c && calls(c.base());
  }
}
