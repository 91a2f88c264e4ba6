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
