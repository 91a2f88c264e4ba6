source "azure-arm" "ubuntu" {
  os_type = "Linux"
  subscription_id = "00000000-0000-0000-0000-000000000001"
  location = "westeurope"
  image_publisher = "Canonical"
  image_offer = "0001-com-ubuntu-server-jammy"
  image_sku = "22_04-lts-gen2"
  managed_image_name = "ubuntu-base"
  managed_image_resource_group_name = "rg-images"
  vm_size = "Standard_D2s_v5"
}

build {
  sources = ["source.azure-arm.ubuntu"]

  provisioner "shell" {
    env_var_format = "%s=\"%s\" "
    environment_vars = ["PATH=$HOME/bin:$PATH", "RAW=\\$HOME", "GREETING=it's $USER", "QUOTED=say \"hi\""]
    env = { STAMP = "$(date +%F)" }
    inline = ["echo $PATH"]
  }

  provisioner "shell" {
    env_var_format = "export %s=%s\n"
    environment_vars = ["CONF=$${HOME}/.app", "NAME=a b"]
    inline = ["echo $CONF"]
  }

  provisioner "shell" {
    env_var_format = "%s='%s'"
    environment_vars = ["A=$HOME"]
    inline = ["echo $A"]
  }

  provisioner "shell" {
    env_var_format = "%s=\"%s\"; "
    environment_vars = ["B=$HOME"]
    inline = ["echo $B"]
  }

  provisioner "shell" {
    env_var_format = "%s=\"%s\"; "
    inline = ["echo none"]
  }
}
