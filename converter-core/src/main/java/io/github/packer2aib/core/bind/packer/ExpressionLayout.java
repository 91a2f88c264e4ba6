package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.HclPrinter;
import io.github.packer2aib.core.hcl.syntax.ObjectCons;
import io.github.packer2aib.core.hcl.syntax.ObjectItem;
import io.github.packer2aib.core.hcl.syntax.Parenthesized;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.Tuple;
import io.github.packer2aib.core.packer.ValueLayout;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The layout of an HCL value written as an object constructor ({@code { owner = "sre" }}) or a
 * tuple constructor: its items are where the expression has them. An item whose key is computed
 * ({@code (local.key) = 1}) has no layout here, and neither has a value that an expression works
 * out (a variable, {@code merge(...)}): it is located as a whole. Identity equality, as {@link
 * io.github.packer2aib.core.packer.Setting}s compare by value and range.
 */
final class ExpressionLayout implements ValueLayout {
  private final Expression expression;

  private ExpressionLayout(Expression expression) {
    this.expression = expression;
  }

  /** The layout of {@code e}; null when it is written as neither an object nor a tuple. */
  static ValueLayout ofParts(Expression e) {
    Expression inner = unwrap(e);
    return inner instanceof ObjectCons || inner instanceof Tuple
        ? new ExpressionLayout(inner)
        : null;
  }

  private static ValueLayout of(Expression e) {
    return ValueLayout.orWhole(ofParts(e), e.range());
  }

  private static Expression unwrap(Expression e) {
    while (e instanceof Parenthesized p) {
      e = p.expression();
    }
    return e;
  }

  /** The item {@code key} when {@code e} is an object constructor with that literal key. */
  static Optional<ObjectItem> objectItem(Expression e, String key) {
    if (!(e instanceof ObjectCons object)) {
      return Optional.empty();
    }
    for (ObjectItem i : object.items()) {
      Optional<String> name = literalKey(i);
      if (name.isPresent() && name.get().equals(key)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** An item's key when it is written as a name or a string without templates, else empty. */
  private static Optional<String> literalKey(ObjectItem i) {
    Optional<String> name = i.literalName();
    if (name.isEmpty() && i.key() instanceof TemplateExpr t) {
      name = t.literalText();
    }
    return name;
  }

  /** The range of element {@code i} when {@code e} is a tuple constructor, else of {@code e}. */
  static Range elementRange(Expression e, int i) {
    if (e instanceof Tuple t && i < t.elements().size()) {
      return t.elements().get(i).range();
    }
    return e.range();
  }

  @Override
  public Range range() {
    return expression.range();
  }

  @Override
  public Optional<Member> member(String key) {
    return objectItem(expression, key).map(i -> new Member(i.key().range(), of(i.value())));
  }

  @Override
  public List<ComputedKey> computedKeys() {
    if (!(expression instanceof ObjectCons object)) {
      return List.of();
    }
    List<ComputedKey> out = null; // made for the first: most objects have none
    for (ObjectItem i : object.items()) {
      if (literalKey(i).isEmpty()) {
        if (out == null) {
          out = new ArrayList<>();
        }
        out.add(new ComputedKey(HclPrinter.print(i.key()), i.key().range()));
      }
    }
    return out == null ? List.of() : out;
  }

  @Override
  public Optional<ValueLayout> element(int index) {
    if (expression instanceof Tuple t) {
      List<Expression> elements = t.elements();
      if (index >= 0 && index < elements.size()) {
        return Optional.of(of(elements.get(index)));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "ExpressionLayout" + range();
  }
}
