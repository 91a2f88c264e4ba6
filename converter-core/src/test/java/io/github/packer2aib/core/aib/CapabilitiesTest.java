package io.github.packer2aib.core.aib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

  @Test
  void supportsFollowsTheTable() {
    assertTrue(Capabilities.supports("properties.optimize.vmBoot", ApiVersion.V2022_07_01));
    assertFalse(Capabilities.supports("properties.optimize.vmBoot", ApiVersion.V2022_02_14));
    assertTrue(Capabilities.supports("properties.source[ISO]", ApiVersion.V2019_05_01_PREVIEW));
    assertFalse(Capabilities.supports("properties.source[ISO]", ApiVersion.V2020_02_14));
  }

  @Test
  void documented2019FeaturesAreSupported() {
    for (String path :
        List.of(
            "properties.vmProfile.osDiskSizeGB",
            "properties.vmProfile.vnetConfig.subnetName",
            "properties.customize[WindowsUpdate]",
            "properties.customize[WindowsUpdate].updateLimit")) {
      assertTrue(Capabilities.supports(path, ApiVersion.V2019_05_01_PREVIEW), path);
      assertEquals(
          List.of(ApiVersion.V2019_05_01_PREVIEW),
          Capabilities.feature(path).orElseThrow().documentedOnly(),
          path);
    }
    assertFalse(
        Capabilities.supports(
            "properties.vmProfile.vnetConfig.subnetId", ApiVersion.V2019_05_01_PREVIEW));
  }

  @Test
  void subtypeMembersFallBackToTheBase() {
    assertEquals(
        Optional.of("properties.customize.name"),
        Capabilities.feature("properties.customize[Shell].name").map(Capabilities.Feature::path));
    assertEquals(
        Optional.of("properties.distribute[SharedImage].versioning.scheme"),
        Capabilities.feature("properties.distribute[SharedImage].versioning[Latest].scheme")
            .map(Capabilities.Feature::path));
    assertEquals(Optional.empty(), Capabilities.feature("properties.customize[Shell].nope"));
  }

  @Test
  void unknownPathIsABugInTheCaller() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Capabilities.supports("properties.nope", ApiVersion.DEFAULT));
    assertEquals("no capability entry for properties.nope", e.getMessage());
    assertEquals(List.of(), Capabilities.versionsWith("properties.nope"));
  }

  @Test
  void versionsWithListsOldestFirst() {
    assertEquals(
        List.of(ApiVersion.V2024_02_01, ApiVersion.V2025_10_01),
        Capabilities.versionsWith("properties.autoRun"));
  }

  @Test
  void describeAvailability() {
    assertEquals("from 2022-07-01", Capabilities.describeAvailability("properties.optimize"));
    assertEquals(
        "only in 2019-05-01-preview", Capabilities.describeAvailability("properties.source[ISO]"));
    assertEquals(
        "only in 2025-10-01", Capabilities.describeAvailability("properties.additionalDataDisks"));
    assertEquals(
        "up to 2022-02-14",
        Capabilities.describeAvailability(
            "properties.distribute[SharedImage].replicationRegions@required"));
    assertEquals("in every API version", Capabilities.describeAvailability("properties.source"));
    // 2019-05-01-preview has WindowsUpdate by its documentation, so it is in every version.
    assertEquals(
        "in every API version",
        Capabilities.describeAvailability("properties.customize[WindowsUpdate]"));
    assertEquals(
        "from 2020-02-14",
        Capabilities.describeAvailability("properties.customize[PowerShell].runAsSystem"));
    assertEquals("in no API version", Capabilities.describeAvailability("properties.nope"));
    assertEquals(
        "from API version 2024-02-01",
        Capabilities.describeAvailabilityInApiVersions(
            "properties.vmProfile.vnetConfig.containerInstanceSubnetId"));
    assertEquals(
        "in API versions 2020-02-14 to 2022-02-14",
        Capabilities.describe(
            List.of(ApiVersion.V2020_02_14, ApiVersion.V2021_10_01, ApiVersion.V2022_02_14), true));
    assertEquals(
        "in 2019-05-01-preview, 2022-07-01 and 2025-10-01",
        Capabilities.describe(
            List.of(ApiVersion.V2019_05_01_PREVIEW, ApiVersion.V2022_07_01, ApiVersion.V2025_10_01),
            false));
    assertEquals(
        "every API version",
        Capabilities.describe(List.of(ApiVersion.values()), true).substring(3));
  }

  @Test
  void tableHasNoDuplicatesAndDocumentedVersionsAreSupported() {
    List<Capabilities.Feature> all = Capabilities.features();
    assertEquals(all.size(), all.stream().map(Capabilities.Feature::path).distinct().count());
    for (Capabilities.Feature f : all) {
      assertTrue(f.versions().containsAll(f.documentedOnly()), f.path());
    }
  }
}
