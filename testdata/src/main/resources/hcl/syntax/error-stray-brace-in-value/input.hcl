source "azure-arm" "u" {
  location = "westeurope"
  image_publisher = var.}publisher
  image_offer = upper(}"x")
  os_type = "Linux"
}

build {
  sources = ["source.azure-arm.u"]
}

locals {
  tags {
  a = "x"
  b}c = 1
}
