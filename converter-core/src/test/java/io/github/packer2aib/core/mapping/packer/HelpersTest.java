package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.packer.UsageGlob;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Durations, base URIs, local paths, generalization detection, filters, names. */
class HelpersTest {

  @Test
  void packerVariablesShareThePrefixTheirPreCheckLooksFor() {
    for (String name : EnvVars.PACKER_VARIABLES) {
      assertTrue(name.startsWith(EnvVars.PACKER_PREFIX), name);
    }
  }

  @Test
  void aLongValueIsQuotedAroundItsBadCharacter() {
    String command = "echo " + "a".repeat(40) + "\0" + "b".repeat(40) + " \uD83D\uDE00";

    assertEquals(
        "\"…" + "a".repeat(24) + "\\u0000" + "b".repeat(24) + "…\"",
        UnfitCharacters.excerpt(command, command.indexOf('\0')));
    assertEquals("\"echo \\u0000\"", UnfitCharacters.excerpt("echo \0", 5));
    // Never half a surrogate pair at a cut.
    String emoji = "\uD83D\uDE00".repeat(20) + "\0";
    assertEquals(
        "\"…" + "\uD83D\uDE00".repeat(12) + "\\u0000\"",
        UnfitCharacters.excerpt(emoji, emoji.indexOf('\0')));
  }

  @Test
  void windowsDestinationsThatWindowsRefuses() {
    for (String fine :
        List.of(
            "C:\\Windows\\Temp\\a.txt",
            "C:/Windows/Temp/a.txt",
            "\\\\?\\C:\\temp\\a.txt",
            "temp\\a.txt",
            "C:\\temp\\..\\a.txt",
            "D:\\consoles\\nul-device.md")) {
      assertEquals(null, UnfitCharacters.windowsPathProblem(fine), fine);
    }
    assertEquals(
        "contains \"|\", which Windows does not allow in paths",
        UnfitCharacters.windowsPathProblem("C:\\temp\\a|b.txt"));
    assertEquals(
        "contains \":\", which Windows does not allow in paths",
        UnfitCharacters.windowsPathProblem("C:\\temp\\a:b"));
    assertEquals(
        "names the Windows device \"con.txt\", which cannot be a file or folder",
        UnfitCharacters.windowsPathProblem("C:\\temp\\con.txt"));
    assertEquals(
        "has the name \"dir.\", which ends in a dot or space that Windows drops",
        UnfitCharacters.windowsPathProblem("C:\\temp\\dir.\\a.txt"));
  }

  @Test
  void goDurations() {
    assertEquals(Optional.of(90_000_000_000L), GoDuration.parseNanos("1m30s"));
    assertEquals(Optional.of(5_400_000_000_000L), GoDuration.parseNanos("1h30m"));
    assertEquals(Optional.of(1_500_000_000L), GoDuration.parseNanos("1.5s"));
    assertEquals(Optional.of(300_000_000L), GoDuration.parseNanos("300ms"));
    assertEquals(Optional.of(0L), GoDuration.parseNanos("0"));
    assertEquals(Optional.empty(), GoDuration.parseNanos("10"));
    assertEquals(Optional.empty(), GoDuration.parseNanos("soon"));
    assertEquals(Optional.empty(), GoDuration.parseNanos(""));
    assertEquals(Optional.empty(), GoDuration.parseNanos("1..5s"));
    assertEquals(2, GoDuration.ceilSeconds(1_000_000_001L));
    assertEquals("1.5", Steps.seconds(1_500_000_000L));
    assertEquals("90", Steps.seconds(90_000_000_000L));
  }

  @Test
  void baseUris() {
    StringBuilder problem = new StringBuilder();
    BaseUri b =
        BaseUri.parse("--script-base-uri", "https://st.blob.core.windows.net/c", problem).get();
    assertEquals(
        "https://st.blob.core.windows.net/c/scripts/a%20b%23.sh", b.resolve("scripts/a b#.sh"));
    assertEquals(
        "https://x.example/p/caf%C3%A9.sh?v=1",
        BaseUri.parse("--script-base-uri", "https://x.example/p/?v=1", problem)
            .get()
            .resolve("café.sh"));
    assertTrue(problem.isEmpty());
    assertFalse(BaseUri.parse("--file-base-uri", "https://x/?sv=1&sig=abc", problem).isPresent());
    assertTrue(problem.toString().contains("SAS signature"));
    assertFalse(problem.toString().contains("abc"));
    // Any case: the service rule and the masking of source lines see SIG= as a signature too.
    assertFalse(
        BaseUri.parse("--file-base-uri", "https://x/?SV=1&SIG=abc", new StringBuilder())
            .isPresent());
    assertTrue(
        BaseUri.parse("--file-base-uri", "https://x/sig=/?design=1", new StringBuilder())
            .isPresent(),
        "only the query is searched");
    StringBuilder userInfo = new StringBuilder();
    assertFalse(
        BaseUri.parse("--file-base-uri", "https://me:pw1@st.example/c/", userInfo).isPresent());
    assertTrue(userInfo.toString().contains("user name or password"), userInfo.toString());
    assertFalse(userInfo.toString().contains("pw1"), userInfo.toString());
    assertTrue(
        BaseUri.parse("--file-base-uri", "https://st.example/c/@scripts/", new StringBuilder())
            .isPresent(),
        "an @ in the path is a path");
    assertFalse(BaseUri.parse("--file-base-uri", "/local/path", new StringBuilder()).isPresent());
  }

