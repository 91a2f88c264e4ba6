package io.github.packer2aib.core.parse.hcl;

import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Look-ups among the children of a parse tree node with the results of ANTLR's generated accessors
 * ({@code getRuleContext(type, 0)}, {@code getToken(type, 0)}), by an indexed walk. The generated
 * ones walk with an iterator and their list forms ({@code ctx.expression()}) also build a list, on
 * every call; the tree builder calls them for every node of every file, and in the C1-compiled code
 * of bulk runs nothing of that is optimised away.
 */
final class Children {
  private Children() {}

  /**
   * The first child that is a rule of {@code type}, or null, as {@code getRuleContext(type, 0)}.
   */
  static <T extends ParserRuleContext> T first(ParserRuleContext ctx, Class<T> type) {
    List<ParseTree> children = ctx.children;
    if (children != null) {
      for (int i = 0, n = children.size(); i < n; i++) {
        ParseTree child = children.get(i);
        if (type.isInstance(child)) {
          return type.cast(child);
        }
      }
    }
    return null;
  }

  /** The first token child of {@code tokenType}, or null, as {@code getToken(tokenType, 0)}. */
  static TerminalNode token(ParserRuleContext ctx, int tokenType) {
    List<ParseTree> children = ctx.children;
    if (children != null) {
      for (int i = 0, n = children.size(); i < n; i++) {
        if (children.get(i) instanceof TerminalNode node
            && node.getSymbol().getType() == tokenType) {
          return node;
        }
      }
    }
    return null;
  }

  /** The children, or an empty list for a node without any (ANTLR leaves the field null then). */
  static List<ParseTree> of(ParserRuleContext ctx) {
    return ctx.children != null ? ctx.children : List.of();
  }
}
