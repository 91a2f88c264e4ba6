values = "%{ for z in var.zones }${z},%{ endfor }"
with_index = "%{ for i, z in var.zones }${i}=${z} %{ endfor }"
over_map = "%{ for k, v in var.tags }${k}:${v};%{ endfor }"
over_set = "%{ for id in var.ids }${id}%{ endfor }"
over_object = "%{ for k, v in var.image }${k}=${v} %{ endfor }"
stripped = <<EOT
%{ for z in var.zones ~}
zone ${z}
%{ endfor ~}
done
EOT
empty = "[%{ for x in [] }${x}%{ endfor }]"
nested = "%{ for a in [1, 2] }%{ for b in ["x", "y"] }${a}${b} %{ endfor }%{ endfor }"
