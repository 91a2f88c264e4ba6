variable "location" {
  default = "westeurope"
}
