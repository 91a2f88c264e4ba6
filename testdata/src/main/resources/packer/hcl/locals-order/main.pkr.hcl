# Locals may refer to each other in any order; local blocks can be sensitive.
locals {
  full_name = "${local.prefix}-${var.name}-${local.suffix}"
  tags      = merge(local.base_tags, { name = local.full_name })
}

local "token" {
  expression = "${local.prefix}-token"
  sensitive  = true
}

locals {
  prefix    = upper(var.team)
  suffix    = format("%03d", var.build)
  base_tags = { team = var.team }
  derived   = local.token
}

variable "name" {
  default = "web"
}
variable "team" {
  default = "platform"
}
variable "build" {
  default = 7
}
