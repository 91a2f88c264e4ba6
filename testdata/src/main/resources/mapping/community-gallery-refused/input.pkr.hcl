source "azure-arm" "ubuntu" {
  os_type = "Linux"
  subscription_id = "00000000-0000-0000-0000-000000000001"
  location = "westeurope"
  managed_image_name = "app-image"
  managed_image_resource_group_name = "rg-images"
  shared_image_gallery {
    community_gallery_image_id = "/CommunityGalleries/pub-1234/Images/ubuntu/Versions/latest"
  }
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
