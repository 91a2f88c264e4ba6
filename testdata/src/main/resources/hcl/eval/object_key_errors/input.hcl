null_key = { (var.nothing) = 1 }
list_key = { (var.zones) = 1 }
unknown_key = { (var.later) = 1, b = 2 }
error_key = { (var.missing) = 1 }
ambiguous_key = { var.name = 1 }
ambiguous_index = { var.zones[0] = "a" }
parenthesized_key = { (var.name) = 1 }
quoted_key = { "var.name" = 1 }
caught = try({ var.name = 1 }, "fallback")
