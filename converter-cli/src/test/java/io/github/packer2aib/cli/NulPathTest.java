package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NUL character in a path a template names (a script, a file, a file function's argument, a
 * settings file's variable file, a file's destination on the build VM): no file can have such a
 * name, and Java's paths refuse it with an exception. Likewise in an inline command, which no
 * script can hold. Each is a located error that shows the character escaped, never an internal
 * error, never the raw character on stderr, and never an image template that holds it.
 */
class NulPathTest {
  private static final String IDENTITY =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/"
          + "Microsoft.ManagedIdentity/userAssignedIdentities/aib";

  @TempDir Path tmp;

  private static final String SOURCE =
      "source \"azure-arm\" \"a\" {\n"
          + "  location                          = \"westeurope\"\n"
          + "  os_type                           = \"Linux\"\n"
          + "  subscription_id                   = \"0000\"\n"
          + "  image_publisher                   = \"Canonical\"\n"
          + "  image_offer                       = \"UbuntuServer\"\n"
          + "  image_sku                         = \"18.04-LTS\"\n"
          + "  managed_image_name                = \"img\"\n"
          + "  managed_image_resource_group_name = \"rg\"\n"
          + "}\n";

  private static String build(String provisioner) {
    return SOURCE
        + "build {\n"
        + "  sources = [\"source.azure-arm.a\"]\n"
        + "  provisioner "
        + provisioner
        + "\n}\n";
  }

  private Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static CliRun convert(Path input) {
    return CliRun.run("convert", "--identity", IDENTITY, input.toString());
  }

