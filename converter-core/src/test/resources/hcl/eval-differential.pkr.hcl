variable "name" {
  type    = string
  default = "web"
}
variable "count" {
  type    = number
  default = 3
}
variable "enabled" {
  type    = bool
  default = true
}
variable "zones" {
  type    = list(string)
  default = ["1", "2", "3"]
}
variable "tags" {
  type    = map(string)
  default = { env = "prod", team = "ops" }
}
variable "ids" {
  type    = set(string)
  default = ["b", "a", "c"]
}
variable "disks" {
  type = list(object({ name = string, size = number }))
  default = [{ name = "os", size = 30 }, { name = "data", size = 100 }]
}
variable "image" {
  default = { publisher = "Canonical", sku = "22_04-lts" }
}
variable "nothing" {
  type    = string
  default = null
}
locals {
  prefix  = "pkr"
  numbers = [1, 2, 3]
  matrix  = [[1, 2], [3, 4]]
  full    = "${local.prefix}-${var.name}"
  groups  = [{ members = [{ name = "a" }, { name = "b" }] }, { members = [{ name = "c" }] }]
}
