simple = var.enabled ? "yes" : "no"
unify_number_string = true ? 1 : "a"
unify_picks_string = false ? 1 : "a"
null_true = true ? null : "x"
null_false = false ? var.zones : null
unknown_condition = var.later == "a" ? 1 : 2
string_condition = "false" ? 1 : 2
lists = true ? [1, 2] : [3]
unchosen_error = true ? 1 : var.missing
sensitive_condition = var.password == "x" ? "a" : "b"
