variable "region" {
  default = "westeurope"
}

variables {
  region = "northeurope"
}

locals {
  name = "a"
}

local "name" {
  expression = "b"
}

source "azure-arm" "x" {
  location = var.region
}

source "azure-arm" "x" {
  location = "other"
}

data "http" "d" {
  url = "https://example.com"
}

data "http" "d" {
  url = "https://example.org"
}

packer {
  required_plugins {
    azure = { source = "github.com/hashicorp/azure" }
  }
}

packer {
  required_plugins {
    azure = { source = "github.com/hashicorp/azure", version = ">= 2" }
  }
}

build {
  sources = ["source.azure-arm.x"]

  error-cleanup-provisioner "shell-local" {
    inline = ["one"]
  }

  error-cleanup-provisioner "shell-local" {
    inline = ["two"]
  }

  provisioner "shell" {
    dynamic "env" {
      for_each = [1]
      content {
        a = 1
      }
      content {
        b = 2
      }
    }
  }
}
