package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The working directory as Packer names it: Go's os.Getwd gives $PWD when it is absolute and the
 * same folder, so run from {@code link -> real} Packer 1.6.6 printed {@code .../link} for {@code
 * {{pwd}}} and {@code {{template_dir}}} where packer2aib printed {@code .../real} (Java's user.dir
 * is the physical folder; review 29, gotpl F4). The link here leads to this test's own working
 * directory, which a test cannot change.
 */
class WorkingDirectoryTest {
  @TempDir Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();

  private Path link;

  @BeforeEach
  void linkToTheWorkingDirectory() throws IOException {
    assumeTrue(File.separatorChar == '/', "Go reads $PWD on Unix only");
    link = Files.createSymbolicLink(tmp.resolve("link"), WorkingDirectory.physical());
  }

  @Test
  void pwdNamesTheWorkingDirectoryWhenItIsTheSameFolder() {
    Path physical = WorkingDirectory.physical();
    assertEquals(link, WorkingDirectory.shown(Map.of("PWD", link.toString())));
    assertEquals(physical, WorkingDirectory.shown(Map.of()));
    // Another folder, a relative name, a folder that is not there: the physical folder, as Go.
    assertEquals(physical, WorkingDirectory.shown(Map.of("PWD", tmp.toString())));
    assertEquals(physical, WorkingDirectory.shown(Map.of("PWD", "link")));
    assertEquals(physical, WorkingDirectory.shown(Map.of("PWD", tmp.resolve("gone").toString())));
  }

  @Test
  void legacyPwdAndTemplateDirFollowPwd() throws Exception {
    Path t =
        Templates.write(
            tmp,
            "t.json",
            "{\"builders\": [{\"type\": \"null\", \"communicator\": \"none\"}], \"provisioners\":"
                + " [{\"type\": \"shell-local\", \"inline\": [\"{{pwd}}\","
                + " \"{{template_dir}}\"]}]}");
    // Named relative to the working directory, as "packer build ../t.json" names it: Go's
    // filepath.Abs joins it to $PWD and cleans the result.
    String relative = WorkingDirectory.physical().relativize(t).toString();

    CliRun r = CliRun.with().env(Map.of("PWD", link.toString())).run("inspect", relative);

    assertEquals(0, r.exitCode(), r.err());
    JsonNode inline = provisionerSettings(r.out()).get("inline");
    assertEquals(link.toString(), inline.get(0).asText());
    assertEquals(link.resolve(relative).normalize().getParent().toString(), inline.get(1).asText());

    CliRun plain = CliRun.run("inspect", relative);
    JsonNode physical = provisionerSettings(plain.out()).get("inline");
    assertEquals(WorkingDirectory.physical().toString(), physical.get(0).asText());
    assertEquals(tmp.toString(), physical.get(1).asText());
  }

  @Test
  void hcl2PathCwdAndAbspathFollowPwd() throws Exception {
    Path t =
        Templates.write(
            tmp,
            "t.pkr.hcl",
            String.join(
                "\n",
                "source \"null\" \"n\" {",
                "  communicator = \"none\"",
                "}",
                "build {",
                "  sources = [\"source.null.n\"]",
                "  provisioner \"shell-local\" {",
                "    inline = [path.cwd, abspath(\"x\"), \"{{pwd}}\"]",
                "  }",
                "}",
                ""));

    CliRun r = CliRun.with().env(Map.of("PWD", link.toString())).run("inspect", t.toString());

    assertEquals(0, r.exitCode(), r.err());
    JsonNode inline = provisionerSettings(r.out()).get("inline");
    assertEquals(link.toString(), inline.get(0).asText());
    assertEquals(link.resolve("x").toString(), inline.get(1).asText());
    assertEquals(link.toString(), inline.get(2).asText());
  }

  private static JsonNode provisionerSettings(String model) throws IOException {
    return JSON.readTree(model).get("builds").get(0).get("provisioners").get(0).get("settings");
  }
}
