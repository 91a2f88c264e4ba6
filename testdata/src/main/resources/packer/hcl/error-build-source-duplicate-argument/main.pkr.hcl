source "azure-arm" "base" {
  location = "westeurope"
  vm_size  = "Standard_D2s_v3"
}

build {
  source "source.azure-arm.base" {
    name     = "ubuntu"
    location = "northeurope"
    extra    = "allowed"
  }
}
