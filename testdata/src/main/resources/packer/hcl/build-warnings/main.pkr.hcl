source "azure-arm" "ubuntu" {
  location = "westeurope"
}

build {
  # Packer ignores the first part of a three-part reference.
  sources = ["sources.azure-arm.ubuntu"]

  provisioner "shell" {
    # "source." must not be written here, so this matches nothing.
    only   = ["source.azure-arm.ubuntu", "azure-arm.ubunt"]
    inline = ["echo"]
  }
}

build {
  name    = "bare"
  sources = ["source.azure-arm.ubuntu"]

  provisioner "shell" {
    # A bare source name: entries name a source as type.name, so this provisioner runs for none.
    only   = ["ubuntu"]
    inline = ["echo"]
  }

  post-processor "manifest" {
    # An except entry that matches nothing excludes nothing.
    except = ["azure-arm.ubuntoo"]
  }
}
