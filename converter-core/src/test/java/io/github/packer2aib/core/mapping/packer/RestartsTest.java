package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Which commands {@link Restarts} takes for a restart of the VM, and which not. */
class RestartsTest {

  @Test
  void powerShellRestarts() {
    assertEquals("Restart-Computer", Restarts.restartIn("Restart-Computer -Force", false));
    assertEquals("Restart-Computer", Restarts.restartIn("if ($a) { restart-computer }", false));
    assertEquals("shutdown /r", Restarts.restartIn("shutdown /r /t 0", false));
    assertEquals("shutdown /r", Restarts.restartIn("& shutdown.exe /f /R", false));
    assertEquals("shutdown /r", Restarts.restartIn("shutdown /c \"bye\" /g; exit 0", false));
    assertEquals(
        "shutdown /r", Restarts.restartIn("C:\\Windows\\System32\\shutdown.exe -r", false));
    assertEquals(
        "Install-WindowsFeature -Restart",
        Restarts.restartIn("Add-WindowsFeature Web-Server -IncludeAllSubFeature -Restart", false));
  }

  @Test
  void powerShellNonRestarts() {
    assertNull(Restarts.restartIn("# Restart-Computer -Force", false));
    assertNull(Restarts.restartIn("shutdown /a", false));
    assertNull(Restarts.restartIn("shutdown /s /t 0 /c \"not /r\"", false));
    assertNull(Restarts.restartIn("Restart-Service WinRM", false));
    assertNull(Restarts.restartIn("Write-Host 'restart required'", false));
    assertNull(Restarts.restartIn("Install-WindowsFeature Web-Server -Restart:$false", false));
    assertNull(Restarts.restartIn("Set-Variable Restart-ComputerLater 1", false));
    assertNull(Restarts.restartIn("msiexec /i x.msi /norestart", false));
  }

  @Test
  void cmdComments() {
    assertNull(Restarts.restartIn("rem shutdown /r", true));
    assertNull(Restarts.restartIn("REM shutdown /r", true));
    assertNull(Restarts.restartIn(":: shutdown /r", true));
    assertNull(Restarts.restartIn("@rem shutdown /r", true));
    assertEquals("shutdown /r", Restarts.restartIn("shutdown -r -t 5", true));
    // In cmd.exe, # starts no comment.
    assertEquals("shutdown /r", Restarts.restartIn("#x & shutdown /r", true));
  }

  /**
   * The scan before the patterns misses no line that holds one of their words (a line it passes
   * over is never looked at by them).
   */
  @Property(tries = 3000)
  void theScanMissesNoRestartWord(@ForAll("lines") String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    if (lower.contains("restart") || lower.contains("shutdown")) {
      assertTrue(Restarts.mayRestart(line), line);
    }
    if (!Restarts.mayRestart(line)) {
      assertNull(Restarts.restartIn(line, false), line);
      assertNull(Restarts.restartIn(line, true), line);
    }
  }

  @Provide
  Arbitrary<String> lines() {
    return Arbitraries.of(
            List.of(
                "Restart-Computer",
                "RESTART",
                "restar",
                "t",
                "Shutdown",
                "shutdow",
                "n",
                " /r",
                " -Force",
                "-Restart",
                "Install-WindowsFeature",
                " ",
                "&",
                "\u0130",
                "\u212A",
                "x",
                "\u0100"))
        .list()
        .ofMaxSize(10)
        .map(parts -> String.join("", parts));
  }
}
