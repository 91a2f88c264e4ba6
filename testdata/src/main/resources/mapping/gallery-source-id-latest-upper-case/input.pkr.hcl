source "azure-arm" "ubuntu" {
  os_type = "Linux"
  subscription_id = "00000000-0000-0000-0000-000000000001"
  location = "westeurope"
  managed_image_name = "app-image"
  managed_image_resource_group_name = "rg-images"
  shared_image_gallery {
    id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-gallery/providers/Microsoft.Compute/galleries/gallery/images/ubuntu-hardened/versions/LATEST"
  }
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
