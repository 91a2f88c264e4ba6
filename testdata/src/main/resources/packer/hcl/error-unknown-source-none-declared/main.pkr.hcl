build {
  sources = ["source.azure-arm.x"]
}
