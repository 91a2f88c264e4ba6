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
}
