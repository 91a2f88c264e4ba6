package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress bar and lines of {@code convert -r}, driven by a fake clock (nanoseconds). */
class ProgressTest {
  private static final long S = 1_000_000_000L;

  @Test
  void theBarIsRedrawnInPlaceAtMostTenTimesASecondAndClearedForDiagnostics() {
    StringWriter text = new StringWriter();
    Progress p = new Progress(new PrintWriter(text), Progress.Mode.BAR, 10, 0);

    p.update(1, S / 2);
    p.update(2, S / 2 + S / 20); // within 100 ms of the last draw: not drawn
    p.update(5, 2 * S);
    p.clear();
    p.redraw(2 * S);
    p.finish(4 * S);

    String first = "[##                      ] 1/10 (10%), 2.0/s, elapsed 0:01, ETA 0:05";
    String second = "[############            ] 5/10 (50%), 2.5/s, elapsed 0:02, ETA 0:02";
    String blank = " ".repeat(second.length());
    assertEquals(
        "\r" + first + "\r" + second + "\r" + blank + "\r" + "\r" + second + "\r" + blank + "\r",
        text.toString());
  }

  @Test
  void linesArePrintedAtEveryTenthAndAtTheEnd() {
    StringWriter text = new StringWriter();
    Progress p = new Progress(new PrintWriter(text), Progress.Mode.LINES, 20, 0);

    for (int done = 1; done <= 20; done++) {
      p.update(done, done * S);
    }
    p.finish(20 * S);

    String[] lines = text.toString().split("\n");
    assertEquals(10, lines.length);
    assertEquals("progress: 2/20 (10%), 1.0/s, elapsed 0:02, ETA 0:18", lines[0]);
    assertEquals("progress: 18/20 (90%), 1.0/s, elapsed 0:18, ETA 0:02", lines[8]);
    assertEquals("progress: 20/20 (100%), 1.0/s, elapsed 0:20, ETA 0:00", lines[9]);
  }

  @Test
  void stderrIsATerminalWhenItsLinkLeadsToOne(@TempDir Path tmp) throws IOException {
    // Stand-ins for /proc/self/fd/2.
    Map<String, Boolean> targets =
        Map.of(
            "/dev/pts/3", true,
            "/dev/tty1", true,
            "/dev/console", true,
            "/dev/null", false,
            "pipe:[4242]", false,
            "/tmp/e.txt", false);
    int i = 0;
    for (Map.Entry<String, Boolean> t : targets.entrySet()) {
      Path link = Files.createSymbolicLink(tmp.resolve("fd" + i++), Path.of(t.getKey()));
      assertEquals(Optional.of(t.getValue()), ErrorTerminal.isTerminal(link), t.getKey());
    }
    assertEquals(Optional.empty(), ErrorTerminal.isTerminal(tmp.resolve("none")));
  }

  @Test
  void stderrIntoAFileFromATerminalGetsLinesNotTheBar(@TempDir Path tmp) throws Exception {
    // stdin and stdout on a terminal made System.console() answer, and 2> log filled the log with
    // \r redraws. script(1) gives the child a terminal.
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "no script(1)");
    assumeTrue(Files.isSymbolicLink(Path.of("/proc/self/fd/2")), "no /proc");
    Templates.write(tmp.resolve("in"), "a.json", Templates.VALID_AIB);
    Path log = tmp.resolve("err.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        String.join(
            " ",
            List.of(
                quote(java),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                quote(System.getProperty("java.class.path")),
                Main.class.getName(),
                "convert",
                "-r",
                quote(tmp.resolve("in").toString()),
                "-o",
                quote(tmp.resolve("out").toString()),
                "2>" + quote(log.toString())));
    Process p =
        new ProcessBuilder("/usr/bin/script", "-qec", command, "/dev/null")
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running");

    assertEquals(0, p.exitValue(), output);
    String err = Files.readString(log);
    assertTrue(err.contains("progress: 1/1 (100%)"), err);
    assertFalse(err.contains("\r"), err);
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  @Test
  void autoIsABarOnlyOnARealTerminal() {
    assertEquals(Progress.Mode.BAR, Progress.resolve(Progress.Mode.AUTO, true, "xterm"));
    assertEquals(Progress.Mode.LINES, Progress.resolve(Progress.Mode.AUTO, true, "dumb"));
    assertEquals(Progress.Mode.LINES, Progress.resolve(Progress.Mode.AUTO, false, "xterm"));
    assertEquals(Progress.Mode.NONE, Progress.resolve(Progress.Mode.NONE, true, "xterm"));
  }

  @Test
  void durationsReadAsClockTimes() {
    assertEquals("0:07", Progress.duration(7));
    assertEquals("2:05", Progress.duration(125));
    assertEquals("1:00:01", Progress.duration(3601));
  }

