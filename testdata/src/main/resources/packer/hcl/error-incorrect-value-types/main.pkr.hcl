variable "x" {
  description = ["not", "a", "string"]
  sensitive   = "maybe"
  default     = 1
}

data "http" "d" {
  url = "https://example.com"
}

source "azure-arm" "a" {
  location = "westeurope"
}

build {
  name    = ["a", "list"]
  sources = ["source.azure-arm.a"]

  provisioner "shell" {
    only        = "azure-arm.a"
    max_retries = 1.5
    inline      = ["x"]
  }

  provisioner "shell" {
    name        = null
    except      = [data.http.d.body]
    max_retries = "three"
  }
}
