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

  provisioner "windows-shell" {
    inline = ["C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\ngen.exe update /force"]
    valid_exit_codes = [0, 3010, 4294967295]
  }

  provisioner "powershell" {
    inline = ["& C:\\tools\\setup.exe /quiet"]
    valid_exit_codes = [0, 2147483648]
  }
}
