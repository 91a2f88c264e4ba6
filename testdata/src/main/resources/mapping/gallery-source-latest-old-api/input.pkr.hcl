source "azure-arm" "ubuntu" {
  os_type = "Linux"
  subscription_id = "00000000-0000-0000-0000-000000000001"
  location = "westeurope"
  managed_image_name = "app-image"
  managed_image_resource_group_name = "rg-images"
  shared_image_gallery {
    subscription = "00000000-0000-0000-0000-000000000001"
    resource_group = "rg-gallery"
    gallery_name = "gallery"
    image_name = "ubuntu-hardened"
  }
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
