package io.github.packer2aib.core.mapping.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names joined into resource ids keep Azure's rules, and those the Azure plugin checks keep its own
 * ({@link ResourceName}): a {@code /} made an id name another resource, and other names gave ids
 * Azure refuses only when it met them, after the build for a target (review).
 */
class ResourceNamesTest {

  private static List<String> invalid(MapResult r) {
    return r.diagnostics().stream()
        .filter(d -> d.code().equals("PKRMAP-E106"))
        .map(Diagnostic::detail)
        .toList();
  }

  private static MapResult hcl(String more) {
    return LoadAndMap.map(
        "t.pkr.hcl",
        LoadAndMap.linuxSource("u", more) + "build {\n  sources = [\"source.azure-arm.u\"]\n}\n");
  }

  /** A source like {@link LoadAndMap#linuxSource} whose image is {@code image} (lines). */
  private static MapResult withSource(String image) {
    String source =
        LoadAndMap.linuxSource("u", image)
            .replace("  image_publisher = \"Canonical\"\n", "")
            .replace("  image_offer = \"0001-com-ubuntu-server-jammy\"\n", "")
            .replace("  image_sku = \"22_04-lts-gen2\"\n", "");
    return LoadAndMap.map(
        "t.pkr.hcl", source + "build {\n  sources = [\"source.azure-arm.u\"]\n}\n");
  }

  @Test
  void theRulesOfEachKind() {
    assertTrue(ResourceName.PLUGIN_RESOURCE_GROUP.fits("rg-images_1(x)"));
    assertFalse(ResourceName.PLUGIN_RESOURCE_GROUP.fits("_rg"), "the plugin's first character");
    assertFalse(ResourceName.PLUGIN_RESOURCE_GROUP.fits("rg-"));
    assertFalse(ResourceName.PLUGIN_RESOURCE_GROUP.fits("rg img"));
    assertFalse(ResourceName.PLUGIN_RESOURCE_GROUP.fits("gruppe-ü"), "Go's \\w is ASCII");
    assertFalse(ResourceName.PLUGIN_RESOURCE_GROUP.fits("r".repeat(91)));

    assertTrue(ResourceName.RESOURCE_GROUP.fits("_rg-"), "Azure takes what the plugin does not");
    assertTrue(ResourceName.RESOURCE_GROUP.fits("gruppe-ü"), "Unicode letters");
    assertFalse(ResourceName.RESOURCE_GROUP.fits("rg."));
    assertFalse(ResourceName.RESOURCE_GROUP.fits("rg/providers/x"));
    assertFalse(ResourceName.RESOURCE_GROUP.fits("rg net"));
    assertTrue(ResourceName.RESOURCE_GROUP.fits("r".repeat(90)));
    assertFalse(ResourceName.RESOURCE_GROUP.fits("r".repeat(91)));

    assertTrue(ResourceName.GALLERY.fits("gallery_1.prod"));
    assertFalse(ResourceName.GALLERY.fits("my-gallery"), "no hyphen in a gallery's name");
    assertFalse(ResourceName.GALLERY.fits("gallery."));
    assertTrue(ResourceName.GALLERY_IMAGE.fits("ubuntu-22.04_gen2"));
    assertFalse(ResourceName.GALLERY_IMAGE.fits("ubuntu-"));
    assertFalse(ResourceName.GALLERY_IMAGE.fits("-ubuntu"));

    assertTrue(ResourceName.IMAGE.fits("golden_ubuntu-1.0_"));
    assertFalse(ResourceName.IMAGE.fits("golden."));
    assertFalse(ResourceName.IMAGE.fits("_golden"));

    assertTrue(ResourceName.VIRTUAL_NETWORK.fits("_vnet.build-1_"));
    assertTrue(ResourceName.VIRTUAL_NETWORK.fits("v".repeat(80)), "the provider's 80, not 64");
    assertFalse(ResourceName.VIRTUAL_NETWORK.fits("v".repeat(81)));
    assertFalse(ResourceName.SUBNET.fits("snet-"));
    assertFalse(ResourceName.SUBNET.fits("a b"));

    assertTrue(ResourceName.STORAGE_ACCOUNT.fits("stimages01"));
    assertFalse(ResourceName.STORAGE_ACCOUNT.fits("StImages"));
    assertFalse(ResourceName.STORAGE_ACCOUNT.fits("st"));

    assertTrue(ResourceName.CAPTURE_CONTAINER.fits("images-1"));
    assertFalse(ResourceName.CAPTURE_CONTAINER.fits("Images"));
    assertFalse(ResourceName.CAPTURE_CONTAINER.fits("im--ages"));
    assertFalse(ResourceName.CAPTURE_CONTAINER.fits("images-"));
    assertFalse(ResourceName.CAPTURE_CONTAINER.fits("im"));
  }

  @Test
  void aSlashInANameIsRefusedAndSaidToChangeTheId() {
    MapResult r =
        hcl(
            "  virtual_network_name = \"vn/subnets/a\"\n"
                + "  virtual_network_subnet_name = \"sn\"\n"
                + "  virtual_network_resource_group_name = \"rg-net\"\n");
    List<String> e = invalid(r);
    assertEquals(1, e.size(), r.diagnostics()::toString);
    assertTrue(e.get(0).startsWith("virtual_network_name is \"vn/subnets/a\", but "), e.get(0));
    assertTrue(e.get(0).contains("its / would make the id name another resource"), e.get(0));
    assertTrue(r.templates().isEmpty());
  }

