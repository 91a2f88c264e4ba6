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
    environment_vars = ["AZURE_STORAGE_KEY=Sup3r-S3cret-Value-42", "OPENAI_API_KEY=Sup3r-S3cret-Value-42", "PGPASSWORD=Sup3r-S3cret-Value-42", "STORAGE_ACCOUNT=st", "SSH_PUBLIC_KEY=ssh-ed25519 AAAA"]
    inline = ["./install.sh"]
  }
}
