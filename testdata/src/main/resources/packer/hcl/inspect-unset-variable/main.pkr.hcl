variable "rg" {
  type = string
}

variable "admin_password" {
  type      = string
  sensitive = true
}

variable "location" {
  type = string
}

locals {
  image = "img-${var.rg}"
  tags  = { rg = var.rg, team = "web" }
}

source "azure-arm" "u" {
  location                          = var.location
  managed_image_resource_group_name = var.rg
  managed_image_name                = local.image
  azure_tags                        = local.tags
}

build {
  sources = ["source.azure-arm.u"]

  provisioner "shell" {
    inline = ["echo ${var.rg}", "echo ok"]
  }
}
