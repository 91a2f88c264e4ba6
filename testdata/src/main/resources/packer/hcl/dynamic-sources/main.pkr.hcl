variable "skus" {
  default = {
    jammy = "22_04-lts-gen2"
    focal = "20_04-lts-gen2"
  }
}

variable "client_secret" {
  type      = string
  sensitive = true
  default   = "s3cret"
}

source "azure-arm" "ubuntu" {
  location = "westeurope"
  # The source's own body keeps its source.name: the default iterator, also called source, is
  # bound in the generated fields only.
  managed_image_name = "${source.name}-image"
}

source "azure-arm" "other" {
  location = "northeurope"
}

build {
  # As Packer 1.6.6 orders them: sources = [...] first, then the source blocks, each dynamic one
  # expanded in its place.
  sources = ["source.azure-arm.other"]

  source "azure-arm.ubuntu" {
    name      = "first"
    image_sku = "18_04-lts-gen2"
  }

  # The label is the source reference; name, which only the iterator may make, names the usage.
  # A map is iterated in key order: focal, then jammy.
  dynamic "source" {
    for_each = var.skus
    labels   = ["azure-arm.ubuntu"]
    content {
      name        = source.key
      image_offer = "0001-com-ubuntu-server-${source.key}"
      image_sku   = source.value
    }
  }

  # "source." before the reference is allowed too; without name, each usage keeps the source's.
  dynamic "source" {
    for_each = [var.client_secret]
    iterator = s
    labels   = ["source.azure-arm.other"]
    content {
      client_secret = s.value
    }
  }

  # Generates nothing.
  dynamic "source" {
    for_each = []
    labels   = ["azure-arm.ubuntu"]
    content {}
  }

  source "azure-arm.ubuntu" {
    name = "last"
  }

  provisioner "shell" {
    only   = ["azure-arm.jammy"]
    inline = ["echo ${source.name}"]
  }
}
