source "azure-arm" "x" {
  os_type = "Linux"

build {
  sources = []
