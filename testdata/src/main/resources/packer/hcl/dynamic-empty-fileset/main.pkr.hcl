source "azure-arm" "x" {
  os_type = "Linux"
}

build {
  sources = ["source.azure-arm.x"]

  # path.root is "template" (the folder as named), and fileset() takes a relative folder from the
  # template's folder, as Packer 1.6.6 does: this looks in template/template and finds nothing, so
  # the build has no such step, as in Packer; a note says so.
  dynamic "provisioner" {
    for_each = sort(fileset(path.root, "scripts/*.sh"))
    labels   = ["shell"]
    content {
      script = "${path.root}/${provisioner.value}"
    }
  }

  # "." is the template's folder: one step.
  dynamic "provisioner" {
    for_each = sort(fileset(".", "scripts/*.sh"))
    labels   = ["shell"]
    content {
      script = "${path.root}/${provisioner.value}"
    }
  }
}
