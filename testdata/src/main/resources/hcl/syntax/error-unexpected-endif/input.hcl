a = "%{ endif }"
b = "%{ for v in x }%{ endif }%{ endfor }"
