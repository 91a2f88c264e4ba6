variable "client_secret" {
  sensitive = true
}

variable "winrm_password" {
  sensitive = true
}

source "azure-arm" "win" {
  os_type = "Windows"
  subscription_id = "00000000-0000-0000-0000-000000000001"
  location = "westeurope"
  image_publisher = "MicrosoftWindowsServer"
  image_offer = "WindowsServer"
  image_sku = "2022-datacenter-azure-edition"
  managed_image_name = "win-base"
  managed_image_resource_group_name = "rg-images"
  vm_size = "Standard_D4s_v5"
  client_secret = var.client_secret
  winrm_password = var.winrm_password
}

build {
  sources = ["source.azure-arm.win"]

  provisioner "powershell" {
    elevated_user = "packer"
    elevated_password = var.winrm_password
    inline = ["whoami"]
  }
}
