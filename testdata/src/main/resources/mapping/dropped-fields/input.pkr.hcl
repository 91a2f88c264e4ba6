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
  communicator = "ssh"
  disk_controller_type = "NVMe"
  disk_additional_luns = [1]
  ssh_username = "packer"
  ssh_password = "not-copied"
  winrm_timeout = "10m"
  client_id = "11111111-2222-3333-4444-555555555555"
  client_secret = "not-copied-either"
  tenant_id = "66666666-7777-8888-9999-000000000000"
  use_azure_cli_auth = true
  async_resourcegroup_delete = true
  temp_compute_name = "pkrvm"
  managed_image_storage_account_type = "Premium_LRS"
  encryption_at_host = true
  polling_duration_timeout = "30m"
  sas_token_duration = "48h"
  cloud_environment_name = "Public"
  os_disk_performance_tier = "P30"
  spot = { eviction_policy = "Delete" }
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
