locals {
  a = ["x"
  b = 'single'
  c = 1 & 2
  e = ^
}

source "azure-arm" "ubuntu" {
  image_sku[ = "22_04-lts"
  vm_size = $"Standard_B2s"
  name = "x" $ ~ $
  os_type = 'Linux'
}
