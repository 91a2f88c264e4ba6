variable "subscription_id" {
  sensitive = true
}

variable "image_name" {
  sensitive = true
}

source "azure-arm" "ubuntu" {
  os_type = "Linux"
  subscription_id = var.subscription_id
  location = "westeurope"
  image_publisher = "Canonical"
  image_offer = "0001-com-ubuntu-server-jammy"
  image_sku = "22_04-lts-gen2"
  managed_image_name = var.image_name
  managed_image_resource_group_name = "rg-images"
  vm_size = "Standard_D2s_v5"
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
