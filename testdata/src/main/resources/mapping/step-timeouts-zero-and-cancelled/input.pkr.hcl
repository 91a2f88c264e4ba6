source "azure-arm" "ubuntu" {
  os_type = "Linux"
  subscription_id = "00000000-0000-0000-0000-000000000001"
  location = "westeurope"
  image_publisher = "Canonical"
  image_offer = "0001-com-ubuntu-server-jammy"
  image_sku = "22_04-lts-gen2"
  managed_image_name = "ubuntu-base"
  managed_image_resource_group_name = "rg-images"
  vm_size = "Standard_D2s_v5"
}

build {
  sources = ["source.azure-arm.ubuntu"]

  provisioner "shell" {
    timeout = "0s"
    inline = ["echo zero"]
  }

  provisioner "shell" {
    timeout = "-5m"
    inline = ["echo negative"]
  }

  provisioner "shell" {
    timeout = "1ns"
    inline = ["echo tiny"]
  }

  provisioner "shell" {
    pause_before = "10s"
    timeout = "-5m"
    inline = ["echo paused"]
  }

  provisioner "file" {
    timeout = "-1s"
    content = "x=1\n"
    destination = "/tmp/app.conf"
  }
}
