package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which names "Did you mean" offers: the nearest ones, and only near ones. */
class NearNamesTest {
  private static final List<String> OPTIONS =
      List.of("-o", "--output", "--var", "--var-file", "--strict", "--stdin-name", "--jobs");

  @Test
  void onlyTheNearestNamesWithinTheEditsTheLengthAllows() {
    assertEquals(List.of("--strict"), NearNames.nearest("--strcit", OPTIONS)); // a swap: one edit
    assertEquals(List.of("--jobs"), NearNames.nearest("--jbos", OPTIONS));
    assertEquals(List.of("--var"), NearNames.nearest("--varr", OPTIONS)); // not --var-file
    assertEquals(List.of("--output"), NearNames.nearest("--OUTPTU=x", OPTIONS));
    assertEquals(List.of("--strict"), NearNames.nearest("-strict", OPTIONS)); // Packer's one dash
    assertEquals(
        List.of("convert"),
        NearNames.nearest("convet", List.of("convert", "validate", "inspect", "codes")));
  }

  @Test
  void aShortNameMustMatchAndAFarOneGetsNothing() {
    assertEquals(List.of("-o"), NearNames.nearest("-O", OPTIONS)); // case only
    assertEquals(List.of(), NearNames.nearest("-x", OPTIONS)); // one letter from every letter
    assertEquals(List.of(), NearNames.nearest("-pw", OPTIONS));
    assertEquals(List.of(), NearNames.nearest("--bogus", OPTIONS));
    assertEquals(List.of(), NearNames.nearest("--prune", List.of("--progress", "--jobs")));
  }
}
