source "azure-arm" "x" {
  dynamic "a" {
    for_each = null
    content {}
  }

  dynamic "b" {
    for_each = "not a collection"
    content {}
  }

  dynamic "c" {
    for_each = [1]
    iterator = "quoted"
    content {}
  }

  dynamic "d" {
    for_each = [1]
  }

  dynamic "e" {
    for_each = [1]
    labels   = [d.value]
    content {}
  }

  dynamic "f" {
    for_each = ["x"]
    labels   = 42
    content {}
  }

  dynamic "g" {
    for_each = [var.secret]
    labels   = [g.value]
    content {}
  }
}

variable "secret" {
  type      = string
  sensitive = true
  default   = "hunter2"
}

build {
  sources = ["source.azure-arm.x"]

  # In a build, a dynamic provisioner or post-processor block needs the type it makes as a label.
  dynamic "post-processor" {
    for_each = [1]
    content {}
  }

  dynamic "provisioner" {
    for_each = [1]
    content {
      inline = ["x"]
    }
  }
}

build {
  sources = ["source.azure-arm.x"]

  # A label is a name: null names nothing (once an internal error).
  dynamic "provisioner" {
    for_each = ["a"]
    labels   = [null]
    content {
      inline = ["y"]
    }
  }
}

data "http" "steps" {
  url = "https://example.com/steps.json"
}

build {
  sources = ["source.azure-arm.x"]

  # Known only when Packer runs: the steps cannot be converted, so it is an error (nested blocks
  # of a plugin's body are left out with a warning instead: dynamic-unknown-for-each).
  dynamic "provisioner" {
    for_each = jsondecode(data.http.steps.body)
    labels   = ["shell"]
    content {
      inline = [provisioner.value]
    }
  }
}

build {
  sources = ["source.azure-arm.x"]

  # The iterator hides the variables: var.v is an attribute of the iterator, which has none such
  # (Packer 1.6.6: "Unsupported attribute; This object does not have an attribute named "v"").
  dynamic "provisioner" {
    for_each = ["a"]
    labels   = ["shell"]
    iterator = var
    content {
      inline = ["echo ${var.v}"]
    }
  }
}
