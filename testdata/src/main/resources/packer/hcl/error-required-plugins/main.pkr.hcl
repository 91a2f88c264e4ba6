packer {
  required_version = var.version
  required_plugins {
    azure   = ">= 2.0.0"
    amazon  = { version = ">= 1" }
    windows = { source = "github.com/rgl/windows-update", versions = ">= 0.14" }
  }
}

variable "version" {
  default = ">= 1.7"
}
