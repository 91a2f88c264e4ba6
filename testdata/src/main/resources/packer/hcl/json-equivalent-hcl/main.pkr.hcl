packer {
  required_plugins {
    azure = {
      source  = "github.com/hashicorp/azure"
      version = ">= 2.0.0"
    }
  }
}

variable "location" {
  type        = string
  default     = "westeurope"
  description = "Where to build."
  validation {
    condition     = length(var.location) > 0
    error_message = "The location must not be empty."
  }
}

variable "zones" {
  type    = list(number)
  default = [1, 2]
}

variable "password" {
  type      = string
  default   = "s3cret"
  sensitive = true
}

locals {
  name = "img-${var.location}"
  tags = { env = "prod", zones = length(var.zones) }
}

source "azure-arm" "ubuntu" {
  location   = var.location
  vm_size    = "Standard_D2s_v3"
  azure_tags = local.tags
  ssh_password = var.password

  shared_image_gallery_destination {
    gallery_name = "gallery"
    dynamic "target_region" {
      for_each = var.zones
      content {
        name = "region-${target_region.value}"
      }
    }
  }
}

build {
  name        = "images"
  description = "Linux images"
  sources     = ["source.azure-arm.ubuntu"]

  source "azure-arm.ubuntu" {
    name      = "renamed"
    image_sku = "22_04"
  }

  provisioner "shell" {
    inline       = ["echo ${local.name}", "echo ${source.name}"]
    pause_before = "5s"
    only         = ["azure-arm.renamed"]
  }

  provisioner "file" {
    source      = "${path.root}/files/app.conf"
    destination = "/tmp/app.conf"
    override = {
      renamed = {
        destination = "/tmp/renamed.conf"
      }
    }
  }

  post-processor "manifest" {
    output = "manifest.json"
  }
}
