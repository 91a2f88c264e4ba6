package io.github.packer2aib.core.hcl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.packer2aib.core.hcl.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A loop over a long list that asks the list for its length or an element on each turn costs n in
 * cty. Here each such use once worked out the tuple's type and walked it for marks, so 20,000
 * strings took over 20 s; these loops of 50,000 must finish in a moment.
 */
class LongCollectionTest {
  private static final int N = 50_000;

  private static Map<String, Value> longList() {
    List<Value> l = new ArrayList<>(N);
    for (int i = 0; i < N; i++) {
      l.add(Value.string("s" + i));
    }
    return Map.of("l", Value.tuple(l), "n", Value.number(N));
  }

  private static Value eval(String text) {
    return assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          EvalResult r = EvalTesting.eval(text, longList());
          assertEquals(List.of(), r.diagnostics());
          return r.value();
        });
  }

  @Test
  void lengthInALoopOverTheList() {
    Value v = eval("[for x in l : length(l)]");
    assertEquals(N, v.elements().size());
    assertEquals(Value.number(N), v.elements().get(N - 1));
  }

  @Test
  void indexAndElementInALoop() {
    Value v = eval("[for i, x in l : \"${l[i]}${element(l, i)}\"]");
    assertEquals(Value.string("s49999s49999"), v.elements().get(N - 1));
  }

  @Test
  void formatlistOverTheList() {
    Value v = eval("formatlist(\"<%s>\", l)");
    assertEquals(N, v.elements().size());
    assertEquals(Value.string("<s12345>"), v.elements().get(12_345));
  }
}
