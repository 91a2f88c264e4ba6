with_else = "%{ if var.enabled }on%{ else }off%{ endif }"
without_else = "[%{ if !var.enabled }never%{ endif }]"
from_string = "%{ if "true" }yes%{ endif }"
strip = <<EOT
start
%{ if var.enabled ~}
  inside
%{ endif ~}
end
EOT
unknown_condition = "%{ if var.later == "x" }a%{ else }b%{ endif }"
nested = "%{ if var.count > 1 }%{ if var.count > 2 }big%{ else }mid%{ endif }%{ endif }"
