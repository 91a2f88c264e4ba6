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
    execute_command = "chmod +x {{ .Path }}; DB_PASSWORD=Sup3r-S3cret-Value-42 API_TOKEN=$API_TOKEN APP_MODE=prod {{ .Vars }} sudo -E bash '{{ .Path }}'"
    inline = ["./install.sh"]
  }
}
