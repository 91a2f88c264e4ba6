source "azure-arm" "ubuntu" {
  os_type = "Linux"
  subscription_id = "00000000-0000-0000-0000-000000000001"
  location = "westeurope"
  shared_image_gallery {
    subscription = "00000000-0000-0000-0000-000000000001"
    resource_group = "rg-gallery"
    gallery_name = "gallery"
    image_name = "ubuntu-hardened"
    image_version = "1.2.3"
  }
  capture_container_name = "images"
  capture_name_prefix = "ubuntu-app"
  storage_account = "stimages"
  resource_group_name = "rg-storage"
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
