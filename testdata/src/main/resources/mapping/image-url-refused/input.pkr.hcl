source "azure-arm" "ubuntu" {
  os_type = "Linux"
  subscription_id = "00000000-0000-0000-0000-000000000001"
  location = "westeurope"
  managed_image_name = "app-image"
  managed_image_resource_group_name = "rg-images"
  image_url = "https://st.blob.core.windows.net/vhds/base.vhd?sv=2022&sig=abc123"
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
