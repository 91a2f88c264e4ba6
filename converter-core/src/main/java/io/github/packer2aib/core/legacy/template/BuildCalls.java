package io.github.packer2aib.core.legacy.template;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

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
    return !called(p, "build"::equals).isEmpty();
  }

  /**
   * The functions that read a secret ({@code vault}, {@code consul_key}, {@code
   * aws_secretsmanager}, {@code aws_secretsmanager_raw}) which the actions of {@code text} call,
   * each once, in order: a variable whose default calls one is unknown and sensitive.
   */
  public static List<String> secretReadersIn(String text) {
    List<String> out = new ArrayList<>();
    boolean any = false;
    for (String name : TemplateFunctions.SECRET_READERS.keySet()) {
      any |= text.contains(name);
    }
    if (!any) {
      return out; // nearly every string: no parse
    }
    for (TemplateNode node : TemplateParser.parse(text).nodes()) {
      if (node instanceof Action a) {
        for (String name : called(a.pipeline(), TemplateFunctions.SECRET_READERS::containsKey)) {
          if (!out.contains(name)) {
            out.add(name);
          }
        }
      }
    }
    return out;
  }

  /** The functions of {@code names} that {@code p} calls, nested pipelines included. */
  private static List<String> called(Pipeline p, Predicate<String> names) {
    List<String> out = new ArrayList<>();
    collect(p, names, out);
    return out;
  }

  private static void collect(Pipeline p, Predicate<String> names, List<String> out) {
    for (Command c : p.commands()) {
      List<Operand> operands = c.operands();
      if (operands.get(0) instanceof Operand.Identifier id && names.test(id.name())) {
        out.add(id.name());
      }
      for (Operand o : operands) {
        collect(o, names, out);
      }
    }
  }

  private static void collect(Operand o, Predicate<String> names, List<String> out) {
    if (o instanceof Operand.SubPipeline s) {
      collect(s.pipeline(), names, out);
    } else if (o instanceof Operand.Chain c) {
      collect(c.base(), names, out);
    }
  }
}
