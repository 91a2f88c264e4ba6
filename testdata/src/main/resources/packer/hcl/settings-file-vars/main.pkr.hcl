variable "location" {
  default = "westeurope"
}
variable "size" {
  type    = number
  default = 1
}
