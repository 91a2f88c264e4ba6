package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.grammar.hcl.HclLexer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * Collects syntax diagnostics and drops the follow-on errors of an earlier one: a second error at
 * the end of the file (one missing brace leaves every enclosing block unclosed), a stray closing
 * brace after an earlier error (usually the brace of a block whose header was broken), an opening
 * brace on the line after a block header that lacked it, and an unclosed block once recovery has
 * guessed which brace closes what ({@link #recoveryGuessedBraces}).
 */
final class SyntaxErrorSink {
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private boolean errorAtEndOfFile;
  private Token headerEndedAt;
  private boolean bracesGuessed;

  /** The tokens that a diagnostic was given for, by index (kept or dropped as a follow-on). */
  private final Set<Integer> told = new HashSet<>();

  /**
   * Recovery skipped from a broken item's line to the end of the file, skipped a closing brace that
   * the lexer took as the end of the block, or took one on a later line than the item's start for a
   * brace the item opened. Which block that brace closed is then a guess, and a block that ends up
   * unclosed at the end of the file is as likely the guess's doing as a real missing brace: HCL,
   * which reports nothing in recovery, does not report it, and neither does this.
   */
  void recoveryGuessedBraces() {
    bracesGuessed = true;
  }

  void add(Diagnostic diagnostic, Token offending) {
    if (offending != null) {
      told.add(offending.getTokenIndex());
    }
    boolean atEnd = offending != null && offending.getType() == Token.EOF;
    if (atEnd && errorAtEndOfFile) {
      return;
    }
    if (bracesGuessed && diagnostic.code().equals(HclSyntaxCode.UNCLOSED_BLOCK.id())) {
      return;
    }
    if (diagnostic.code().equals(HclSyntaxCode.UNEXPECTED_CLOSING_BRACE.id())
        && !diagnostics.isEmpty()) {
      return;
    }
    Token brokenHeaderEnd = headerEndedAt;
    headerEndedAt = null;
    if (brokenHeaderEnd != null
        && offending != null
        && offending.getType() == HclLexer.LBRACE
        && offending.getTokenIndex() == brokenHeaderEnd.getTokenIndex() + 1) {
      return;
    }
    if (diagnostic.code().equals(HclSyntaxCode.INVALID_BLOCK_DEFINITION.id())
        && offending != null
        && offending.getType() == HclLexer.NEWLINE) {
      headerEndedAt = offending;
    }
    errorAtEndOfFile |= atEnd;
    diagnostics.add(diagnostic);
  }

  /** A diagnostic not tied to a parser token (from the tree builder). */
  void add(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
  }

  /** Whether a diagnostic was given for {@code token} (as the token the parser stopped at). */
  boolean told(Token token) {
    return told.contains(token.getTokenIndex());
  }

  boolean isEmpty() {
    return diagnostics.isEmpty();
  }

  List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }
}
