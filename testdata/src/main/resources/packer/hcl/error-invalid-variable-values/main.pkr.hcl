variable "count" {
  type = number
}
variable "zones" {
  type    = list(string)
  default = []
}
variable "flag" {
  type    = bool
  default = false
}
variable "password" {
  type      = list(string)
  default   = []
  sensitive = true
}
variable "inferred" {
  # a default of this type makes the variable a number
  default = 1
}
