source "azure-arm" "ubuntu" {
  os_type = "Linux"
  subscription_id = "00000000-0000-0000-0000-000000000001"
  location = "westeurope"
  image_publisher = "Canonical"
  image_offer = "0001-com-ubuntu-server-jammy"
  image_sku = "22_04-lts-gen2"
  image_version = "22.04.202401010"
  shared_image_gallery_destination {
    resource_group = "rg-gallery"
    gallery_name = "gallery"
    image_name = "ubuntu-app"
    image_version = "1.0.0"
  }
  capture_container_name = "images"
  capture_name_prefix = "ubuntu-base"
  storage_account = "stimages"
  resource_group_name = "rg-storage"
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
