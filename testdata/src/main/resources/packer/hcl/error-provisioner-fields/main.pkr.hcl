source "azure-arm" "x" {
  location = "westeurope"
}

build {
  sources = ["source.azure-arm.x"]

  provisioner "shell" {
    only   = ["azure-arm.x"]
    except = ["azure-arm.x"]
  }

  provisioner "shell" {
    pause_before = "10"
    timeout      = "5 minutes"
  }

  provisioner "shell" {
    override = ["x"]
  }

  provisioner "shell" {
    override = {
      x = "not an object"
    }
  }

  post-processor "manifest" {
    only   = ["azure-arm.x"]
    except = ["azure-arm.y"]
  }
}
