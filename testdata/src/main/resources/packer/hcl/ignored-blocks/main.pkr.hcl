hcp_packer_registry {
  bucket_name = "images"
}

communicator "ssh" "default" {
  ssh_username = "packer"
}

source "azure-arm" "x" {
  location = "westeurope"
}

build {
  sources = ["source.azure-arm.x"]

  hcp_packer_registry {
    bucket_name = "legacy"
  }
}
