source "azure-arm" "a" {
  location = "westeurope"
}
source "azure-arm" "b" {
  location = "northeurope"
}

build {
  name    = "all"
  sources = ["source.azure-arm.a", "source.azure-arm.b"]

  provisioner "powershell" {
    name         = "setup-${build.name}"
    pause_before = "10s"
    max_retries  = "3"
    timeout      = "1h30m"
    only         = ["azure-arm.a"]
    inline       = ["Write-Host hi"]
    override = {
      a = {
        inline            = ["Write-Host a"]
        elevated_user     = "packer"
      }
    }
  }

  provisioner "windows-restart" {
    except = ["azure-arm.b"]
  }
}
