package io.github.packer2aib.core.hcl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A loop that calls {@code fileset} a million times (within the 'for' budget) walked the folder
 * each time, for 18 s: a template's registry answers a folder and pattern once.
 */
class FilesetRepeatTest {
  @Test
  void aTemplatesFilesetAnswersAFolderAndPatternOnce() throws FunctionException {
    int[] listed = {0};
    MemoryFileView files =
        new MemoryFileView("/work/tpl") {
          @Override
          public List<String> list(String dir) {
            listed[0]++;
            return super.list(dir);
          }
        };
    files.put("/work/tpl/a.sh", "a").put("/work/tpl/b.sh", "b").put("/work/tpl/c.txt", "c");
    FunctionRegistry registry =
        FunctionRegistry.packer(Clock.frozenAt(Instant.EPOCH), files, null);
    HclFunction fileset = registry.lookup("fileset").orElseThrow();
    Value expected = Value.set(Type.STRING, List.of(Value.string("a.sh"), Value.string("b.sh")));

    for (int i = 0; i < 1000; i++) {
      assertEquals(expected, fileset.call(List.of(Value.string("."), Value.string("*.sh"))));
    }
    assertEquals(1, listed[0]);
    assertEquals(
        Value.set(Type.STRING, List.of(Value.string("c.txt"))),
        fileset.call(List.of(Value.string("."), Value.string("*.txt"))));
    assertEquals(2, listed[0], "another pattern is globbed anew");
    assertThrows(
        FunctionException.class,
        () -> fileset.call(List.of(Value.string("."), Value.string("[")))); // a bad pattern
  }
}
