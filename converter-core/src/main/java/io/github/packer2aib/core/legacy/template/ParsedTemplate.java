package io.github.packer2aib.core.legacy.template;

import java.util.List;
import java.util.Optional;

/**
 * A template string read into its nodes. Go's parser stops at the first error, and so do we: when
 * {@code error} is present, {@code nodes} is empty and the string cannot be evaluated.
 *
 * @param text the string's decoded value
 * @param nodes text, comments and actions, in order
 * @param error the first syntax error, if any
 */
public record ParsedTemplate(
    String text, List<TemplateNode> nodes, Optional<TemplateProblem> error) {
  public ParsedTemplate {
    nodes = List.copyOf(nodes);
  }

  /** Whether the string has no actions or comments: its value is its text. */
  public boolean isLiteral() {
    if (error.isPresent()) {
      return false;
    }
    // Indexed: C1 (bulk runs) allocates an iterator per for-each over a List.
    for (int i = 0; i < nodes.size(); i++) {
      if (!(nodes.get(i) instanceof TemplateNode.Text)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the string shows no value, only names: it is made of actions alone, each reading what
   * it names ({@code {{env `NAME`}}}, {@code {{user `x`}}}, {@code {{timestamp}}}, {@code {{ vault
   * `path` `key` }}}, in pipelines of such). A literal argument of any other function, or text
   * around the actions, may be a secret or a part of one; a comment may keep an old one.
   */
  public boolean showsNoValue() {
    if (error.isPresent() || nodes.isEmpty()) {
      return false;
    }
    for (int i = 0; i < nodes.size(); i++) {
      if (!(nodes.get(i) instanceof Action a) || !namesOnly(a.pipeline())) {
        return false;
      }
    }
    return true;
  }

  private static boolean namesOnly(Pipeline pipeline) {
    for (Command c : pipeline.commands()) {
      List<Operand> operands = c.operands();
      // The argument of env and user is the name of what they read; those of vault and the
      // other secret readers say where a secret is kept, not what it is.
      boolean reads =
          operands.get(0) instanceof Operand.Identifier f
              && (f.name().equals("env")
                  || f.name().equals("user")
                  || TemplateFunctions.SECRET_READERS.containsKey(f.name()));
      for (int k = 0; k < operands.size(); k++) {
        Operand o = operands.get(k);
        boolean name =
            o instanceof Operand.Identifier
                || o instanceof Operand.Field
                || o instanceof Operand.Dot
                || o instanceof Operand.Variable
                || (reads && k > 0 && o instanceof Operand.StringLiteral)
                || (o instanceof Operand.SubPipeline sub && namesOnly(sub.pipeline()));
        if (!name) {
          return false;
        }
      }
    }
    return true;
  }
}
