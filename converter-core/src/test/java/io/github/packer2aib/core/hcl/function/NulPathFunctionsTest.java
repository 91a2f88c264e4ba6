package io.github.packer2aib.core.hcl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.testing.MemoryFileView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A NUL character in the path of a file function: no file can have it, and Java's paths throw on
 * it, so the functions refuse it as an invalid argument without asking the file view about it.
 */
class NulPathFunctionsTest {

  /** The test tree, which fails the test if it is asked about a path with a NUL character. */
  private static final class Strict extends MemoryFileView {
    Strict() {
      super("/work/tpl");
      put("/work/tpl/sub/b.txt", "b");
    }

    @Override
    public Kind kind(String p) {
      refuseNul(p);
      return super.kind(p);
    }

    @Override
    public byte[] read(String p) throws java.io.IOException {
      refuseNul(p);
      return super.read(p);
    }

    @Override
    public List<String> list(String p) {
      refuseNul(p);
      return super.list(p);
    }

    private static void refuseNul(String p) {
      if (p.indexOf('\0') >= 0) {
        throw new AssertionError("the file view was asked about " + p.replace("\0", "<NUL>"));
      }
    }
  }

  private static final FunctionRegistry REGISTRY =
      FunctionRegistry.packer(
          Clock.frozenAt(TestFunctions.NOW),
          new Strict(),
          (template, file, vars, functions) -> Value.string(template));

  private static FunctionException refused(String name, Value... args) {
    return assertThrows(
        FunctionException.class, () -> REGISTRY.lookup(name).orElseThrow().call(List.of(args)));
  }

  @Test
  void everyFileFunctionRefusesAPathWithANulCharacter() {
    Value path = Value.string("sub/a\0b.txt");
    for (FunctionException e :
        List.of(
            refused("file", path),
            refused("filebase64", path),
            refused("fileexists", path),
            refused("fileset", path, Value.string("*")),
            refused("templatefile", path, Value.object(java.util.Map.of())))) {
      assertEquals(0, e.argIndex());
      assertEquals("Invalid function argument", e.summary());
      assertEquals(
          "Invalid value for \"path\" parameter: the path \"sub/a\\u0000b.txt\" contains a NUL"
              + " character (\\u0000), which no file name can hold.",
          e.detail("file", "path"));
      assertFalse(e.detail("file", "path").contains("\0"));
    }
  }

  @Test
  void pathFunctionsThatReadNoFileLeaveTheCharacterAsGoDoes() throws FunctionException {
    assertEquals(
        Value.string("a\0b"),
        REGISTRY.lookup("basename").orElseThrow().call(List.of(Value.string("/x/a\0b"))));
  }
}
