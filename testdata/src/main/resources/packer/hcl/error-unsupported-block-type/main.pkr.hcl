sources "azure-arm" "x" {}

resource "aws_instance" "x" {}

variable "x" {
  default = 1
  valdation {
    condition     = true
    error_message = "Never."
  }
}

build {
  provisoner "shell" {}
  sources = ["source.azure-arm.x"]
}

locals {
  a = 1
  nested {
    b = 2
  }
}

packer {
  required_version {
  }
}
