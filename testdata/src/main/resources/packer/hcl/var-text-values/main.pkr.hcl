# Text values (--var, PKR_VAR_*) are literal strings for string, number and untyped
# variables, and HCL expressions for the others.
variable "text" {
  type = string
}
variable "untyped" {}
variable "count" {
  type = number
}
variable "zones" {
  type = list(string)
}
variable "tags" {
  type = map(string)
}
variable "flag" {
  default = false
}
