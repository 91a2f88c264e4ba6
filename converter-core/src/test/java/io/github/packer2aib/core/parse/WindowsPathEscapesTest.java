package io.github.packer2aib.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows paths in double-quoted strings whose backslashes were read as escapes. */
class WindowsPathEscapesTest {

  private static List<Diagnostic> read(String name, String text) {
    SourceFile file = new SourceFile(name, text);
    ParseResult parsed = DocReader.read(file);
    assertEquals(List.of(), parsed.diagnostics());
    return WindowsPathEscapes.check(file, parsed.documents().get(0), "");
  }

  private static String render(Diagnostic d) {
    return d.code()
        + " @"
        + d.subject().orElseThrow()
        + " "
        + d.path().orElse("")
        + ": "
        + d.detail();
  }

  @Test
  void yamlPathWithTabAndLineBreakEscapes() {
    List<Diagnostic> d = read("t.yaml", "steps:\n  - dest: \"C:\\temp\\new.txt\"\n");
    assertEquals(1, d.size(), d::toString);
    assertEquals(
        "YAML-W103 @t.yaml:2:14 /steps/0/dest: In a double-quoted string a backslash starts an"
            + " escape, so \\t in this Windows path is read as a tab, not as a backslash and"
            + " \"t\". Write each backslash twice (\"C:\\\\temp\\\\new.txt\"), or put the path in"
            + " single quotes, which keep backslashes.",
        render(d.get(0)));
  }

  @Test
  void yamlProgramFilesIsAParagraphSeparator() {
    List<Diagnostic> d = read("t.yaml", "a: \"C:\\Program Files\\Nginx\"\n");
    assertEquals(1, d.size(), d::toString);
    assertEquals("YAML-W103", d.get(0).code());
    assertEquals(
        true, d.get(0).detail().contains("\\P in this Windows path is read as a paragraph"));
  }

  @Test
  void lowerCaseDriveStartingAPathOfTwoSegments() {
    List<Diagnostic> d = read("t.yaml", "dest: \"c:\\temp\\new.json\"\n");
    assertEquals(1, d.size(), d::toString);
    assertEquals(true, d.get(0).detail().contains("\\t in this Windows path is read as a tab"));
    assertEquals(1, read("t.json", "{\"a\": \"d:\\build\\run.ps1\"}").size());
    // Text, not a path: the drive does not start the string, it has one segment, or the first
    // segment holds a colon (keys and line breaks).
    assertEquals(List.of(), read("t.yaml", "a: \"see c:\\temp\\new.txt\"\n"));
    assertEquals(List.of(), read("t.yaml", "a: \"c:\\temp\"\n"));
    assertEquals(List.of(), read("t.yaml", "a: \"a:\\nb:\\nc\"\n"));
  }

  @Test
  void jsonPathWithEscapes() {
    List<Diagnostic> d = read("t.json", "{\"destination\": \"D:\\build\\run.ps1\"}");
    assertEquals(1, d.size(), d::toString);
    assertEquals(
        "JSON-W102 @t.json:1:20 /destination: In a double-quoted string a backslash starts an"
            + " escape, so \\b in this Windows path is read as a backspace, not as a backslash and"
            + " \"b\". Write each backslash twice (\"D:\\\\build\\\\run.ps1\").",
        render(d.get(0)));
  }

  @Test
  void escapedBackslashesSingleQuotesAndTextWithoutADriveAreFine() {
    assertEquals(List.of(), read("t.yaml", "a: \"C:\\\\temp\\\\new.txt\"\n"));
    assertEquals(List.of(), read("t.yaml", "a: 'C:\\temp\\new.txt'\n"));
    assertEquals(List.of(), read("t.yaml", "a: C:\\temp\\new.txt\n"));
    assertEquals(List.of(), read("t.yaml", "a: \"echo one\\ntwo\\tthree\"\n"));
    // An author who escapes one backslash means the \n beside it.
    assertEquals(List.of(), read("t.yaml", "a: \"copy C:\\\\a.txt D:\\\\\\nexit\"\n"));
    assertEquals(List.of(), read("t.json", "{\"a\": \"C:\\\\temp\\\\new.txt\"}"));
    // A key and a line break, not a drive: drives are upper-case letters standing alone.
    assertEquals(List.of(), read("t.yaml", "a: \"printf 'a:\\nb'\"\n"));
    assertEquals(List.of(), read("t.yaml", "a: \"Result:\\nX:\\n\"\n"));
    assertEquals(List.of(), read("t.json", "{\"content\": \"a:\\na\"}"));
    // JSON has no \a or \e: those are syntax errors there, not escapes to warn about.
    assertEquals(List.of(), read("t.json", "{\"a\": \"C:\\\\x\", \"b\": \"x\\ty\"}"));
  }

  @Test
  void aDriveThatEndsALineOfAScriptIsNoPath() {
    // As convert writes a YAML literal block or a heredoc: "Set-Location D:" is a line of its own.
    assertEquals(List.of(), read("t.json", "{\"a\": \"Set-Location D:\\nGet-ChildItem\\n\"}"));
    assertEquals(List.of(), read("t.json", "{\"a\": \"Write-Host phase A:\\n\"}"));
    assertEquals(List.of(), read("t.json", "{\"a\": \"Set-Location D:\\r\\nGet-ChildItem\"}"));
    assertEquals(List.of(), read("t.yaml", "a: \"Set-Location D:\\nGet-ChildItem\\n\"\n"));
  }

  @Test
  void aPathWhoseFirstSegmentStartsWithNOrRIsStillOne() {
    List<Diagnostic> d = read("t.json", "{\"a\": \"C:\\new\"}");
    assertEquals(1, d.size(), d::toString);
    assertEquals(
        "JSON-W102 @t.json:1:10 /a: In a double-quoted string a backslash starts an escape, so"
            + " \\n in this Windows path is read as a line break, not as a backslash and \"n\"."
            + " Write each backslash twice (\"C:\\\\new\").",
        render(d.get(0)));
    assertEquals(1, read("t.json", "{\"a\": \"C:\\readme.txt\"}").size());
    // A line that ends in a drive does not hide a path on another line; the warning is at the
    // path's escape.
    d = read("t.json", "{\"a\": \"cd D:\\ncopy C:\\temp x\\n\"}");
    assertEquals(1, d.size(), d::toString);
    assertEquals("t.json:1:22", d.get(0).subject().orElseThrow().toString());
  }
}
