variable "location" {
  default = "westeurope"
}

data "http" "regions" {
  url = "https://example.com"
}

locals {
  name = "img"
  a    = var.locaton
  b    = local.nme
  c    = data.http.region.body
  d    = data.htp.regions.body
  e    = var.location
}

source "azure-arm" "x" {
  location = var.region
}
