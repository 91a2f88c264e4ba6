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
  disk_encryption_set_id = "/subscriptions/00000000-0000-0000-0000-000000000001/des"
  secure_boot_enabled = true
  vtpm_enabled = "1"
  security_type = "Trusted"
  virtual_network_name = "vnet-build"
  virtual_network_subnet_name = "snet-build"
  virtual_network_resource_group_name = "rg-network"
  public_ip_sku = "Basic"
  allowed_inbound_ip_addresses = ["203.0.113.0/24"]
  skip_create_build_key_vault = true
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
