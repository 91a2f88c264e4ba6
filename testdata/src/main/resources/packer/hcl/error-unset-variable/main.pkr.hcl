variable "client_secret" {
  type      = string
  sensitive = true
}

variable "location" {}

variable "set" {
  type = string
}
