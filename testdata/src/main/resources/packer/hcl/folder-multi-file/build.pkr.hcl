build {
  name    = "images"
  sources = ["source.azure-arm.ubuntu"]
}
