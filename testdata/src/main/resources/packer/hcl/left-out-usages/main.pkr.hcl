locals {
  size = "Standard_D2s_v3"
}

# Used by a left-out build only: not checked (packer validate -only=azure-arm.lin accepts it).
source "null" "other" {
  communicator = local.not_declared
}

source "azure-arm" "lin" {
  location = "westeurope"
  vm_size  = local.size
}

build {
  sources = ["source.null.other", "source.azure-arm.lin"]

  # A build-level block of a left-out usage: merged into its source only when Packer starts it.
  source "source.null.other" {
    name     = "again"
    ssh_host = local.missing
  }

  # Runs only for left-out usages: its body is not read.
  provisioner "shell" {
    only   = ["null.other", "null.again"]
    inline = [local.nope]
  }

  # Read for each usage (source.name): only the kept one's reading counts.
  provisioner "shell" {
    inline = [{ lin = "echo lin" }[source.name]]
  }

  # Runs only for a left-out usage, but only and timeout are read for every build.
  provisioner "shell" {
    only    = ["null.other"]
    inline  = ["echo"]
    timeout = "5m"
  }

  post-processor "manifest" {
    only   = ["null.other"]
    output = local.nowhere
  }
}
