variable "subscription_id" {
  sensitive = true
}

source "azure-arm" "ubuntu" {
  os_type = "Linux"
  subscription_id = var.subscription_id
  location = "westeurope"
  shared_image_gallery {
    subscription = var.subscription_id
    resource_group = "rg-base"
    gallery_name = "base"
    image_name = "ubuntu-base"
    image_version = "2.0.0"
  }
  shared_image_gallery_destination {
    subscription = var.subscription_id
    resource_group = "rg-gallery"
    gallery_name = "gallery"
    image_name = "ubuntu-app"
    image_version = "1.0.0"
  }
  vm_size = "Standard_D2s_v5"
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
