type_unknown_keyword = strin
type_bare_list = list
type_bare_map = map
type_bare_object = object
type_bare_tuple = tuple
type_primitive_call = string(1)
type_list_no_args = list()
type_list_two_args = list(string, number)
type_unknown_constructor = frob(string)
type_not_a_type = "string"
type_number_literal = 42
type_optional_outside = optional(string)
type_object_not_map = object([string])
type_object_bad_key = object({ (x) = string })
type_tuple_not_list = tuple({ a = string })
type_optional_no_args = object({ a = optional() })
type_optional_too_many = object({ a = optional(string, "x", "y") })
type_bad_default = object({ a = optional(number, "abc") })
type_default_variable = object({ a = optional(string, var.x) })
type_default_function = object({ a = optional(string, upper("x")) })
type_duplicate = object({ a = string, a = number })
type_nested_error = list(map(strng))
