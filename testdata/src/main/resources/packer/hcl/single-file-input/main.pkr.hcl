variable "from_auto" {
  default = "default"
}
locals {
  root = path.root
}
