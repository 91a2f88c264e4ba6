# Data sources with values given (args: --data): each is an object of the given attributes, and
# the other attributes the template reads of it stay unknown. A Key Vault secret's value is
# sensitive. A value for a data source that is not declared is reported unused.
data "hcp-packer-image" "base" {
  bucket_name = "ubuntu"
  channel     = "prod"
}

data "azure-keyvaultsecret" "password" {
  vault_name = "kv-images"
  name       = "admin"
}

data "http" "motd" {
  url = "https://example.com/motd"
}

source "azure-arm" "golden" {
  custom_managed_image_name                = data.hcp-packer-image.base.id
  custom_managed_image_resource_group_name = data.hcp-packer-image.base.labels["rg"]
  azure_tags = {
    motd = data.http.motd.body
  }
}

build {
  sources = ["source.azure-arm.golden"]

  provisioner "shell" {
    environment_vars = ["PASSWORD=${data.azure-keyvaultsecret.password.value}"]
    inline           = ["echo ${data.hcp-packer-image.base.id}"]
  }
}