  @Test
  void theStagingGroupIsCheckedAsThePluginChecksItEvenWhereItIsDropped() {
    // Before 2022-02-14 the group is dropped (W114), but Packer refuses its name all the same.
    MapResult r =
        LoadAndMap.map(
            "t.pkr.hcl",
            LoadAndMap.linuxSource("u", "  temp_resource_group_name = \"_temp\"\n")
                + "build {\n  sources = [\"source.azure-arm.u\"]\n}\n",
            MappingCases.opts()
                .withApiVersion(io.github.packer2aib.core.aib.ApiVersion.V2021_10_01));
    List<String> e = invalid(r);
    assertEquals(1, e.size(), r.diagnostics()::toString);
    assertTrue(e.get(0).contains("Packer refuses the template"), e.get(0));
  }

  @Test
  void anUnusedManagedImageGroupIsCheckedToo() {
    // Without managed_image_name the plugin makes no managed image, but still checks the group.
    String source =
        LoadAndMap.linuxSource(
                "u",
                "  shared_image_gallery_destination {\n"
                    + "    resource_group = \"rg-gallery\"\n"
                    + "    gallery_name = \"gallery\"\n"
                    + "    image_name = \"ubuntu\"\n"
                    + "    image_version = \"1.0.0\"\n"
                    + "  }\n")
            .replace("  managed_image_name = \"ubuntu-base\"\n", "")
            .replace("\"rg-images\"", "\"rg images\"");
    MapResult r =
        LoadAndMap.map("t.pkr.hcl", source + "build {\n  sources = [\"source.azure-arm.u\"]\n}\n");
    List<String> e = invalid(r);
    assertEquals(1, e.size(), r.diagnostics()::toString);
    assertTrue(e.get(0).startsWith("managed_image_resource_group_name is \"rg images\""), e.get(0));
  }

  @Test
  void theSourceImagesNamesAreChecked() {
    MapResult managed =
        withSource(
            "  custom_managed_image_name = \"golden/x\"\n"
                + "  custom_managed_image_resource_group_name = \"rg golden\"\n");
    List<String> e = invalid(managed);
    assertEquals(2, e.size(), managed.diagnostics()::toString);
    assertTrue(e.get(0).contains("so no image has that name"), e.get(0));
    assertTrue(e.get(1).contains("so no resource group has that name"), e.get(1));

    MapResult gallery =
        withSource(
            "  shared_image_gallery {\n"
                + "    subscription = \"00000000-0000-0000-0000-000000000001\"\n"
                + "    resource_group = \"rg-gallery\"\n"
                + "    gallery_name = \"my-gallery\"\n"
                + "    image_name = \"ubuntu\"\n"
                + "    image_version = \"1.0/x\"\n"
                + "  }\n");
    e = invalid(gallery);
    assertEquals(2, e.size(), gallery.diagnostics()::toString);
    assertTrue(
        e.get(0).startsWith("shared_image_gallery.gallery_name is \"my-gallery\""), e.get(0));
    assertTrue(e.get(1).startsWith("shared_image_gallery.image_version is \"1.0/x\""), e.get(1));
  }

  @Test
  void thePartsOfAGalleryImageIdAreChecked() {
    MapResult r =
        withSource(
            "  shared_image_gallery {\n"
                + "    id = \"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg"
                + " x/providers/Microsoft.Compute/galleries/gallery/images/ubuntu/versions/1.0.0\"\n"
                + "  }\n");
    List<String> e = invalid(r);
    assertEquals(1, e.size(), r.diagnostics()::toString);
    assertTrue(
        e.get(0).startsWith("The resource group in shared_image_gallery.id is \"rg x\""), e.get(0));
  }

  @Test
  void aStorageAccountOutsideAzuresRuleIsRefused() {
    MapResult r =
        LoadAndMap.map(
            "t.pkr.hcl",
            LoadAndMap.linuxSource(
                        "u",
                        "  capture_container_name = \"images\"\n"
                            + "  capture_name_prefix = \"ubuntu\"\n"
                            + "  storage_account = \"st.evil.example\"\n")
                    .replace("  managed_image_name = \"ubuntu-base\"\n", "")
                    .replace("  managed_image_resource_group_name = \"rg-images\"\n", "")
                + "build {\n  sources = [\"source.azure-arm.u\"]\n}\n");
    List<String> e = invalid(r);
    assertEquals(1, e.size(), r.diagnostics()::toString);
    assertTrue(e.get(0).startsWith("storage_account is \"st.evil.example\""), e.get(0));
  }

  @Test
  void anArmExpressionIsLeftAsItIsWritten() {
    MapResult r =
        hcl(
            "  virtual_network_name = \"vnet-build\"\n"
                + "  virtual_network_subnet_name = \"snet-build\"\n"
                + "  virtual_network_resource_group_name = \"[parameters('networkGroup')]\"\n");
    assertEquals(List.of(), invalid(r));
  }
}
