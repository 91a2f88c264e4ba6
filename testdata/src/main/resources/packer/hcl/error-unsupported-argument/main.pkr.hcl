region = "westeurope"

variable "x" {
  defualt  = 1
  nullable = false
}

variable "y" {
  default    = 1
  validation = true
}

build {
  source = "azure-arm.x"
}
