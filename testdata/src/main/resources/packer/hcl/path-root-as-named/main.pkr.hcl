locals {
  root   = path.root
  script = "${path.root}/setup.sh"
}

source "azure-arm" "x" {
  os_type = "Linux"
}

build {
  sources = ["source.azure-arm.x"]
}
