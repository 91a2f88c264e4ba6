variable "outputs" {
  default = ["a.json", "b.json"]
}

source "azure-arm" "x" {
  location = "westeurope"
}

source "azure-arm" "y" {
  location = "northeurope"
}

build {
  sources = ["source.azure-arm.x", "source.azure-arm.y"]

  post-processor "shell-local" {
    inline = ["echo first"]
  }

  # As Packer 1.6.6 expands it: a post-processor per element, each a chain of its own (packer
  # inspect lists them so), in place among the others.
  dynamic "post-processor" {
    for_each = var.outputs
    labels   = ["manifest"]
    iterator = m
    content {
      name   = "manifest-${m.key}"
      output = "${source.name}-${m.value}"
      only   = ["azure-arm.x"]
    }
  }

  # A chain per element; a dynamic block in it sees the outer iterator.
  dynamic "post-processors" {
    for_each = { sha = "sha256", md5 = "md5" }
    iterator = chain
    content {
      post-processor "checksum" {
        checksum_types = [chain.value]
      }
      dynamic "post-processor" {
        for_each = [1, 2]
        labels   = ["shell-local"]
        content {
          inline = ["echo ${chain.key} ${post-processor.value}"]
        }
      }
    }
  }

  # In a chain, in place.
  post-processors {
    post-processor "shell-local" {
      inline = ["echo chain first"]
    }
    dynamic "post-processor" {
      for_each = { "azure-arm.x" = "X", "azure-arm.y" = "Y" }
      labels   = ["shell-local"]
      content {
        only   = [post-processor.key]
        inline = ["echo ${post-processor.value} ${source.name}"]
      }
    }
  }

  post-processor "shell-local" {
    inline = ["echo last"]
  }
}
