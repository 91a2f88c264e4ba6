packer {
  required_plugins {
    azure = {
      source  = "github.com/hashicorp/azure"
      version = "~> 2"
    }
  }
}

variable "subscription_id" {
  type    = string
  default = "00000000-0000-0000-0000-000000000000"
}

variable "image_version" {
  type    = string
  default = "1.0.0"
}

locals {
  tags = {
    team = "platform"
    os   = "ubuntu-22.04"
  }
}

source "azure-arm" "ubuntu" {
  use_azure_cli_auth = true
  subscription_id    = var.subscription_id

  os_type         = "Linux"
  image_publisher = "Canonical"
  image_offer     = "0001-com-ubuntu-server-jammy"
  image_sku       = "22_04-lts-gen2"

  location        = "westeurope"
  vm_size         = "Standard_D2s_v5"
  os_disk_size_gb = 64
  communicator    = "ssh"
  ssh_username    = "packer"

  shared_image_gallery_destination {
    resource_group      = "rg-images"
    gallery_name        = "gal_platform"
    image_name          = "ubuntu-22.04-web"
    image_version       = var.image_version
    replication_regions = ["westeurope", "northeurope"]
  }

  azure_tags = local.tags
}

build {
  sources = ["source.azure-arm.ubuntu"]

  provisioner "shell" {
    execute_command  = "chmod +x {{ .Path }}; {{ .Vars }} sudo -E sh '{{ .Path }}'"
    environment_vars = ["DEBIAN_FRONTEND=noninteractive"]
    inline = [
      "apt-get update",
      "apt-get install -y nginx",
      "systemctl enable nginx",
    ]
  }

  provisioner "file" {
    content     = "server_tokens off;\n"
    destination = "/etc/nginx/conf.d/hardening.conf"
  }

  provisioner "shell" {
    execute_command = "chmod +x {{ .Path }}; {{ .Vars }} sudo -E sh '{{ .Path }}'"
    inline = [
      "/usr/sbin/waagent -force -deprovision+user && export HISTSIZE=0 && sync",
    ]
  }
}
