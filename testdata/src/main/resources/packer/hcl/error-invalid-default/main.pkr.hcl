variable "count" {
  type    = number
  default = "many"
}

variable "tags" {
  type    = map(string)
  default = { a = ["list"] }
}

variable "flag" {
  type    = bool
  default = "True"
}

variable "secret" {
  type      = bool
  default   = "Yes"
  sensitive = true
}

variable "bad_type" {
  type    = strin
  default = "x"
}
