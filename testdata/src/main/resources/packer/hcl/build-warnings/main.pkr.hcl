source "azure-arm" "ubuntu" {
  location = "westeurope"
}

build {
  # Packer ignores the first part of a three-part reference.
  sources = ["sources.azure-arm.ubuntu"]

  provisioner "shell" {
    # "source." must not be written here, so this matches nothing.
    only   = ["source.azure-arm.ubuntu", "azure-arm.ubunt"]
    inline = ["echo"]
  }
}
