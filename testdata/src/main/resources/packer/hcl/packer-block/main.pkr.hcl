packer {
  required_version = ">= 1.7.0"
  required_plugins {
    azure = {
      source  = "github.com/hashicorp/azure"
      version = ">= 2.0.0"
    }
    windows-update = {
      source = "github.com/rgl/windows-update"
    }
  }
}
