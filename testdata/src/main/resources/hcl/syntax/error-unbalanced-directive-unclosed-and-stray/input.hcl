a = "%{ for x in y }%{ if x }z%{ endfor }"
b = "%{ if x }%{ for y in z }%{ else }%{ endif }"
c = <<EOT
%{ if a }
%{ for x in y }
${x}
EOT
d = "%{ else }%{ endif }%{ if x }"
e = "x %{ endif } %{ for a in b }%{ else }%{ endfor }"
f = "%{ if a }1%{ else }2%{ else }3%{ endif }%{ endif }"
g = "%{ if a }%{ if b }%{ else }%{ else }%{ endif }%{ endif }"
