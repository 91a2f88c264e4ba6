null_list = var.null_list[*]
bad_attribute = var.disks[*].nope
