package io.github.packer2aib.core.bind.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.WithNull;

/**
 * {@link Scope.SourceName}'s written-out equals and hashCode behave as a record's own would: equal
 * exactly when the components are, and equal names hash alike.
 */
class SourceNameProperties {
  @Property(tries = 500)
  void equalExactlyWhenTheComponentsAre(
      @ForAll @WithNull(0.1) @StringLength(max = 3) String type1,
      @ForAll @WithNull(0.1) @StringLength(max = 3) String name1,
      @ForAll @WithNull(0.1) @StringLength(max = 3) String type2,
      @ForAll @WithNull(0.1) @StringLength(max = 3) String name2) {
    Scope.SourceName a = new Scope.SourceName(type1, name1);
    Scope.SourceName b = new Scope.SourceName(type2, name2);
    boolean same = Arrays.asList(type1, name1).equals(Arrays.asList(type2, name2));
    assertEquals(same, a.equals(b));
    assertEquals(same, b.equals(a));
    if (same) {
      assertEquals(a.hashCode(), b.hashCode());
    }
    assertEquals(a, new Scope.SourceName(type1, name1));
  }
}
