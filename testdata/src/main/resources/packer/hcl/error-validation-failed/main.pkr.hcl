variable "location" {
  type = string
  validation {
    condition     = contains(["westeurope", "northeurope"], var.location)
    error_message = "The location must be a European region."
  }
}

variable "password" {
  type      = string
  default   = "short"
  sensitive = true
  validation {
    condition     = length(var.password) >= 12
    error_message = "The password must be at least 12 characters long."
  }
}

variable "nullable" {
  default = "x"
  validation {
    condition     = var.nullable == "x" ? null : true
    error_message = "Never shown."
  }
}

variable "stringly" {
  default = "x"
  validation {
    condition     = var.stringly
    error_message = "Never shown."
  }
}
