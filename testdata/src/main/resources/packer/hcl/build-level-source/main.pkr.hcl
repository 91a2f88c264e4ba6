source "azure-arm" "base" {
  location = "westeurope"
  vm_size  = "Standard_D2s_v3"
}

build {
  name = "images"

  # A build-level source block renames the usage and adds fields.
  source "source.azure-arm.base" {
    name            = "ubuntu"
    image_sku       = "22_04-lts"
    managed_image_name = "${source.name}-image"
  }

  # The "source." prefix is optional.
  source "azure-arm.base" {
    name      = "debian"
    image_sku = "12"
  }

  provisioner "shell" {
    only   = ["azure-arm.ubuntu"]
    inline = ["apt-get update on ${source.name}"]
  }

  provisioner "shell" {
    except = ["azure-arm.ubuntu"]
    inline = ["only on ${source.name}"]
  }

  provisioner "shell" {
    # Runs on both: evaluated for each (by_source), as Packer does; the body keeps source.* unknown.
    inline = ["on ${source.name}"]
    override = {
      debian = {
        inline = ["debian override"]
      }
    }
  }
}
