simple = { for d in var.disks : d.name => d.size }
with_key = { for i, z in var.zones : z => i }
filtered = { for k, v in var.tags : k => upper(v) if k != "team" }
grouped = { for n in [1, 2, 3, 4, 5] : (n % 2 == 0 ? "even" : "odd") => n... }
number_keys = { for n in [1, 2] : n => n * n }
over_set = { for id in var.ids : id => "x-${id}" }
