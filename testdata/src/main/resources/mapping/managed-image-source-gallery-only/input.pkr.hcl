source "azure-arm" "ubuntu" {
  os_type = "Linux"
  subscription_id = "00000000-0000-0000-0000-000000000001"
  location = "westeurope"
  custom_managed_image_name = "golden-ubuntu"
  custom_managed_image_resource_group_name = "rg-golden"
  shared_image_gallery_destination {
    resource_group = "rg-gallery"
    gallery_name = "gallery"
    image_name = "ubuntu-app"
    image_version = "1.0.0"
  }
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
