variable "subscription_id" {
  type    = string
  default = "00000000-0000-0000-0000-000000000000"
}

variable "location" {
  type    = string
  default = "westeurope"
}

variable "image_version" {
  type        = string
  default     = "1.4.0"
  description = "Version of the gallery image this build publishes"
}

variable "packages" {
  type    = list(string)
  default = ["nginx", "chrony", "jq"]
}
