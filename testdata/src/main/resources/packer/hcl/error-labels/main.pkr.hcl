source "azure-arm" {}

variable {}

variable "a" "b" {}

build "named" {
  sources = []
}

source "azure-arm" "x" {
  dynamic {
    for_each = []
    content {}
  }
}
