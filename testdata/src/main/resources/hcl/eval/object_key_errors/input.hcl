null_key = { (var.nothing) = 1 }
list_key = { (var.zones) = 1 }
unknown_key = { (var.later) = 1, b = 2 }
error_key = { (var.missing) = 1 }
