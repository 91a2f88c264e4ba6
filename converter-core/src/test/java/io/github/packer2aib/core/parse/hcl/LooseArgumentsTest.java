package io.github.packer2aib.core.parse.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arguments of a file that does not parse, as its tokens show them. */
class LooseArgumentsTest {
  /** Each argument as {@code block#type name = value}. */
  private static List<String> arguments(String text) {
    SourceFile file = new SourceFile("t.pkr.hcl", text);
    return LooseArguments.of(file).stream()
        .map(a -> a.block() + "#" + a.blockType() + " " + a.name() + " = " + text(file, a.value()))
        .toList();
  }

  private static String text(SourceFile file, Range r) {
    return file.text().substring(r.startOffset(), r.endOffset());
  }

  @Test
  void aBrokenValueEndsAtItsNewlineAndASecondArgumentOfTheSameNameIsKept() {
    assertEquals(
        List.of(
            "0#variable sensitive = true",
            "0#variable default = \"a\" +",
            "0#variable default = <<EOT\nb\nEOT",
            "-1# top = 1"),
        arguments(
            "variable \"pw\" {\n  sensitive = true\n  default = \"a\" +\n"
                + "  default = <<EOT\nb\nEOT\n}\ntop = 1\n"));
  }

  @Test
  void aBracketLeftOpenMakesTheValueReachFurtherNeverLess() {
    // "list(string" is not closed: newlines are no tokens inside it, so an argument is what starts
    // a line there, and runs to what closes the paren (the block's brace); sensitive is found all
    // the same, and type, whose block is never closed now, runs to the end of the file.
    assertEquals(
        List.of(
            "0#variable sensitive = true",
            "0#variable default = [\"s\"]\n  sensitive = true",
            "0#variable type = list(string\n  default = [\"s\"]\n  sensitive = true\n}"),
        arguments(
            "variable \"pw\" {\n"
                + "  type = list(string\n"
                + "  default = [\"s\"]\n"
                + "  sensitive = true\n"
                + "}\n"));
  }

  @Test
  void blocksAreNumberedAndNestedOnesHaveTheirOwnType() {
    assertEquals(
        List.of(
            "1#validation condition = true",
            "0#variable default = 1",
            "2#local expression = \"x\""),
        arguments(
            "variable \"a\" {\n  validation {\n    condition = true\n  }\n  default = 1\n}\n"
                + "local \"b\" { expression = \"x\" }\n"));
  }
}
