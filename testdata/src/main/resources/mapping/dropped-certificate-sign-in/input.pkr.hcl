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
  client_id = "11111111-2222-3333-4444-555555555555"
  client_cert_path = "/home/ci/packer.pem"
  client_cert_password = "not-copied"
  client_cert_token_timeout = "1h"
  oidc_request_url = "https://token.example.com/"
  oidc_request_token = "not-copied-either"
}

build {
  sources = ["source.azure-arm.ubuntu"]
}