  /** Exit 1 with a located error; no internal error, no Java exception, no raw NUL. */
  private static void assertLocatedError(CliRun r, String located, String... details) {
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains(located), r.err());
    for (String d : details) {
      assertTrue(r.err().contains(d), "expected " + d + " in\n" + r.err());
    }
    assertFalse(r.err().contains("internal error"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(r.err().contains("\0"), "the raw NUL character is on stderr:\n" + r.err());
    assertEquals("", r.out());
  }

  @Test
  void aShellScriptPathWithANulCharacterIsALocatedError() throws Exception {
    Path t = write("t.pkr.hcl", build("\"shell\" {\n    script = \"scripts/a\\u0000b.sh\"\n  }"));
    assertLocatedError(
        convert(t),
        "t.pkr.hcl:14:14: error: Invalid value [PKRMAP-E106]",
        "\"scripts/a\\u0000b.sh\"",
        "NUL character");
  }

  @Test
  void aScriptsListEntryAndAFileSourceWithANulCharacterAreLocatedErrors() throws Exception {
    Path t =
        write(
            "t.pkr.hcl",
            build(
                "\"shell\" {\n    scripts = [\"a\\u0000.sh\"]\n  }\n"
                    + "  provisioner \"file\" {\n"
                    + "    source      = \"a\\u0000b\"\n"
                    + "    destination = \"/tmp/x\"\n"
                    + "  }"));
    assertLocatedError(
        convert(t),
        "t.pkr.hcl:14:15: error: Invalid value [PKRMAP-E106]",
        "t.pkr.hcl:17:19: error: Invalid value [PKRMAP-E106]",
        "\"a\\u0000b\"");
  }

  @Test
  void aLegacyScriptPathWithANulCharacterIsALocatedError() throws Exception {
    Path t =
        write(
            "t.json",
            "{\"builders\": [{\"type\": \"azure-arm\", \"location\": \"westeurope\","
                + " \"os_type\": \"Linux\", \"subscription_id\": \"0000\","
                + " \"image_publisher\": \"Canonical\", \"image_offer\": \"UbuntuServer\","
                + " \"image_sku\": \"18.04-LTS\", \"managed_image_name\": \"img\","
                + " \"managed_image_resource_group_name\": \"rg\"}],\n"
                + " \"provisioners\": [{\"type\": \"shell\", \"script\": \"a\\u0000b.sh\"}]}\n");
    assertLocatedError(
        convert(t), "t.json:2:47: error: Invalid value [PKRMAP-E106]", "\"a\\u0000b.sh\"");
  }

  @Test
  void aDestinationOrAnInlineCommandWithANulCharacterIsALocatedError() throws Exception {
    Path t =
        write(
            "t.pkr.hcl",
            build(
                "\"file\" {\n    content     = \"x\"\n    destination = \"/tmp/a\\u0000b\"\n  }\n"
                    + "  provisioner \"shell\" {\n"
                    + "    inline = [\"echo ok\", \"printf 'a\\u0000b'\"]\n"
                    + "  }"));
    assertLocatedError(
        convert(t),
        "t.pkr.hcl:15:19: error: Invalid value [PKRMAP-E106]",
        "The destination \"/tmp/a\\u0000b\" contains a NUL character (\\u0000), which no file"
            + " name can hold.",
        "t.pkr.hcl:18:26: error: Invalid value [PKRMAP-E106]",
        "Inline command 2 of 2, \"printf 'a\\u0000b'\", contains a NUL character (\\u0000).",
        "Bash refuses to run it");
  }

  @Test
  void fileContentAndEnvironmentValuesWithANulCharacterAreLocatedErrors() throws Exception {
    // Both go into a script the mapper writes (a here-document, an export line), which cannot
    // hold a NUL; the value is not quoted, as either may come from a secret. A variable's error
    // points at its entry (the list element, the key of env).
    Path t =
        write(
            "t.pkr.hcl",
            build(
                "\"file\" {\n    content     = \"a\\u0000b\"\n    destination = \"/tmp/a\"\n  }\n"
                    + "  provisioner \"shell\" {\n"
                    + "    environment_vars = [\"A=x\\u0000y\"]\n"
                    + "    env              = { B = \"\\u0000\" }\n"
                    + "    inline           = [\"echo $A $B\"]\n"
                    + "  }"));
    assertLocatedError(
        convert(t),
        "t.pkr.hcl:14:19: error: Invalid value [PKRMAP-E106]",
        "The content contains a NUL character (\\u0000) at character 2, and Image Builder gets it"
            + " into the VM only inside a Shell script, which cannot hold one. Put the content in a"
            + " file and upload it",
        "t.pkr.hcl:18:25: error: Invalid value [PKRMAP-E106]",
        "The value of A contains a NUL character (\\u0000) at character 2",
        "t.pkr.hcl:19:26: error: Invalid value [PKRMAP-E106]",
        "The value of B contains a NUL character (\\u0000) at character 1");
  }

  @Test
  void legacyWindowsDestinationsAndCommandsAreCheckedAlike() throws Exception {
    // Windows refuses every C0 control character in a file name, a tab included.
    Path t =
        write(
            "t.json",
            "{\"builders\": [{\"type\": \"azure-arm\", \"location\": \"westeurope\", \"os_type\":"
                + " \"Windows\", \"subscription_id\": \"0000\", \"image_publisher\":"
                + " \"MicrosoftWindowsServer\", \"image_offer\": \"WindowsServer\", \"image_sku\":"
                + " \"2022-datacenter\", \"managed_image_name\": \"img\","
                + " \"managed_image_resource_group_name\": \"rg\"}],\n"
                + " \"variables\": {\"x\": \"a\\u0000b\"},\n"
                + " \"provisioners\": [\n"
                + "  {\"type\": \"file\", \"content\": \"x\", \"destination\": \"C:/a\\tb.txt\"},\n"
                + "  {\"type\": \"file\", \"content\": \"x\", \"destination\": \"C:/a\\u0000b\"},\n"
                + "  {\"type\": \"powershell\", \"inline\": [\"Write-Host {{user `x`}}\"]}]}\n");
    assertLocatedError(
        convert(t),
        "t.json:4:51: error: Invalid value [PKRMAP-E106]",
        "The destination \"C:/a\\tb.txt\" contains a control character (\\t), which Windows does"
            + " not allow in file names.",
        "t.json:5:51: error: Invalid value [PKRMAP-E106]",
        "The destination \"C:/a\\u0000b\" contains a NUL character (\\u0000)",
        "t.json:6:37: error: Invalid value [PKRMAP-E106]",
        "Inline command 1, \"Write-Host a\\u0000b\", contains a NUL character (\\u0000).",
        "[char]0 in PowerShell");
  }

  @Test
  void fileFunctionsGiveAFunctionCallErrorForAPathWithANulCharacter() throws Exception {
    for (String call : new String[] {"file(\"a\\u0000b\")", "templatefile(\"a\\u0000b\", {})"}) {
      Path t = write("f.pkr.hcl", "locals {\n  x = " + call + "\n}\n");
      CliRun r = convert(t);
      assertLocatedError(
          r,
          "f.pkr.hcl:2:",
          "error: Invalid function argument [HCLFN-E001]",
          "Invalid value for \"path\" parameter: the path \"a\\u0000b\" contains a NUL character");
    }
    Path t = write("f.pkr.hcl", "locals {\n  x = fileexists(\"a\\u0000b\")\n}\n");
    assertLocatedError(
        convert(t),
        "f.pkr.hcl:2:",
        "f.pkr.hcl:2:18: error: Invalid function argument [HCLFN-E001]",
        "\"a\\u0000b\" contains a NUL character");
  }

  @Test
  void aBulkRunReportsTheTemplateAndGoesOn() throws Exception {
    write("repo/bad/t.pkr.hcl", build("\"shell\" {\n    script = \"a\\u0000b.sh\"\n  }"));
    write("repo/good/t.pkr.hcl", build("\"shell\" {\n    inline = [\"echo hi\"]\n  }"));
    CliRun r =
        CliRun.run(
            "convert",
            "-r",
            "-q",
            "--identity",
            IDENTITY,
            "-o",
            tmp.resolve("out").toString(),
            tmp.resolve("repo").toString());
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("[PKRMAP-E106]"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    assertFalse(r.err().contains("\0"), r.err());
    assertTrue(Files.isRegularFile(tmp.resolve("out/good/a.json")), r.err());
  }

  @Test
  void aVariableFileOfTheSettingsWithANulCharacterIsASettingsError() throws Exception {
    write("repo/t.pkr.hcl", build("\"shell\" {\n    inline = [\"echo hi\"]\n  }"));
    Path settings =
        write("settings.json", "{\"defaults\": {\"var-files\": [\"v\\u0000.pkrvars.hcl\"]}}\n");
    CliRun r =
        CliRun.run(
            "convert",
            "-r",
            "-q",
            "--identity",
            IDENTITY,
            "--settings",
            settings.toString(),
            "-o",
            tmp.resolve("out").toString(),
            tmp.resolve("repo").toString());
    assertTrue(r.exitCode() == 1 || r.exitCode() == 2, r.exitCode() + "\n" + r.err());
    assertTrue(
        r.err().contains("settings.json:1:29: error: Invalid file name [SET-E014]"), r.err());
    assertTrue(r.err().contains("\"v\\u0000.pkrvars.hcl\""), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    assertFalse(r.err().contains("\0"), r.err());
  }

  @Test
  void controlCharactersOfOtherMessagesAreShownEscaped() throws Exception {
    // A path with another control character can exist; when it does not, the message quotes it.
    Path t = write("t.pkr.hcl", build("\"shell\" {\n    script = \"a\\u0001\\u001b[2Jb.sh\"\n  }"));
    CliRun r = convert(t);
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().contains("[PKRMAP-E306]"), r.err());
    assertTrue(r.err().contains("a\\u0001\\u001b[2Jb.sh"), r.err());
    assertFalse(r.err().contains("\u0001") || r.err().contains("\u001b"), r.err());
  }
}
