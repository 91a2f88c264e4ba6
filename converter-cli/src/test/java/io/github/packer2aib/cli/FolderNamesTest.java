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

  @Test
  void namesThatDifferOnlyInCaseAreKeptApartTheFirstKeepingItsName() {
    // Linux/ and linux/ are one folder on Windows and macOS: one's outputs replaced the other's.
    FolderNames names =
        new FolderNames(List.of("Linux", "linux", "LINUX/a", "linux-2", "p/X", "p/x", "q/x"));

    assertEquals("Linux", names.of("Linux"));
    assertEquals("linux-3", names.of("linux"));
    assertEquals("LINUX-4/a", names.of("LINUX/a"));
    assertEquals("linux-2", names.of("linux-2"));
    assertEquals("p/X", names.of("p/X"));
    assertEquals("p/x-2", names.of("p/x"));
    assertEquals("q/x", names.of("q/x"));
  }

  @Test
  void eachRunOfCharactersWindowsRefusesBecomesOneUnderscore() {
    FolderNames names =
        new FolderNames(
            List.of(
                "x:y",
                "a*b",
                "a?b",
                "a\"b",
                "a<b>",
                "a|b",
                "p\\q",
                "a\tb",
                "c\n::warning::dir",
                "x_y",
                "nul:",
                "d:.",
                "caf\u00e9 menu",
                "ok/x:y"));

    // x_y is a sibling's name: the renamed x:y numbers after it.
    assertEquals("x_y-2", names.of("x:y"));
    assertEquals("x_y", names.of("x_y"));
    assertEquals("a_b", names.of("a*b"));
    assertEquals("a_b-2", names.of("a?b"));
    assertEquals("a_b-3", names.of("a\"b"));
    assertEquals("a_b_", names.of("a<b>"));
    assertEquals("a_b-4", names.of("a|b"));
    assertEquals("p_q", names.of("p\\q"));
    assertEquals("a_b-5", names.of("a\tb"));
    assertEquals("c_warning_dir", names.of("c\n::warning::dir"));
    assertEquals("nul_", names.of("nul:"));
    assertEquals("d__", names.of("d:."));
    assertEquals("caf\u00e9 menu", names.of("caf\u00e9 menu"));
    assertEquals("ok/x_y", names.of("ok/x:y"));
  }
}
