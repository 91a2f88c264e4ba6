source "azure-arm" "x" {
  location = "westeurope"
}

build {
  sources = ["source.azure-arm.x"]

  error-cleanup-provisioner "shell-local" {
    inline = ["echo cleanup"]
  }

  post-processor "manifest" {
    output              = "manifest.json"
    keep_input_artifact = true
  }

  post-processors {
    post-processor "shell-local" {
      name   = "first"
      inline = ["echo one"]
    }
    post-processor "checksum" {
      only           = ["azure-arm.x"]
      checksum_types = ["sha256"]
    }
  }
}
