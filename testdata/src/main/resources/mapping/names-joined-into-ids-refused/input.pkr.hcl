source "azure-arm" "ubuntu" {
  os_type = "Linux"
  subscription_id = "00000000-0000-0000-0000-000000000001"
  location = "westeurope"
  image_publisher = "Canonical"
  image_offer = "0001-com-ubuntu-server-jammy"
  image_sku = "22_04-lts-gen2"
  image_version = "22.04.202401010"
  managed_image_name = "ubuntu-base"
  managed_image_resource_group_name = "rg/providers/x"
  temp_resource_group_name = "bad rg name!"
  virtual_network_name = "vn/subnets/a"
  virtual_network_subnet_name = "snet-build"
  virtual_network_resource_group_name = "rg net"
  shared_image_gallery_destination {
    resource_group = "rg-gallery"
    gallery_name = "gal/images/evil"
    image_name = "ubuntu-"
    image_version = "1.0.0"
  }
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
