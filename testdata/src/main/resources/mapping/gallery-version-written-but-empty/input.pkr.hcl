variable "version" {
}

source "azure-arm" "ubuntu" {
  os_type = "Linux"
  subscription_id = "00000000-0000-0000-0000-000000000001"
  location = "westeurope"
  image_publisher = "Canonical"
  image_offer = "0001-com-ubuntu-server-jammy"
  image_sku = "22_04-lts-gen2"
  managed_image_name = "ubuntu-base"
  managed_image_resource_group_name = "rg-images"
  vm_size = "Standard_D2s_v5"
  shared_image_gallery_destination {
    resource_group = "rg-gallery"
    gallery_name = "gallery"
    image_name = "ubuntu"
    image_version = var.version
  }
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
