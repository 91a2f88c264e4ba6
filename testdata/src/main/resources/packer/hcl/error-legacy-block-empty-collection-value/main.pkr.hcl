variables {
  packages = []
}
