source "azure-arm" "ubuntu" {
  # source.* is the source being used; build.* is not available in a source.
  managed_image_name = "${source.type}-${source.name}"
  azure_tags = {
    root    = path.root
    cwd     = path.cwd
    version = packer.version
    # HCP Packer's values (Packer 1.10+) exist only while Packer builds: unknown.
    iteration   = packer.iterationID
    fingerprint = packer.versionFingerprint
  }
}

build {
  name    = "images"
  sources = ["source.azure-arm.ubuntu"]

  provisioner "shell" {
    # With a single source, source.* is known in a provisioner; build.* holds the build's
    # name and the values only a running build has.
    inline = [
      "echo ${build.name} ${source.name} ${source.type}",
      "echo ${build.User}",
    ]
    environment_vars = ["PASSWORD=${build.Password}"]
  }
}
