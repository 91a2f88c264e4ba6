variable "regions" {
  default = ["westeurope", "northeurope"]
}

variable "disks" {
  default = {
    data = { size = 64, lun = 1 }
    logs = { size = 32, lun = 2 }
  }
}

source "azure-arm" "x" {
  location = "westeurope"

  dynamic "target_region" {
    for_each = var.regions
    content {
      name     = target_region.value
      position = target_region.key
    }
  }

  dynamic "disk" {
    for_each = var.disks
    iterator = d
    labels   = [d.key]
    content {
      size = d.value.size
      lun  = d.value.lun

      dynamic "tag" {
        for_each = ["a", "b"]
        content {
          key   = tag.key
          owner = d.key
        }
      }
    }
  }

  dynamic "nothing" {
    for_each = []
    content {
      never = true
    }
  }
}

build {
  sources = ["source.azure-arm.x"]

  provisioner "shell" {
    dynamic "env" {
      for_each = { A = "1" }
      content {
        name  = env.key
        value = env.value
      }
    }
  }
}
