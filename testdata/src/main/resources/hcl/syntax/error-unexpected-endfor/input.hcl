a = "%{ endfor }"
b = "%{ if x }%{ endfor }%{ endif }"
