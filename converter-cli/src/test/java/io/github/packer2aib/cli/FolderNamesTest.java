package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The output folders of {@code convert -r}: the input tree, with names every system can hold. */
class FolderNamesTest {

  @Test
  void namesWindowsCannotHoldAreRenamedAndTheRestKept() {
    FolderNames names =
        new FolderNames(
            List.of("", "a", "a/x.", "a/x ", "a/x_", "con", "con/b", "Nul.d", "lpt1 ", "web"));

    // x_ is taken by the folder of that name, so the renamed ones number after it, in order.
    assertEquals("a/x_-2", names.of("a/x."));
    assertEquals("a/x_-3", names.of("a/x "));
    assertEquals("a/x_", names.of("a/x_"));
    assertEquals("con_/b", names.of("con/b"));
    assertEquals("Nul_.d", names.of("Nul.d"));
    assertEquals("lpt1_", names.of("lpt1 "));
    assertEquals("web", names.of("web"));
    assertEquals("a", names.of("a"));
    assertEquals("", names.of(""));
  }

  @Test
  void aRenamedFolderKeepsClearOfItsSiblingsIgnoringCaseWhateverTheOrder() {
    FolderNames names = new FolderNames(List.of("aux", "t/x..", "AUX_", "t/X_"));

    assertEquals("aux_-2", names.of("aux"));
    assertEquals("t/x_-2", names.of("t/x.."));
    assertEquals("AUX_", names.of("AUX_"));
  }
}
