source "azure-arm" "ubuntu" {
  location = "westeurope"
}

build {
  sources = ["azure-arm", "source.azure-arm.ubuntu.extra", "source.1bad.ubuntu", "source.azure-arm.ubuntoo", "source.amazon-ebs.ubuntu"]

  source "no-dot" {
  }
}

build {
  name = "empty"
}

build {
  # A build-level source block's name is read before functions and variables exist.
  source "source.azure-arm.ubuntu" {
    name = upper("called")
  }
  source "source.azure-arm.ubuntu" {
    name = var.missing
  }
}
