refs_simple = var.a
refs_many = "${var.a}-${local.b.c}-${path.root}"
refs_for_locals = [for x in var.list : x.name if x.enabled && local.flag]
refs_object_keys = { name = var.n, (local.k) = 1 }
refs_functions = upper(join(",", var.list[*].name))
refs_nested_for = { for k, v in var.m : k => [for i in v : i + local.offset] }
refs_template_for = "%{ for x in var.xs }${x}${local.sep}%{ endfor }"
refs_each = each.key
refs_splat = var.disks[*].name
refs_index = var.zones[var.index]
refs_conditional = var.enabled ? local.on : local.off
