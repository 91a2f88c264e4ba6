less = 1 < 2
greater_equal = 2 >= 2
string_numbers = "10" > "9"
equal_numbers = 1 == 1.0
equal_string_number = 1 == "1"
equal_lists = [1, 2] == [1, 2]
equal_objects = { a = 1 } == { a = 1 }
equal_null = null == null
not_equal_null = var.name != null
and = true && false
or = true || false
not = !false
from_string_bool = "true" && true
unknown_equal = var.later == "x"
