source "azure-arm" "ubuntu" {
  os_type = "Linux"
  subscription_id = "00000000-0000-0000-0000-000000000001"
  location = "westeurope"
  custom_managed_image_name = "golden-ubuntu"
  custom_managed_image_resource_group_name = "rg-golden"
  managed_image_name = "app-image"
  managed_image_resource_group_name = "rg-images"
  vm_size = "Standard_D2s_v5"
  plan_info {
    plan_name = "n"
  }
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
