variable "x" {
  default = 1
  validation {
    condition = var.x > 0
  }
}

local "y" {
  sensitive = true
}

source "azure-arm" "a" {
  dynamic "tag" {
    content {}
  }
}
