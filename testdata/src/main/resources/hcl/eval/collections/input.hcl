tuple = [1, "two", true, null]
empty_tuple = []
object = { a = 1, "b" = "two", c = [3] }
empty_object = {}
colon_form = { a: 1, b: 2 }
variable_key = { (local.prefix) = 1 }
literal_key = { local = 1 }
template_key = { "${local.prefix}-x" = 1 }
number_key = { 1 = "one" }
bool_key = { (true) = "yes" }
traversal_key = { local.prefix = 2 }
nested = { a = { b = [1, { c = "d" }] } }
duplicate = { a = 1, b = 2, a = 3 }
