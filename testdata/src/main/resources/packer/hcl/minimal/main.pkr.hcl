source "azure-arm" "ubuntu" {
  location        = "westeurope"
  vm_size         = "Standard_D2s_v3"
  os_type         = "Linux"
  image_publisher = "Canonical"
  azure_tags = {
    team = "platform"
  }
}

build {
  sources = ["source.azure-arm.ubuntu"]

  provisioner "shell" {
    inline = ["echo hello", "sudo apt-get update"]
  }
}
