package io.github.packer2aib.core.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Names after what they depend on, the cycles met, and what leads to them. */
class DependencyOrderTest {
  @Test
  void eachNameComesAfterWhatItNamesAndCyclesAreFoundOnce() {
    Map<String, List<String>> deps =
        Map.of(
            "a", List.of("b", "d"),
            "b", List.of("c"),
            "c", List.of("b"),
            "d", List.of(),
            "e", List.of("a"),
            "f", List.of("d"));

    DependencyOrder o = DependencyOrder.of(List.of("a", "b", "c", "d", "e", "f"), deps::get);

    assertEquals(List.of("c", "b", "d", "a", "e", "f"), o.order());
    assertEquals(List.of(List.of("b", "c")), o.cycles());
    assertEquals(Set.of("b", "c"), o.cyclic());
    assertEquals(Set.of("a", "b", "c", "e"), o.reachesCycle(), "d and f lead to no cycle");
  }

  @Test
  void aLongChainDeclaredLastToFirstNeedsNoDeepStack() {
    int n = 100_000;
    List<String> names = new ArrayList<>();
    for (int i = n - 1; i >= 0; i--) {
      names.add("v" + i);
    }

    DependencyOrder o =
        DependencyOrder.of(
            names,
            name ->
                name.equals("v0")
                    ? List.of()
                    : List.of("v" + (Integer.parseInt(name.substring(1)) - 1)));

    assertEquals("v0", o.order().get(0));
    assertEquals("v" + (n - 1), o.order().get(n - 1));
    assertEquals(Set.of(), o.reachesCycle());
  }
}
