package io.github.packer2aib.cli;

import static io.github.packer2aib.cli.BulkTrees.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --location} is written into the templates of sources without a location as it is given, so
 * it is read as the Azure plugin reads a template's location (lower case, no spaces), and a value
 * no region can have is a usage error rather than a template Azure refuses at deployment.
 */
class LocationOptionTest {
  private static final String TEMPLATE =
      """
      source "azure-arm" "u" {
        os_type                           = "Linux"
        image_publisher                   = "Canonical"
        image_offer                       = "0001-com-ubuntu-server-jammy"
        image_sku                         = "22_04-lts-gen2"
        vm_size                           = "Standard_D2s_v3"
        subscription_id                   = "00000000-0000-0000-0000-000000000001"
        managed_image_name                = "img"
        managed_image_resource_group_name = "rg"
        build_resource_group_name         = "rg"
      }
      build { sources = ["source.azure-arm.u"] }
      """;

  @TempDir Path tmp;

  @Test
  void aRegionsDisplayNameIsWrittenAsItsName() {
    String hcl = put(tmp, "t/t.pkr.hcl", TEMPLATE).toString();
    CliRun run = CliRun.run("convert", "-q", "--location", "West Europe", hcl);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("\"location\": \"westeurope\""), run.out());
    assertTrue(!run.out().contains("West Europe"), run.out());
  }

  @Test
  void aValueNoRegionHasIsAUsageError() {
    String hcl = put(tmp, "t/t.pkr.hcl", TEMPLATE).toString();
    CliRun run = CliRun.run("convert", "--location", "[\"westeurope\"]", hcl);
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .startsWith(
                "error: Invalid value for option '--location': expected a region such as"
                    + " westeurope (letters and digits; spaces and upper case are taken out), not"
                    + " '[\"westeurope\"]'"),
        run.err());
    assertEquals("", run.out());
  }
}
