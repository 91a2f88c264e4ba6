package io.github.packer2aib.core.hcl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentVariablesTest {

  @Test
  void aFrozenEnvironmentIsASortedCopyNobodyCanChange() {
    Map<String, String> source = new HashMap<>(Map.of("PKR_VAR_b", "2", "HOME", "/h", "A", "1"));
    Map<String, String> frozen = EnvironmentVariables.frozen(source);
    source.put("LATER", "x");
    source.remove("HOME");

    assertEquals(Map.of("PKR_VAR_b", "2", "HOME", "/h", "A", "1"), frozen);
    assertEquals(List.of("A", "HOME", "PKR_VAR_b"), new ArrayList<>(frozen.keySet()));
    List<String> visited = new ArrayList<>();
    frozen.forEach((k, v) -> visited.add(k + "=" + v));
    assertEquals(List.of("A=1", "HOME=/h", "PKR_VAR_b=2"), visited);
    assertEquals("/h", frozen.get("HOME"));
    assertNull(frozen.get("LATER"));
    assertTrue(frozen.containsKey("A"));
    assertThrows(UnsupportedOperationException.class, () -> frozen.put("X", "y"));
    assertThrows(UnsupportedOperationException.class, () -> frozen.remove("A"));
    assertThrows(UnsupportedOperationException.class, () -> frozen.entrySet().clear());
  }

  @Test
  void aFrozenEnvironmentIsKeptAsItIsNotCopiedAgain() {
    Map<String, String> frozen = EnvironmentVariables.frozen(Map.of("A", "1"));
    assertSame(frozen, EnvironmentVariables.frozen(frozen));
    // An equal map that this class did not freeze is copied: its owner could still change it.
    Map<String, String> other = new HashMap<>(frozen);
    Map<String, String> copy = EnvironmentVariables.frozen(other);
    other.put("B", "2");
    assertEquals(Map.of("A", "1"), copy);
  }
}
