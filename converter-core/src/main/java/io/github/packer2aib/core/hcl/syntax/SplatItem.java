package io.github.packer2aib.core.hcl.syntax;

import io.github.packer2aib.core.source.Range;
import java.util.Objects;

/**
 * The current element inside the {@link SplatExpr#each() each} expression of a splat: the anonymous
 * symbol its steps start from. Its range is the splat marker ({@code .*} or {@code [*]}).
 */
public record SplatItem(Range range) implements Expression {

  public SplatItem {
    Objects.requireNonNull(range, "range");
  }
}
