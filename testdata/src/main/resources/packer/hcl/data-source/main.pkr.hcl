data "amazon-ami" "base" {
  filters = {
    name = "ubuntu/*"
  }
  region = var.region
}

variable "region" {
  default = "us-east-1"
}

locals {
  ami  = data.amazon-ami.base.id
  name = "ubuntu-${data.amazon-ami.base.id}"
}

source "azure-arm" "x" {
  image_sku = local.ami
  location  = "westeurope"
}

build {
  sources = ["source.azure-arm.x"]
}
