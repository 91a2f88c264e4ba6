variable "steps" {
  type = list(string)
}

source "azure-arm" "u" {
  location = "westeurope"
}

build {
  name    = var.steps[0]
  sources = ["source.azure-arm.u"]

  dynamic "provisioner" {
    labels   = ["shell"]
    for_each = var.steps
    content {
      inline = [provisioner.value]
    }
  }
}
