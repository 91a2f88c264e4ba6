variable "size" {
  default = 1
}
location = "northeurope"
nested {
  a = 1
}
region = var.location
