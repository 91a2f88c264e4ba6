variable "scripts" {
  default = ["a.sh", "b.sh"]
}

source "azure-arm" "x" {
  os_type = "Linux"
}

build {
  sources = ["source.azure-arm.x"]

  provisioner "shell" {
    inline = ["echo first"]
  }

  # As Packer: a dynamic block in a build generates provisioners, in place.
  dynamic "provisioner" {
    for_each = var.scripts
    labels   = ["shell"]
    iterator = s
    content {
      name   = "step-${s.key}"
      inline = ["echo ${s.key} ${s.value} ${source.name}"]
    }
  }

  dynamic "provisioner" {
    for_each = {}
    labels   = ["shell"]
    content {
      inline = ["never"]
    }
  }

  provisioner "shell" {
    inline = ["echo last"]
  }
}
