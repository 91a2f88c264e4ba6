variable "pw" {
  type      = string
  sensitive = true
  default   = "hunter2"
}

variable "prefix" {
  default = "img"
}

source "azure-arm" "x" {
  location = "westeurope"
}

build {
  # Packer 1.6.6: "Extraneous dynamic block label: Blocks of type "source" require 1 label(s)".
  dynamic "source" {
    for_each = ["a"]
    labels   = ["azure-arm", "x"]
    content {}
  }

  # Packer 1.6.6: "The argument "labels" is required".
  dynamic "source" {
    for_each = ["a"]
    content {}
  }

  dynamic "source" {
    for_each = ["a"]
    labels   = ["azure-arm.nope"]
    content {}
  }

  dynamic "source" {
    for_each = ["a"]
    labels   = ["x"]
    content {}
  }

  # The name is read before variables have values: only the iterator, and no function.
  dynamic "source" {
    for_each = ["a"]
    labels   = ["azure-arm.x"]
    content {
      name = "${var.prefix}-${source.value}"
    }
  }

  dynamic "source" {
    for_each = ["a"]
    labels   = ["azure-arm.x"]
    content {
      name = upper(source.value)
    }
  }

  # A source's name is shown wherever it is used: a secret cannot be one.
  dynamic "source" {
    for_each = [var.pw]
    labels   = ["azure-arm.x"]
    content {
      name = source.value
    }
  }

  dynamic "source" {
    for_each = [["a"]]
    labels   = ["azure-arm.x"]
    content {
      name = source.value
    }
  }

  dynamic "source" {
    for_each = 3
    labels   = ["azure-arm.x"]
    content {}
  }

  dynamic "source" {
    for_each = ["a"]
    labels   = [null]
    content {}
  }

  dynamic "source" {
    for_each = ["a"]
    labels   = ["azure-arm.x"]
    content {
      name     = "y"
      location = "northeurope"
    }
  }

  dynamic "post-processor" {
    for_each = ["a"]
    labels   = ["manifest", "extra"]
    content {}
  }

  # Packer 1.6.6: "An argument named "labels" is not expected here."
  dynamic "post-processors" {
    for_each = ["a"]
    labels   = ["manifest"]
    content {}
  }

  post-processors {
    dynamic "provisioner" {
      for_each = ["a"]
      labels   = ["shell"]
      content {}
    }
  }

  # Packer 1.6.6: "Unsupported block type".
  dynamic "error-cleanup-provisioner" {
    for_each = ["a"]
    labels   = ["shell"]
    content {}
  }

  dynamic "provisoner" {
    for_each = ["a"]
    labels   = ["shell"]
    content {}
  }
}

data "http" "list" {
  url = "https://example.com/list.json"
}

build {
  sources = ["source.azure-arm.x"]

  # Known only when Packer runs: what would be missing cannot be converted, so these are errors.
  dynamic "source" {
    for_each = jsondecode(data.http.list.body)
    labels   = ["azure-arm.x"]
    content {
      name = source.value
    }
  }

  dynamic "post-processor" {
    for_each = jsondecode(data.http.list.body)
    labels   = ["manifest"]
    content {}
  }

  dynamic "post-processors" {
    for_each = jsondecode(data.http.list.body)
    content {
      post-processor "manifest" {}
    }
  }

  post-processors {
    dynamic "post-processor" {
      for_each = jsondecode(data.http.list.body)
      labels   = ["shell-local"]
      content {}
    }
  }

  # A known list whose element is not: the name cannot be read.
  dynamic "source" {
    for_each = [data.http.list.body]
    labels   = ["azure-arm.x"]
    content {
      name = source.value
    }
  }
}
