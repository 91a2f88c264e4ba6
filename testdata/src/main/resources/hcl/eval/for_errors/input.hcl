non_iterable = [for c in var.name : c]
over_null = [for x in var.nothing : x]
condition_not_bool = [for x in [1] : x if "maybe"]
condition_per_element = [for x in [true, 1, "a"] : x if x]
condition_null = [for x in [1] : x if null]
condition_element_null = [for x in [null] : x if x]
key_null = { for x in [1] : var.nothing => x }
key_list = { for x in [1] : [x] => x }
duplicate_key = { for x in ["a", "b", "a"] : x => 1 }
value_error = [for x in [1, 2] : x.y]
