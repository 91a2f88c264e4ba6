variable "region" {
  default = "westeurope"
}
