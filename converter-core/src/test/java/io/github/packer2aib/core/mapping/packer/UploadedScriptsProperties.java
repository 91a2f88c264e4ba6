package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whether a command runs an uploaded path is found through the path's file name (indexOf) and gives
 * what a scan of every position gives (an empty searched text makes {@code names} scan).
 */
class UploadedScriptsProperties {
  private static final List<String> PATHS =
      List.of(
          "C:\\sysprep.ps1",
          "C:/Windows/Temp/Sysprep.PS1",
          "c:\\packer\\run-me.cmd",
          "/tmp/deprovision.sh",
          "/home/packer/x.sh",
          "C:\\ä\\ö.ps1",
          "C:\\temp\\");

  private static final List<String> PIECES =
      List.of(
          " ",
          "& ",
          "; ",
          "powershell -File ",
          "sudo ",
          "bash ",
          "Remove-Item ",
          "\"",
          "'",
          ".bak",
          "x",
          "/var",
          "\\",
          "İ",
          "Σ",
          "C:\\SYSPREP.ps1",
          "c:/sysprep.ps1",
          "/tmp/deprovision.sh",
          "/tmp/Deprovision.sh",
          "C:\\Windows\\Temp\\sysprep.ps1",
          "C:\\packer\\run-me.cmd",
          "/home/packer/x.sh",
          "C:\\Ä\\Ö.ps1",
          "C:\\temp\\");

  @Provide
  Arbitrary<Tuple.Tuple3<String, String, Boolean>> cases() {
    Arbitrary<String> command =
        Arbitraries.of(PIECES).list().ofMaxSize(8).map(parts -> String.join("", parts));
    return Combinators.combine(command, Arbitraries.of(PATHS), Arbitraries.of(true, false))
        .as(Tuple::of);
  }

  @Property(tries = 3000)
  void theFileNameSearchFindsWhatAScanFinds(
      @ForAll("cases") Tuple.Tuple3<String, String, Boolean> c) {
    UploadedScripts scripts = new UploadedScripts(List.of(), c.get3() ? Os.WINDOWS : Os.LINUX);
    String command = c.get1();
    String searched = scripts.searchable(List.of(command)).get(0);

    assertEquals(
        scripts.names(command, "", c.get2()),
        scripts.names(command, searched, c.get2()),
        () -> command + " runs " + c.get2() + "?");
  }

  @Property(tries = 200)
  void aPathThatStartsTheCommandIsRun(@ForAll("cases") Tuple.Tuple3<String, String, Boolean> c) {
    UploadedScripts scripts = new UploadedScripts(List.of(), c.get3() ? Os.WINDOWS : Os.LINUX);
    String command = c.get2() + " -Force";

    assertTrue(scripts.names(command, scripts.searchable(List.of(command)).get(0), c.get2()));
  }
}
