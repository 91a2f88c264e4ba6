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
    inline = ["Write-Host 'Generalizing'", "Remove-Item -Path $env:SystemRoot\\Panther\\unattend.xml -Force -ErrorAction SilentlyContinue", "& $env:SystemRoot\\System32\\Sysprep\\Sysprep.exe /oobe /generalize /quiet /quit", "while($true) { $imageState = Get-ItemProperty HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Setup\\State | Select ImageState; if($imageState.ImageState -ne 'IMAGE_STATE_GENERALIZE_RESEAL_TO_OOBE') { Write-Output $imageState.ImageState; Start-Sleep -s 10 } else { break } }"]
  }
}
