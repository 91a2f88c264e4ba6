# source.* in a provisioner of a build with several source usages: Packer evaluates the
# provisioner for each build, so each usage has its own body (by_source); the body itself keeps
# source.* unknown. A provisioner that applies to one usage, or does not use source.*, has none.
source "azure-arm" "ubuntu" {
  managed_image_name = "img-${source.name}"
}

build {
  name = "images"

  source "source.azure-arm.ubuntu" {
    name = "small"
  }
  source "source.azure-arm.ubuntu" {
    name = "large"
  }

  provisioner "shell" {
    inline           = ["echo ${build.name} ${source.type} ${source.name}"]
    environment_vars = ["USAGE=${source.name}"]
  }

  provisioner "shell" {
    only   = ["azure-arm.large"]
    inline = ["echo only ${source.name}"]
  }

  provisioner "shell" {
    inline = ["echo ${build.name}"]
  }
}
