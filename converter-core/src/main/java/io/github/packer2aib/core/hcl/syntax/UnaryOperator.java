package io.github.packer2aib.core.hcl.syntax;

/** The unary operators; they bind tighter than every binary operator. */
public enum UnaryOperator {
  NEGATE("-"),
  NOT("!");

  private final String symbol;

  UnaryOperator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
