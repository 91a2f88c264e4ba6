variable "other" {
  default = 1
}

variable "x" {
  default = 1

  validation {
    condition     = var.other > 0
    error_message = "Refers to another variable."
  }

  validation {
    condition     = true
    error_message = "Refers to nothing."
  }

  validation {
    condition     = var.x > 0
    error_message = ""
  }

  validation {
    condition     = var.x > 0 && local.y
    error_message = "not a sentence"
  }
}
