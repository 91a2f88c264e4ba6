a = "%{ else }"
b = "%{ if x }1%{ else }2%{ else }3%{ endif }"
c = "%{ for v in x }%{ else }%{ endfor }"
