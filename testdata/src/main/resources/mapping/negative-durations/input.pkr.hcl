source "azure-arm" "ubuntu" {
  os_type = "Windows"
  subscription_id = "00000000-0000-0000-0000-000000000001"
  location = "westeurope"
  image_publisher = "MicrosoftWindowsServer"
  image_offer = "WindowsServer"
  image_sku = "2022-datacenter-azure-edition"
  managed_image_name = "win-base"
  managed_image_resource_group_name = "rg-images"
  vm_size = "Standard_D4s_v5"
}

build {
  sources = ["source.azure-arm.ubuntu"]

  provisioner "windows-restart" {
    restart_timeout = "-5m"
  }

  provisioner "sleep" {
    duration = "-30s"
  }

  provisioner "powershell" {
    inline = ["Write-Output hi"]
    pause_after = "-10s"
  }
}