  @Test
  void theBarFitsEightyColumnsForLongRuns() {
    StringWriter text = new StringWriter();
    Progress p = new Progress(new PrintWriter(text), Progress.Mode.BAR, 250_000, 0);

    p.update(123_456, 4_000 * S); // over an hour: the durations take h:mm:ss
    p.update(249_999, 8_000 * S);

    String[] drawn = text.toString().split("\r");
    assertEquals(3, drawn.length);
    for (String line : List.of(drawn[1], drawn[2])) {
      assertTrue(line.length() <= Progress.MAX_LINE, line);
    }
    assertEquals(
        "[#########          ] 123456/250000 (49%), 30.9/s, elapsed 1:06:40, ETA 1:08:20",
        drawn[1]);
  }

  @Test
  void aNarrowTerminalGetsAShorterLineNeverOneThatWraps() {
    // 72 columns: a narrower bar; 45: no bar, no time elapsed; 30: the count, share and rate;
    // 20: the count and share; 15: the count alone.
    List<String> expected =
        List.of(
            "[#####      ] 123456/250000 (49%), 30.9/s, elapsed 1:06:40, ETA 1:08:20",
            "123456/250000 (49%), 30.9/s, ETA 1:08:20",
            "123456/250000 (49%), 30.9/s",
            "123456/250000 (49%)",
            "123456/250000");
    List<Integer> columns = List.of(72, 45, 30, 20, 15);
    for (int i = 0; i < columns.size(); i++) {
      StringWriter text = new StringWriter();
      int line = Progress.lineFor(java.util.OptionalInt.of(columns.get(i)));
      Progress p = new Progress(new PrintWriter(text), Progress.Mode.BAR, 250_000, 0, line);

      p.update(123_456, 4_000 * S);

      String drawn = text.toString().split("\r")[1];
      assertEquals(expected.get(i), drawn, "columns " + columns.get(i));
      assertTrue(drawn.length() < columns.get(i), drawn);
    }
  }

  /**
   * A terminal of 12 columns got 20-character redraws, each leaving a line behind, and 20 columns
   * got figures cut inside a number ({@code 96/802 (11%), 121.2/}). Whatever the width, a redraw is
   * narrower than the terminal and made of whole figures; a terminal too narrow for the count gets
   * the progress lines.
   */
  @Test
  void everyRedrawIsNarrowerThanTheTerminalAndHoldsWholeFigures() {
    java.util.regex.Pattern whole =
        java.util.regex.Pattern.compile(
            "(\\[[# ]+\\] )?\\d+/\\d+( \\(\\d+%\\)(, \\d+\\.\\d/s(, elapsed [\\d:]+)?"
                + "(, ETA ([\\d:]+|-))?)?)?");
    for (int columns = 1; columns <= 90; columns++) {
      StringWriter text = new StringWriter();
      int line = Progress.lineFor(java.util.OptionalInt.of(columns));
      Progress p = new Progress(new PrintWriter(text), Progress.Mode.BAR, 802, 0, line);
      for (int done : new int[] {0, 7, 96, 401, 802}) {
        p.update(done, S / 10 + done * S / 100);
      }
      p.finish(10 * S);

      if (columns <= "802/802".length()) {
        assertFalse(p.drawsBar(), "columns " + columns);
        assertTrue(text.toString().startsWith("progress: 96/802 (11%), "), text.toString());
        assertFalse(text.toString().contains("\r"), text.toString());
        continue;
      }
      assertTrue(p.drawsBar(), "columns " + columns);
      for (String frame : text.toString().split("\r")) {
        String drawn = frame.stripTrailing();
        if (drawn.isEmpty()) {
          continue; // the start, or a clearing
        }
        assertTrue(frame.length() < columns, columns + " columns: '" + frame + "'");
        assertTrue(whole.matcher(drawn).matches(), columns + " columns: '" + drawn + "'");
      }
    }
    StringWriter twenty = new StringWriter();
    Progress p = new Progress(new PrintWriter(twenty), Progress.Mode.BAR, 802, 0, 19);
    p.update(96, S * 96 / 121);
    assertEquals("\r96/802 (11%)", twenty.toString());
  }

  @Test
  void aColumnCountIsAPositiveNumberOrNothing() {
    assertEquals(java.util.OptionalInt.of(132), TerminalColumns.parse("132"));
    assertEquals(
        java.util.OptionalInt.of(100), TerminalColumns.detect(java.util.Map.of("COLUMNS", "100")));
    for (String bad : new String[] {null, "", "0", "-5", "80x", "9999999", " 80"}) {
      assertEquals(java.util.OptionalInt.empty(), TerminalColumns.parse(bad), bad);
    }
  }
}
