arithmetic = var.n + 1
comparison = var.n > 1
logic = var.b && true
negation = -var.n
template = "x-${var.s}"
template_if = "%{ if var.b }a%{ endif }"
template_for = "%{ for x in var.l }${x}%{ endfor }"
conditional = var.b ? 1 : 2
for_tuple = [for x in var.l : x]
for_condition = [for x in [1, 2] : x if var.b]
for_key = { for x in [1] : var.s => x }
splat = var.l[*]
function = upper(var.s)
index = var.l[0]
attribute = var.o.a
tuple = [var.s, 1]
object = { a = var.s }
equality = var.s == "x"
dynamic_attribute = var.d.anything
dynamic_index = var.d[0]
dynamic_splat = var.d[*].x
dynamic_for = [for x in var.d : x]
