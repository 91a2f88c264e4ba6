source "azure-arm" "ubuntu" {
  os_type = "Linux"

  azure_tag {
    name  = "env"
    value = "dev"
  }
}

build {
  sources = ["source.azure-arm.ubuntu"]

  provisioner "shell" {
    inline = ["echo hi"]
  }
}

variable image_sku {
  default = "22_04-lts"
}

locals {
}

empty {}
