not_bool = "maybe" ? 1 : 2
null_condition = var.nothing ? 1 : 2
inconsistent = true ? [1] : { a = 1 }
inconsistent_primitive = true ? true : 1
wrong_value_type = true ? var.zones : ["a", {}]
