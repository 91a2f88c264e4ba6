variable "location" {
  type    = string
  default = "westeurope"
}

variable "image_name" {
  type = string
}
