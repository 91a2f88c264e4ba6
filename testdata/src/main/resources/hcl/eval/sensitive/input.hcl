direct = var.password
template = "pw=${var.password}"
concat_plain = "x" == "x"
arithmetic = var.pin + 1
comparison = var.pin > 1
equality = var.password == "x"
negation = -var.pin
function = upper(var.password)
function_length = length(var.password)
tuple = [var.password, "plain"]
object = { secret = var.password, plain = "x" }
for_over_sensitive_list = [for x in var.secrets : upper(x)]
for_condition = [for x in ["a"] : x if var.password != ""]
for_key = { for x in ["a"] : var.password => x }
splat = var.secrets[*]
index_sensitive_list = var.secrets[0]
index_with_sensitive_key = var.tags[var.key]
attribute_of_sensitive = var.creds.user
conditional_condition = var.password == "" ? "empty" : "set"
conditional_branch = true ? var.password : "x"
template_if = "%{ if var.password == "" }e%{ else }s%{ endif }"
template_for = "%{ for s in var.secrets }${s}%{ endfor }"
expansion = format("%s+%s", var.secrets...)
