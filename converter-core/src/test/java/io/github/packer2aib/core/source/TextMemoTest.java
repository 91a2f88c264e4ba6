package io.github.packer2aib.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextMemoTest {
  @Test
  void keepsTheFirstResultsAndComputesTheRestEachTime() {
    List<String> computed = new ArrayList<>();
    TextMemo<String> memo =
        new TextMemo<>(
            2,
            t -> {
              computed.add(t);
              return new String("<" + t + ">");
            });

    String a = memo.get("a");
    assertSame(a, memo.get("a"));
    assertEquals("<b>", memo.get("b"));
    assertEquals("<b>", memo.get("b"));
    // Full: "c" is computed each time it is asked for, "a" and "b" never again.
    assertEquals("<c>", memo.get("c"));
    assertEquals("<c>", memo.get("c"));
    assertSame(a, memo.get("a"));

    assertEquals(List.of("a", "b", "c", "c"), computed);
  }
}
