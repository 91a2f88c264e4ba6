variables {
  location = "westeurope"
  size     = 30
  zones    = ["1", "2"]
}

source "azure-arm" "x" {
  location        = var.location
  os_disk_size_gb = var.size
}

build {
  sources = ["source.azure-arm.x"]
}
