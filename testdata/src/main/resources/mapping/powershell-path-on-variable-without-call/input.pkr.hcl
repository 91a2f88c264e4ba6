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
    inline = ["Write-Host start", "# install\n$x = 1\n$env:ProgramFiles\\Tool\\tool.exe /install /quiet\n", "& $env:SystemRoot\\System32\\cmd.exe /c echo ok", "$env:Path = 'C:\\tools;' + $env:Path", "$half = $env:NUMBER_OF_PROCESSORS/2", "$${env:windir}\\system32\\w32tm.exe /resync"]
  }
}
