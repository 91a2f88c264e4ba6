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
  os_disk_size_gb = 64
  virtual_network_name = "vnet-build"
  virtual_network_subnet_name = "snet-build"
  virtual_network_resource_group_name = "rg-network"
  user_assigned_managed_identities = ["/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aib-builder"]
  plan_info {
    plan_name = "n"
    plan_product = "p"
    plan_publisher = "pub"
  }
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
