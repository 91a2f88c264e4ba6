source "azure-arm" "one" {
  location = "westeurope" extra
  image_sku = "22_04"
}

variable "x" {
  default = [1 2]
}

locals {
  a = "unterminated
  b = 2
  c = f(1,,2)
}

build {
  provisioner "shell" {
    inline = ["ok"]
  }
}
