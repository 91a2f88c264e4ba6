type_string = string
type_number = number
type_bool = bool
type_any = any
type_list = list(string)
type_set = set(number)
type_map = map(bool)
type_nested = list(map(any))
type_tuple = tuple([string, number, bool])
type_object = object({ name = string, size = number })
type_optional = object({ name = string, size = optional(number), tags = optional(map(string), {}) })
type_optional_default = object({ size = optional(number, 30), disks = optional(list(object({ size = optional(number, 8) })), []) })
type_nested_object = map(object({ a = list(string) }))
