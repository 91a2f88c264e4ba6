variable "location" {
  type = string
}

variable "sku" {
  type = string
}

variable "size" {
  type = string
}
