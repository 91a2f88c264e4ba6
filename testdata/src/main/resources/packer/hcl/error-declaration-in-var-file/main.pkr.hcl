variable "location" {
  default = "westeurope"
}

variable "region" {
  default = "westeurope"
}
