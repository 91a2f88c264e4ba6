variable "region" {
  default = "default"
}
variable "size" {
  default = 1
}
