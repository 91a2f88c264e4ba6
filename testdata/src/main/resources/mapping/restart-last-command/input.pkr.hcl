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

  provisioner "powershell" {
    inline = ["Install-WindowsFeature -Name Web-Server", "Restart-Computer -Force"]
  }

  provisioner "powershell" {
    name = "reboot"
    elevated_user = "packer"
    inline = ["Restart-Computer"]
  }

  provisioner "windows-shell" {
    inline = ["dism /online /enable-feature /featurename:NetFx3 /norestart", "shutdown /r /t 10 /c \"after feature\""]
  }

  provisioner "powershell" {
    inline = ["& shutdown.exe /r /f /t 0 /c \"packer restart\""]
  }

  provisioner "powershell" {
    inline = ["Get-Service W3SVC"]
  }
}
