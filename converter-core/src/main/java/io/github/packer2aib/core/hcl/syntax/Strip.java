package io.github.packer2aib.core.hcl.syntax;

/**
 * The strip markers of one template sequence: {@code left} for {@code ${~} / {@code %{~}, {@code
 * right} for {@code ~}}. They have already been applied to the adjacent literals; they are kept so
 * the tree can be printed back.
 */
public record Strip(boolean left, boolean right) {

  public static final Strip NONE = new Strip(false, false);
}
