variables {
  packages = []
  tags     = {}
}

variable "block_list" {
  default = []
}

locals {
  out = [var.packages, var.tags, var.block_list]
}
