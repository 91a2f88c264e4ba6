a = "%{ if x y }z%{ endif }"
b = "%{ if x }%{ else junk }%{ endif }"
c = "%{ for v in x }%{ endfor again }"
