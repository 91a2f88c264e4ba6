image_name = "ubuntu-2204"
