# A Linux image built from scripts and files beside the template: convert it with base URIs
# that say where the scripts and files will be uploaded, e.g.
#   packer2aib convert --script-base-uri https://stimages.blob.core.windows.net/packer \
#     --file-base-uri https://stimages.blob.core.windows.net/packer testdata/examples/packer-scripts
packer {
  required_plugins {
    azure = {
      source  = "github.com/hashicorp/azure"
      version = "~> 2"
    }
  }
}

locals {
  team         = "platform"
  package_line = join(" ", var.packages)
  tags = merge(
    { team = local.team, os = "ubuntu-22.04" },
    { version = var.image_version, region = upper(var.location) }
  )
  motd = <<-EOT
    Built by ${local.team} with Packer, image version ${var.image_version}.
    EOT
}

source "azure-arm" "web" {
  use_azure_cli_auth = true
  subscription_id    = var.subscription_id

  os_type         = "Linux"
  image_publisher = "Canonical"
  image_offer     = "0001-com-ubuntu-server-jammy"
  image_sku       = "22_04-lts-gen2"

  location        = var.location
  vm_size         = "Standard_D2s_v5"
  os_disk_size_gb = 64
  ssh_username    = "packer"

  shared_image_gallery_destination {
    resource_group      = "rg-images"
    gallery_name        = "gal_${local.team}"
    image_name          = format("%s-web", "ubuntu-22.04")
    image_version       = var.image_version
    replication_regions = [var.location, "northeurope"]
  }

  azure_tags = local.tags
}

build {
  sources = ["source.azure-arm.web"]

  provisioner "shell" {
    execute_command  = "chmod +x {{ .Path }}; {{ .Vars }} sudo -E sh '{{ .Path }}'"
    environment_vars = ["DEBIAN_FRONTEND=noninteractive", "IMAGE_VERSION=${var.image_version}"]
    inline = [
      "apt-get update",
      "apt-get install -y ${local.package_line}",
    ]
  }

  provisioner "shell" {
    script          = "scripts/setup.sh"
    execute_command = "chmod +x {{ .Path }}; {{ .Vars }} sudo -E sh '{{ .Path }}'"
    pause_before    = "10s"
  }

  provisioner "file" {
    source      = "files/nginx.conf"
    destination = "/tmp/nginx.conf"
  }

  provisioner "file" {
    content     = local.motd
    destination = "/tmp/motd"
  }

  provisioner "shell" {
    inline = [
      "sudo mv /tmp/nginx.conf /etc/nginx/conf.d/web.conf",
      "sudo mv /tmp/motd /etc/motd",
    ]
  }

  provisioner "shell" {
    execute_command = "chmod +x {{ .Path }}; {{ .Vars }} sudo -E sh '{{ .Path }}'"
    inline = [
      "/usr/sbin/waagent -force -deprovision+user && export HISTSIZE=0 && sync",
    ]
  }
}
