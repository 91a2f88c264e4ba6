package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value nested thousands of levels deep, built by locals that each wrap the one before, is an
 * error at the local that goes past 500 levels ({@code EVAL-E034}, exit 1) in every command, not a
 * stack overflow (exit 70). These run on the test JVM's default thread stack, as the CLI does.
 */
class DeepValueCliTest {
  @TempDir Path tmp;

  /** 14 locals of 150 brackets each, as the library review's few-locals.pkr.hcl. */
  private Path fewLocals() throws Exception {
    StringBuilder t = new StringBuilder("locals {\n  l0 = 1\n");
    for (int i = 1; i <= 14; i++) {
      t.append("  l").append(i).append(" = ").append("[".repeat(150)).append("local.l");
      t.append(i - 1).append("]".repeat(150)).append('\n');
    }
    t.append(
        """
        }
        source "azure-arm" "a" {
          subscription_id = "00000000-0000-0000-0000-000000000000"
          location = "westeurope"
          image_publisher = "Canonical"
          image_offer = "ubuntu"
          image_sku = "22_04-lts"
          os_type = "Linux"
          managed_image_name = "img"
          managed_image_resource_group_name = "rg"
        }
        build {
          sources = ["source.azure-arm.a"]
          provisioner "shell" {
            inline = ["echo hi"]
            environment_vars = local.l14
          }
        }
        """);
    Path p = tmp.resolve("few-locals.pkr.hcl");
    Files.writeString(p, t);
    return p;
  }

  @Test
  void everyCommandReportsTheLocalsThatNestTooDeeply() throws Exception {
    Path t = fewLocals();
    for (String[] args :
        new String[][] {
          {"convert", "-o", tmp.resolve("out").toString(), t.toString()},
          {"validate", t.toString()},
          {"inspect", t.toString()}
        }) {
      CliRun r = CliRun.run(args);
      assertFalse(r.err().contains("internal error"), r.err());
      assertEquals(1, r.exitCode(), r.err());
      // l4 (line 6) is the first past 500 levels; l8 and l12 build on its unknown again.
      for (String at : new String[] {"6:8", "10:8", "14:9"}) {
        assertTrue(
            r.err().contains("few-locals.pkr.hcl:" + at + ": error: Value too deeply nested"),
            r.err());
      }
    }
  }
}
