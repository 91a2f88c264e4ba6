source "azure-arm" "ubuntu" {
  location           = var.location
  managed_image_name = var.image_name
}
