variable "location" {
  type    = string
  default = "westeurope"

  validation {
    condition     = contains(["westeurope", "northeurope"], var.location)
    error_message = "The location must be a European region."
  }

  validation {
    condition     = length(var.location) > 3
    error_message = "The location is too short."
  }
}

variable "prefix" {
  default = "img"
  validation {
    # Unknown results are skipped.
    condition     = can(regex("^[a-z]+$", var.prefix))
    error_message = "Lower-case letters only!"
  }
}
