variable "v" {
  default = "VARV"
}

locals {
  l = "LOCAL"
}

source "azure-arm" "x" {
  os_type = "Linux"

  # A nested block's iterator may hide a root name as well.
  dynamic "azure_tag" {
    for_each = { env = "prod" }
    iterator = local
    content {
      name  = local.key
      value = "${local.value}-${var.v}"
    }
  }
}

build {
  sources = ["source.azure-arm.x"]

  # As Packer 1.6.6 (packer build with shell-local printed "IT=0:a:LOCAL", "IT=1:b:LOCAL" and
  # "LO=k:VARV:VARV"): an iterator named var or local hides that root name from its content,
  # as HCL looks names up nearest scope first; the other root names stay visible.
  dynamic "provisioner" {
    labels   = ["shell"]
    for_each = ["a", "b"]
    iterator = var
    content {
      inline = ["echo IT=${var.key}:${var.value}:${local.l}"]
    }
  }

  dynamic "provisioner" {
    labels   = ["shell"]
    for_each = { k = var.v }
    iterator = local
    content {
      inline = ["echo LO=${local.key}:${local.value}:${var.v}"]
    }
  }
}