  @Test
  void localPaths() {
    assertEquals("/a/c", LocalFiles.normalize("/a/./b/../c/"));
    assertEquals("/", LocalFiles.normalize("/.."));
    assertEquals("../x", LocalFiles.normalize("../x"));
    assertEquals("setup.ps1", LocalFiles.fileName("C:\\scripts\\setup.ps1"));
    assertTrue(LocalFiles.isAbsolute("C:/x"));
    MemoryFiles fs =
        MemoryFiles.empty()
            .text("scripts/a.sh", "a")
            .text("/work/b.sh", "b")
            .text("/elsewhere/c.sh", "c");
    LocalFiles files = new LocalFiles(fs, "templates/template.pkr.hcl", Optional.empty());
    assertEquals("/work/templates", files.templateFolder());
    assertEquals(
        new LocalFiles.Resolved("/work/templates/scripts/a.sh", FileSystemView.Kind.FILE, false),
        files.resolve("scripts/a.sh"));
    assertEquals(
        new LocalFiles.Resolved("/work/b.sh", FileSystemView.Kind.FILE, true),
        files.resolve("b.sh"));
    assertEquals(FileSystemView.Kind.MISSING, files.resolve("none.sh").kind());
    assertEquals("scripts/a.sh", files.uploadPath("/work/templates/scripts/a.sh"));
    assertEquals("c.sh", files.uploadPath("/elsewhere/c.sh"));
    LocalFiles rooted = new LocalFiles(fs, "templates", Optional.of("/work"));
    assertEquals("/work/templates", rooted.templateFolder());
    assertEquals("templates/scripts/a.sh", rooted.uploadPath("/work/templates/scripts/a.sh"));
  }

  @Test
  void textDetection() {
    assertTrue(LocalFiles.isText("héllo\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertFalse(LocalFiles.isText(new byte[] {'a', 0}));
    assertFalse(LocalFiles.isText(new byte[] {(byte) 0xC3}));
  }

  @Test
  void generalizationDetection() {
    CommandLanguage sh = CommandLanguage.POSIX_SHELL;
    CommandLanguage ps = CommandLanguage.POWERSHELL;
    assertTrue(
        Generalization.generalizes(List.of("/usr/sbin/waagent -force -deprovision+user"), sh));
    assertTrue(
        Generalization.generalizes(
            List.of("& $env:SystemRoot\\System32\\Sysprep\\Sysprep.exe /oobe /generalize /quit"),
            ps));
    assertTrue(Generalization.generalizes(List.of(MappingCases.WAIT_LOOP), ps));
    assertFalse(Generalization.generalizes(List.of("echo sysprep is done later"), sh));
    assertFalse(
        Generalization.generalizes(List.of("Get-ItemProperty ImageState", "Remove-Item x"), ps));
    assertTrue(
        Generalization.isDefault(
            List.of("sudo /usr/sbin/waagent -force -deprovision+user && export HISTSIZE=0 && sync"),
            CommandLanguage.POSIX_SHELL));
    assertTrue(
        Generalization.isDefault(
            List.of(
                "& $env:SystemRoot\\System32\\Sysprep\\Sysprep.exe /oobe /generalize /quiet /quit",
                MappingCases.WAIT_LOOP),
            CommandLanguage.POWERSHELL));
    assertFalse(
        Generalization.isDefault(
            List.of("& C:\\Windows\\System32\\Sysprep\\Sysprep.exe /oobe /generalize /mode:vm"),
            CommandLanguage.POWERSHELL));
    assertFalse(
        Generalization.isDefault(
            List.of("waagent -force -deprovision"), CommandLanguage.POSIX_SHELL));
    assertFalse(
        Generalization.isDefault(
            List.of("rm -rf /tmp/*", "waagent -force -deprovision+user"),
            CommandLanguage.POSIX_SHELL));
  }

  @Test
  void filters() {
    assertTrue(UsageGlob.matches("azure-arm.*", List.of("azure-arm.ubuntu")));
    assertTrue(UsageGlob.matches("b.azure-arm.u?untu", List.of("b.azure-arm.ubuntu")));
    assertFalse(UsageGlob.matches("azure-arm.ubuntu", List.of("azure-arm.ubuntu2")));
    assertTrue(UsageFilter.applies(List.of(), List.of(), "x"));
    assertFalse(UsageFilter.applies(List.of("y"), List.of(), "x"));
    assertFalse(UsageFilter.applies(List.of(), List.of("x"), "x"));
  }

  @Test
  void names() {
    assertEquals("ubuntu-22.04", TemplateNames.clean("ubuntu 22.04", "t"));
    assertEquals("t", TemplateNames.clean("", "t"));
    assertEquals("bild-uber-strasse", TemplateNames.clean("bild-über-straße", "t"));
    assertEquals(64, TemplateNames.clean("x".repeat(80), "t").length());
    assertEquals("a, b and c", Words.and(List.of("a", "b", "c")));
    assertEquals("vm_size", Words.closest("vm_szie", List.of("location", "vm_size")));
  }
}
