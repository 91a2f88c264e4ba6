variable "os" {
}

variable "image" {
}

variable "subscription" {
}

variable "size" {
}

variable "location" {
}

source "azure-arm" "ubuntu" {
  os_type = var.os
  subscription_id = var.subscription
  location = var.location
  image_publisher = var.image
  image_offer = var.image
  image_sku = var.image
  vm_size = var.size
  virtual_network_name = "vnet-build"
  virtual_network_resource_group_name = "rg-network"
  virtual_network_subnet_name = "default"
  managed_image_name = "ubuntu-base"
  managed_image_resource_group_name = "rg-images"
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
